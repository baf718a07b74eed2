/**
 * The metric store. Producers (ECS, ALB, managed scaling, PutMetricData) call `putDatapoint`;
 * GetMetricStatistics, GetMetricData and alarm evaluation read with `readPeriod`.
 *
 * A series is keyed by (Namespace, MetricName, Dimensions sorted by Name), as CloudWatch identifies
 * a metric. Each datapoint is a statistic set (SampleCount, Sum, Minimum, Maximum) aggregated into
 * one-minute buckets: a datum stamped `at` lands in the bucket [floor(at/60)*60, +60).
 *
 * Retention (our choice; CloudWatch keeps 60-second data 15 days, 5-minute data 63 days and 1-hour
 * data 455 days): a long run with 1,000 instances must stay small enough to snapshot, so every
 * series keeps three ring buffers of plain number arrays, rolled up on write (statistic sets merge
 * exactly):
 *   - 1-minute buckets for 24 hours (1,440) — the longest window an alarm with a period under one
 *     hour may evaluate (AWS caps Period x EvaluationPeriods at one day for those),
 *   - 5-minute buckets for 3 days (864),
 *   - 1-hour buckets for 15 days (360) — covers the 7-day cap of alarms with hourly periods.
 * A read uses the finest tier whose resolution divides the period and still holds the time asked
 * for, much as CloudWatch answers old StartTimes only at coarser periods. Raw values for
 * percentiles are kept in the 1-minute tier only (at most MAX_DISTINCT_VALUES distinct values per
 * minute), so percentiles are available for the last 24 hours.
 */
import type { MetricDimension, MetricSeries, MetricTier } from '../../world/metrics-types';
import type { World } from '../../world/types';

export const MINUTE = 60;

export const TIERS: readonly { resolution: number; capacity: number }[] = [
  { resolution: 60, capacity: 1440 },
  { resolution: 300, capacity: 864 },
  { resolution: 3600, capacity: 360 },
];

/** Distinct raw values kept per minute for percentiles; beyond it the minute's percentiles are unknown. */
export const MAX_DISTINCT_VALUES = 300;

/** A statistic set: what one bucket (or a whole period) holds. */
export interface StatSet {
  SampleCount: number;
  Sum: number;
  Minimum: number;
  Maximum: number;
  /** Flat [value, count, ...] pairs when every raw value is known (percentiles need them). */
  values?: number[];
}

export interface DatapointInput {
  namespace: string;
  metricName: string;
  dimensions?: MetricDimension[];
  /** Simulated seconds. Producers publishing the minute that just closed at T stamp it T - 60. */
  at: number;
  /** One value... */
  value?: number;
  /** ...or a statistic set (exactly one of the two). */
  statisticValues?: { SampleCount: number; Sum: number; Minimum: number; Maximum: number };
  /** Several values, each `counts[i]` times (PutMetricData Values/Counts). */
  values?: number[];
  counts?: number[];
  unit?: string;
}

export const sortDimensions = (dimensions: MetricDimension[] = []): MetricDimension[] =>
  [...dimensions].sort((a, b) => (a.Name < b.Name ? -1 : a.Name > b.Name ? 1 : 0)).map((d) => ({ Name: d.Name, Value: d.Value }));

export function seriesKey(namespace: string, metricName: string, dimensions: MetricDimension[] = []): string {
  return JSON.stringify([namespace, metricName, sortDimensions(dimensions).map((d) => [d.Name, d.Value])]);
}

export function findSeries(world: World, namespace: string, metricName: string, dimensions: MetricDimension[] = []): MetricSeries | undefined {
  const key = seriesKey(namespace, metricName, dimensions);
  return Object.hasOwn(world.metrics, key) ? world.metrics[key] : undefined;
}

/** Records one datum for a metric, creating the series on first use. */
export function putDatapoint(world: World, input: DatapointInput): void {
  const key = seriesKey(input.namespace, input.metricName, input.dimensions);
  let series = Object.hasOwn(world.metrics, key) ? world.metrics[key] : undefined;
  if (!series) {
    series = {
      Namespace: input.namespace,
      MetricName: input.metricName,
      Dimensions: sortDimensions(input.dimensions),
      Unit: input.unit ?? 'None',
      firstAt: input.at,
      lastAt: input.at,
      tiers: TIERS.map((t) => ({ ...t, latest: -1, start: [], count: [], sum: [], min: [], max: [] })),
    };
    series.tiers[0].values = [];
    world.metrics[key] = series;
  }
  if (input.unit !== undefined) series.Unit = input.unit;
  series.firstAt = Math.min(series.firstAt, input.at);
  series.lastAt = Math.max(series.lastAt, input.at);
  for (const s of toStatSets(input)) for (const tier of series.tiers) addToTier(tier, input.at, s);
}

