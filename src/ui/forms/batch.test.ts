import { describe, it, expect } from 'vitest';
import { createSessionStore } from '../../store/session';
import { noFrames } from '../../store/test-frames';
import type { Scenario } from '../../scenario/schema';
import { FORMS } from './index';
import { partialMessage, runPlan } from './run';
import type { PaletteKind } from './types';

const empty: Scenario = { seed: 1, region: 'us-east-1', accountId: '123456789012', steps: [] };

/** Submits a form through the session store, as FormDialog does: one batch. */
function submit(store: ReturnType<typeof createSessionStore>, kind: PaletteKind, overrides: Record<string, string | number | boolean> = {}) {
  const spec = FORMS[kind];
  const world = store.getState().sim.world;
  const values = { ...spec.defaults(world, {}), ...overrides };
  return store.getState().batch((call) => runPlan(spec.plan(values, world), call, spec.fields(world, values)));
}

describe('a form that makes several calls is one edit', () => {
  it('the load balancer form (load balancer, target group, listener) is undone in one step', () => {
    const store = createSessionStore({ scenario: empty, frames: noFrames });
    const outcome = submit(store, 'loadBalancer');
    expect(outcome.done.map((d) => d.call)).toEqual(['elbv2:CreateLoadBalancer', 'elbv2:CreateTargetGroup', 'elbv2:CreateListener']);
    expect(store.getState().commands).toHaveLength(3);
    store.getState().undo();
    const world = store.getState().sim.world;
    expect([Object.keys(world.loadBalancers), Object.keys(world.targetGroups), Object.keys(world.listeners)]).toEqual([[], [], []]);
    expect(store.getState().canUndo).toBe(false);
  });

  it('EC2 instances over three AZs are one undo step', () => {
    const store = createSessionStore({ scenario: empty, frames: noFrames });
    submit(store, 'cluster');
    submit(store, 'ec2Instances');
    expect(Object.keys(store.getState().sim.world.instances)).toHaveLength(3);
    store.getState().undo();
    expect(Object.keys(store.getState().sim.world.instances)).toHaveLength(0);
    expect(Object.keys(store.getState().sim.world.clusters)).toHaveLength(1);
  });

  it('a form stopped by an error keeps the calls before it, still as one undo step, and says so', () => {
    const store = createSessionStore({ scenario: empty, frames: noFrames });
    // The load balancer is created; the target group name breaks ELB's rule (alphanumerics and hyphens).
    const outcome = submit(store, 'loadBalancer', { TargetGroupName: 'web_tg' });
    expect(outcome.ok).toBe(false);
    expect(outcome.done.map((d) => d.call)).toEqual(['elbv2:CreateLoadBalancer']);
    expect(Object.keys(store.getState().sim.world.loadBalancers)).toHaveLength(1);
    expect(partialMessage(outcome)).toContain('Undo takes them back in one step');
    store.getState().undo();
    expect(store.getState().commands).toEqual([]);
    expect(Object.keys(store.getState().sim.world.loadBalancers)).toHaveLength(0);
  });
});
