/** ECR's API actions (and sim:PushImage), registered in aws/index.ts. */
import type { Action } from '../../simulation';
import { getAuthorizationToken } from './auth';
import { batchDeleteImage, batchGetImage, describeImages, listImages, putImage } from './images';
import { deleteLifecyclePolicy, getLifecyclePolicy, getLifecyclePolicyPreview, putLifecyclePolicy, startLifecyclePolicyPreview } from './lifecycle';
import { pushImage } from './push';
import { describeRegistry, putReplicationConfiguration } from './replication';
import {
  createRepository,
  deleteRepository,
  deleteRepositoryPolicy,
  describeRepositories,
  getRepositoryPolicy,
  putImageTagMutability,
  setRepositoryPolicy,
} from './repositories';

export const ecrActions: Record<string, Action> = {
  'ecr:CreateRepository': createRepository,
  'ecr:DescribeRepositories': describeRepositories,
  'ecr:DeleteRepository': deleteRepository,
  'ecr:PutImageTagMutability': putImageTagMutability,
  'ecr:SetRepositoryPolicy': setRepositoryPolicy,
  'ecr:GetRepositoryPolicy': getRepositoryPolicy,
  'ecr:DeleteRepositoryPolicy': deleteRepositoryPolicy,
  'ecr:PutImage': putImage,
  'ecr:DescribeImages': describeImages,
  'ecr:ListImages': listImages,
  'ecr:BatchGetImage': batchGetImage,
  'ecr:BatchDeleteImage': batchDeleteImage,
  'ecr:PutLifecyclePolicy': putLifecyclePolicy,
  'ecr:GetLifecyclePolicy': getLifecyclePolicy,
  'ecr:DeleteLifecyclePolicy': deleteLifecyclePolicy,
  'ecr:StartLifecyclePolicyPreview': startLifecyclePolicyPreview,
  'ecr:GetLifecyclePolicyPreview': getLifecyclePolicyPreview,
  'ecr:GetAuthorizationToken': getAuthorizationToken,
  'ecr:PutReplicationConfiguration': putReplicationConfiguration,
  'ecr:DescribeRegistry': describeRegistry,
  'sim:PushImage': pushImage,
};
