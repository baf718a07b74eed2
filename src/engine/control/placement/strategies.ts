/**
 * Placement step 3: strategies, applied in order, each narrowing the candidates (best effort:
 * they never reject the last candidates). AWS "Task placement strategies":
 * - binpack (cpu | memory): "the instance with the least amount of remaining [resource] but still
 *   enough to run the task": we keep the instances that would have the least left after placing.
 * - spread (instanceId | host | attribute:NAME): "Service tasks are spread based on the tasks from
 *   that service. Standalone tasks are spread based on the tasks from the same task group." We
 *   count the group's tasks per value over every container instance of the cluster and keep the
 *   candidates whose value has the fewest.
 * - random: one candidate at random.
 * Choices: instances lacking the spread attribute share one "(no value)" bucket; after the last
 * strategy, remaining ties are broken with the simulation's seeded random numbers.
 */
import type { Random } from '../../kernel/random';
import type { ContainerInstance, PlacementExplanation } from '../../world/types';
import type { TaskRequirements } from '../requirements';
import { attributeValue, availabilityZoneOf, groupCountOn } from './attributes';
import type { PlacementStrategy } from './place';

export type StrategyStep = PlacementExplanation['strategy'][number];

/**
 * Default when a RunTask or service gives none. AWS: services spread by
 * attribute:ecs.availability-zone, then (aws-semantics.md) the fewest tasks of the service per
 * instance. AWS names no default for standalone tasks; we use the same (it is also the console's
 * "AZ balanced spread" template).
 */
export const DEFAULT_STRATEGY: PlacementStrategy[] = [
  { type: 'spread', field: 'attribute:ecs.availability-zone' },
  { type: 'spread', field: 'instanceId' },
];

export interface StrategyInput {
  /** Indexes into `instances` of the instances still in the running. */
  candidates: number[];
  /** Every container instance of the cluster, any status (spread counts tasks on all of them). */
  instances: ContainerInstance[];
  group: string;
  req: TaskRequirements;
  random: Random;
}

const AZ = 'ecs.availability-zone';
const NO_VALUE = '(no value)';

export function applyStrategy(strategy: PlacementStrategy, input: StrategyInput): { kept: number[]; note: string } {
  const { candidates, instances, group } = input;
  if (strategy.type === 'random') {
    const pick = input.random.pick(candidates);
    return { kept: [pick], note: `random picked ${instances[pick].ec2InstanceId} of ${candidates.length}` };
  }
  if (strategy.type === 'binpack') {
    const field = (strategy.field ?? 'memory').toLowerCase() === 'cpu' ? 'cpu' : 'memory';
    const need = input.req[field];
    const scores = candidates.map((i) => instances[i].remainingResources[field] - need);
    const kept = keepMin(candidates, scores);
    const unit = field === 'cpu' ? ' CPU units' : ' MiB';
    const what = field === 'cpu' ? 'CPU' : 'memory';
    return { kept, note: `binpack ${field} picked the instance${kept.length > 1 ? 's' : ''} with the least ${what} left (${instances[kept[0]].remainingResources[field] - need}${unit} after this task)` };
  }
  const field = strategy.field ?? 'instanceId';
  if (field === 'instanceId' || field === 'host') {
    const kept = keepMin(candidates, candidates.map((i) => groupCountOn(instances[i], group)));
    return { kept, note: `spread over ${field} picked the instance${kept.length > 1 ? 's' : ''} with the fewest tasks of ${group} (${groupCountOn(instances[kept[0]], group)})` };
  }
  const name = field.slice('attribute:'.length);
  const { distinct, valueIndex } = numberValues(instances, name);
  const counts = new Array<number>(distinct.length).fill(0);
  for (let i = 0; i < instances.length; i++) counts[valueIndex[i]] += groupCountOn(instances[i], group);
  const scores = new Array<number>(candidates.length);
  for (let k = 0; k < candidates.length; k++) scores[k] = counts[valueIndex[candidates[k]]];
  const kept = keepMin(candidates, scores);
  const keptValues: string[] = [];
  for (const i of kept) if (!keptValues.includes(distinct[valueIndex[i]])) keptValues.push(distinct[valueIndex[i]]);
  const label = name === AZ ? 'AZ' : 'value';
  return {
    kept,
    note: `spread over ${name} picked the ${label}${keptValues.length > 1 ? 's' : ''} with the fewest tasks of ${group} (${keptValues.join(', ')}: ${counts[valueIndex[kept[0]]]})`,
  };
}

/** Numbers the distinct values of the attribute over the instances (AZs, instance types: few). */
function numberValues(instances: ContainerInstance[], name: string): { distinct: string[]; valueIndex: Int32Array } {
  const numbers = new Map<string, number>();
  const distinct: string[] = [];
  const valueIndex = new Int32Array(instances.length);
  const isAz = name === AZ;
  for (let i = 0; i < instances.length; i++) {
    const v = (isAz ? availabilityZoneOf(instances[i]) : attributeValue(instances[i], name)) || NO_VALUE;
    let d = numbers.get(v);
    if (d === undefined) {
      d = distinct.length;
      numbers.set(v, d);
      distinct.push(v);
    }
    valueIndex[i] = d;
  }
  return { distinct, valueIndex };
}

function keepMin(candidates: number[], scores: number[]): number[] {
  let best = Infinity;
  let kept: number[] = [];
  for (let k = 0; k < candidates.length; k++) {
    const s = scores[k];
    if (s < best) {
      best = s;
      kept = [candidates[k]];
    } else if (s === best) kept.push(candidates[k]);
  }
  return kept;
}

export interface StrategyResult {
  /** Index into the input's instances of the chosen one. */
  chosen: number;
  steps: StrategyStep[];
  /** The candidates left after the last strategy (the chosen one among them). */
  finalists: number[];
  /** How many finalists the seeded random pick chose among, when more than one. */
  tieBreak?: number;
}

/**
 * Runs the strategies and picks. `keptListLimit` caps the ARNs each step lists in `kept` (the
 * compact explanation of a large cluster); the step then says how many it kept in keptCount.
 */
export function runStrategies(strategies: PlacementStrategy[], input: StrategyInput, keptListLimit = Infinity): StrategyResult {
  const running = { ...input };
  const steps: StrategyStep[] = [];
  for (const strategy of strategies) {
    const { kept, note } = applyStrategy(strategy, running);
    running.candidates = kept;
    const listed = kept.length > keptListLimit ? kept.slice(0, keptListLimit) : kept;
    const step: StrategyStep = { type: strategy.type, kept: listed.map((i) => input.instances[i].containerInstanceArn), note };
    if (listed.length < kept.length) step.keptCount = kept.length;
    if (strategy.field !== undefined && strategy.type !== 'random') step.field = strategy.field;
    steps.push(step);
  }
  const finalists = running.candidates;
  if (finalists.length === 1) return { chosen: finalists[0], steps, finalists };
  return { chosen: input.random.pick(finalists), steps, finalists, tieBreak: finalists.length };
}
