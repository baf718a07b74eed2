/**
 * Parked health checks (parking.ts) are only an optimisation: a healthy target that keeps passing
 * is not checked one check at a time, and everything that can change its answer wakes it, so the
 * world behaves as if every check had run: the same log lines at the same seconds, the same call
 * results, the same target health. (Within one second, checks that resumed may log in another
 * order: the comparison sorts each second's lines.)
 */
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eventHandlers } from '../index';
import { HEALTH_CHECKS_EVENT } from './check-batches';
import { wakeAllParkedTargets } from './parking';
import { applyChaos, chaosCommand, steadyWebService } from '../../testing/service-chaos';
import { GALLERY } from '../../../scenario/gallery';
import { runScenario } from '../../../scenario/run';
import type { CallResult, EventHandler } from '../../simulation';
import type { SimEvent } from '../../world/types';

const original: EventHandler = eventHandlers[HEALTH_CHECKS_EVENT];
let checkEveryTime = false;

beforeEach(() => {
  // Test-only: with checkEveryTime, targets parked by a batch resume at once (their next check is
  // scheduled as if never parked), so every check runs.
  eventHandlers[HEALTH_CHECKS_EVENT] = (sim, event) => {
    original(sim, event);
    if (checkEveryTime) wakeAllParkedTargets(sim);
  };
});
afterEach(() => {
  eventHandlers[HEALTH_CHECKS_EVENT] = original;
  checkEveryTime = false;
});

/** The log with each second's lines in a fixed order. */
const bySecond = (events: SimEvent[]) => events.map((e) => JSON.stringify(e)).sort((a, b) => (JSON.parse(a).at - JSON.parse(b).at) || (a < b ? -1 : a > b ? 1 : 0));

function bothWays(run: () => { events: SimEvent[]; results: unknown; targets?: unknown }): [string, string] {
  checkEveryTime = false;
  const parked = run();
  checkEveryTime = true;
  const every = run();
  const view = (r: typeof parked) => JSON.stringify({ events: bySecond(r.events), results: r.results, targets: r.targets });
  return [view(parked), view(every)];
}

describe('parked health checks', () => {
  it('park a healthy target after a passing check: no check of it waits in a batch', () => {
    const { s, tg } = steadyWebService(3);
    const targets = Object.values(s.world.targetGroups[tg].targets);
    expect(targets.map((t) => t.State)).toEqual(['healthy', 'healthy', 'healthy']);
    expect(targets.every((t) => t.parkedAt !== undefined)).toBe(true);
    const waiting = Object.values(s.world.healthCheckBatches ?? {}).flat().filter((d) => d.targetGroupArn === tg);
    expect(waiting).toEqual([]);
  });

  it('wake when the task behind a target stops, so a target registered by hand turns unhealthy as if checked all along', () => {
    const { s } = steadyWebService(4);
    const manual = Object.values(s.world.targetGroups).find((g) => g.TargetGroupName === 'manual')!;
    const task = Object.values(s.world.tasks).find((t) => t.lastStatus === 'RUNNING')!;
    const t = manual.targets[`${task.ec2InstanceId}:${task.containers[0].networkBindings[0].hostPort}`];
    expect(t.State).toBe('healthy');
    expect(t.parkedAt).toBeDefined();
    s.call('ecs:StopTask', { cluster: 'prod', task: task.taskArn });
    s.advanceUntil(() => s.world.tasks[task.taskArn].lastStatus !== 'RUNNING', 120, 1); // DEACTIVATING: it no longer serves
    expect(t.parkedAt).toBeUndefined();
    // Unhealthy after UnhealthyThresholdCount (2) failed checks, 10 s apart: within 30 s.
    s.advanceUntil(() => t.State === 'unhealthy', 30, 1);
    expect(t.Reason).toBe('Target.FailedHealthChecks');
  });

  it('count the checks a parked target skipped as passes when it wakes, and put its next check in a batch', () => {
    const { s, tg } = steadyWebService(8);
    const t = Object.values(s.world.targetGroups[tg].targets)[0];
    const before = t.consecutiveSuccesses;
    s.advance(100);
    const firstSkipped = t.parkedAt!;
    wakeAllParkedTargets(s.sim);
    expect(t.parkedAt).toBeUndefined();
    // Checks every 10 s from firstSkipped up to now were skipped (all would have passed).
    expect(t.consecutiveSuccesses - before).toBe(Math.ceil((s.sim.now - firstSkipped) / 10));
    const waiting = Object.values(s.world.healthCheckBatches ?? {}).flat().filter((d) => d.targetGroupArn === tg && d.key === `${t.Id}:${t.Port}`);
    expect(waiting).toHaveLength(1);
  });

  it('give the same log, results and target health as checking every time, for every gallery scenario', () => {
    for (const { id, scenario } of GALLERY) {
      const [parked, every] = bothWays(() => {
        const results: CallResult[] = [];
        const sim = runScenario(structuredClone(scenario), (r) => results.push(r));
        sim.advance(1200);
        const targets = Object.values(sim.world.targetGroups).map((g) => Object.values(g.targets).map((t) => [t.Id, t.Port, t.State, t.Reason]));
        return { events: sim.world.events, results, targets };
      });
      expect(parked === every, id).toBe(true);
    }
  });

  it('give the same log, results and target health as checking every time, under random scaling, stops, drains, terminations, faults and deregistrations', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.array(chaosCommand, { minLength: 1, maxLength: 12 }), (seed, commands) => {
        const [parked, every] = bothWays(() => {
          const { s, tg } = steadyWebService(seed);
          const results = commands.map((c) => applyChaos(s, tg, c));
          s.advance(900);
          const targets = Object.values(s.world.targetGroups).map((g) => Object.values(g.targets).map((t) => [t.Id, t.Port, t.State, t.Reason]));
          return { events: s.world.events, results, targets };
        });
        expect(parked === every).toBe(true);
      }),
      { numRuns: 25 },
    );
  });
});
