import { describe, it, expect } from 'vitest';
import { sandbox, type Sandbox } from '../../testing/harness';
import { CLUSTER, createService, isSteady, runningTasks, serviceCluster, serviceMessages, serviceTasks, webTaskDefinition } from '../../testing/service-fixtures';
import { albTargetGroup, targetHealths, webTarget } from '../../testing/service-alb-fixtures';
import { SHUTDOWN_SECONDS } from '../agent/stopping';

/** A steady service of `desired` web tasks behind an ALB whose target group has that deregistration delay. */
function steadyServiceBehindAlb(delay: number | undefined, desired = 2, seed = 31): { s: Sandbox; tg: string } {
  const s = sandbox({ seed });
  serviceCluster(s, { instances: 2 });
  webTaskDefinition(s);
  const tg = albTargetGroup(s, { deregistrationDelay: delay });
  createService(s, { serviceName: 'web', desiredCount: desired, loadBalancers: webTarget(tg) });
  s.advanceUntil(() => isSteady(s), 900, 5);
  return { s, tg };
}

const stoppingTasks = (s: Sandbox) => serviceTasks(s).filter((t) => t.desiredStatus === 'STOPPED' && t.lastStatus !== 'STOPPED');
/** The task's target in the group, as DescribeTargetHealth shows it (instance id and host port). */
const targetOfTask = (s: Sandbox, tg: string, taskArn: string) => {
  const task = s.world.tasks[taskArn];
  const port = task.containers[0].networkBindings[0].hostPort;
  return targetHealths(s, tg).find((h) => h.Target.Id === task.ec2InstanceId && h.Target.Port === port);
};

