import { describe, it, expect } from 'vitest';
import { appendMarkers, markerKindOf } from './markers';
import type { SimEvent } from '../engine/world/types';
import { createSessionStore } from './session';
import { defaultScenario } from '../scenario/default';
import { noFrames } from './test-frames';

const ev = (kind: string, detail?: Record<string, unknown>): SimEvent => ({ at: 1, source: 'ecs', kind, resource: 'r', message: kind, detail });

describe('timeline markers', () => {
  it('mark service deployments (started, completed, failed, rolled back) and CodeDeploy deployments with ◆', () => {
    for (const kind of ['service.deployment', 'service.deploymentCompleted', 'service.deploymentFailed', 'service.rollback', 'codedeploy.deployment']) {
      expect(markerKindOf(ev(kind))).toBe('deployment');
    }
  });

  it('mark Application Auto Scaling setting a desired count and an ASG capacity change with ▲', () => {
    expect(markerKindOf(ev('appAutoScaling.activity', { desiredCount: 6 }))).toBe('scaling');
    expect(markerKindOf(ev('autoscaling.desiredCapacity', { from: 2, to: 3 }))).toBe('scaling');
  });

  it('mark failures with ✕: failed tasks (not stopped ones), placement, the circuit breaker, unhealthy targets', () => {
    expect(markerKindOf(ev('task.stop', { stopCode: 'EssentialContainerExited' }))).toBe('failure');
    expect(markerKindOf(ev('task.stop', { stopCode: 'TaskFailedToStart' }))).toBe('failure');
    expect(markerKindOf(ev('task.stop', { stopCode: 'SpotInterruption' }))).toBe('failure');
    expect(markerKindOf(ev('task.stop', { stopCode: 'UserInitiated' }))).toBeUndefined();
    expect(markerKindOf(ev('task.stop', { stopCode: 'ServiceSchedulerInitiated' }))).toBeUndefined();
    expect(markerKindOf(ev('service.placementFailed'))).toBe('failure');
    expect(markerKindOf(ev('task.placementFailed'))).toBe('failure');
    expect(markerKindOf(ev('service.circuitBreaker'))).toBe('failure');
    expect(markerKindOf(ev('elb.target.health', { to: 'unhealthy' }))).toBe('failure');
    expect(markerKindOf(ev('elb.target.health', { to: 'healthy' }))).toBeUndefined();
    expect(markerKindOf(ev('task.status'))).toBeUndefined();
  });

  it('are appended without copying when no new event makes one', () => {
    const none = appendMarkers([], [ev('task.status')], 0);
    expect(appendMarkers(none, [ev('task.status'), ev('task.status')], 1)).toBe(none);
  });

  it('appear on the session timeline as the default scenario rolls out its new revision, and stay when seeking back', () => {
    const store = createSessionStore({ scenario: defaultScenario, frames: noFrames });
    store.getState().advance(600);
    const deployments = store.getState().markers.filter((m) => m.kind === 'deployment');
    expect(deployments.length).toBeGreaterThanOrEqual(2); // the first deployment and the new revision's
    store.getState().seek(10);
    expect(store.getState().markers.filter((m) => m.kind === 'deployment')).toEqual(deployments);
  });
});
