/**
 * Health checks in batches: every target of every target group is probed every
 * HealthCheckIntervalSeconds, which in a large world (10,000 targets, 30 s) is some 29 million
 * probes a day. One kernel event per probe made the queue itself a large part of the cost, so the
 * checks due at the same time share one event: the world keeps, per due time, the list of checks
 * in the order they were scheduled (world.healthCheckBatches, plain data), and one
 * HEALTH_CHECKS_EVENT per due time runs them all (health.ts onHealthChecks).
 *
 * Choice (timing is unchanged: each target is still probed at its own times): checks due at the
 * same second run together, in the order they were scheduled, at the place in the queue of the
 * first of them. Another event due at that same second may therefore see the checks of that
 * second all done, or none, where one check at a time could have put it in between.
 */
import type { Simulation } from '../../simulation';
import type { HealthCheckDue } from '../../world/elb-types';

export const HEALTH_CHECKS_EVENT = 'elb.healthChecks';

/** Schedules one target's check `delay` seconds from now, in the batch of that due time. */
export function scheduleHealthCheck(sim: Simulation, delay: number, due: HealthCheckDue): void {
  scheduleHealthCheckAt(sim, sim.now + delay, due);
}

/** True while the batch due at `at` is still waiting to run. */
export const healthCheckBatchPending = (sim: Simulation, at: number): boolean => sim.world.healthCheckBatches?.[String(at)] !== undefined;

/**
 * Schedules one target's check at `at` (not before now), in the batch of that due time. `at` is the
 * batch's key as given, so a check resumed after parking (parking.ts) lands in the same batch as
 * the checks that were never parked.
 */
export function scheduleHealthCheckAt(sim: Simulation, at: number, due: HealthCheckDue): void {
  const delay = at - sim.now;
  const batches = (sim.world.healthCheckBatches ??= {});
  const key = String(at);
  const batch = batches[key];
  if (batch) {
    batch.push(due);
    return;
  }
  batches[key] = [due];
  sim.schedule(delay, { type: HEALTH_CHECKS_EVENT, at });
}

/** Takes the batch due at the event's time out of the world (empty if none). */
export function takeHealthCheckBatch(sim: Simulation, at: unknown): HealthCheckDue[] {
  const batches = sim.world.healthCheckBatches;
  const key = String(at);
  const batch = batches?.[key];
  if (!batch) return [];
  delete batches![key];
  return batch;
}
