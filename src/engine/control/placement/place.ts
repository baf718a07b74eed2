/**
 * OWNED BY: the placement work. Signatures fixed.
 *
 * EC2 placement as in aws-semantics.md: keep instances that fit CPU, memory, ports and ENIs ->
 * apply constraints (binding) -> apply strategies in order (best effort) -> choose. One task at a
 * time: the caller reserves the chosen instance's resources before placing the next task of the
 * same call, so a 10-task RunTask sees its own earlier placements.
 *
 * The steps live beside this file: filter.ts (resources and constraints, a verdict per instance),
 * strategies.ts (binpack / spread / random, the default), explanation.ts (the explanation's rows,
 * bounded for large clusters), validate.ts (input checks), query/ (the cluster query language).
 * Every decision is written into the PlacementExplanation.
 *
 * When nothing fits: AWS's service events name "the closest matching container-instance" and its
 * problem; RunTask returns a failure reason. We report the reason of the instance that got
 * furthest through the steps (status < AGENT < CPU < memory < ports < ENI < constraints, the
 * first such instance on a tie). With no ACTIVE container instance in the cluster the reason is
 * AWS's "No Container Instances were found in your cluster."
 */
import type { Simulation } from '../../simulation';
import type { PlacementExplanation, TaskDefinition } from '../../world/types';
import { AwsError, invalidParameter } from '../../aws/errors';
import { taskRequirements } from '../requirements';
import { availabilityZoneOf } from './attributes';
import { closestProblem, filterInstances, type CompiledConstraint } from './filter';
import { compileQuery, queryContext } from './query/evaluate';
import { parseQuery } from './query/parser';
import { DEFAULT_STRATEGY, runStrategies } from './strategies';
import { allRows, COMPACT_KEPT_ARNS, isCompact, placedRows } from './explanation';
import { validateConstraints, validateStrategies } from './validate';

export const NO_CONTAINER_INSTANCES = 'No Container Instances were found in your cluster.';

export interface PlacementConstraint {
  type: 'distinctInstance' | 'memberOf';
  expression?: string;
}

export interface PlacementStrategy {
  type: 'random' | 'spread' | 'binpack';
  field?: string;
}

export interface PlacementRequest {
  clusterArn: string;
  taskDefinition: TaskDefinition;
  /** Task-level cpu/memory overrides (strings, as in the API). */
  overrides?: { cpu?: string; memory?: string };
  /** The task group ("family:NAME" by default, "service:NAME" for services). */
  group: string;
  /** Request constraints; the task definition's own placementConstraints are added by placeTask. */
  placementConstraints: PlacementConstraint[];
  placementStrategy: PlacementStrategy[];
}

export interface PlacementDecision {
  /** The chosen container instance, or undefined when the task cannot be placed. */
  containerInstanceArn?: string;
  /** When not placed: the AWS failure reason, e.g. "RESOURCE:MEMORY", "MemberOf", "AGENT". */
  failureReason?: string;
  explanation: PlacementExplanation;
}

/** Chooses a container instance for one task. Never changes the world. */
export function placeTask(sim: Simulation, request: PlacementRequest): PlacementDecision {
  const world = sim.world;
  const td = request.taskDefinition;
  const req = taskRequirements(td, request.overrides);
  const constraints = compileConstraints([...request.placementConstraints, ...((td.placementConstraints ?? []) as PlacementConstraint[]).filter((c) => c.type === 'memberOf')]);
  const ctx = queryContext(world);
  const filtered = filterInstances(world, request.clusterArn, request.group, req, constraints, ctx);
  const { instances, rejections, passed } = filtered;

  if (passed.length === 0) {
    const explanation: PlacementExplanation = { candidates: allRows(filtered), strategy: [], summary: '' };
    let best = -1;
    for (let i = 0; i < rejections.length; i++) if (rejections[i]!.stage > 0 && (best < 0 || rejections[i]!.stage > rejections[best]!.stage)) best = i;
    if (best < 0) {
      explanation.summary = `Unable to place a task: ${NO_CONTAINER_INSTANCES}${instances.length ? ` (none of its ${instances.length} container instances is ACTIVE)` : ''}`;
      return { failureReason: NO_CONTAINER_INSTANCES, explanation };
    }
    const closest = instances[best];
    const { reason, detail } = rejections[best]!;
    explanation.summary =
      `Unable to place a task because no container instance met all of its requirements. The closest matching ` +
      `(container-instance ${closest.containerInstanceArn.slice(closest.containerInstanceArn.lastIndexOf('/') + 1)}) ${closestProblem(reason)}: ${closest.ec2InstanceId} ${detail}.`;
    return { failureReason: reason, explanation };
  }

  const usingDefault = request.placementStrategy.length === 0;
  const strategies = usingDefault ? DEFAULT_STRATEGY : request.placementStrategy;
  const input = { candidates: passed, instances, group: request.group, req, random: sim.random };
  const { chosen, steps, finalists, tieBreak } = runStrategies(strategies, input, isCompact(filtered) ? COMPACT_KEPT_ARNS : Infinity);
  const ci = instances[chosen];
  const notes = steps.map((s) => s.note);
  if (tieBreak) notes.push(`a random pick among the ${tieBreak} equally good instances`);
  const summary =
    `Placed on ${ci.ec2InstanceId} (${availabilityZoneOf(ci)}): ${notes.join(', then ')}` +
    `${usingDefault ? ' (the default strategy: no placementStrategy was given)' : ''}; ${passed.length} of ${instances.length} container instances met its requirements.`;
  const explanation: PlacementExplanation = { ...placedRows(filtered, finalists, chosen), strategy: steps, summary, chosen: ci.containerInstanceArn };
  return { containerInstanceArn: ci.containerInstanceArn, explanation };
}

function compileConstraints(constraints: PlacementConstraint[]): CompiledConstraint[] {
  return constraints.map((c) => {
    if (c.type !== 'memberOf') return { type: c.type };
    if (!c.expression) throw invalidParameter('The memberOf placement constraint requires an expression.');
    try {
      return { type: 'memberOf', expression: c.expression, test: compileQuery(parseQuery(c.expression)) };
    } catch (e) {
      if (e instanceof AwsError) throw e;
      throw invalidParameter(`Invalid cluster query expression "${c.expression}": ${e instanceof Error ? e.message : String(e)}.`);
    }
  });
}

/** Throws InvalidParameterException (AWS's words) for a malformed strategy or constraint list. */
export function validatePlacementInput(strategy: unknown, constraints: unknown): void {
  validateStrategies(strategy);
  validateConstraints(constraints);
}
