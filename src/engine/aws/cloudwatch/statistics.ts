/**
 * CloudWatch statistics from a statistic set: SampleCount, Sum, Minimum, Maximum, Average, and the
 * percentiles pNN / pNN.NN (ExtendedStatistics) when the raw values are known.
 */
import type { StatSet } from './store';

export const STATISTICS = ['SampleCount', 'Average', 'Sum', 'Minimum', 'Maximum'] as const;
export type StatisticName = (typeof STATISTICS)[number];

export const isStatistic = (s: unknown): s is StatisticName => typeof s === 'string' && (STATISTICS as readonly string[]).includes(s);

/** pNN or pNN.NN with 0 <= NN <= 100 (AWS allows up to two decimal places). */
export function percentileOf(stat: unknown): number | undefined {
  if (typeof stat !== 'string') return undefined;
  const m = /^p(\d{1,3}(?:\.\d{1,2})?)$/.exec(stat);
  if (!m) return undefined;
  const p = Number(m[1]);
  return p >= 0 && p <= 100 ? p : undefined;
}

/** The value of `stat` over `s`, or undefined when it cannot be computed (a percentile without raw values). */
export function statisticValue(s: StatSet, stat: string): number | undefined {
  switch (stat) {
    case 'SampleCount':
      return s.SampleCount;
    case 'Sum':
      return s.Sum;
    case 'Minimum':
      return s.Minimum;
    case 'Maximum':
      return s.Maximum;
    case 'Average':
      return s.SampleCount > 0 ? s.Sum / s.SampleCount : undefined;
  }
  const p = percentileOf(stat);
  return p === undefined || !s.values ? undefined : percentile(s.values, p);
}

/**
 * Nearest-rank percentile of flat [value, count, ...] pairs. Choice: CloudWatch does not document
 * its interpolation; nearest rank returns a value that was really published.
 */
export function percentile(pairs: number[], p: number): number | undefined {
  const items: [number, number][] = [];
  let total = 0;
  for (let i = 0; i < pairs.length; i += 2) {
    items.push([pairs[i], pairs[i + 1]]);
    total += pairs[i + 1];
  }
  if (total <= 0) return undefined;
  items.sort((a, b) => a[0] - b[0]);
  const rank = Math.max(1, Math.ceil((p / 100) * total));
  let seen = 0;
  for (const [v, c] of items) {
    seen += c;
    if (seen >= rank) return v;
  }
  return items[items.length - 1][0];
}
