import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { defaultScenario, USER_DATA, CLUSTER, AVAILABILITY_ZONES, ROLLOUT_AT_SECONDS, ROLLOUT_AFTER_HEALTHY_SECONDS, SERVICE } from './default';
import { parseScenario } from './schema';
import { runScenario } from './run';
import { createSessionStore, type FrameClock } from '../store/session';
import { describeService, play, tasksOf } from './gallery/play';
import type { Simulation } from '../engine/simulation';

const noFrames: FrameClock = { request: () => 0, cancel: () => {} };

/** Tasks of the service whose target in the load balancer's target group is healthy. */
function healthyTasks(sim: Simulation): number {
  const tg = Object.values(sim.world.targetGroups)[0];
  const healthy = Object.values(tg.targets).filter((t) => t.State === 'healthy');
  return healthy.length;
}

/** What maximumPercent bounds: the service's tasks that ECS wants RUNNING (PENDING or RUNNING, not yet stopped). */
const counted = (sim: Simulation) => tasksOf(sim, SERVICE).filter((t) => t.desiredStatus === 'RUNNING' && t.lastStatus !== 'STOPPED').length;

describe('the default scenario', () => {
  it('is a valid scenario file', () => {
    expect(parseScenario(JSON.parse(JSON.stringify(defaultScenario))).steps).toHaveLength(defaultScenario.steps.length);
  });

  it('gives its instances user data that joins them to the cluster, one instance in each of three AZs', () => {
    expect(atob(USER_DATA)).toContain(`ECS_CLUSTER=${CLUSTER}`);
    const runInstances = defaultScenario.steps.filter((s) => 'call' in s && s.call === 'ec2:RunInstances');
    expect(runInstances).toHaveLength(3);
  });

  it('has four healthy targets behind the load balancer, with traffic reaching them, half a minute before the new revision rolls out', () => {
    let healthyAt = Infinity;
    const sim = play(
      { ...defaultScenario, steps: defaultScenario.steps.filter((s) => !('call' in s && s.call === 'ecs:UpdateService')) },
      { every: 1, sample: (s) => Object.keys(s.world.targetGroups).length && healthyTasks(s) === 4 && (healthyAt = Math.min(healthyAt, s.now)) },
    );
    expect(sim.now).toBe(ROLLOUT_AT_SECONDS);
    expect(ROLLOUT_AT_SECONDS - healthyAt).toBeGreaterThanOrEqual(ROLLOUT_AFTER_HEALTHY_SECONDS);
    expect(ROLLOUT_AT_SECONDS - healthyAt).toBeLessThan(ROLLOUT_AFTER_HEALTHY_SECONDS + 5);
    expect(healthyTasks(sim)).toBe(4);
    expect(new Set(tasksOf(sim, SERVICE).map((t) => t.availabilityZone))).toEqual(new Set(AVAILABILITY_ZONES));
    const traffic = sim.call('sim:GetTraffic', { loadBalancerName: 'web-alb' }).output as any;
    expect(traffic.loadBalancers[0].toTargetsPerSecond).toBeGreaterThan(30);
  });

  it('rolls out revision 2 without dropping below ceil(4 x 50%) = 2 healthy tasks or going above 4 x 200% = 8, and completes', () => {
    let minHealthy = Infinity;
    let maxTasks = 0;
    const sim = play(defaultScenario, {
      every: 1,
      after: 600,
      sample: (s) => {
        if (s.now <= ROLLOUT_AT_SECONDS) return;
        minHealthy = Math.min(minHealthy, healthyTasks(s));
        maxTasks = Math.max(maxTasks, counted(s));
      },
    });
    expect(minHealthy).toBe(2);
    expect(maxTasks).toBeGreaterThan(4);
    expect(maxTasks).toBeLessThanOrEqual(8);
    const service = describeService(sim, SERVICE);
    expect(service.deployments).toHaveLength(1);
    expect(service.deployments[0]).toMatchObject({ rolloutState: 'COMPLETED', runningCount: 4 });
    expect(service.taskDefinition.endsWith(':task-definition/web:2')).toBe(true);
    expect(healthyTasks(sim)).toBe(4);
    expect(service.events.map((e: any) => e.message)).toContain('(service web) has reached a steady state.');
  });

  it('makes every call without an error when the headless runner runs it', () => {
    const errors: string[] = [];
    runScenario(defaultScenario, (r) => r.error && errors.push(`${r.call}: ${r.error.code}: ${r.error.message}`));
    expect(errors).toEqual([]);
  });

  it('played in the app in frames of any size, gives the same event log as the headless runner', () => {
    const reference = runScenario(defaultScenario, () => {});
    reference.advance(300 - reference.now);
    const expected = JSON.stringify(reference.world.events);
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0.01, max: 40, noNaN: true }), { minLength: 1, maxLength: 60 }), (frames) => {
        const store = createSessionStore({ scenario: defaultScenario, frames: noFrames });
        for (const seconds of frames) if (store.getState().now + seconds < 300) store.getState().advance(seconds);
        store.getState().advance(300 - store.getState().now);
        expect(JSON.stringify(store.getState().sim.world.events)).toBe(expected);
      }),
      { numRuns: 10 },
    );
  });
});
