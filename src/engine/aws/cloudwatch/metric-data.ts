/**
 * cloudwatch:PutMetricData, GetMetricStatistics, GetMetricData and ListMetrics over the metric
 * store (store.ts). Shapes are @aws-sdk/client-cloudwatch's.
 */
import type { Datapoint, GetMetricDataOutput, GetMetricStatisticsOutput, ListMetricsOutput, MetricDataResult } from '@aws-sdk/client-cloudwatch';
import type { Simulation } from '../../simulation';
import type { Input } from '../validate';
import { dimensions, invalidCombination, invalidValue, missingParameter, optionalString, requiredNumber, requiredString, requiredTime, stringList, toSimSeconds } from './input';
import { findSeries, putDatapoint, readPeriod, MINUTE, type StatSet } from './store';
import { isStatistic, percentileOf, statisticValue, STATISTICS } from './statistics';
import type { MetricSeries } from '../../world/metrics-types';

const TWO_WEEKS = 14 * 86400;
const TWO_HOURS = 2 * 3600;
/** GetMetricStatistics returns at most 1,440 datapoints per call. */
export const MAX_DATAPOINTS = 1440;

export function putMetricData(sim: Simulation, input: Input): Record<string, never> {
  const namespace = requiredString(input, 'Namespace');
  if (namespace.startsWith('AWS/')) {
    throw invalidValue(`The value ${namespace} for parameter Namespace is invalid: namespaces starting with "AWS/" are reserved for AWS services.`);
  }
  const data = input.MetricData;
  if (!Array.isArray(data) || data.length === 0) throw missingParameter('MetricData');
  if (data.length > 1000) throw invalidValue('The collection MetricData must not have a size greater than 1000.');
  const parsed = data.map((raw, i) => {
    const d = (raw ?? {}) as Input;
    const p = `MetricData.member.${i + 1}`;
    const metricName = requiredString(d, 'MetricName');
    const given = (['Value', 'StatisticValues', 'Values'] as const).filter((f) => d[f] !== undefined && d[f] !== null);
    if (given.length > 1) {
      throw invalidCombination(`The parameters ${p}.${given[0]} and ${p}.${given[1]} are mutually exclusive and you have specified both.`);
    }
    const at = d.Timestamp === undefined || d.Timestamp === null ? sim.now : toSimSeconds(d.Timestamp, `${p}.Timestamp`);
    if (at < sim.now - TWO_WEEKS || at > sim.now + TWO_HOURS) {
      throw invalidValue(`The parameter ${p}.Timestamp must specify a time no more than two weeks in the past or two hours in the future.`);
    }
    const unit = optionalString(d, 'Unit');
    const dims = dimensions(d.Dimensions, `${p}.Dimensions`);
    if (d.StatisticValues !== undefined && d.StatisticValues !== null) {
      const s = d.StatisticValues as Input;
      const set = {
        SampleCount: requiredNumber(s, 'SampleCount'),
        Sum: requiredNumber(s, 'Sum'),
        Minimum: requiredNumber(s, 'Minimum'),
        Maximum: requiredNumber(s, 'Maximum'),
      };
      if (set.SampleCount <= 0 || set.Minimum > set.Maximum) {
        throw invalidValue(`The parameter ${p}.StatisticValues must have SampleCount > 0 and Minimum <= Maximum.`);
      }
      return { namespace, metricName, dimensions: dims, at, unit, statisticValues: set };
    }
    if (d.Values !== undefined && d.Values !== null) {
      const values = d.Values as number[];
      const counts = (d.Counts ?? undefined) as number[] | undefined;
      if (!Array.isArray(values) || values.some((v) => typeof v !== 'number' || !Number.isFinite(v))) throw invalidValue(`The parameter ${p}.Values must be a list of numbers.`);
      if (values.length > 150) throw invalidValue(`The collection ${p}.Values must not have a size greater than 150.`);
      if (counts !== undefined && (!Array.isArray(counts) || counts.length !== values.length)) {
        throw invalidValue(`The parameters ${p}.Values and ${p}.Counts must be of the same size.`);
      }
      return { namespace, metricName, dimensions: dims, at, unit, values, counts };
    }
    if (d.Value === undefined || d.Value === null) throw missingParameter(`${p}.Value`);
    if (typeof d.Value !== 'number' || !Number.isFinite(d.Value)) throw invalidValue(`The value ${String(d.Value)} for parameter ${p}.Value is invalid.`);
    return { namespace, metricName, dimensions: dims, at, unit, value: d.Value };
  });
  for (const datum of parsed) putDatapoint(sim.world, datum);
  return {};
}

