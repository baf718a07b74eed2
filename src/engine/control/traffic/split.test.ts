import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { byWeight, roundRobin } from './split';
import { rateAt, RAMP_SECONDS } from './patterns';

describe('splitting whole requests', () => {
  it('splits a weighted forward in proportion to the weights (3:1 of 100 is 75 and 25)', () => {
    expect(byWeight(100, [3, 1])).toEqual([75, 25]);
    expect(byWeight(10, [1, 0, 1])).toEqual([5, 0, 5]);
    expect(byWeight(10, [0, 0])).toEqual([0, 0]);
  });

  it('never loses or invents a request, and gives weight 0 nothing', () => {
    fc.assert(
      fc.property(fc.nat(100_000), fc.array(fc.integer({ min: 0, max: 999 }), { minLength: 1, maxLength: 5 }), (total, weights) => {
        const shares = byWeight(total, weights);
        const sum = shares.reduce((a, b) => a + b, 0);
        expect(sum).toBe(weights.some((w) => w > 0) ? total : 0);
        weights.forEach((w, i) => w === 0 && expect(shares[i]).toBe(0));
      }),
    );
  });

  it('round robin gives every target the same share, the remainder moving on with the cursor', () => {
    const first = roundRobin(7, 3, 0);
    expect(first.shares).toEqual([3, 2, 2]);
    const second = roundRobin(7, 3, first.cursor);
    expect(second.shares).toEqual([2, 3, 2]);
    fc.assert(
      fc.property(fc.nat(10_000), fc.integer({ min: 1, max: 50 }), fc.nat(100), (total, count, cursor) => {
        const { shares } = roundRobin(total, count, cursor);
        expect(shares.reduce((a, b) => a + b, 0)).toBe(total);
        expect(Math.max(...shares) - Math.min(...shares)).toBeLessThanOrEqual(1);
      }),
    );
  });
});

describe('traffic patterns', () => {
  const at = (pattern: 'constant' | 'ramp' | 'spike' | 'daily', t: number, since = 0) => rateAt({ requestsPerSecond: 100, pattern, since }, t);

  it('ramp climbs linearly from 0 to the rate over 10 minutes, then stays', () => {
    expect(at('ramp', 1000, 1000)).toBe(0);
    expect(at('ramp', 1000 + RAMP_SECONDS / 2, 1000)).toBe(50);
    expect(at('ramp', 1000 + RAMP_SECONDS * 3, 1000)).toBe(100);
  });

  it('spike is 5x the rate for the first 5 minutes of every hour', () => {
    expect(at('spike', 3600 + 60)).toBe(500);
    expect(at('spike', 3600 + 300)).toBe(100);
    expect(at('spike', 7200 - 1)).toBe(100);
  });

  it('daily peaks at noon UTC and bottoms at 10% at midnight', () => {
    expect(at('daily', 12 * 3600)).toBeCloseTo(100);
    expect(at('daily', 0)).toBeCloseTo(10);
    expect(at('daily', 86_400 + 6 * 3600)).toBeCloseTo(55);
  });
});
