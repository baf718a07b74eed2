/**
 * The event log's kind chips: each engine event kind (e.g. "task.placement", "elb.target.health")
 * belongs to one group a learner can filter by. A kind belongs to the group with the longest
 * prefix it starts with, so "task.placementFailed" is Placement while "task.status" is Tasks.
 * Kinds no group claims are 'other': they show when no chip is on and hide when one is.
 * (The list follows the engine's emit calls: `grep -rn "kind: '" src/engine`.)
 */
export interface KindGroup {
  id: string;
  label: string;
  prefixes: string[];
}

export const KIND_GROUPS: readonly KindGroup[] = [
  { id: 'tasks', label: 'Tasks', prefixes: ['task.', 'taskDefinition.'] },
  { id: 'placement', label: 'Placement', prefixes: ['task.placement', 'capacity.blocked', 'capacity.strategy', 'capacity.instance'] },
  { id: 'services', label: 'Services & deployments', prefixes: ['service.', 'taskSet.', 'codedeploy.'] },
  { id: 'loadBalancing', label: 'Load balancing', prefixes: ['elb.', 'traffic.', 'task.drain'] },
  { id: 'scaling', label: 'Scaling', prefixes: ['appAutoScaling.', 'autoscaling.', 'capacity.'] },
  { id: 'alarms', label: 'Alarms', prefixes: ['cloudwatch.'] },
  { id: 'instances', label: 'Instances', prefixes: ['ec2.', 'agent.', 'containerInstance.', 'cluster.'] },
  { id: 'ecr', label: 'ECR', prefixes: ['image.', 'repository.', 'registry.', 'lifecycle.'] },
  { id: 'faults', label: 'Faults', prefixes: ['fault.', 'task.spotInterruption'] },
];

/** The group id of an event kind, or 'other'. */
export function kindGroupOf(kind: string): string {
  let best = 'other';
  let length = 0;
  for (const group of KIND_GROUPS) {
    for (const prefix of group.prefixes) {
      if (prefix.length > length && kind.startsWith(prefix)) {
        best = group.id;
        length = prefix.length;
      }
    }
  }
  return best;
}