/** Period: a multiple of 60 (the store has no high-resolution data). */
function checkPeriod(period: number, field = 'Period'): void {
  if (period <= 0 || !Number.isInteger(period)) throw invalidValue(`The parameter ${field} must be greater than 0.`);
  if (period % MINUTE !== 0) throw invalidValue(`The parameter ${field} must be a multiple of 60.`);
}

/** Period starts from StartTime rounded down to the minute, as CloudWatch rounds it. */
function periodStarts(start: number, end: number, period: number): number[] {
  const first = Math.floor(start / MINUTE) * MINUTE;
  const out: number[] = [];
  for (let t = first; t < end; t += period) out.push(t);
  return out;
}

export function getMetricStatistics(sim: Simulation, input: Input): GetMetricStatisticsOutput {
  const namespace = requiredString(input, 'Namespace');
  const metricName = requiredString(input, 'MetricName');
  const start = requiredTime(input, 'StartTime');
  const end = requiredTime(input, 'EndTime');
  const period = requiredNumber(input, 'Period');
  checkPeriod(period);
  if (start >= end) throw invalidValue('The parameter StartTime must be less than the parameter EndTime.');
  const statistics = stringList(input, 'Statistics');
  const extended = stringList(input, 'ExtendedStatistics');
  if (statistics.length === 0 && extended.length === 0) throw invalidCombination('Must specify either Statistics or ExtendedStatistics.');
  if (statistics.length > 5) throw invalidValue('The collection Statistics must not have a size greater than 5.');
  if (extended.length > 10) throw invalidValue('The collection ExtendedStatistics must not have a size greater than 10.');
  statistics.forEach((s, i) => {
    if (!isStatistic(s)) throw invalidValue(`The parameter Statistics.member.${i + 1} must be a value in the set [ ${STATISTICS.join(', ')} ].`);
  });
  extended.forEach((s, i) => {
    if (percentileOf(s) === undefined) {
      throw invalidValue(`The value ${s} for parameter ExtendedStatistics.member.${i + 1} is not a valid percentile: use p0.0 to p100 (for example p99 or p99.9).`);
    }
  });
  const requested = Math.ceil((end - start) / period);
  if (requested > MAX_DATAPOINTS) {
    throw invalidCombination(
      `You have requested up to ${requested} datapoints, which exceeds the limit of ${MAX_DATAPOINTS}. You may reduce the datapoints requested by increasing Period, or decreasing the time range.`,
    );
  }
  const unit = optionalString(input, 'Unit');
  const series = findSeries(sim.world, namespace, metricName, dimensions(input.Dimensions, 'Dimensions'));
  const Datapoints: Datapoint[] = [];
  // Choice: a Unit filter that differs from the series' unit returns no datapoints (CloudWatch
  // stores the unit per datum; we keep the unit of the latest datum per series).
  if (series && (unit === undefined || unit === series.Unit)) {
    for (const t of periodStarts(start, end, period)) {
      const s = readPeriod(series, t, period, sim.now);
      if (!s) continue;
      const dp: Datapoint = { Timestamp: sim.date(t), Unit: series.Unit as Datapoint['Unit'] };
      for (const stat of statistics) (dp as Record<string, unknown>)[stat] = statisticValue(s, stat);
      if (extended.length > 0) {
        dp.ExtendedStatistics = {};
        for (const p of extended) {
          const v = statisticValue(s, p);
          if (v !== undefined) dp.ExtendedStatistics[p] = v;
        }
      }
      Datapoints.push(dp);
    }
  }
  return { Label: metricName, Datapoints };
}

