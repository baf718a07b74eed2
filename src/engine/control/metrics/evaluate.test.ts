import { describe, it, expect } from 'vitest';
import { breaches, evaluateWindow, type AlarmRule, type WindowPoint } from './evaluate';
import type { TreatMissingDataName } from '../../world/metrics-types';

/** "0 - X - X" (oldest first, as in the CloudWatch guide): 0 = not breaching, X = breaching, - = missing. */
function window(pattern: string): WindowPoint[] {
  return pattern.split(' ').map((c, i) => (c === '-' ? { t: i * 60 } : { t: i * 60, value: c === 'X' ? 100 : 0, sampleCount: 1 }));
}

function state(pattern: string, m: number, treat: TreatMissingDataName) {
  const rule: AlarmRule = { evaluationPeriods: 3, datapointsToAlarm: m, threshold: 50, comparisonOperator: 'GreaterThanThreshold', treatMissingData: treat };
  const s = evaluateWindow(window(pattern), rule).state;
  return s === 'retain' ? 'Retain current state' : s;
}

const TREATMENTS: TreatMissingDataName[] = ['missing', 'ignore', 'breaching', 'notBreaching'];

describe('CloudWatch alarm evaluation with missing data (the user guide tables, range 5)', () => {
  // Columns: MISSING, IGNORE, BREACHING, NOT BREACHING.
  const threeOfThree: [string, string[]][] = [
    ['0 - X - X', ['OK', 'OK', 'OK', 'OK']],
    ['0 - - - -', ['OK', 'OK', 'OK', 'OK']],
    ['- - - - -', ['INSUFFICIENT_DATA', 'Retain current state', 'ALARM', 'OK']],
    ['0 X X - X', ['ALARM', 'ALARM', 'ALARM', 'ALARM']],
    ['- - X - -', ['ALARM', 'Retain current state', 'ALARM', 'OK']],
  ];
  const twoOfThree: [string, string[]][] = [
    ['0 - X - X', ['ALARM', 'ALARM', 'ALARM', 'ALARM']],
    ['0 0 X 0 X', ['ALARM', 'ALARM', 'ALARM', 'ALARM']],
    ['0 - X - -', ['OK', 'OK', 'ALARM', 'OK']],
    ['- - - - 0', ['OK', 'OK', 'ALARM', 'OK']],
    ['- - - X -', ['ALARM', 'Retain current state', 'ALARM', 'OK']],
  ];
  for (const [pattern, expected] of threeOfThree) {
    it(`3 of 3 alarm over "${pattern}" goes ${expected.join(' / ')}`, () => {
      expect(TREATMENTS.map((t) => state(pattern, 3, t))).toEqual(expected);
    });
  }
  for (const [pattern, expected] of twoOfThree) {
    it(`2 of 3 alarm over "${pattern}" goes ${expected.join(' / ')}`, () => {
      expect(TREATMENTS.map((t) => state(pattern, 2, t))).toEqual(expected);
    });
  }

  it('evaluates the newest N real datapoints, reaching past gaps, when the range holds N of them', () => {
    const outcome = evaluateWindow(window('X X - 0 X'), { evaluationPeriods: 3, datapointsToAlarm: 3, threshold: 50, comparisonOperator: 'GreaterThanThreshold', treatMissingData: 'breaching' });
    expect(outcome.evaluated.map((p) => p.t)).toEqual([240, 180, 60]);
    expect(outcome.filled).toBe(0);
    expect(outcome.state).toBe('OK');
  });

  it('fills only the missing datapoints it needs ("as few times as possible")', () => {
    const outcome = evaluateWindow(window('- - - 0 X'), { evaluationPeriods: 3, datapointsToAlarm: 3, threshold: 50, comparisonOperator: 'GreaterThanThreshold', treatMissingData: 'breaching' });
    expect(outcome.filled).toBe(1);
    expect(outcome.breaching).toBe(2);
    expect(outcome.state).toBe('OK');
  });
});

describe('comparison operators', () => {
  it('compare the datapoint with the threshold as their names say', () => {
    expect([breaches('GreaterThanThreshold', 70, 70), breaches('GreaterThanOrEqualToThreshold', 70, 70)]).toEqual([false, true]);
    expect([breaches('LessThanThreshold', 70, 70), breaches('LessThanOrEqualToThreshold', 70, 70)]).toEqual([false, true]);
    expect([breaches('GreaterThanThreshold', 71, 70), breaches('LessThanThreshold', 69, 70)]).toEqual([true, true]);
  });
});
