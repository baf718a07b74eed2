/** Looking up container instances by ARN or id, and their SDK output shape. */
import type { ContainerInstance as SdkContainerInstance, Resource } from '@aws-sdk/client-ecs';
import type { Simulation } from '../../simulation';
import type { Cluster, ContainerInstance, InstanceResources, World } from '../../world/types';
import { containerInstanceArn, resourceName } from '../../world/arn';
import { taskCounts, tasksOnContainerInstance } from './clusters-counts';

/** A container instance of this cluster by full ARN or by id (the ARN's last segment). */
export function findContainerInstance(world: World, cluster: Cluster, ref: string): ContainerInstance | undefined {
  const arn = ref.startsWith('arn:') ? ref : containerInstanceArn(world, cluster.clusterName, resourceName(ref));
  const found = world.containerInstances[arn];
  return found && found.clusterArn === cluster.clusterArn ? found : undefined;
}

/** The ARN ECS reports in a failure for a reference it could not find. */
export const failureArn = (world: World, cluster: Cluster, ref: string) =>
  ref.startsWith('arn:') ? ref : containerInstanceArn(world, cluster.clusterName, ref);

export function resourcesOutput(r: InstanceResources): Resource[] {
  return [
    { name: 'CPU', type: 'INTEGER', integerValue: r.cpu, doubleValue: 0, longValue: 0 },
    { name: 'MEMORY', type: 'INTEGER', integerValue: r.memory, doubleValue: 0, longValue: 0 },
    { name: 'PORTS', type: 'STRINGSET', stringSetValue: r.ports.map(String), doubleValue: 0, longValue: 0, integerValue: 0 },
    { name: 'PORTS_UDP', type: 'STRINGSET', stringSetValue: r.portsUdp.map(String), doubleValue: 0, longValue: 0, integerValue: 0 },
  ];
}

export function containerInstanceOutput(sim: Simulation, ci: ContainerInstance, includeTags = false): SdkContainerInstance {
  const counts = taskCounts(tasksOnContainerInstance(sim.world, ci.containerInstanceArn));
  return {
    containerInstanceArn: ci.containerInstanceArn,
    ec2InstanceId: ci.ec2InstanceId,
    ...(ci.capacityProviderName ? { capacityProviderName: ci.capacityProviderName } : {}),
    version: ci.version,
    versionInfo: { ...ci.versionInfo },
    remainingResources: resourcesOutput(ci.remainingResources),
    registeredResources: resourcesOutput(ci.registeredResources),
    status: ci.status,
    ...(ci.statusReason ? { statusReason: ci.statusReason } : {}),
    agentConnected: ci.agentConnected,
    runningTasksCount: counts.runningTasksCount,
    pendingTasksCount: counts.pendingTasksCount,
    attributes: ci.attributes.map((a) => ({ name: a.name, ...(a.value !== undefined ? { value: a.value } : {}) })),
    registeredAt: sim.date(ci.registeredAt),
    attachments: [],
    ...(includeTags ? { tags: ci.tags.map((t) => ({ ...t })) } : {}),
  };
}
