/**
 * Which capacity provider a container instance belongs to. AWS: a container instance launched by
 * the Auto Scaling group of a capacity provider associated with its cluster reports that provider
 * as its capacityProviderName (DescribeContainerInstances), and only tasks of that provider are
 * placed on it through capacity provider strategies.
 *
 * assignCapacityProvider runs when the agent registers (control/ec2/register.ts calls it) and, for
 * instances registered before the provider was associated, when PutClusterCapacityProviders
 * associates it. A registration also retries the placement of tasks waiting in PROVISIONING.
 */
import type { Simulation } from '../../simulation';
import type { Cluster, ContainerInstance } from '../../world/types';
import { providerOfGroup } from '../../aws/ecs/capacity-providers-store';
import { clusterContainerInstances } from '../../world/container-instance-index';

/** The Auto Scaling group an EC2 instance is a live member of, if any. */
export function groupOfInstance(sim: Simulation, instanceId: string): string | undefined {
  for (const group of Object.values(sim.world.autoScalingGroups)) {
    const m = group.instances[instanceId];
    if (m && m.LifecycleState !== 'Terminated') return group.AutoScalingGroupName;
  }
  return undefined;
}

/** Sets capacityProviderName when the instance's group is a provider associated with its cluster. */
export function assignCapacityProvider(sim: Simulation, ci: ContainerInstance): void {
  const cluster = sim.world.clusters[ci.clusterArn];
  if (!cluster || ci.capacityProviderName) return;
  const groupName = groupOfInstance(sim, ci.ec2InstanceId);
  const provider = groupName ? providerOfGroup(sim.world, groupName) : undefined;
  if (!provider || !cluster.capacityProviders.includes(provider.name)) return;
  ci.capacityProviderName = provider.name;
  ci.version += 1;
  sim.emit({
    source: 'ecs',
    kind: 'capacity.instance',
    resource: ci.containerInstanceArn,
    message: `Container instance ${ci.containerInstanceArn.split('/').pop()} (${ci.ec2InstanceId}) belongs to capacity provider ${provider.name}: it was launched by its Auto Scaling group ${groupName}.`,
  });
  if (Object.values(sim.world.capacityWaits ?? {}).some((w) => w.clusterArn === ci.clusterArn)) {
    sim.schedule(0, { type: 'capacity.placeWaiting', clusterArn: ci.clusterArn });
  }
}

/** Assigns the provider to the cluster's already registered instances of its group. */
export function assignExistingInstances(sim: Simulation, cluster: Cluster): void {
  for (const ci of clusterContainerInstances(sim.world, cluster.clusterArn)) {
    if (ci.status !== 'INACTIVE') assignCapacityProvider(sim, ci);
  }
}
