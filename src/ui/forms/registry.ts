/**
 * Drop forms for ECR: a repository (CreateRepository) and an image push (sim:PushImage, the
 * sandbox's `docker push`, with the next free vN tag and how containers from it behave).
 */
import { nodeId } from '../graph/ids';
import { num, str, type FormSpec } from './types';
import { freshName, nextVersionTag, option, repositories } from './world';

export const repositoryForm: FormSpec = {
  kind: 'repository',
  title: 'ECR repository',
  summary: 'ecr:CreateRepository: a place to push images to.',
  fields: () => [
    { name: 'repositoryName', label: 'repositoryName', type: 'text' },
    { name: 'imageTagMutability', label: 'imageTagMutability', type: 'select', options: [option('MUTABLE'), option('IMMUTABLE')] },
    { name: 'scanOnPush', label: 'imageScanningConfiguration.scanOnPush', type: 'checkbox', params: ['scanOnPush'] },
  ],
  defaults: (world) => ({ repositoryName: freshName('web', repositories(world).map((r) => r.repositoryName)), imageTagMutability: 'MUTABLE', scanOnPush: false }),
  plan: (v) => [
    {
      call: 'ecr:CreateRepository',
      label: 'create the repository',
      field: 'repositoryName',
      input: () => ({ repositoryName: str(v.repositoryName), imageTagMutability: str(v.imageTagMutability), imageScanningConfiguration: { scanOnPush: !!v.scanOnPush } }),
      nodeId: (o) => nodeId.repository((o as { repository: { repositoryArn: string } }).repository.repositoryArn),
    },
  ],
};

/** Image behaviour defaults (DESIGN.md, sim:PushImage): start in 5 s, healthy, run until stopped. */
const DEFAULT_STARTUP_SECONDS = 5;

export const imagePushForm: FormSpec = {
  kind: 'imagePush',
  title: 'Image push',
  summary: 'docker push (sim:PushImage): an image tag in a repository, and how its containers behave.',
  fields: (world) => [
    { name: 'repositoryName', label: 'repositoryName', type: 'select', options: repositories(world).map((r) => option(r.repositoryName)) },
    { name: 'imageTag', label: 'imageTag', type: 'text' },
    { name: 'healthy', label: 'passes health checks', type: 'checkbox', params: ['healthy'] },
    { name: 'startupSeconds', label: 'startup seconds', type: 'number', params: ['startupSeconds'] },
    { name: 'exitAfterSeconds', label: 'exits after seconds (blank: runs until stopped)', type: 'number', params: ['exitAfterSeconds'] },
  ],
  defaults: (world, ctx) => {
    const dropped = ctx.target?.kind === 'repository' ? world.repositories[ctx.target.id]?.repositoryName : undefined;
    const repositoryName = dropped ?? repositories(world)[0]?.repositoryName ?? '';
    return { repositoryName, imageTag: repositoryName ? nextVersionTag(world, repositoryName) : 'v1', healthy: true, startupSeconds: DEFAULT_STARTUP_SECONDS, exitAfterSeconds: '' };
  },
  plan: (v) => {
    const behavior: Record<string, unknown> = {};
    if (!v.healthy) behavior.healthy = false;
    if (num(v.startupSeconds) !== DEFAULT_STARTUP_SECONDS && str(v.startupSeconds) !== '') behavior.startupSeconds = num(v.startupSeconds);
    if (str(v.exitAfterSeconds) !== '') behavior.exitAfterSeconds = num(v.exitAfterSeconds);
    return [
      {
        call: 'sim:PushImage',
        label: 'push the image',
        field: 'imageTag',
        input: () => ({ repositoryName: str(v.repositoryName), imageTag: str(v.imageTag), ...(Object.keys(behavior).length ? { behavior } : {}) }),
      },
    ];
  },
};