export function getMetricData(sim: Simulation, input: Input): GetMetricDataOutput {
  const queries = input.MetricDataQueries;
  if (!Array.isArray(queries) || queries.length === 0) throw missingParameter('MetricDataQueries');
  if (queries.length > 500) throw invalidValue('The collection MetricDataQueries must not have a size greater than 500.');
  const start = requiredTime(input, 'StartTime');
  const end = requiredTime(input, 'EndTime');
  if (start >= end) throw invalidValue('The parameter StartTime must be less than the parameter EndTime.');
  const scanBy = optionalString(input, 'ScanBy') ?? 'TimestampDescending';
  if (scanBy !== 'TimestampDescending' && scanBy !== 'TimestampAscending') {
    throw invalidValue(`The value ${scanBy} for parameter ScanBy is invalid: use TimestampDescending or TimestampAscending.`);
  }
  const ids = new Set<string>();
  const results: MetricDataResult[] = [];
  queries.forEach((raw, i) => {
    const q = (raw ?? {}) as Input;
    const p = `MetricDataQueries.member.${i + 1}`;
    const id = requiredString(q, 'Id');
    if (!/^[a-z][a-zA-Z0-9_]*$/.test(id)) {
      throw invalidValue(`The value ${id} for parameter ${p}.Id is invalid: it must start with a lowercase letter and contain only letters, numbers and underscores.`);
    }
    if (ids.has(id)) throw invalidValue(`The value ${id} for parameter ${p}.Id is not unique.`);
    ids.add(id);
    if (q.Expression !== undefined && q.Expression !== null) {
      throw invalidValue(`${p}.Expression: the simulator does not evaluate metric math expressions; ask for the metric with MetricStat instead.`);
    }
    if (q.MetricStat === undefined || q.MetricStat === null) throw invalidCombination(`Exactly one of ${p}.MetricStat and ${p}.Expression must be specified.`);
    const ms = q.MetricStat as Input;
    const metric = (ms.Metric ?? {}) as Input;
    const namespace = requiredString(metric, 'Namespace');
    const metricName = requiredString(metric, 'MetricName');
    const period = requiredNumber(ms, 'Period');
    checkPeriod(period, `${p}.MetricStat.Period`);
    const stat = requiredString(ms, 'Stat');
    if (!isStatistic(stat) && percentileOf(stat) === undefined) {
      throw invalidValue(`The value ${stat} for parameter ${p}.MetricStat.Stat is not a valid statistic.`);
    }
    if (q.ReturnData === false) return;
    const series = findSeries(sim.world, namespace, metricName, dimensions(metric.Dimensions, `${p}.MetricStat.Metric.Dimensions`));
    const points = series ? readPoints(series, periodStarts(start, end, period), period, stat, sim.now) : [];
    if (scanBy === 'TimestampDescending') points.reverse();
    results.push({
      Id: id,
      Label: optionalString(q, 'Label') ?? metricName,
      Timestamps: points.map(([t]) => sim.date(t)),
      Values: points.map(([, v]) => v),
      StatusCode: 'Complete',
    });
  });
  return { MetricDataResults: results, Messages: [] };
}

/** [period start, value] of every period with data, oldest first. */
export function readPoints(series: MetricSeries, starts: number[], period: number, stat: string, now: number): [number, number][] {
  const out: [number, number][] = [];
  for (const t of starts) {
    const s: StatSet | undefined = readPeriod(series, t, period, now);
    const v = s && statisticValue(s, stat);
    if (v !== undefined) out.push([t, v]);
  }
  return out;
}

export function listMetrics(sim: Simulation, input: Input): ListMetricsOutput {
  const namespace = optionalString(input, 'Namespace');
  const metricName = optionalString(input, 'MetricName');
  const filters = dimensions(input.Dimensions, 'Dimensions', false);
  const recentlyActive = optionalString(input, 'RecentlyActive');
  if (recentlyActive !== undefined && recentlyActive !== 'PT3H') throw invalidValue(`The value ${recentlyActive} for parameter RecentlyActive is invalid: the only valid value is PT3H.`);
  // AWS lists metrics that received data in the past two weeks (PT3H: the past three hours).
  const since = sim.now - (recentlyActive ? 3 * 3600 : TWO_WEEKS);
  const Metrics = Object.keys(sim.world.metrics)
    .sort()
    .map((k) => sim.world.metrics[k])
    .filter((s) => s.lastAt >= since)
    .filter((s) => namespace === undefined || s.Namespace === namespace)
    .filter((s) => metricName === undefined || s.MetricName === metricName)
    .filter((s) => filters.every((f) => s.Dimensions.some((d) => d.Name === f.Name && (f.Value === '' || d.Value === f.Value))))
    .map((s) => ({ Namespace: s.Namespace, MetricName: s.MetricName, Dimensions: s.Dimensions.map((d) => ({ ...d })) }));
  return { Metrics };
}
