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
  /** dimensionsKey(dimensions), when the producer computed it once for several metrics of the same dimensions. */
  dimensionsKey?: string;
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

/**
 * The series' key: JSON.stringify([namespace, metricName, [[Name, Value], ...sorted by Name]]),
 * written out piece by piece (the same text) because every datum asks for it: no copy of the
 * dimensions when they come sorted already, as producers give them.
 */
export function seriesKey(namespace: string, metricName: string, dimensions: MetricDimension[] = []): string {
  return seriesKeyWith(namespace, metricName, dimensionsKey(dimensions));
}

/** The dimensions' part of seriesKey (JSON of the sorted [Name, Value] pairs): a producer may compute it once for several metrics. */
export function dimensionsKey(dimensions: MetricDimension[] = []): string {
  let sorted = true;
  for (let i = 1; i < dimensions.length && sorted; i++) if (dimensions[i - 1].Name > dimensions[i].Name) sorted = false;
  const dims = sorted ? dimensions : sortDimensions(dimensions);
  let key = '[';
  for (let i = 0; i < dims.length; i++) key += `${i > 0 ? ',' : ''}[${JSON.stringify(dims[i].Name ?? null)},${JSON.stringify(dims[i].Value ?? null)}]`;
  return `${key}]`;
}

const seriesKeyWith = (namespace: string, metricName: string, dimsKey: string) => `[${JSON.stringify(namespace)},${JSON.stringify(metricName)},${dimsKey}]`;

export function findSeries(world: World, namespace: string, metricName: string, dimensions: MetricDimension[] = []): MetricSeries | undefined {
  const key = seriesKey(namespace, metricName, dimensions);
  return Object.hasOwn(world.metrics, key) ? world.metrics[key] : undefined;
}

/**
 * A lookup cache per metrics object (namespace -> metric name -> dimensions key -> series): a
 * producer that passes the same dimensionsKey string each time (publish/elb.ts) finds its series
 * without building and hashing the long series key again (a tenth of the large-world bench). It
 * only holds world.metrics' own series, which are never removed or replaced; a restored world has a
 * new metrics object, so a new cache. Not part of the world: it changes no result.
 */
const seriesCache = new WeakMap<object, Map<string, Map<string, Map<string, MetricSeries>>>>();

function cacheFor(world: World, namespace: string, metricName: string): Map<string, MetricSeries> {
  let byNamespace = seriesCache.get(world.metrics);
  if (!byNamespace) seriesCache.set(world.metrics, (byNamespace = new Map()));
  let byName = byNamespace.get(namespace);
  if (!byName) byNamespace.set(namespace, (byName = new Map()));
  let byDimensions = byName.get(metricName);
  if (!byDimensions) byName.set(metricName, (byDimensions = new Map()));
  return byDimensions;
}

/** Records one datum for a metric, creating the series on first use. */
export function putDatapoint(world: World, input: DatapointInput): void {
  const dimsKey = input.dimensionsKey ?? dimensionsKey(input.dimensions);
  const cache = cacheFor(world, input.namespace, input.metricName);
  let series: MetricSeries | undefined = cache.get(dimsKey);
  // One lookup: a series key is a JSON array ("[..."), never an Object.prototype property name.
  const key = series ? '' : seriesKeyWith(input.namespace, input.metricName, dimsKey);
  series ??= world.metrics[key];
  if (series) cache.set(dimsKey, series);
  if (!series) {
    series = {
      Namespace: input.namespace,
      MetricName: input.metricName,
      Dimensions: sortDimensions(input.dimensions),
      Unit: input.unit ?? 'None',
      firstAt: input.at,
      lastAt: input.at,
      tiers: TIERS.map((t) => ({ ...t, latest: -1, buckets: [] })),
    };
    series.tiers[0].values = [];
    world.metrics[key] = series;
    cache.set(dimsKey, series);
  }
  if (input.unit !== undefined) series.Unit = input.unit;
  series.firstAt = Math.min(series.firstAt, input.at);
  series.lastAt = Math.max(series.lastAt, input.at);
  // Each datum into every tier, in order. A datum is a statistic set; `single` when it is one value
  // repeated (its Minimum, SampleCount times): then its raw values are known (percentiles).
  const { at } = input;
  if (input.statisticValues) {
    const { SampleCount, Sum, Minimum, Maximum } = input.statisticValues;
    // AWS: percentiles of a statistic set are known only if it is one value repeated.
    const single = Minimum === Maximum && Sum === Minimum * SampleCount;
    for (const tier of series.tiers) addToTier(tier, at, SampleCount, Sum, Minimum, Maximum, single);
  } else if (input.values) {
    for (let i = 0; i < input.values.length; i++) {
      const v = input.values[i];
      const c = input.counts?.[i] ?? 1;
      for (const tier of series.tiers) addToTier(tier, at, c, v * c, v, v, true);
    }
  } else {
    const v = input.value ?? 0;
    for (const tier of series.tiers) addToTier(tier, at, 1, v, v, v, true);
  }
}

