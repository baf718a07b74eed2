/**
 * CloudWatch's alarm rule as a pure function over the datapoints of the evaluation range
 * (CloudWatch User Guide, "Configuring how CloudWatch alarms treat missing data"):
 *
 * - CloudWatch reads more periods than EvaluationPeriods (N): the evaluation range. Choice: the
 *   range is N + 2 periods (the guide's example: N = 3, range 5; AWS says it depends on the period).
 * - At least N real datapoints in the range: the newest N real ones are evaluated and the missing
 *   data setting is not used.
 * - Fewer: all real ones are evaluated and N - real missing ones are filled in with the setting
 *   ("CloudWatch uses missing data points only as few times as possible"); all missing with
 *   `missing` -> INSUFFICIENT_DATA, with `ignore` -> the current state is kept.
 * - DatapointsToAlarm (M) or more breaching -> ALARM, else OK.
 * - Premature-alarm rule: with `missing` (and `ignore`, which then keeps the state), when every
 *   real datapoint in the range is breaching and the oldest of them is at least M periods old, the
 *   alarm goes to ALARM even with fewer than M datapoints. The guide's two tables (3 of 3 and 2 of
 *   3) are reproduced exactly by this reading; evaluate.test.ts checks every row.
 */
import type { AlarmStateValue, ComparisonOperatorName, TreatMissingDataName } from '../../world/metrics-types';

export interface WindowPoint {
  /** Period start, simulated seconds. */
  t: number;
  /** The statistic's value, or undefined when the period has no data. */
  value?: number;
  sampleCount?: number;
}

export interface AlarmRule {
  evaluationPeriods: number;
  datapointsToAlarm: number;
  threshold: number;
  comparisonOperator: ComparisonOperatorName;
  treatMissingData: TreatMissingDataName;
}

export interface Outcome {
  /** The new state, or 'retain' (TreatMissingData ignore: the current state is kept). */
  state: AlarmStateValue | 'retain';
  why: 'threshold' | 'all-missing' | 'premature';
  /** Real datapoints evaluated, newest first. */
  evaluated: WindowPoint[];
  /** Breaching datapoints counted, fills included. */
  breaching: number;
  /** Missing datapoints filled in with the TreatMissingData setting. */
  filled: number;
}

export const evaluationRange = (evaluationPeriods: number) => evaluationPeriods + 2;

export function breaches(op: ComparisonOperatorName, value: number, threshold: number): boolean {
  switch (op) {
    case 'GreaterThanOrEqualToThreshold':
      return value >= threshold;
    case 'GreaterThanThreshold':
      return value > threshold;
    case 'LessThanThreshold':
      return value < threshold;
    case 'LessThanOrEqualToThreshold':
      return value <= threshold;
  }
}

/** `range` is the evaluation range, oldest first. */
export function evaluateWindow(range: WindowPoint[], rule: AlarmRule): Outcome {
  const N = rule.evaluationPeriods;
  const M = rule.datapointsToAlarm;
  const isBreach = (p: WindowPoint) => breaches(rule.comparisonOperator, p.value!, rule.threshold);
  const real = range.filter((p) => p.value !== undefined);
  const newestFirst = [...real].reverse();

  if (real.length >= N) {
    const evaluated = newestFirst.slice(0, N);
    const breaching = evaluated.filter(isBreach).length;
    return { state: breaching >= M ? 'ALARM' : 'OK', why: 'threshold', evaluated, breaching, filled: 0 };
  }

  const filled = N - real.length;
  const realBreaching = real.filter(isBreach).length;
  switch (rule.treatMissingData) {
    case 'breaching': {
      const breaching = realBreaching + filled;
      return { state: breaching >= M ? 'ALARM' : 'OK', why: real.length === 0 ? 'all-missing' : 'threshold', evaluated: newestFirst, breaching, filled };
    }
    case 'notBreaching':
      return { state: realBreaching >= M ? 'ALARM' : 'OK', why: real.length === 0 ? 'all-missing' : 'threshold', evaluated: newestFirst, breaching: realBreaching, filled };
    case 'missing':
    case 'ignore': {
      const keep = rule.treatMissingData === 'ignore';
      if (real.length === 0) {
        return keep
          ? { state: 'retain', why: 'all-missing', evaluated: [], breaching: 0, filled }
          : { state: 'INSUFFICIENT_DATA', why: 'all-missing', evaluated: [], breaching: 0, filled };
      }
      if (realBreaching >= M) return { state: 'ALARM', why: 'threshold', evaluated: newestFirst, breaching: realBreaching, filled };
      const oldestAge = range.length - range.indexOf(real[0]);
      if (realBreaching === real.length && oldestAge >= M) {
        return { state: keep ? 'retain' : 'ALARM', why: 'premature', evaluated: newestFirst, breaching: realBreaching, filled };
      }
      return { state: 'OK', why: 'threshold', evaluated: newestFirst, breaching: realBreaching, filled };
    }
  }
}
