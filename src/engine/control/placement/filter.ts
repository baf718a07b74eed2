/**
 * Placement steps 1 and 2 (ECS developer guide, "Amazon ECS task placement"): keep the container
 * instances that satisfy the task's CPU, memory and port (and ENI) needs, then those that satisfy
 * the placement constraints. Every instance of the cluster gets a row saying why it was kept or not.
 *
 * - Only ACTIVE instances take new tasks; a DRAINING (or other) instance's row carries its status.
 * - A disconnected agent is AWS's reason "AGENT".
 * - distinctInstance: "places each task in the group on a different instance": rejected when the
 *   instance already holds a task of this group (reason "DistinctInstance").
 * - memberOf: the instance must satisfy the cluster query expression (reason "MemberOf").
 * Choice: constraints are checked in the order given, the request's before the task definition's.
 */
import type { ContainerInstance, PlacementExplanation, World } from '../../world/types';
import { shortfall } from '../resources';
import type { TaskRequirements } from '../requirements';
import { availabilityZoneOf, groupCountOn } from './attributes';
import type { InstancePredicate, QueryContext } from './query/evaluate';

export type Row = PlacementExplanation['candidates'][number];

export interface CompiledConstraint {
  type: 'distinctInstance' | 'memberOf';
  expression?: string;
  test?: InstancePredicate;
}

export interface FilterResult {
  rows: Row[];
  /** How far each row got: higher = closer to fitting (the "closest matching" instance). */
  stages: number[];
  passed: ContainerInstance[];
  /** Every instance of the cluster, any status (spread counts tasks on all of them). */
  clusterInstances: ContainerInstance[];
}

const RESOURCE_STAGE: Record<string, number> = { 'RESOURCE:CPU': 2, 'RESOURCE:MEMORY': 3, 'RESOURCE:PORTS': 4, 'RESOURCE:ENI': 5 };

export function filterInstances(world: World, clusterArn: string, group: string, req: TaskRequirements, constraints: CompiledConstraint[], ctx: QueryContext): FilterResult {
  const rows: Row[] = [];
  const stages: number[] = [];
  const passed: ContainerInstance[] = [];
  const clusterInstances: ContainerInstance[] = [];
  const all = Object.values(world.containerInstances);
  for (let i = 0; i < all.length; i++) {
    const ci = all[i];
    if (ci.clusterArn !== clusterArn) continue;
    const arn = ci.containerInstanceArn;
    clusterInstances.push(ci);
    const row: Row = { containerInstanceArn: arn, ec2InstanceId: ci.ec2InstanceId, availabilityZone: availabilityZoneOf(ci) };
    rows.push(row);
    if (ci.status !== 'ACTIVE') {
      row.rejectedBy = ci.status;
      row.detail = `the container instance is ${ci.status}; ECS places new tasks only on ACTIVE instances`;
      stages.push(0);
      continue;
    }
    if (!ci.agentConnected) {
      row.rejectedBy = 'AGENT';
      row.detail = 'the container agent is disconnected';
      stages.push(1);
      continue;
    }
    const short = shortfall(ci, req);
    if (short) {
      row.rejectedBy = short.reason;
      row.detail = short.detail;
      stages.push(RESOURCE_STAGE[short.reason]);
      continue;
    }
    const failed = constraints.findIndex((c) => !satisfies(c, ci, group, ctx));
    if (failed >= 0) {
      const c = constraints[failed];
      row.rejectedBy = c.type === 'distinctInstance' ? 'DistinctInstance' : 'MemberOf';
      row.detail =
        c.type === 'distinctInstance'
          ? `already holds ${groupCountOn(ci, group)} task(s) of ${group}; distinctInstance puts each task of the group on a different instance`
          : `does not satisfy memberOf(${c.expression})`;
      stages.push(6 + failed);
      continue;
    }
    stages.push(Number.MAX_SAFE_INTEGER);
    passed.push(ci);
  }
  return { rows, stages, passed, clusterInstances };
}

function satisfies(c: CompiledConstraint, ci: ContainerInstance, group: string, ctx: QueryContext): boolean {
  if (c.type === 'distinctInstance') return groupCountOn(ci, group) === 0;
  return c.test ? c.test(ci, ctx) : true;
}

/** AWS's wording for the closest matching instance's problem (as in service events). */
export function closestProblem(reason: string): string {
  switch (reason) {
    case 'RESOURCE:CPU':
      return 'has insufficient CPU units available';
    case 'RESOURCE:MEMORY':
      return 'has insufficient memory available';
    case 'RESOURCE:PORTS':
      return 'is already using a port required by your task';
    default:
      return `encountered error "${reason}"`;
  }
}
