/** ARNs and names in AWS's formats, for the world's account and region. */
import type { World } from './types';

export const arn = (world: World, service: string, resource: string, region = world.region) =>
  `arn:aws:${service}:${region}:${world.accountId}:${resource}`;

export const clusterArn = (world: World, clusterName: string) => arn(world, 'ecs', `cluster/${clusterName}`);

export const taskDefinitionArn = (world: World, family: string, revision: number) =>
  arn(world, 'ecs', `task-definition/${family}:${revision}`);

export const taskArn = (world: World, clusterName: string, id: string) => arn(world, 'ecs', `task/${clusterName}/${id}`);

export const containerInstanceArn = (world: World, clusterName: string, id: string) =>
  arn(world, 'ecs', `container-instance/${clusterName}/${id}`);

export const repositoryArn = (world: World, repositoryName: string, region = world.region) =>
  arn(world, 'ecr', `repository/${repositoryName}`, region);

export const registryHost = (world: World, region = world.region) => `${world.accountId}.dkr.ecr.${region}.amazonaws.com`;

/** The last path segment of an ARN (a cluster's name, a task's id), or the input if not an ARN. */
export const resourceName = (arnOrName: string) => (arnOrName.startsWith('arn:') ? arnOrName.slice(arnOrName.lastIndexOf('/') + 1) : arnOrName);

/** Cluster name from a cluster ARN or name; undefined/empty means the "default" cluster, as in ECS. */
export const clusterNameOf = (cluster: string | undefined) => (cluster ? resourceName(cluster) : 'default');
