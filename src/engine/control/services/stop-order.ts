/**
 * Which task the scheduler stops first when it scales in or replaces tasks, mirroring the
 * placement strategy (aws-semantics.md; ECS guide "Task placement strategies": "when scaling in,
 * ... the same strategy is used to choose which tasks to terminate"):
 *  - spread FIELD: stop from the value (AZ, instance, attribute) holding the most of the service's
 *    tasks, so what remains stays even;
 *  - binpack cpu|memory: stop the task on the instance with the most of that resource left
 *    (so the tasks stay packed on the fullest instances);
 *  - random: any.
 * The service default (no strategy) is spread by AZ, then by instance. Fargate tasks: spread by AZ.
 * Before the strategy, tasks that are not healthy yet (pending, unhealthy) go first: stopping
 * them costs no healthy capacity (our choice, and what ECS is seen to do). Then, under a capacity
 * provider strategy, the provider holding the most tasks above its share (capacity-split.ts).
 * Remaining ties are broken with the seeded random numbers.
 */
import type { Simulation } from '../../simulation';
import type { Service } from '../../world/service-types';
import type { Task } from '../../world/types';
import { DEFAULT_STRATEGY } from '../placement/strategies';
import { attributeValue } from '../placement/attributes';
import { keepCapacitySplit } from './capacity-split';

function valueOf(sim: Simulation, task: Task, field: string): string {
  if (field === 'instanceId' || field === 'host') return task.containerInstanceArn ?? task.taskArn;
  const name = field.slice('attribute:'.length);
  if (name === 'ecs.availability-zone') return task.availabilityZone;
  const ci = task.containerInstanceArn ? sim.world.containerInstances[task.containerInstanceArn] : undefined;
  return (ci && attributeValue(ci, name)) ?? '(no value)';
}

function keepMax<T>(items: T[], score: (t: T) => number): T[] {
  let best = -Infinity;
  let kept: T[] = [];
  for (const item of items) {
    const s = score(item);
    if (s > best) {
      best = s;
      kept = [item];
    } else if (s === best) kept.push(item);
  }
  return kept;
}

/**
 * Picks the next task to stop among `candidates` (all of them live tasks of the service);
 * `serviceTasks` are all live tasks of the service (what spread balances).
 */
export function pickTaskToStop(sim: Simulation, service: Service, candidates: Task[], serviceTasks: Task[], isHealthy: (t: Task) => boolean): Task {
  let pool = candidates.filter((t) => !isHealthy(t));
  if (pool.length === 0) pool = candidates;
  pool = keepCapacitySplit(service, pool, serviceTasks);
  const fargate = pool.every((t) => t.launchType === 'FARGATE');
  const strategies = fargate ? [{ type: 'spread' as const, field: 'attribute:ecs.availability-zone' }] : service.placementStrategy.length ? service.placementStrategy : DEFAULT_STRATEGY;
  for (const s of strategies) {
    if (pool.length <= 1) break;
    if (s.type === 'random') {
      pool = [sim.random.pick(pool)];
    } else if (s.type === 'binpack') {
      const field = (s.field ?? 'memory').toLowerCase() === 'cpu' ? 'cpu' : 'memory';
      pool = keepMax(pool, (t) => (t.containerInstanceArn ? (sim.world.containerInstances[t.containerInstanceArn]?.remainingResources[field] ?? 0) : 0));
    } else {
      const field = s.field ?? 'instanceId';
      const counts = new Map<string, number>();
      for (const t of serviceTasks) counts.set(valueOf(sim, t, field), (counts.get(valueOf(sim, t, field)) ?? 0) + 1);
      pool = keepMax(pool, (t) => counts.get(valueOf(sim, t, field)) ?? 0);
    }
  }
  return pool.length === 1 ? pool[0] : sim.random.pick(pool);
}
