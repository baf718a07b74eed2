/**
 * What the charts need that is neither a CloudWatch metric nor in the event log: each service's
 * desiredCount, each cluster's ACTIVE container instances and the accumulated cost estimate.
 * The UI samples the world as the session advances (at most every MIN_STEP simulated seconds,
 * and whenever a value changes) and keys samples by simulated time. When the playhead goes back
 * (a seek, or an edit that forks the timeline) the samples after it are dropped: the future they
 * recorded may not happen again. Plain data, no React: unit-tested.
 */
import type { Simulation } from '../../engine/simulation';
import type { CostLedger } from '../../engine/world/fault-types';
import { getCost } from '../../engine/aws/sim/cost';

export const MIN_STEP = 10;

export interface Sample {
  t: number;
  desired: Record<string, number>;
  instances: Record<string, number>;
  /** Accumulated cost estimate in USD (sim:GetCost), if the engine has the meter. */
  cost?: number;
}

export interface Sampler {
  samples: Sample[];
  /**
   * The sampler's own copy of the cost meter's ledger, brought up to date from the event log:
   * reading the cost must not change the session's world (sim:GetCost advances the world's
   * ledger), so the world at the playhead stays the world of a straight replay.
   */
  ledger?: CostLedger;
}

export const createSampler = (): Sampler => ({ samples: [] });

/** The accumulated cost estimate at sim.now, from the sampler's private ledger. */
function accumulatedCost(sampler: Sampler, sim: Simulation): number | undefined {
  if (sampler.ledger && sampler.ledger.eventCursor > sim.world.events.length) sampler.ledger = undefined;
  try {
    const world = { ...sim.world, costLedger: sampler.ledger ?? structuredClone(sim.world.costLedger) };
    const view = { world, now: sim.now, date: (t: number) => sim.date(t) } as unknown as Simulation;
    const cost = getCost(view);
    sampler.ledger = world.costLedger;
    return cost.accumulated.total;
  } catch {
    return undefined; // no cost meter in this engine build
  }
}

function read(sampler: Sampler, sim: Simulation): Sample {
  const world = sim.world;
  const desired: Record<string, number> = {};
  for (const [arn, s] of Object.entries(world.services)) if (s.status !== 'INACTIVE') desired[arn] = s.desiredCount;
  const instances: Record<string, number> = {};
  for (const arn of Object.keys(world.clusters)) instances[arn] = 0;
  for (const ci of Object.values(world.containerInstances)) if (ci.status === 'ACTIVE' && ci.clusterArn in instances) instances[ci.clusterArn]++;
  return { t: sim.now, desired, instances, cost: accumulatedCost(sampler, sim) };
}

const same = (a: Sample, b: Sample) =>
  JSON.stringify([a.desired, a.instances]) === JSON.stringify([b.desired, b.instances]);

/** Records the world at sim.now (dropping samples after it first); returns whether anything changed. */
export function sample(sampler: Sampler, sim: Simulation): boolean {
  const { samples } = sampler;
  let changed = false;
  while (samples.length > 0 && samples[samples.length - 1].t > sim.now) {
    samples.pop();
    sampler.ledger = undefined; // its cursor is past the playhead: rebuild from the log
    changed = true;
  }
  const last = samples[samples.length - 1];
  if (last && last.t === sim.now) return changed;
  const next = read(sampler, sim);
  if (last && next.t - last.t < MIN_STEP && same(last, next)) return changed;
  samples.push(next);
  return true;
}

/** The value a sample field had at each of `times` (the latest sample at or before it; null before the first). */
export function sampledValues(samples: readonly Sample[], times: readonly number[], pick: (s: Sample) => number | undefined): (number | null)[] {
  let i = -1;
  return times.map((t) => {
    while (i + 1 < samples.length && samples[i + 1].t <= t) i++;
    const v = i >= 0 ? pick(samples[i]) : undefined;
    return v === undefined ? null : v;
  });
}
