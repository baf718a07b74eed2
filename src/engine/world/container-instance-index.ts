/**
 * Container instances by cluster. Placement looks at one cluster's instances for every task; with
 * thousands of instances in the world, walking `world.containerInstances` (every cluster) per task
 * was most of the cost. So the world keeps, per cluster, the ARNs of its container instances in
 * registration order (the order `world.containerInstances` enumerates them, so results and seeded
 * tie-breaks are the same either way). Container instances are never removed from the world (a
 * deregistered one stays, INACTIVE) and never change cluster, so the index only grows.
 *
 * Add container instances to the world only through putContainerInstance.
 */
import type { ContainerInstance, World } from './types';

/** Adds (or replaces) a container instance and records it in its cluster's index. */
export function putContainerInstance(world: World, containerInstance: ContainerInstance): void {
  const arn = containerInstance.containerInstanceArn;
  const known = Object.hasOwn(world.containerInstances, arn);
  world.containerInstances[arn] = containerInstance;
  const index = world.containerInstanceArnsByCluster;
  // A world from before the index (or with instances written directly) gets it built in full.
  if (!index) world.containerInstanceArnsByCluster = indexOf(world);
  else if (!known) (index[containerInstance.clusterArn] ??= []).push(arn);
}

/** The cluster's container instances (any status), in registration order. */
export function clusterContainerInstances(world: World, clusterArn: string): ContainerInstance[] {
  const index = world.containerInstanceArnsByCluster;
  const all = world.containerInstances;
  const out: ContainerInstance[] = [];
  if (!index) {
    // for-in, not Object.values: the map of 1,000s of ARNs is a dictionary and values() sorts it.
    for (const arn in all) if (all[arn].clusterArn === clusterArn) out.push(all[arn]);
    return out;
  }
  const arns = index[clusterArn] ?? [];
  for (let i = 0; i < arns.length; i++) {
    const ci = all[arns[i]];
    if (!ci) throw new Error(`container instance index is stale: ${arns[i]} is not in the world`);
    out.push(ci);
  }
  return out;
}

/** The index of every container instance in the world, in enumeration (= registration) order. */
function indexOf(world: World): Record<string, string[]> {
  const index: Record<string, string[]> = {};
  for (const arn in world.containerInstances) (index[world.containerInstances[arn].clusterArn] ??= []).push(arn);
  return index;
}
