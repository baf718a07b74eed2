/**
 * Finding and creating clusters in the world; shared by the cluster API, the container agent
 * (which creates the "default" cluster) and anyone that takes a `cluster` parameter.
 */
import type { Simulation } from '../../simulation';
import type { Cluster, World } from '../../world/types';
import { clusterArn, clusterNameOf } from '../../world/arn';
import { AwsError } from '../errors';

/** The cluster a `cluster` parameter (name or ARN; empty -> "default") names, in any status. */
export function findCluster(world: World, cluster: string | undefined): Cluster | undefined {
  if (cluster?.startsWith('arn:')) return world.clusters[cluster];
  return world.clusters[clusterArn(world, clusterNameOf(cluster))];
}

/** The ACTIVE cluster a `cluster` parameter names, or ClusterNotFoundException as ECS answers. */
export function requireActiveCluster(world: World, cluster: string | undefined): Cluster {
  const found = findCluster(world, cluster);
  if (!found || found.status !== 'ACTIVE') throw new AwsError('ClusterNotFoundException', 'Cluster not found.');
  return found;
}

/** Cluster names: up to 255 letters, digits, hyphens and underscores. */
export const CLUSTER_NAME = /^[a-zA-Z0-9_-]{1,255}$/;

/**
 * Creates the cluster, or returns the ACTIVE one of that name (CreateCluster is idempotent), or
 * brings an INACTIVE one of that name back to ACTIVE with the same ARN, as ECS does.
 */
export function createCluster(sim: Simulation, clusterName: string, by: string, tags: Cluster['tags'] = [], settings?: Cluster['settings']): Cluster {
  const world = sim.world;
  const arn = clusterArn(world, clusterName);
  const existing = world.clusters[arn];
  if (existing?.status === 'ACTIVE') return existing;
  const cluster: Cluster = {
    clusterArn: arn,
    clusterName,
    status: 'ACTIVE',
    createdAt: sim.now,
    settings: settings ?? [{ name: 'containerInsights', value: 'disabled' }],
    capacityProviders: [],
    defaultCapacityProviderStrategy: [],
    tags,
  };
  world.clusters[arn] = cluster;
  sim.emit({ source: 'ecs', kind: 'cluster.created', resource: arn, message: `Cluster ${clusterName} created${by ? ` by ${by}` : ''}.` });
  return cluster;
}
