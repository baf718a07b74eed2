import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { sandbox } from '../../testing/harness';
import { putDatapoint } from '../../aws/cloudwatch/store';

type State = 'OK' | 'ALARM' | 'INSUFFICIENT_DATA';

/**
 * The documented rule, written out plainly: the evaluation range is N + 2 periods; with N real
 * datapoints the newest N decide; with fewer, all real ones plus N - real fills (breaching,
 * notBreaching, or nothing for missing/ignore); M breaching -> ALARM; the premature-alarm rule for
 * missing (ignore keeps the state instead); all missing -> INSUFFICIENT_DATA (ignore: keep).
 */
function reference(prev: State, range: (number | undefined)[], n: number, m: number, treat: string, threshold: number): State {
  const real = range.map((v, i) => ({ v, i })).filter((p) => p.v !== undefined) as { v: number; i: number }[];
  const breach = (v: number) => v >= threshold;
  if (real.length >= n) return real.slice(-n).filter((p) => breach(p.v)).length >= m ? 'ALARM' : 'OK';
  if (real.length === 0) return ({ missing: 'INSUFFICIENT_DATA', ignore: prev, breaching: 'ALARM', notBreaching: 'OK' } as Record<string, State>)[treat];
  const fills = n - real.length;
  const b = real.filter((p) => breach(p.v)).length + (treat === 'breaching' ? fills : 0);
  if (b >= m) return 'ALARM';
  if ((treat === 'missing' || treat === 'ignore') && real.every((p) => breach(p.v)) && range.length - real[0].i >= m) {
    return treat === 'missing' ? 'ALARM' : prev;
  }
  return 'OK';
}

describe('alarm evaluation (property)', () => {
  it('for any minute series, every evaluation leaves the alarm in the state the documented rule gives', () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined, freq: 3 }), { minLength: 1, maxLength: 25 }),
        fc.integer({ min: 1, max: 5 }).chain((n) => fc.tuple(fc.constant(n), fc.integer({ min: 1, max: n }))),
        fc.constantFrom('missing', 'ignore', 'breaching', 'notBreaching'),
        fc.integer({ min: 0, max: 100 }),
        (series, [n, m], treat, threshold) => {
          const s = sandbox();
          series.forEach((value, minute) => {
            if (value !== undefined) putDatapoint(s.world, { namespace: 'App', metricName: 'Load', at: minute * 60, value });
          });
          s.call('cloudwatch:PutMetricAlarm', {
            AlarmName: 'a', Namespace: 'App', MetricName: 'Load', Statistic: 'Maximum', Period: 60,
            EvaluationPeriods: n, DatapointsToAlarm: m, Threshold: threshold, ComparisonOperator: 'GreaterThanOrEqualToThreshold', TreatMissingData: treat,
          });
          let expected: State = 'INSUFFICIENT_DATA';
          for (let k = 1; k <= series.length + 2; k++) {
            s.advance(60);
            const range = Array.from({ length: n + 2 }, (_, j) => k - (n + 2) + j).map((minute) => (minute >= 0 ? series[minute] : undefined));
            expected = reference(expected, range, n, m, treat, threshold);
            expect(s.world.alarms.a.StateValue).toBe(expected);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
