import { describe, expect, it } from 'vitest';
import { sandbox } from '../../testing/harness';
import { describeTask, fargateTaskDefinition, registerTaskDefinition, runTasks } from '../../testing/task-fixtures';

/** A Fargate sandbox with repository `app` and images pushed with the given behaviours. */
function setup(images: Record<string, Record<string, unknown>> = {}) {
  const s = sandbox({ seed: 5 }).call('ecs:CreateCluster', { clusterName: 'prod' }).call('ecr:CreateRepository', { repositoryName: 'app' });
  for (const [tag, behavior] of Object.entries(images)) s.call('sim:PushImage', { repositoryName: 'app', imageTag: tag, behavior });
  const uri = Object.values(s.world.repositories)[0].repositoryUri;
  const subnets = [Object.values(s.world.subnets)[0].SubnetId];
  const run = (family: string, containers: Record<string, unknown>[]) => {
    registerTaskDefinition(s, {
      ...fargateTaskDefinition(family),
      executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
      containerDefinitions: containers.map((c) => ({ essential: true, ...c, image: `${uri}:${String(c.image)}` })),
    });
    return runTasks(s, { cluster: 'prod', taskDefinition: family, launchType: 'FARGATE', networkConfiguration: { awsvpcConfiguration: { subnets } } })[0];
  };
  return { s, run };
}

describe('the container agent', () => {
  it('stops the task with EssentialContainerExited when an essential container exits', () => {
    const { s, run } = setup({ job: { exitAfterSeconds: 20, exitCode: 3 } });
    const arn = run('job', [{ name: 'main', image: 'job' }]);
    s.advanceUntil(() => s.world.tasks[arn].lastStatus === 'STOPPED', 300);
    const t = describeTask(s, 'prod', arn);
    expect(t.stopCode).toBe('EssentialContainerExited');
    expect(t.stoppedReason).toBe('Essential container in task exited');
    expect(t.containers?.[0].exitCode).toBe(3);
    expect(t.startedAt!.getTime()).toBeLessThanOrEqual(t.stoppingAt!.getTime());
    expect(t.executionStoppedAt!.getTime()).toBeLessThanOrEqual(t.stoppedAt!.getTime());
  });

  it('keeps the task running when a non-essential container exits, recording its exit code', () => {
    const { s, run } = setup({ web: {}, side: { exitAfterSeconds: 10, exitCode: 1 } });
    const arn = run('mixed', [{ name: 'web', image: 'web' }, { name: 'side', image: 'side', essential: false }]);
    s.advance(300);
    const t = describeTask(s, 'prod', arn);
    expect(t.lastStatus).toBe('RUNNING');
    const side = t.containers!.find((c) => c.name === 'side')!;
    expect(side.lastStatus).toBe('STOPPED');
    expect(side.exitCode).toBe(1);
  });

  it('starts a container that dependsOn another with SUCCESS only after that one exits 0', () => {
    const { s, run } = setup({ migrate: { exitAfterSeconds: 30, exitCode: 0, startupSeconds: 2 }, web: { startupSeconds: 2 } });
    const arn = run('ordered', [
      { name: 'migrate', image: 'migrate', essential: false },
      { name: 'web', image: 'web', dependsOn: [{ containerName: 'migrate', condition: 'SUCCESS' }] },
    ]);
    s.advance(300);
    const task = s.world.tasks[arn];
    const migrate = task.containers.find((c) => c.name === 'migrate')!;
    const web = task.containers.find((c) => c.name === 'web')!;
    expect(task.lastStatus).toBe('RUNNING');
    expect(web.startedAt!).toBeGreaterThanOrEqual(migrate.startedAt! + 30);
    expect(task.startedAt!).toBeGreaterThanOrEqual(web.startedAt!);
  });

  it('stops the task when a SUCCESS dependency exits non-zero, with the dependency-graph reason', () => {
    const { s, run } = setup({ migrate: { exitAfterSeconds: 5, exitCode: 2 }, web: {} });
    const arn = run('broken', [
      { name: 'migrate', image: 'migrate', essential: false },
      { name: 'web', image: 'web', dependsOn: [{ containerName: 'migrate', condition: 'SUCCESS' }] },
    ]);
    s.advance(300);
    const t = describeTask(s, 'prod', arn);
    expect(t.lastStatus).toBe('STOPPED');
    expect(t.stopCode).toBe('TaskFailedToStart');
    expect(t.stoppedReason).toContain('failed to resolve container ordering dependency [migrate] for target [web]');
  });

  it('makes a container UNHEALTHY after `retries` failed health checks, and the task UNHEALTHY, but does not stop a standalone task', () => {
    const { s, run } = setup({ sick: { healthy: false } });
    const arn = run('sick', [{ name: 'app', image: 'sick', healthCheck: { command: ['CMD-SHELL', 'curl -f localhost || exit 1'], interval: 10, retries: 3 } }]);
    s.advanceUntil(() => s.world.tasks[arn].lastStatus === 'RUNNING', 300);
    const runningAt = s.world.tasks[arn].containers[0].startedAt!;
    s.advance(25);
    expect(s.world.tasks[arn].containers[0].healthStatus).toBe('UNKNOWN');
    s.advance(60);
    const t = describeTask(s, 'prod', arn);
    expect(t.containers?.[0].healthStatus).toBe('UNHEALTHY');
    expect(t.healthStatus).toBe('UNHEALTHY');
    expect(t.lastStatus).toBe('RUNNING');
    const turned = s.world.events.find((e) => e.kind === 'task.health' && e.message.includes('UNHEALTHY'))!;
    expect(turned.at).toBe(runningAt + 30);
  });

  it('reports a healthy container HEALTHY after its first check', () => {
    const { s, run } = setup({ ok: {} });
    const arn = run('ok', [{ name: 'app', image: 'ok', healthCheck: { command: ['CMD', 'true'], interval: 5 } }]);
    s.advance(200);
    expect(describeTask(s, 'prod', arn).healthStatus).toBe('HEALTHY');
  });

  it('ignores events that arrive for a task that was already stopped (a pull completing after StopTask)', () => {
    const { s, run } = setup({ big: {} });
    const arn = run('big', [{ name: 'app', image: 'big' }]);
    s.advanceUntil(() => s.world.tasks[arn].lastStatus === 'PENDING', 120);
    s.call('ecs:StopTask', { cluster: 'prod', task: arn });
    s.advance(300);
    const t = describeTask(s, 'prod', arn);
    expect(t.lastStatus).toBe('STOPPED');
    expect(t.containers?.[0].lastStatus).toBe('STOPPED');
    expect(t.startedAt).toBeUndefined();
  });
});

