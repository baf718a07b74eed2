import { describe, it, expect } from 'vitest';
import { circuitBreakerRollback } from './circuit-breaker-rollback';
import { describeService, play, tasksOf } from './play';

describe('the circuit breaker with rollback', () => {
  it('fails the deployment of a revision whose health check fails, and returns the service to revision 1, steady', () => {
    const sim = play(circuitBreakerRollback, { after: 600 });
    const d = describeService(sim, 'api');
    const messages: string[] = d.events.map((e: any) => e.message);
    expect(messages.some((m) => /deployment failed/.test(m))).toBe(true);
    expect(messages.some((m) => /rolling back to deployment/.test(m))).toBe(true);
    expect(d.taskDefinition).toMatch(/api:1$/);
    expect(d.deployments).toHaveLength(1);
    expect(d.deployments[0]).toMatchObject({ rolloutState: 'COMPLETED', runningCount: 4 });
    expect(messages[0]).toBe('(service api) has reached a steady state.');
    // The failed revision's tasks were replaced for failing their container health check.
    const failed = tasksOf(sim, 'api').filter((t) => t.taskDefinitionArn.endsWith('api:2'));
    expect(failed.length).toBeGreaterThanOrEqual(3);
    expect(failed.every((t) => t.lastStatus === 'STOPPED')).toBe(true);
    expect(messages.filter((m) => /failed container health checks/.test(m)).length).toBeGreaterThanOrEqual(3);
  });

  it('records the FAILED rollout state on the failed deployment while it rolls back', () => {
    let failedSeen = false;
    play(circuitBreakerRollback, {
      sample: (s) => {
        const svc = Object.values(s.world.services)[0];
        if (svc?.deployments.some((x) => x.rolloutState === 'FAILED')) failedSeen = true;
      },
    });
    expect(failedSeen).toBe(true);
  });
});
