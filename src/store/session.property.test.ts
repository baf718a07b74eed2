import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { createSessionStore } from './session';
import { defaultScenario } from '../scenario/default';
import { noFrames } from './test-frames';
import { straightRun, worldJson } from './straight-run';

/** Edits a learner makes on the default scenario: some succeed, some fail, some change the future. */
const edits: [string, Record<string, unknown>][] = [
  ['ecs:RunTask', { cluster: 'prod', taskDefinition: 'web', count: 1, launchType: 'EC2' }],
  ['ecs:RunTask', { cluster: 'prod', taskDefinition: 'web', count: 3, launchType: 'EC2', placementStrategy: [{ type: 'binpack', field: 'memory' }] }],
  ['ecs:CreateService', { cluster: 'prod', serviceName: 'api', taskDefinition: 'web', desiredCount: 2, launchType: 'EC2' }],
  ['ecs:UpdateService', { cluster: 'prod', service: 'api', desiredCount: 5 }],
  ['ecr:CreateRepository', { repositoryName: 'worker' }],
  ['ecs:RunTask', { cluster: 'nope', taskDefinition: 'web' }],
];

type Action = { kind: 'advance'; seconds: number } | { kind: 'seek'; t: number } | { kind: 'edit'; edit: number } | { kind: 'step' } | { kind: 'undo' } | { kind: 'redo' };

const action: fc.Arbitrary<Action> = fc.oneof(
  fc.record({ kind: fc.constant('advance' as const), seconds: fc.double({ min: 0, max: 200, noNaN: true }) }),
  fc.record({ kind: fc.constant('seek' as const), t: fc.oneof(fc.integer({ min: 0, max: 600 }), fc.double({ min: 0, max: 600, noNaN: true })) }),
  fc.record({ kind: fc.constant('edit' as const), edit: fc.integer({ min: 0, max: edits.length - 1 }) }),
  fc.constant({ kind: 'step' as const }),
  fc.constant({ kind: 'undo' as const }),
  fc.constant({ kind: 'redo' as const }),
);

describe('time travel, as a property', () => {
  it('for any sequence of edits, seeks, steps, undos and redos, with checkpoints every minute or spaced by work, the world at the playhead is the world of a straight replay of the command log', () => {
    fc.assert(
      fc.property(fc.array(action, { minLength: 1, maxLength: 14 }), fc.option(fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 8 })), (actions, ticks) => {
        // With a work clock (ticks: how far it moves per reading, in turn), checkpoints fall where
        // the work they save says (checkpoints.ts), irregularly: seeking must not care.
        let reading = 0;
        let wall = 0;
        const workClock = ticks ? () => (wall += ticks[reading++ % ticks.length]) : undefined;
        const store = createSessionStore({ scenario: defaultScenario, frames: noFrames, workClock });
        for (const a of actions) {
          const s = store.getState();
          if (a.kind === 'advance') s.advance(a.seconds);
          else if (a.kind === 'seek') s.seek(a.t);
          else if (a.kind === 'edit') s.call(...edits[a.edit]);
          else if (a.kind === 'step') {
            s.stepToNextEvent();
            s.seek(store.getState().now); // complete the moment before comparing
          } else s[a.kind]();
          const { now, commands, sim } = store.getState();
          expect(worldJson(sim)).toBe(worldJson(straightRun(defaultScenario, commands, now)));
        }
      }),
      { numRuns: 25 },
    );
  }, 60_000);
});
