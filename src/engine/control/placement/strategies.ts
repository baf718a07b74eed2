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
import { attributeValue, groupCountOn } from './attributes';
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
  candidates: ContainerInstance[];
  clusterInstances: ContainerInstance[];
  group: string;
  req: TaskRequirements;
  random: Random;
}

export function applyStrategy(strategy: PlacementStrategy, input: StrategyInput): { kept: ContainerInstance[]; note: string } {
  const { candidates, group } = input;
  if (strategy.type === 'random') {
    const pick = input.random.pick(candidates);
    return { kept: [pick], note: `random picked ${pick.ec2InstanceId} of ${candidates.length}` };
  }
  if (strategy.type === 'binpack') {
    const field = (strategy.field ?? 'memory').toLowerCase() === 'cpu' ? 'cpu' : 'memory';
    const left = (ci: ContainerInstance) => ci.remainingResources[field] - input.req[field];
    const kept = keepMin(candidates, left);
    const unit = field === 'cpu' ? ' CPU units' : ' MiB';
    const what = field === 'cpu' ? 'CPU' : 'memory';
    return { kept, note: `binpack ${field} picked the instance${kept.length > 1 ? 's' : ''} with the least ${what} left (${left(kept[0])}${unit} after this task)` };
  }
  const field = strategy.field ?? 'instanceId';
  if (field === 'instanceId' || field === 'host') {
    const kept = keepMin(candidates, (ci) => groupCountOn(ci, group));
    return { kept, note: `spread over ${field} picked the instance${kept.length > 1 ? 's' : ''} with the fewest tasks of ${group} (${groupCountOn(kept[0], group)})` };
  }
  const name = field.slice('attribute:'.length);
  const key = (ci: ContainerInstance) => attributeValue(ci, name) ?? '(no value)';
  const perValue = new Map<string, number>();
  for (const ci of input.clusterInstances) {
    const n = groupCountOn(ci, group);
    const k = key(ci);
    perValue.set(k, (perValue.get(k) ?? 0) + n);
  }
  const kept = keepMin(candidates, (ci) => perValue.get(key(ci)) ?? 0);
  const values = [...new Set(kept.map(key))];
  const label = name === 'ecs.availability-zone' ? 'AZ' : 'value';
  return {
    kept,
    note: `spread over ${name} picked the ${label}${values.length > 1 ? 's' : ''} with the fewest tasks of ${group} (${values.join(', ')}: ${perValue.get(values[0]) ?? 0})`,
  };
}

function keepMin(candidates: ContainerInstance[], score: (ci: ContainerInstance) => number): ContainerInstance[] {
  let best = Infinity;
  let kept: ContainerInstance[] = [];
  for (const ci of candidates) {
    const s = score(ci);
    if (s < best) {
      best = s;
      kept = [ci];
    } else if (s === best) kept.push(ci);
  }
  return kept;
}

export function runStrategies(strategies: PlacementStrategy[], input: StrategyInput): { chosen: ContainerInstance; steps: StrategyStep[]; tieBreak?: number } {
  let candidates = input.candidates;
  const steps: StrategyStep[] = [];
  for (const strategy of strategies) {
    const { kept, note } = applyStrategy(strategy, { ...input, candidates });
    candidates = kept;
    steps.push({ type: strategy.type, ...(strategy.field !== undefined && strategy.type !== 'random' ? { field: strategy.field } : {}), kept: kept.map((ci) => ci.containerInstanceArn), note });
  }
  if (candidates.length === 1) return { chosen: candidates[0], steps };
  return { chosen: input.random.pick(candidates), steps, tieBreak: candidates.length };
}
