import { describe, it, expect } from 'vitest';
import { sandbox, type Sandbox } from '../../testing/harness';
import { containerInstanceOf } from '../../testing/ec2-fixtures';
import { createService, describeService, liveTasks, runningTasks, serviceCluster, serviceMessages, serviceTasks, webTaskDefinition } from '../../testing/service-fixtures';

const REPO_URI = '123456789012.dkr.ecr.us-east-1.amazonaws.com/web';

function pushImage(s: Sandbox, tag: string, behavior: Record<string, unknown>) {
  if (!s.world.repositories['arn:aws:ecr:us-east-1:123456789012:repository/web']) s.call('ecr:CreateRepository', { repositoryName: 'web' });
  s.call('sim:PushImage', { repositoryName: 'web', imageTag: tag, behavior });
  return `${REPO_URI}:${tag}`;
}

describe('a REPLICA service keeps desiredCount tasks running', () => {
  it('starts desiredCount tasks in group service:NAME, startedBy its deployment id, and reports a steady state', () => {
    const s = sandbox({ seed: 1 });
    serviceCluster(s, { instances: 3 });
    webTaskDefinition(s);
    createService(s, { serviceName: 'web', desiredCount: 3 });
    s.advance(60);
    const d = describeService(s);
    expect(runningTasks(s)).toHaveLength(3);
    expect(d.runningCount).toBe(3);
    expect(d.deployments![0].id).toMatch(/^ecs-svc\/\d{19}$/);
    for (const t of runningTasks(s)) {
      expect(t.group).toBe('service:web');
      expect(t.startedBy).toBe(d.deployments![0].id);
    }
    expect(serviceMessages(s).at(-1)).toBe('(service web) has reached a steady state.');
  });

  it('spreads its tasks over the AZs by default, one per AZ for three instances in three AZs', () => {
    const s = sandbox({ seed: 2 });
    serviceCluster(s, { instances: 3 });
    webTaskDefinition(s);
    createService(s, { serviceName: 'web', desiredCount: 3 });
    s.advance(60);
    expect(new Set(runningTasks(s).map((t) => t.availabilityZone)).size).toBe(3);
  });

  it('replaces tasks whose essential container exits, never staying short for more than 30 s', () => {
    const s = sandbox({ seed: 3 });
    serviceCluster(s, { instances: 3 });
    const image = pushImage(s, 'crash', { exitAfterSeconds: 90, exitCode: 1 });
    webTaskDefinition(s, { image });
    createService(s, { serviceName: 'web', desiredCount: 3 });
    s.advanceUntil(() => runningTasks(s).length === 3, 120);
    let shortSince: number | undefined;
    let longestShort = 0;
    for (let i = 0; i < 120; i++) {
      s.advance(5);
      if (runningTasks(s).length < 3) shortSince ??= s.now;
      else shortSince = undefined;
      if (shortSince !== undefined) longestShort = Math.max(longestShort, s.now - shortSince);
    }
    const stopped = serviceTasks(s).filter((t) => t.lastStatus === 'STOPPED');
    expect(stopped.length).toBeGreaterThanOrEqual(9);
    expect(stopped.every((t) => t.stopCode === 'EssentialContainerExited')).toBe(true);
    expect(longestShort).toBeLessThanOrEqual(30);
  });

  it('replaces the task of a terminated instance on the instance its strategy picks (AZ spread, then the emptiest instance)', () => {
    const s = sandbox({ seed: 4 });
    const azs = ['us-east-1a', 'us-east-1b', 'us-east-1c'];
    serviceCluster(s, { instances: 4, availabilityZones: azs }); // a, b, c, a
    webTaskDefinition(s);
    createService(s, { serviceName: 'web', desiredCount: 3 });
    s.advance(60);
    const inB = runningTasks(s).find((t) => t.availabilityZone === 'us-east-1b')!;
    s.call('ec2:TerminateInstances', { InstanceIds: [inB.ec2InstanceId] });
    s.advanceUntil(() => runningTasks(s).length === 3, 120);
    const replacement = runningTasks(s).find((t) => t.taskArn !== inB.taskArn && !['us-east-1c'].includes(t.availabilityZone) && t.createdAt > inB.createdAt)!;
    expect(replacement.availabilityZone).toBe('us-east-1a');
    const perInstance = new Map<string, number>();
    for (const t of runningTasks(s)) perInstance.set(t.ec2InstanceId!, (perInstance.get(t.ec2InstanceId!) ?? 0) + 1);
    expect([...perInstance.values()].every((n) => n === 1)).toBe(true);
    expect(s.world.tasks[inB.taskArn].stopCode).toBe('TerminationNotice');
  });

  it('scales in by stopping from the AZ holding the most tasks', () => {
    const s = sandbox({ seed: 5 });
    serviceCluster(s, { instances: 3 });
    webTaskDefinition(s);
    createService(s, { serviceName: 'web', desiredCount: 6 });
    s.advance(60);
    s.call('ecs:UpdateService', { cluster: 'prod', service: 'web', desiredCount: 3 });
    s.advance(30);
    expect(runningTasks(s)).toHaveLength(3);
    expect(new Set(runningTasks(s).map((t) => t.availabilityZone)).size).toBe(3);
    expect(serviceMessages(s).some((m) => /^\(service web\) has stopped 3 running tasks: \(task \w+\) \(task \w+\) \(task \w+\)\.$/.test(m))).toBe(true);
    const stopped = serviceTasks(s).filter((t) => t.lastStatus === 'STOPPED');
    expect(stopped.every((t) => t.stopCode === 'ServiceSchedulerInitiated' && t.stoppedReason?.startsWith('Scaling activity initiated by (deployment ecs-svc/'))).toBe(true);
  });

  it('says why a task cannot be placed, naming the closest matching container instance', () => {
    const s = sandbox({ seed: 6 });
    const { instances } = serviceCluster(s, { instances: 1 });
    webTaskDefinition(s, { memory: 30000 });
    createService(s, { serviceName: 'web', desiredCount: 1 });
    s.advance(30);
    const id = instances[0].split('/').pop();
    expect(serviceMessages(s)).toContain(
      `(service web) was unable to place a task because no container instance met all of its requirements. The closest matching (container-instance ${id}) has insufficient memory available. For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.`,
    );
    expect(liveTasks(s)).toHaveLength(0);
  });

  it('replaces tasks on a DRAINING instance elsewhere before stopping them', () => {
    const s = sandbox({ seed: 7 });
    const { instances } = serviceCluster(s, { instances: 3 });
    webTaskDefinition(s);
    createService(s, { serviceName: 'web', desiredCount: 3 });
    s.advance(60);
    const drained = instances[0];
    const before = runningTasks(s).filter((t) => t.containerInstanceArn === drained);
    s.call('ecs:UpdateContainerInstancesState', { cluster: 'prod', containerInstances: [drained], status: 'DRAINING' });
    let minRunning = Infinity;
    for (let i = 0; i < 60; i++) {
      s.advance(1);
      minRunning = Math.min(minRunning, runningTasks(s).length);
    }
    expect(minRunning).toBe(3); // minimumHealthyPercent 100: replacements run before the old ones stop
    expect(runningTasks(s).every((t) => t.containerInstanceArn !== drained)).toBe(true);
    expect(before.every((t) => s.world.tasks[t.taskArn].desiredStatus === 'STOPPED')).toBe(true);
    void containerInstanceOf;
  });
});
