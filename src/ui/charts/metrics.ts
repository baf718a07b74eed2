/**
 * Reading CloudWatch series out of the world for a chart: one value per minute over a window,
 * as GetMetricStatistics would answer with Period 60 (the store's readPeriod), null where the
 * metric has no datapoint (CloudWatch does not report a metric for a minute without data).
 */
import { readPeriod } from '../../engine/aws/cloudwatch/store';
import type { MetricSeries } from '../../engine/world/metrics-types';
import type { World } from '../../engine/world/types';

export const PERIOD = 60;

export type Statistic = 'Average' | 'Sum' | 'Maximum' | 'Minimum';

/**
 * The series of a metric whose dimensions are exactly `dimensions` (names and values; a value of
 * '*' matches any value), e.g. the ALB's per-target-group series without knowing its LoadBalancer.
 */
export function findMetric(world: Pick<World, 'metrics'>, namespace: string, metricName: string, dimensions: Record<string, string>): MetricSeries[] {
  const names = Object.keys(dimensions);
  return Object.values(world.metrics).filter(
    (m) =>
      m.Namespace === namespace &&
      m.MetricName === metricName &&
      m.Dimensions.length === names.length &&
      m.Dimensions.every((d) => Object.hasOwn(dimensions, d.Name) && (dimensions[d.Name] === '*' || dimensions[d.Name] === d.Value)),
  );
}

/** Minute starts from `from` to `to` (both floored to the minute; `to` included). */
export function minutes(from: number, to: number): number[] {
  const out: number[] = [];
  for (let t = Math.max(0, Math.floor(from / PERIOD) * PERIOD); t <= Math.floor(to / PERIOD) * PERIOD; t += PERIOD) out.push(t);
  return out;
}

/**
 * One value per minute of `times`: the statistic over every matching series (several series are
 * added up: e.g. healthy hosts of a target group behind two load balancers), null without data.
 */
export function metricValues(series: readonly MetricSeries[], times: readonly number[], statistic: Statistic, now: number): (number | null)[] {
  return times.map((t) => {
    let sum = 0;
    let count = 0;
    let min = Infinity;
    let max = -Infinity;
    let found = false;
    for (const s of series) {
      const set = readPeriod(s, t, PERIOD, now);
      if (!set || set.SampleCount === 0) continue;
      found = true;
      sum += statistic === 'Average' ? set.Sum / set.SampleCount : set.Sum;
      count++;
      min = Math.min(min, set.Minimum);
      max = Math.max(max, set.Maximum);
    }
    if (!found) return null;
    if (statistic === 'Minimum') return min;
    if (statistic === 'Maximum') return max;
    return sum;
  });
}
