import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { desiredCount, LOAD, publishEachMinute, serviceSandbox, trackingPolicy } from './test-fixtures';

describe('target tracking under any metric series', () => {
  it('keeps the desired count within [min, max] and never scales in within the 300 s cooldown of the last change', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 200 }), { minLength: 20, maxLength: 40 }),
        fc.integer({ min: 0, max: 4 }),
        fc.integer({ min: 5, max: 12 }),
        (series, min, max) => {
          const s = serviceSandbox({ desiredCount: Math.max(min, 3), min, max });
          trackingPolicy(s, 'load', { TargetValue: 60, CustomizedMetricSpecification: LOAD });
          let last = { count: desiredCount(s), at: -Infinity };
          for (const value of series) {
            publishEachMinute(s, LOAD, value, 1);
            const now = desiredCount(s);
            expect(now).toBeGreaterThanOrEqual(min);
            expect(now).toBeLessThanOrEqual(max);
            if (now < last.count) expect(s.now - last.at).toBeGreaterThanOrEqual(300);
            if (now !== last.count) last = { count: now, at: s.now };
          }
        },
      ),
      { numRuns: 20, seed: 12 },
    );
  });
});
