/**
 * Placement steps 1 and 2 (ECS developer guide, "Amazon ECS task placement"): keep the container
 * instances that satisfy the task's CPU, memory and port (and ENI) needs, then those that satisfy
 * the placement constraints. Every instance of the cluster gets a verdict: kept, or a Rejection
 * saying why not (explanation.ts turns verdicts into the explanation's rows).
 *
 * - Only ACTIVE instances take new tasks; a DRAINING (or other) instance's rejection is its status.
 * - A disconnected agent is AWS's reason "AGENT".
 * - distinctInstance: "places each task in the group on a different instance": rejected when the
 *   instance already holds a task of this group (reason "DistinctInstance").
 * - memberOf: the instance must satisfy the cluster query expression (reason "MemberOf").
 * Choice: constraints are checked in the order given, the request's before the task definition's.
 */
import type { ContainerInstance, PlacementExplanation, World } from '../../world/types';
import { clusterContainerInstances } from '../../world/container-instance-index';
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

/** Why one instance was not kept. */
export interface Rejection {
  /** The AWS reason, e.g. "RESOURCE:MEMORY", "MemberOf", "AGENT", or the instance's status. */
  reason: string;
  detail: string;
  /** How far it got: higher = closer to fitting (the "closest matching" instance). */
  stage: number;
}

export interface FilterResult {
  /** Every instance of the cluster, any status, in registration order. */
  instances: ContainerInstance[];
  /** Aligned with instances: why each was rejected, undefined for those that passed. */
  rejections: (Rejection | undefined)[];
  /** Indexes into instances of those that passed every check. */
  passed: number[];
}

const RESOURCE_STAGE: Record<string, number> = { 'RESOURCE:CPU': 2, 'RESOURCE:MEMORY': 3, 'RESOURCE:PORTS': 4, 'RESOURCE:ENI': 5 };

/** Checks every instance of the cluster. No row objects here: the explanation builds the ones it keeps. */
export function filterInstances(world: World, clusterArn: string, group: string, req: TaskRequirements, constraints: CompiledConstraint[], ctx: QueryContext): FilterResult {
  const instances = clusterContainerInstances(world, clusterArn);
  const rejections: (Rejection | undefined)[] = new Array(instances.length);
  const passed: number[] = [];
  for (let i = 0; i < instances.length; i++) {
    const rejection = check(instances[i], group, req, constraints, ctx);
    rejections[i] = rejection;
    if (!rejection) passed.push(i);
  }
  return { instances, rejections, passed };
}

function check(ci: ContainerInstance, group: string, req: TaskRequirements, constraints: CompiledConstraint[], ctx: QueryContext): Rejection | undefined {
  if (ci.status !== 'ACTIVE') {
    return { reason: ci.status, detail: `the container instance is ${ci.status}; ECS places new tasks only on ACTIVE instances`, stage: 0 };
  }
  if (!ci.agentConnected) return { reason: 'AGENT', detail: 'the container agent is disconnected', stage: 1 };
  const short = shortfall(ci, req);
  if (short) return { reason: short.reason, detail: short.detail, stage: RESOURCE_STAGE[short.reason] };
  for (let c = 0; c < constraints.length; c++) {
    const constraint = constraints[c];
    if (satisfies(constraint, ci, group, ctx)) continue;
    return constraint.type === 'distinctInstance'
      ? {
          reason: 'DistinctInstance',
          detail: `already holds ${groupCountOn(ci, group)} task(s) of ${group}; distinctInstance puts each task of the group on a different instance`,
          stage: 6 + c,
        }
      : { reason: 'MemberOf', detail: `does not satisfy memberOf(${constraint.expression})`, stage: 6 + c };
  }
  return undefined;
}

/** The explanation row of instance i. */
export function rowOf(filtered: FilterResult, i: number): Row {
  const ci = filtered.instances[i];
  const row: Row = { containerInstanceArn: ci.containerInstanceArn, ec2InstanceId: ci.ec2InstanceId, availabilityZone: availabilityZoneOf(ci) };
  const rejection = filtered.rejections[i];
  if (rejection) {
    row.rejectedBy = rejection.reason;
    row.detail = rejection.detail;
  }
  return row;
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