describe('a service task registered in a target group drains before it stops (ELB deregistration delay)', () => {
  it('stays DEACTIVATING while its target drains for the 60 s delay on scale-in, then stops', () => {
    const { s, tg } = steadyServiceBehindAlb(60);
    s.call('ecs:UpdateService', { cluster: CLUSTER, service: 'web', desiredCount: 1 }).advance(0);
    const [task] = stoppingTasks(s);
    const stopRequestedAt = s.now;
    expect(task.lastStatus).toBe('DEACTIVATING');
    expect(task.stopCode).toBe('ServiceSchedulerInitiated');
    expect(targetOfTask(s, tg, task.taskArn)!.TargetHealth).toMatchObject({ State: 'draining', Reason: 'Target.DeregistrationInProgress' });

    s.advance(55);
    expect(s.world.tasks[task.taskArn].lastStatus).toBe('DEACTIVATING');
    s.advanceUntil(() => s.world.tasks[task.taskArn].lastStatus === 'STOPPED', 60);
    const stopped = s.world.tasks[task.taskArn];
    expect(stopped.stoppingAt! - stopRequestedAt).toBe(60);
    expect(stopped.stoppedAt! - stopRequestedAt).toBe(60 + SHUTDOWN_SECONDS);
    expect(targetHealths(s, tg)).toHaveLength(1);
  });

  it('writes ECS service events for the deregistration and the draining', () => {
    const { s, tg } = steadyServiceBehindAlb(60);
    s.call('ecs:UpdateService', { cluster: CLUSTER, service: 'web', desiredCount: 1 }).advance(0);
    const deploymentId = serviceTasks(s)[0].deploymentId!;
    const messages = serviceMessages(s);
    const deregistered = messages.indexOf(`(service web) deregistered 1 targets in (target-group ${tg})`);
    const draining = messages.indexOf(`(service web, taskSet ${deploymentId}) has begun draining connections on 1 tasks.`);
    expect(deregistered).toBeGreaterThanOrEqual(0);
    expect(draining).toBeGreaterThan(deregistered);
  });

  it('with a deregistration delay of 0 goes on to STOPPING at once', () => {
    const { s } = steadyServiceBehindAlb(0);
    s.call('ecs:UpdateService', { cluster: CLUSTER, service: 'web', desiredCount: 1 }).advance(0);
    const [task] = stoppingTasks(s);
    const at = s.now;
    s.advanceUntil(() => s.world.tasks[task.taskArn].lastStatus === 'STOPPED', 30);
    expect(s.world.tasks[task.taskArn].stoppingAt).toBe(at);
  });

  it('waits the default 300 s when the target group keeps its default delay', () => {
    const { s } = steadyServiceBehindAlb(undefined);
    s.call('ecs:UpdateService', { cluster: CLUSTER, service: 'web', desiredCount: 1 }).advance(0);
    const [task] = stoppingTasks(s);
    const at = s.now;
    s.advanceUntil(() => s.world.tasks[task.taskArn].lastStatus === 'STOPPED', 400);
    expect(s.world.tasks[task.taskArn].stoppingAt! - at).toBe(300);
  });

  it('drains a task stopped by a user with StopTask too (stopCode UserInitiated)', () => {
    const { s, tg } = steadyServiceBehindAlb(60);
    const [victim] = runningTasks(s);
    s.call('ecs:StopTask', { cluster: CLUSTER, task: victim.taskArn });
    expect(s.world.tasks[victim.taskArn]).toMatchObject({ lastStatus: 'DEACTIVATING', stopCode: 'UserInitiated' });
    expect(targetOfTask(s, tg, victim.taskArn)!.TargetHealth.State).toBe('draining');
    s.advance(59);
    expect(s.world.tasks[victim.taskArn].lastStatus).toBe('DEACTIVATING');
    s.advance(10);
    expect(s.world.tasks[victim.taskArn].lastStatus).toBe('STOPPED');
  });

  it('drains every task of a deleted service before the service becomes INACTIVE', () => {
    const { s } = steadyServiceBehindAlb(60);
    s.call('ecs:DeleteService', { cluster: CLUSTER, service: 'web', force: true });
    s.advance(1);
    expect(stoppingTasks(s).map((t) => t.lastStatus)).toEqual(['DEACTIVATING', 'DEACTIVATING']);
    s.advance(50);
    expect(Object.values(s.world.services)[0].status).toBe('DRAINING');
    s.advanceUntil(() => Object.values(s.world.services)[0].status === 'INACTIVE', 120);
    expect(serviceTasks(s).every((t) => t.lastStatus === 'STOPPED')).toBe(true);
  });

  it('does not make a task that dies on its own wait: a terminated host stops it at once and its target is deregistered then', () => {
    const { s, tg } = steadyServiceBehindAlb(60);
    const [victim] = runningTasks(s);
    s.call('ec2:TerminateInstances', { InstanceIds: [victim.ec2InstanceId] });
    expect(s.world.tasks[victim.taskArn].stopCode).toBe('TerminationNotice');
    expect(targetOfTask(s, tg, victim.taskArn)!.TargetHealth.State).toBe('draining');
    s.advance(SHUTDOWN_SECONDS + 1);
    expect(s.world.tasks[victim.taskArn].lastStatus).toBe('STOPPED');
  });

  it('stops a draining task at once when its host is terminated meanwhile', () => {
    const { s } = steadyServiceBehindAlb(300);
    const [victim] = runningTasks(s);
    s.call('ecs:StopTask', { cluster: CLUSTER, task: victim.taskArn });
    s.advance(10);
    expect(s.world.tasks[victim.taskArn].lastStatus).toBe('DEACTIVATING');
    s.call('ec2:TerminateInstances', { InstanceIds: [victim.ec2InstanceId] });
    s.advance(SHUTDOWN_SECONDS + 1);
    expect(s.world.tasks[victim.taskArn]).toMatchObject({ lastStatus: 'STOPPED', stopCode: 'UserInitiated' });
  });

  it('leaves registered the target of a new task that took over a stopped task\'s host port', () => {
    const { s, tg } = steadyServiceBehindAlb(20);
    s.call('ecs:UpdateService', { cluster: CLUSTER, service: 'web', forceNewDeployment: true, deploymentConfiguration: { minimumHealthyPercent: 0, maximumPercent: 100 } }).advance(0);
    s.advanceUntil(() => isSteady(s), 900, 5);
    s.advance(60);
    const fresh = runningTasks(s);
    expect(fresh.every((t) => targetOfTask(s, tg, t.taskArn)?.TargetHealth.State === 'healthy')).toBe(true);
    // The new tasks reuse the old ones' dynamic host ports on the same instances.
    expect(fresh.map((t) => t.containers[0].networkBindings[0].hostPort)).toEqual([49153, 49153]);
  });

  it('counts a draining task against maximumPercent and never as healthy during a rolling update', () => {
    const { s } = steadyServiceBehindAlb(120, 2);
    s.call('ecs:UpdateService', { cluster: CLUSTER, service: 'web', forceNewDeployment: true, deploymentConfiguration: { minimumHealthyPercent: 50, maximumPercent: 100 } }).advance(0);
    // max 100% of 2: no room to start; min 50%: one old task may stop, and it drains for 120 s.
    const draining = stoppingTasks(s);
    expect(draining.map((t) => t.lastStatus)).toEqual(['DEACTIVATING']);
    s.advance(60);
    expect(serviceTasks(s).filter((t) => t.lastStatus !== 'STOPPED')).toHaveLength(2);
    expect(runningTasks(s)).toHaveLength(1);
    s.advanceUntil(() => s.world.tasks[draining[0].taskArn].lastStatus === 'STOPPED', 120);
    s.advance(5);
    expect(serviceTasks(s).filter((t) => t.lastStatus !== 'STOPPED')).toHaveLength(2);
  });
});
