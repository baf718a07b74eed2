import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { circuitBreakerThreshold, deploymentBounds } from './derived';

describe('deployment bounds (ECS: lower = desired x min% rounded up, upper = desired x max% rounded down)', () => {
  it('min 50% of 4 tasks keeps 2 running, so ECS may stop 2', () => {
    expect(deploymentBounds(4, 50, 200)).toEqual({ desired: 4, lower: 2, upper: 8 });
  });

  it('max 125% of 3 tasks allows 3 at once, so ECS may start none before stopping one', () => {
    expect(deploymentBounds(3, 100, 125).upper).toBe(3);
  });

  it('rounds the lower bound up: min 50% of 3 is 2', () => {
    expect(deploymentBounds(3, 50, 200).lower).toBe(2);
  });

  it('the defaults 100/200 keep every task and allow double', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 5000 }), (d) => {
      const b = deploymentBounds(d, 100, 200);
      return b.lower === d && b.upper === 2 * d;
    }));
  });
});

describe('circuit breaker threshold (ceil(0.5 x desired), clamped to 3..200)', () => {
  it('is 3 for small services, half the desired count in between, 200 at most', () => {
    expect(circuitBreakerThreshold(1)).toBe(3);
    expect(circuitBreakerThreshold(4)).toBe(3);
    expect(circuitBreakerThreshold(7)).toBe(4);
    expect(circuitBreakerThreshold(100)).toBe(50);
    expect(circuitBreakerThreshold(1000)).toBe(200);
  });
});
