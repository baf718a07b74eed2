import { describe, it, expect } from 'vitest';
import { sandbox } from '../../testing/harness';
import { createService, serviceCluster, serviceTasks, webTaskDefinition } from '../../testing/service-fixtures';
import { ec2Capacity, inject, runningEc2Tasks, runningFargateTasks } from '../../control/faults/fixtures';
import { activate, albWithTargetGroup, bridgeTasks, health, listen } from '../../control/elb/fixtures';

const HEALTH_CHECK = { command: ['CMD-SHELL', 'curl -f http://localhost/ || exit 1'], interval: 10, retries: 2 };

describe('fault SpotInterruption', () => {
  it('logs the two-minute warning and sends SIGTERM at once; the task stops with SpotInterruption', () => {
    const s = sandbox({ seed: 21 });
    const [task] = runningFargateTasks(s, 1);
    const out = inject(s, 'SpotInterruption', task);
    expect(out.fault.stopsBy).toEqual(s.sim.date(s.now + 120));
    expect(s.messages('task.spotInterruption')[0]).toMatch(/^Spot interruption warning/);
    expect(s.world.tasks[task].desiredStatus).toBe('STOPPED');
    s.advance(1);
    expect(s.messages('task.container').some((m) => m.includes('sent SIGTERM'))).toBe(true);
    s.advance(119);
    const t = s.world.tasks[task];
    expect(t.lastStatus).toBe('STOPPED');
    expect(t.stopCode).toBe('SpotInterruption');
    expect(t.stoppedReason).toBe('Your Spot Task was interrupted.');
  });

  it('applies only to Fargate tasks', () => {
    const s = sandbox({ seed: 22 });
    ec2Capacity(s, 1);
    const [task] = runningEc2Tasks(s, 1);
    s.callExpectingError('sim:InjectFault', { type: 'SpotInterruption', target: task }, 'InvalidParameterException', 'not a Fargate task');
  });
});

describe('fault TaskCrash', () => {
  it('makes the essential container exit non-zero, so the task stops with EssentialContainerExited', () => {
    const s = sandbox({ seed: 23 });
    ec2Capacity(s, 1);
    const [task] = runningEc2Tasks(s, 1);
    inject(s, 'TaskCrash', task, { exitCode: 137 });
    s.advance(30);
    const t = s.world.tasks[task];
    expect(t.containers[0].exitCode).toBe(137);
    expect(t.lastStatus).toBe('STOPPED');
    expect(t.stopCode).toBe('EssentialContainerExited');
    expect(t.stoppedReason).toBe('Essential container in task exited');
  });

  it('exits with code 1 by default and refuses a task with no running essential container', () => {
    const s = sandbox({ seed: 24 });
    ec2Capacity(s, 1);
    const [task] = runningEc2Tasks(s, 1);
    inject(s, 'TaskCrash', task);
    expect(s.world.tasks[task].containers[0].exitCode).toBe(1);
    s.callExpectingError('sim:InjectFault', { type: 'TaskCrash', target: task }, 'InvalidParameterException', 'already stopping');
  });
});

describe('fault HealthCheckFailure', () => {
  it('fails the container health checks of a task until its duration ends, then they pass again', () => {
    const s = sandbox({ seed: 25 });
    ec2Capacity(s, 1);
    const [task] = runningEc2Tasks(s, 1, 'checked', { healthCheck: HEALTH_CHECK });
    s.advanceUntil(() => s.world.tasks[task].healthStatus === 'HEALTHY', 120);
    inject(s, 'HealthCheckFailure', task, { durationSeconds: 60 });
    s.advance(30);
    expect(s.world.tasks[task].healthStatus).toBe('UNHEALTHY');
    expect(s.world.tasks[task].lastStatus).toBe('RUNNING'); // a standalone task is not replaced
    s.advance(60);
    expect(s.world.tasks[task].healthStatus).toBe('HEALTHY');
  });

  it('makes the load balancer see HTTP 503 (Target.ResponseCodeMismatch) until cleared', () => {
    const f = albWithTargetGroup({ seed: 26 });
    listen(f);
    const [target] = bridgeTasks(f.s, 1);
    const id = { Id: target.instanceId, Port: target.hostPort };
    f.s.call('elbv2:RegisterTargets', { TargetGroupArn: f.tgArn, Targets: [id] });
    activate(f);
    f.s.advanceUntil(() => health(f, id).State === 'healthy', 600);
    inject(f.s, 'HealthCheckFailure', target.taskArn);
    f.s.advance(90);
    expect(health(f, id)).toMatchObject({ State: 'unhealthy', Reason: 'Target.ResponseCodeMismatch', Description: 'Health checks failed with these codes: [503]' });
    f.s.call('sim:ClearFault', { type: 'HealthCheckFailure', target: target.taskArn });
    f.s.advanceUntil(() => health(f, id).State === 'healthy', 600);
  });

  it("given a service name, covers every task of the service, including tasks started after the fault", () => {
    const s = sandbox({ seed: 27 });
    serviceCluster(s, { instances: 2 });
    webTaskDefinition(s, { healthCheck: HEALTH_CHECK });
    createService(s, { serviceName: 'web', desiredCount: 1 });
    s.advanceUntil(() => serviceTasks(s).some((t) => t.healthStatus === 'HEALTHY'), 300);
    inject(s, 'HealthCheckFailure', 'web');
    const injectedAt = s.now;
    s.call('ecs:UpdateService', { cluster: 'prod', service: 'web', desiredCount: 2 }); // a task started after the fault
    s.advanceUntil(() => serviceTasks(s).some((t) => t.createdAt > injectedAt && t.healthStatus === 'UNHEALTHY'), 900, 5);
    expect(serviceTasks(s).filter((t) => t.createdAt <= injectedAt).every((t) => t.healthStatus === 'UNHEALTHY' || t.lastStatus === 'STOPPED')).toBe(true);
  });
});
