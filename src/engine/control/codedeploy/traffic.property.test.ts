import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { ECS_DEPLOYMENT_CONFIGS, greenPercentAt } from '../../aws/codedeploy/common';
import { blueGreen, deploy } from './fixtures';
import { listenerWeights } from './traffic';

describe('production listener weights during a blue/green deployment (property)', () => {
  it('always sum to 100, never go back, and only take the values of the configuration steps', () => {
    fc.assert(
      fc.property(fc.constantFrom(...Object.keys(ECS_DEPLOYMENT_CONFIGS)), fc.array(fc.integer({ min: 1, max: 200 }), { minLength: 5, maxLength: 15 }), (configName, hops) => {
        const f = blueGreen({ group: { deploymentConfigName: configName } });
        deploy(f);
        const config = ECS_DEPLOYMENT_CONFIGS[configName];
        const allowed = new Set([0, ...Array.from({ length: 60 }, (_, m) => greenPercentAt(config, m * 60))]);
        let last = 0;
        for (const hop of hops) {
          f.s.advance(hop);
          const weights = listenerWeights(f.s.sim, f.prodListener);
          const sum = Object.values(weights).reduce((a, b) => a + b, 0);
          expect(sum).toBeCloseTo(100, 9);
          const green = weights[f.greenTg] ?? 0;
          expect(allowed.has(green)).toBe(true);
          expect(green).toBeGreaterThanOrEqual(last);
          last = green;
        }
      }),
      { numRuns: 12, seed: 17 },
    );
  });
});
