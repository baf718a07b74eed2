import { describe, it, expect } from 'vitest';
import { describeMark, groupMarks, trackSpan } from './marks';
import type { Marker } from '../../store/markers';

const m = (at: number, kind: Marker['kind'], label = `e${at}`): Marker => ({ at, kind, label, resource: 'r' });

describe('timeline marks', () => {
  it('sit at their share of the track', () => {
    expect(groupMarks([m(30, 'deployment')], 120).map((g) => g.left)).toEqual([25]);
  });

  it('group markers of one kind that would overlap, and keep kinds apart', () => {
    const marks = groupMarks([m(10, 'failure'), m(10.2, 'failure'), m(10.3, 'scaling'), m(90, 'failure')], 100, 10);
    expect(marks.map((g) => [g.kind, g.count, g.at])).toEqual([
      ['failure', 2, 10],
      ['scaling', 1, 10.3],
      ['failure', 1, 90],
    ]);
  });

  it('say what they are in words, so colour and shape are not the only signal', () => {
    const [one] = groupMarks([m(5, 'deployment', '(service web) deployment ecs-svc/1 started with web:2.')], 100);
    expect(describeMark(one, '00:00:05')).toBe('Deployment at 00:00:05: (service web) deployment ecs-svc/1 started with web:2.');
    const [many] = groupMarks([1, 1.1, 1.2, 1.3].map((at) => m(at, 'failure')), 100, 10);
    expect(describeMark(many, '00:00:01')).toBe('4 failures from 00:00:01: e1 · e1.1 · e1.2 (and 1 more)');
  });

  it('sit on a track whose span grows in steps of 25% from two minutes, so they stand still while the clock runs', () => {
    expect([0, 60, 120, 121, 150, 151, 3600].map(trackSpan)).toEqual([120, 120, 120, 150, 150, 187.5, 120 * 1.25 ** 16]);
    expect(trackSpan(3600)).toBeGreaterThanOrEqual(3600);
    expect(trackSpan(3600) / 1.25).toBeLessThan(3600);
  });

  it('leave out markers past the end of the track', () => {
    expect(groupMarks([m(200, 'failure')], 100)).toEqual([]);
  });
});