function toStatSets(input: DatapointInput): StatSet[] {
  if (input.statisticValues) {
    const { SampleCount, Sum, Minimum, Maximum } = input.statisticValues;
    // AWS: percentiles of a statistic set are known only if it is one value repeated.
    const single = Minimum === Maximum && Sum === Minimum * SampleCount;
    return [{ SampleCount, Sum, Minimum, Maximum, values: single ? [Minimum, SampleCount] : undefined }];
  }
  if (input.values) {
    return input.values.map((v, i) => {
      const c = input.counts?.[i] ?? 1;
      return { SampleCount: c, Sum: v * c, Minimum: v, Maximum: v, values: [v, c] };
    });
  }
  const v = input.value ?? 0;
  return [{ SampleCount: 1, Sum: v, Minimum: v, Maximum: v, values: [v, 1] }];
}

function addToTier(tier: MetricTier, at: number, s: StatSet): void {
  const index = Math.floor(at / tier.resolution);
  if (index <= tier.latest - tier.capacity) return; // older than this tier keeps
  const slot = index % tier.capacity;
  const bucketStart = index * tier.resolution;
  while (tier.start.length <= slot) {
    tier.start.push(-1);
    tier.count.push(0);
    tier.sum.push(0);
    tier.min.push(0);
    tier.max.push(0);
    tier.values?.push(null);
  }
  if (tier.start[slot] !== bucketStart) {
    tier.start[slot] = bucketStart;
    tier.count[slot] = s.SampleCount;
    tier.sum[slot] = s.Sum;
    tier.min[slot] = s.Minimum;
    tier.max[slot] = s.Maximum;
    if (tier.values) tier.values[slot] = s.values ? [...s.values] : null;
  } else {
    tier.count[slot] += s.SampleCount;
    tier.sum[slot] += s.Sum;
    tier.min[slot] = Math.min(tier.min[slot], s.Minimum);
    tier.max[slot] = Math.max(tier.max[slot], s.Maximum);
    if (tier.values) tier.values[slot] = mergeValues(tier.values[slot], s.values);
  }
  tier.latest = Math.max(tier.latest, index);
}

function mergeValues(into: number[] | null, add: number[] | undefined): number[] | null {
  if (!into || !add) return null;
  for (let i = 0; i < add.length; i += 2) {
    let found = false;
    for (let j = 0; j < into.length; j += 2) {
      if (into[j] === add[i]) {
        into[j + 1] += add[i + 1];
        found = true;
        break;
      }
    }
    if (!found) {
      if (into.length / 2 >= MAX_DISTINCT_VALUES) return null;
      into.push(add[i], add[i + 1]);
    }
  }
  return into;
}

/**
 * The statistic set of one period [start, start + period) at simulated time `now`, or undefined when
 * no datum fell in it (or it is older than every tier able to answer at this period keeps).
 */
export function readPeriod(series: MetricSeries, start: number, period: number, now: number): StatSet | undefined {
  for (const tier of series.tiers) {
    if (period % tier.resolution !== 0 || start % tier.resolution !== 0) continue;
    const first = start / tier.resolution;
    const newest = Math.max(tier.latest, Math.floor(now / tier.resolution));
    if (first <= newest - tier.capacity) continue; // expired here: try a coarser tier
    return aggregate(tier, first, period / tier.resolution);
  }
  return undefined;
}

function aggregate(tier: MetricTier, first: number, buckets: number): StatSet | undefined {
  let out: StatSet | undefined;
  for (let i = first; i < first + buckets; i++) {
    const slot = i % tier.capacity;
    if (slot >= tier.start.length || tier.start[slot] !== i * tier.resolution) continue;
    const values = tier.values ? tier.values[slot] : null;
    if (!out) {
      out = { SampleCount: tier.count[slot], Sum: tier.sum[slot], Minimum: tier.min[slot], Maximum: tier.max[slot], values: values ? [...values] : undefined };
    } else {
      out.SampleCount += tier.count[slot];
      out.Sum += tier.sum[slot];
      out.Minimum = Math.min(out.Minimum, tier.min[slot]);
      out.Maximum = Math.max(out.Maximum, tier.max[slot]);
      out.values = out.values && values ? out.values.concat(values) : undefined;
    }
  }
  return out;
}

/** Number of stored buckets of a series (all tiers): what the retention cap bounds. */
export function storedBuckets(series: MetricSeries): number {
  return series.tiers.reduce((n, t) => n + t.start.length, 0);
}