describe('StopTask', () => {
  it('records UserInitiated with the default reason "Task stopped by user", and SIGTERM ends the container with 143', () => {
    const { s, run } = setup({ web: {} });
    const arn = run('web', [{ name: 'app', image: 'web' }]);
    s.advanceUntil(() => s.world.tasks[arn].lastStatus === 'RUNNING', 300);
    const out = s.output('ecs:StopTask', { cluster: 'prod', task: arn });
    expect(out.task.desiredStatus).toBe('STOPPED');
    s.advance(60);
    const t = describeTask(s, 'prod', arn);
    expect(t.stopCode).toBe('UserInitiated');
    expect(t.stoppedReason).toBe('Task stopped by user');
    expect(t.containers?.[0].exitCode).toBe(143);
    expect(t.executionStoppedAt!.getTime() - t.stoppingAt!.getTime()).toBeLessThan(30_000);
    expect(t.attachments?.[0].status).toBe('DELETED');
  });

  it('sends SIGKILL after stopTimeout when the container has not exited: exit code 137', () => {
    const { s, run } = setup({ web: {} });
    const arn = run('slow', [{ name: 'app', image: 'web', stopTimeout: 2 }]);
    s.advanceUntil(() => s.world.tasks[arn].lastStatus === 'RUNNING', 300);
    s.call('ecs:StopTask', { cluster: 'prod', task: arn, reason: 'scaling down' });
    s.advance(60);
    const t = describeTask(s, 'prod', arn);
    expect(t.stoppedReason).toBe('scaling down');
    expect(t.containers?.[0].exitCode).toBe(137);
    expect(t.executionStoppedAt!.getTime() - t.stoppingAt!.getTime()).toBe(2000);
  });

  it('is idempotent: a second StopTask keeps the first reason', () => {
    const { s, run } = setup({ web: {} });
    const arn = run('web', [{ name: 'app', image: 'web' }]);
    s.advance(100);
    s.call('ecs:StopTask', { cluster: 'prod', task: arn, reason: 'first' }).call('ecs:StopTask', { cluster: 'prod', task: arn, reason: 'second' });
    s.advance(60);
    expect(describeTask(s, 'prod', arn).stoppedReason).toBe('first');
  });

  it('answers InvalidParameterException for a task that does not exist', () => {
    setup().s.callExpectingError('ecs:StopTask', { cluster: 'prod', task: '0123456789abcdef0123456789abcdef' }, 'InvalidParameterException', 'The referenced task was not found.');
  });
});

describe('DescribeTasks and ListTasks', () => {
  it('report an unknown task as a MISSING failure, and a stopped task an hour after it stopped too', () => {
    const { s, run } = setup({ web: {} });
    const arn = run('web', [{ name: 'app', image: 'web' }]);
    s.advance(100).call('ecs:StopTask', { cluster: 'prod', task: arn }).advance(60);
    expect(s.output('ecs:DescribeTasks', { cluster: 'prod', tasks: [arn, 'nope'] }).failures).toEqual([
      { arn: expect.stringContaining('/nope'), reason: 'MISSING' },
    ]);
    s.advance(3600);
    expect(s.output('ecs:DescribeTasks', { cluster: 'prod', tasks: [arn] }).failures).toEqual([{ arn, reason: 'MISSING' }]);
  });

  it('lists tasks by desiredStatus (RUNNING by default), family, startedBy and launchType', () => {
    const { s, run } = setup({ web: {} });
    const a = run('web', [{ name: 'app', image: 'web' }]);
    const b = run('api', [{ name: 'app', image: 'web' }]);
    const subnets = [Object.values(s.world.subnets)[0].SubnetId];
    const [c] = runTasks(s, { cluster: 'prod', taskDefinition: 'web', launchType: 'FARGATE', startedBy: 'cron', networkConfiguration: { awsvpcConfiguration: { subnets } } });
    s.advance(100).call('ecs:StopTask', { cluster: 'prod', task: b });
    const list = (input: Record<string, unknown>) => s.output('ecs:ListTasks', { cluster: 'prod', ...input }).taskArns;
    expect(list({})).toEqual([a, c]);
    expect(list({ desiredStatus: 'STOPPED' })).toEqual([b]);
    expect(list({ family: 'web' })).toEqual([a, c]);
    expect(list({ startedBy: 'cron' })).toEqual([c]);
    expect(list({ launchType: 'EC2' })).toEqual([]);
  });
});
