/**
 * The indexes the engine keeps beside the world's data (world/task-index.ts, the parked health
 * checks of control/elb/parking.ts) always agree with a rebuild from the data itself, whatever
 * happens: tasks scaled, stopped, crashed, drained, their hosts terminated, targets deregistered,
 * and STOPPED tasks leaving the world an hour later.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyChaos, chaosCommand, steadyWebService } from '../testing/service-chaos';
import { taskArnsInOrder } from './task-index';
import type { World } from './types';

function byServiceRebuilt(world: World): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const arn of Object.keys(world.tasks)) {
    const s = world.tasks[arn].serviceArn;
    if (s) (out[s] ??= []).push(arn);
  }
  return out;
}

function expectIndexesAgree(world: World): void {
  expect(taskArnsInOrder(world)).toEqual(Object.keys(world.tasks));
  expect(world.taskArnsByService).toEqual(byServiceRebuilt(world));
  for (const ci of Object.values(world.containerInstances)) {
    const holding = Object.values(world.tasks).filter((t) => t.containerInstanceArn === ci.containerInstanceArn && t.lastStatus !== 'STOPPED' && t.reserved);
    expect([...(ci.taskArns ?? [])].sort()).toEqual(holding.map((t) => t.taskArn).sort());
  }
  for (const tg of Object.values(world.targetGroups)) {
    for (const [key, t] of Object.entries(tg.targets)) {
      if (t.parkedAt === undefined) continue;
      expect(t.State).toBe('healthy');
      expect(world.parkedHealthChecks?.[t.Id]).toContainEqual({ targetGroupArn: tg.TargetGroupArn, key });
    }
  }
}

describe('the world indexes', () => {
  it('agree with a rebuild from the data after any sequence of changes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.array(chaosCommand, { minLength: 1, maxLength: 10 }), (seed, commands) => {
        const { s, tg } = steadyWebService(seed);
        taskArnsInOrder(s.world); // from here on kept by addTask / removeTask
        for (const c of commands) {
          applyChaos(s, tg, c);
          expectIndexesAgree(s.world);
        }
        s.advance(3700); // STOPPED tasks leave the world
        expectIndexesAgree(s.world);
      }),
      { numRuns: 20 },
    );
  });
});