/** Numbers per bucket in MetricTier.buckets: start, SampleCount, Sum, Minimum, Maximum. */
const BUCKET_FIELDS = 5;

function addToTier(tier: MetricTier, at: number, count: number, sum: number, min: number, max: number, single: boolean): void {
  const index = Math.floor(at / tier.resolution);
  if (index <= tier.latest - tier.capacity) return; // older than this tier keeps
  const slot = index % tier.capacity;
  const bucketStart = index * tier.resolution;
  const b = tier.buckets;
  const o = slot * BUCKET_FIELDS;
  while (b.length <= o) {
    b.push(-1, 0, 0, 0, 0);
    tier.values?.push(null);
  }
  if (b[o] !== bucketStart) {
    b[o] = bucketStart;
    b[o + 1] = count;
    b[o + 2] = sum;
    b[o + 3] = min;
    b[o + 4] = max;
    // One value repeated: 'single' (the bucket says which value and how often), no list kept.
    if (tier.values) tier.values[slot] = single ? 'single' : null;
  } else {
    // The same one value again (a count of 1s every traffic tick): still 'single', nothing to
    // allocate. Otherwise merge the raw values before the bucket changes ('single' reads it).
    const same = tier.values?.[slot] === 'single' && single && min === b[o + 3] && max === b[o + 4];
    if (tier.values && !same) tier.values[slot] = mergeValues(valuesAt(tier, slot), single ? [min, count] : undefined);
    b[o + 1] += count;
    b[o + 2] += sum;
    b[o + 3] = Math.min(b[o + 3], min);
    b[o + 4] = Math.max(b[o + 4], max);
  }
  if (index > tier.latest) tier.latest = index;
}

/** The slot's raw values as a list (a fresh one for 'single'), or null when unknown. */
function valuesAt(tier: MetricTier, slot: number): number[] | null {
  const v = tier.values ? tier.values[slot] : null;
  if (v !== 'single') return v;
  const o = slot * BUCKET_FIELDS;
  return [tier.buckets[o + 3], tier.buckets[o + 1]];
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
  const b = tier.buckets;
  for (let i = first; i < first + buckets; i++) {
    const slot = i % tier.capacity;
    const o = slot * BUCKET_FIELDS;
    if (o >= b.length || b[o] !== i * tier.resolution) continue;
    const values = valuesAt(tier, slot);
    if (!out) {
      out = { SampleCount: b[o + 1], Sum: b[o + 2], Minimum: b[o + 3], Maximum: b[o + 4], values: values ? [...values] : undefined };
    } else {
      out.SampleCount += b[o + 1];
      out.Sum += b[o + 2];
      out.Minimum = Math.min(out.Minimum, b[o + 3]);
      out.Maximum = Math.max(out.Maximum, b[o + 4]);
      out.values = out.values && values ? out.values.concat(values) : undefined;
    }
  }
  return out;
}

/** Number of stored buckets of a series (all tiers): what the retention cap bounds. */
export function storedBuckets(series: MetricSeries): number {
  return series.tiers.reduce((n, t) => n + t.buckets.length / BUCKET_FIELDS, 0);
}
