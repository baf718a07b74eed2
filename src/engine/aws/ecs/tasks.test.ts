import { describe, expect, it } from 'vitest';
import { sandbox } from '../../testing/harness';
import { launchContainerInstances } from '../../testing/ec2-fixtures';
import { describeTask, registerTaskDefinition, runTasks, statusHistory } from '../../testing/task-fixtures';

function ec2Sandbox(count = 1, instanceType = 'm5.large') {
  const s = sandbox({ seed: 11 });
  const instances = launchContainerInstances(s, { cluster: 'prod', count, instanceType });
  registerTaskDefinition(s, { family: 'web', containerDefinitions: [{ name: 'app', image: 'nginx:latest', memory: 256, cpu: 256, portMappings: [{ containerPort: 80, hostPort: 0 }] }] });
  return { s, instances };
}

describe('RunTask on EC2', () => {
  it('runs a bridge-mode task PENDING -> ACTIVATING -> RUNNING with its timestamps in order', () => {
    const { s, instances } = ec2Sandbox();
    const out = s.output('ecs:RunTask', { cluster: 'prod', taskDefinition: 'web' });
    expect(out.failures).toEqual([]);
    const arn = out.tasks[0].taskArn;
    expect(out.tasks[0].lastStatus).toBe('PENDING');
    expect(out.tasks[0].group).toBe('family:web');
    expect(out.tasks[0].containerInstanceArn).toBe(instances[0]);
    s.advance(60);
    const t = describeTask(s, 'prod', arn);
    expect(t.lastStatus).toBe('RUNNING');
    expect(statusHistory(s, arn)).toEqual(['PENDING', 'ACTIVATING', 'RUNNING']);
    const times = [t.createdAt, t.pullStartedAt, t.pullStoppedAt, t.startedAt].map((d) => d!.getTime());
    expect([...times].sort((a, b) => a - b)).toEqual(times);
  });

  it('gives a hostPort 0 mapping a dynamic host port from 49153-65535, different for each task', () => {
    const { s } = ec2Sandbox();
    const arns = runTasks(s, { cluster: 'prod', taskDefinition: 'web', count: 2 });
    s.advance(60);
    const ports = arns.map((arn) => describeTask(s, 'prod', arn).containers![0].networkBindings![0]);
    for (const b of ports) {
      expect(b.containerPort).toBe(80);
      expect(b.hostPort).toBeGreaterThanOrEqual(49153);
      expect(b.hostPort).toBeLessThanOrEqual(65535);
    }
    expect(ports[0].hostPort).not.toBe(ports[1].hostPort);
  });

  it('answers failures with RESOURCE:MEMORY for the tasks that do not fit', () => {
    const { s, instances } = ec2Sandbox(1, 't3.micro');
    registerTaskDefinition(s, { family: 'big', containerDefinitions: [{ name: 'app', image: 'nginx', memory: 600 }] });
    const out = s.output('ecs:RunTask', { cluster: 'prod', taskDefinition: 'big', count: 3 });
    expect(out.tasks.length).toBeLessThan(3);
    expect(out.failures).toContainEqual({ arn: instances[0], reason: 'RESOURCE:MEMORY' });
    expect(s.messages('task.placementFailed').length).toBe(3 - out.tasks.length);
  });

  it('answers RESOURCE:PORTS when a static host port is already taken', () => {
    const { s, instances } = ec2Sandbox();
    registerTaskDefinition(s, { family: 'static', containerDefinitions: [{ name: 'app', image: 'nginx', memory: 64, portMappings: [{ containerPort: 80, hostPort: 8080 }] }] });
    const out = s.output('ecs:RunTask', { cluster: 'prod', taskDefinition: 'static', count: 2 });
    expect(out.tasks).toHaveLength(1);
    expect(out.failures).toEqual([{ arn: instances[0], reason: 'RESOURCE:PORTS' }]);
  });

  it('explains each placement in the event log and in task.placement', () => {
    const { s } = ec2Sandbox(2);
    const [arn] = runTasks(s, { cluster: 'prod', taskDefinition: 'web', placementStrategy: [{ type: 'binpack', field: 'memory' }] });
    expect(s.world.tasks[arn].placement?.summary).toBeTruthy();
    expect(s.messages('task.placement').some((m) => m.startsWith(`Task ${arn.split('/').pop()} placed on container instance`))).toBe(true);
  });

  it('rejects a count above 10, an unknown cluster, and a cluster without container instances', () => {
    const { s } = ec2Sandbox();
    s.callExpectingError('ecs:RunTask', { cluster: 'prod', taskDefinition: 'web', count: 11 }, 'InvalidParameterException');
    s.callExpectingError('ecs:RunTask', { cluster: 'nope', taskDefinition: 'web' }, 'ClusterNotFoundException', 'Cluster not found.');
    s.call('ecs:CreateCluster', { clusterName: 'empty' });
    s.callExpectingError('ecs:RunTask', { cluster: 'empty', taskDefinition: 'web' }, 'InvalidParameterException', 'No Container Instances were found in your cluster.');
  });

  it('rejects a capacityProviderStrategy naming a provider the cluster is not associated with', () => {
    ec2Sandbox().s.callExpectingError('ecs:RunTask', { cluster: 'prod', taskDefinition: 'web', capacityProviderStrategy: [{ capacityProvider: 'FARGATE', weight: 1 }] }, 'InvalidParameterException', 'not associated with the cluster');
  });

  it('releases the task resources when it reaches STOPPED', () => {
    const { s, instances } = ec2Sandbox();
    const ci = () => s.world.containerInstances[instances[0]];
    const before = ci().remainingResources.memory;
    const [arn] = runTasks(s, { cluster: 'prod', taskDefinition: 'web' });
    expect(ci().remainingResources.memory).toBe(before - 256);
    s.advance(60).call('ecs:StopTask', { cluster: 'prod', task: arn }).advance(60);
    expect(s.world.tasks[arn].lastStatus).toBe('STOPPED');
    expect(ci().remainingResources.memory).toBe(before);
  });

  it('pulls an image again almost at once on an instance that already has its layers', () => {
    const { s } = ec2Sandbox();
    const [first] = runTasks(s, { cluster: 'prod', taskDefinition: 'web' });
    s.advance(60);
    const [second] = runTasks(s, { cluster: 'prod', taskDefinition: 'web' });
    s.advance(60);
    const pull = (arn: string) => s.world.tasks[arn].pullStoppedAt! - s.world.tasks[arn].pullStartedAt!;
    expect(pull(first)).toBeGreaterThan(3);
    expect(pull(second)).toBeLessThan(1);
  });

  it('stops a task whose image does not exist with TaskFailedToStart and a CannotPullContainerError', () => {
    const { s } = ec2Sandbox();
    s.call('ecr:CreateRepository', { repositoryName: 'api' });
    const uri = Object.values(s.world.repositories)[0].repositoryUri;
    registerTaskDefinition(s, { family: 'missing', containerDefinitions: [{ name: 'app', image: `${uri}:nope`, memory: 128 }] });
    const [arn] = runTasks(s, { cluster: 'prod', taskDefinition: 'missing' });
    s.advance(120);
    const t = describeTask(s, 'prod', arn);
    expect(t.lastStatus).toBe('STOPPED');
    expect(t.stopCode).toBe('TaskFailedToStart');
    expect(t.stoppedReason).toMatch(/^CannotPullContainerError/);
  });

  it('waits while the agent is disconnected: StopTask is recorded but the task keeps running until it reconnects', () => {
    const { s, instances } = ec2Sandbox();
    const [arn] = runTasks(s, { cluster: 'prod', taskDefinition: 'web' });
    s.advance(60);
    s.world.containerInstances[instances[0]].agentConnected = false;
    s.call('ecs:StopTask', { cluster: 'prod', task: arn }).advance(120);
    expect(s.world.tasks[arn].desiredStatus).toBe('STOPPED');
    expect(s.world.tasks[arn].lastStatus).toBe('DEACTIVATING');
    s.world.containerInstances[instances[0]].agentConnected = true;
    s.advance(60);
    expect(s.world.tasks[arn].lastStatus).toBe('STOPPED');
  });
});

describe('StartTask', () => {
  it('starts one task on each named container instance', () => {
    const { s, instances } = ec2Sandbox(2);
    const out = s.output('ecs:StartTask', { cluster: 'prod', taskDefinition: 'web', containerInstances: instances });
    expect(out.tasks.map((t: { containerInstanceArn: string }) => t.containerInstanceArn)).toEqual(instances);
    expect(s.output('ecs:StartTask', { cluster: 'prod', taskDefinition: 'web', containerInstances: ['abc'] }).failures).toEqual([{ arn: 'abc', reason: 'MISSING' }]);
  });
});
