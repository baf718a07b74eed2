/**
 * Placing a task on an Auto Scaling group capacity provider: only the cluster's container
 * instances whose capacityProviderName is that provider are candidates (AWS: tasks that use a
 * capacity provider run on the instances of its Auto Scaling group; instances registered some
 * other way are not used). The usual placement (resources, constraints, strategies) then runs over
 * them: we add a memberOf constraint on their EC2 instance ids and keep only their rows in the
 * explanation, so a learner sees the provider's instances and why each did or did not fit.
 */
import type { Simulation } from '../../simulation';
import type { ContainerInstance, PlacementExplanation, TaskDefinition } from '../../world/types';
import { clusterContainerInstances } from '../../world/container-instance-index';
import { placeTask, type PlacementConstraint, type PlacementStrategy } from '../placement/place';

export const NO_PROVIDER_INSTANCES = 'No Container Instances were found in your capacity provider.';

export interface ProviderPlacementRequest {
  clusterArn: string;
  capacityProviderName: string;
  taskDefinition: TaskDefinition;
  overrides?: { cpu?: string; memory?: string };
  group: string;
  placementStrategy: PlacementStrategy[];
  placementConstraints: PlacementConstraint[];
}

export interface ProviderPlacement {
  containerInstance?: ContainerInstance;
  failureReason?: string;
  explanation: PlacementExplanation;
}

export function providerInstances(sim: Simulation, clusterArn: string, capacityProviderName: string): ContainerInstance[] {
  return clusterContainerInstances(sim.world, clusterArn).filter((ci) => ci.capacityProviderName === capacityProviderName && ci.status !== 'INACTIVE');
}

export function placeOnProvider(sim: Simulation, request: ProviderPlacementRequest): ProviderPlacement {
  const name = request.capacityProviderName;
  const mine = providerInstances(sim, request.clusterArn, name);
  if (mine.length === 0) {
    return {
      failureReason: NO_PROVIDER_INSTANCES,
      explanation: { candidates: [], strategy: [], summary: `Unable to place a task on capacity provider ${name}: ${NO_PROVIDER_INSTANCES}` },
    };
  }
  const ids = mine.map((ci) => ci.ec2InstanceId);
  const decision = placeTask(sim, {
    clusterArn: request.clusterArn,
    taskDefinition: request.taskDefinition,
    ...(request.overrides ? { overrides: request.overrides } : {}),
    group: request.group,
    placementStrategy: request.placementStrategy,
    placementConstraints: [{ type: 'memberOf', expression: `ec2InstanceId in [${ids.join(', ')}]` }, ...request.placementConstraints],
  });
  const idSet = new Set(ids);
  const explanation: PlacementExplanation = {
    ...decision.explanation,
    candidates: decision.explanation.candidates.filter((c) => idSet.has(c.ec2InstanceId)),
  };
  const ci = decision.containerInstanceArn ? sim.world.containerInstances[decision.containerInstanceArn] : undefined;
  if (ci) {
    explanation.summary = `Capacity provider ${name}: ${explanation.summary}`;
    return { containerInstance: ci, explanation };
  }
  // The closest matching instance may be one outside the provider (rejected by our memberOf):
  // report the provider's own instances' reasons instead.
  const reasons = explanation.candidates.map((c) => c.rejectedBy).filter((r): r is string => !!r && r !== 'MemberOf');
  const failureReason = reasons[0] ?? decision.failureReason ?? 'RESOURCE';
  const listed = explanation.candidates.map((c) => `${c.ec2InstanceId}: ${c.rejectedBy ?? 'fits'}${c.detail ? ` (${c.detail})` : ''}`);
  explanation.summary =
    `Unable to place a task on capacity provider ${name}: none of its ${mine.length} container instance(s) met all of its requirements` +
    (listed.length ? ` - ${listed.join('; ')}.` : '.');
  return { failureReason, explanation };
}
