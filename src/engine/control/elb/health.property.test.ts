import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { activate, albWithTargetGroup, bridgeTasks, listen } from './fixtures';
import { deregisterTarget, registerTarget } from './health';

/** Target state changes ELB can make (ELB user guide, "Target health status"); same-state moves are reason changes. */
const ALLOWED: Record<string, string[]> = {
  unused: ['initial', 'unused'],
  initial: ['initial', 'healthy', 'unhealthy', 'draining', 'unused'],
  healthy: ['unhealthy', 'draining', 'unused'],
  unhealthy: ['unhealthy', 'healthy', 'draining', 'unused'],
  draining: ['initial', 'unused'], // registered again (into a used or an unused group)
};

type Step = { kind: 'register' } | { kind: 'deregister' } | { kind: 'advance'; seconds: number } | { kind: 'toggleListener' } | { kind: 'stopTask' };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.constant({ kind: 'register' as const }),
  fc.constant({ kind: 'deregister' as const }),
  fc.integer({ min: 1, max: 400 }).map((seconds) => ({ kind: 'advance' as const, seconds })),
  fc.constant({ kind: 'toggleListener' as const }),
  fc.constant({ kind: 'stopTask' as const }),
);

describe('Target health state machine (property)', () => {
  it('only ever moves along the allowed transitions, and never turns healthy sooner than 5 checks x 30 s after registration', () => {
    const base = albWithTargetGroup({ seed: 21 });
    let listener: string | undefined = listen(base);
    activate(base);
    const tasks = bridgeTasks(base.s, 2);
    const snapshot = base.s.sim.snapshot();

    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 25 }), (steps) => {
        const f = base;
        f.s.sim.restore(structuredClone(snapshot));
        listener = Object.keys(f.s.world.listeners)[0];
        const eventsBefore = f.s.world.events.length;
        const target = { Id: tasks[0].instanceId, Port: tasks[0].hostPort };
        let registeredAt: number | undefined;
        for (const s of steps) {
          if (s.kind === 'register') {
            const state = f.s.world.targetGroups[f.tgArn].targets[`${target.Id}:${target.Port}`]?.State;
            if (state === undefined || state === 'draining') registeredAt = f.s.now;
            registerTarget(f.s.sim, f.tgArn, target);
          } else if (s.kind === 'deregister') deregisterTarget(f.s.sim, f.tgArn, target);
          else if (s.kind === 'advance') f.s.advance(s.seconds);
          else if (s.kind === 'stopTask') f.s.call('ecs:StopTask', { cluster: 'prod', task: tasks[0].taskArn });
          else if (listener) {
            f.s.call('elbv2:DeleteListener', { ListenerArn: listener });
            listener = undefined;
          } else listener = listen(f);
          const t = f.s.world.targetGroups[f.tgArn].targets[`${target.Id}:${target.Port}`];
          if (t?.State === 'healthy' && registeredAt !== undefined) expect(f.s.now - registeredAt).toBeGreaterThanOrEqual(150);
        }
        const changes = f.s.world.events.slice(eventsBefore).filter((e) => e.kind === 'elb.target.health' && e.detail?.targetId === target.Id);
        for (const e of changes) expect(ALLOWED[String(e.detail!.from)]).toContain(String(e.detail!.to));
      }),
      { numRuns: 60, seed: 42 },
    );
  });
});
