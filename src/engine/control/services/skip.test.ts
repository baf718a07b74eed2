/**
 * Skipping the periodic pass of a steady service (reconcile.ts, changes.ts) is only an
 * optimisation: a skipped pass would have changed nothing, so a world that skips and a world that
 * always runs full passes write the same event log and answer every call the same, whatever
 * happens to the service's tasks, targets and instances.
 */
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eventHandlers } from '../index';
import { RECONCILE_EVENT, SAFETY_PASS_SECONDS } from './reconcile';
import { chaosCommand, applyChaos, steadyWebService } from '../../testing/service-chaos';
import { GALLERY } from '../../../scenario/gallery';
import { runScenario } from '../../../scenario/run';
import type { CallResult, EventHandler } from '../../simulation';

const original: EventHandler = eventHandlers[RECONCILE_EVENT];
let forceFullPasses = false;

beforeEach(() => {
  // Test-only: with forceFullPasses, every service looks changed before each pass, so none is skipped.
  eventHandlers[RECONCILE_EVENT] = (sim, event) => {
    if (forceFullPasses) for (const service of Object.values(sim.world.services)) service.unchangedSinceQuietPass = false;
    original(sim, event);
  };
});
afterEach(() => {
  eventHandlers[RECONCILE_EVENT] = original;
  forceFullPasses = false;
});

/** The event log and call results of `run`, with skipping on and then off. */
function bothWays(run: () => { events: unknown; results: unknown }): [string, string] {
  forceFullPasses = false;
  const skipping = JSON.stringify(run());
  forceFullPasses = true;
  const full = JSON.stringify(run());
  return [skipping, full];
}

describe('skipping the periodic pass of a steady service', () => {
  it('skips the 15 s passes while a steady service has nothing new, but runs a full pass every SAFETY_PASS_SECONDS', () => {
    const { s } = steadyWebService(5);
    const service = Object.values(s.world.services)[0];
    expect(service.steady).toBe(true);
    const fullPasses = new Set<number>();
    for (let t = 0; t < 2 * SAFETY_PASS_SECONDS; t += 5) {
      s.advance(5);
      fullPasses.add(service.lastFullPassAt!);
    }
    // 240 periodic ticks in two safety intervals; only the safety passes (one per interval) run in full.
    expect(fullPasses.size).toBeLessThanOrEqual(3);
    expect(fullPasses.size).toBeGreaterThanOrEqual(2);
    expect(service.unchangedSinceQuietPass).toBe(true);
  });

  it('runs a full pass at the next tick once a target of the service turns unhealthy, and replaces the task', () => {
    const { s } = steadyWebService(6);
    const service = Object.values(s.world.services)[0];
    const task = Object.values(s.world.tasks).find((t) => t.lastStatus === 'RUNNING')!;
    s.call('sim:InjectFault', { type: 'HealthCheckFailure', target: task.taskArn, durationSeconds: 600 });
    s.advanceUntil(() => !service.unchangedSinceQuietPass, 120, 1);
    const changedAt = s.sim.now;
    s.advanceUntil(() => s.world.tasks[task.taskArn].desiredStatus === 'STOPPED', 60, 1);
    expect(s.sim.now - changedAt).toBeLessThanOrEqual(15);
    expect(s.world.tasks[task.taskArn].stoppedReason).toBe('Task failed ELB health checks');
  });

  it('gives the same event log and call results as full passes, for every gallery scenario', () => {
    for (const { id, scenario } of GALLERY) {
      const [skipping, full] = bothWays(() => {
        const results: CallResult[] = [];
        const sim = runScenario(structuredClone(scenario), (r) => results.push(r));
        sim.advance(1200);
        return { events: sim.world.events, results };
      });
      expect(skipping === full, id).toBe(true);
    }
  });

  it('gives the same event log and call results as full passes under random scaling, stops, drains, terminations, faults and deregistrations', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.array(chaosCommand, { minLength: 1, maxLength: 12 }), (seed, commands) => {
        const [skipping, full] = bothWays(() => {
          const { s, tg } = steadyWebService(seed);
          const results = commands.map((c) => applyChaos(s, tg, c));
          s.advance(900);
          return { events: s.world.events, results };
        });
        expect(skipping === full).toBe(true);
      }),
      { numRuns: 25 },
    );
  });
});
