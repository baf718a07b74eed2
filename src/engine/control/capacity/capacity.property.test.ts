import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { group, liveTasks, providerSandbox, runOnProvider } from './test-fixtures';

type Step = { kind: 'run'; count: number } | { kind: 'stop'; pick: number } | { kind: 'advance'; seconds: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('run' as const), count: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ kind: fc.constant('stop' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('advance' as const), seconds: fc.integer({ min: 10, max: 900 }) }),
);

describe('managed scaling with managed termination protection (property)', () => {
  it('runs every task that waited in PROVISIONING when MaxSize allows, never terminates an instance with tasks, and scales in once idle', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.array(step, { minLength: 1, maxLength: 12 }), (seed, steps) => {
        // At most 12 x 3 = 36 tasks of 1024 units, 2 per m5.large: MaxSize 18 always has room.
        const s = providerSandbox({ seed, max: 18 });
        for (const st of steps) {
          if (st.kind === 'run') runOnProvider(s, st.count);
          else if (st.kind === 'advance') s.advance(st.seconds);
          else {
            const live = liveTasks(s).filter((t) => t.desiredStatus === 'RUNNING');
            if (live.length) s.call('ecs:StopTask', { cluster: 'prod', task: live[st.pick % live.length].taskArn });
          }
          expect(group(s).DesiredCapacity).toBeLessThanOrEqual(18);
        }
        s.advance(1800);
        const tasks = Object.values(s.world.tasks);
        // every task still wanted runs: none is left waiting, none timed out
        expect(tasks.filter((t) => t.desiredStatus === 'RUNNING').every((t) => t.lastStatus === 'RUNNING')).toBe(true);
        expect(tasks.filter((t) => t.stopCode === 'TaskFailedToStart')).toEqual([]);
        expect(Object.keys(s.world.capacityWaits ?? {})).toEqual([]);
        // once every task has stopped, managed scaling scales the group back in to MinSize 0
        for (const t of liveTasks(s)) s.call('ecs:StopTask', { cluster: 'prod', task: t.taskArn });
        s.advance(2400);
        expect(group(s).DesiredCapacity).toBe(0);
        // scale-in never took a host from under a task (the log keeps stops of tasks since expired)
        expect(s.world.events.filter((e) => e.kind === 'task.stop' && e.detail?.stopCode === 'TerminationNotice').map((e) => e.message)).toEqual([]);
      }),
      { numRuns: 30 },
    );
  });
});
