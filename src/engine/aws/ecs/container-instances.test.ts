import { describe, it, expect } from 'vitest';
import { sandbox, type Sandbox } from '../../testing/harness';
import { launchContainerInstances } from '../../testing/ec2-fixtures';

function runWeb(s: Sandbox, extra: Record<string, unknown> = {}): string {
  s.call('ecs:RegisterTaskDefinition', { family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx:latest', cpu: 256, memory: 512, portMappings: [{ containerPort: 80, hostPort: 8080 }] }] });
  return s.output('ecs:RunTask', { cluster: 'prod', taskDefinition: 'web', ...extra }).tasks[0].taskArn;
}

const resource = (list: any[], name: string) => list.find((r) => r.name === name);

describe('ecs:DescribeContainerInstances', () => {
  it('shows registered and remaining resources in the SDK Resource shape', () => {
    const s = sandbox();
    const [arn] = launchContainerInstances(s, { cluster: 'prod', count: 1, instanceType: 'm5.large' });
    const ci = s.output('ecs:DescribeContainerInstances', { cluster: 'prod', containerInstances: [arn] }).containerInstances[0];
    expect(resource(ci.registeredResources, 'CPU')).toMatchObject({ type: 'INTEGER', integerValue: 2048 });
    expect(resource(ci.registeredResources, 'MEMORY').integerValue).toBe(7985);
    expect(resource(ci.registeredResources, 'PORTS')).toMatchObject({ type: 'STRINGSET', stringSetValue: ['22', '2375', '2376', '51678', '51679'] });
    expect(resource(ci.registeredResources, 'PORTS_UDP').stringSetValue).toEqual([]);
    expect(ci.remainingResources).toEqual(ci.registeredResources);
    expect(ci).toMatchObject({ status: 'ACTIVE', agentConnected: true, runningTasksCount: 0, pendingTasksCount: 0 });
    expect(ci.ec2InstanceId).toMatch(/^i-/);
    expect(ci.registeredAt).toBeInstanceOf(Date);
  });

  it('counts its tasks and shows what they take from the remaining resources', () => {
    const s = sandbox();
    const [arn] = launchContainerInstances(s, { cluster: 'prod', count: 1 });
    runWeb(s);
    s.advance(60);
    const ci = s.output('ecs:DescribeContainerInstances', { cluster: 'prod', containerInstances: [arn] }).containerInstances[0];
    expect(ci.runningTasksCount).toBe(1);
    expect(resource(ci.remainingResources, 'CPU').integerValue).toBe(2048 - 256);
    expect(resource(ci.remainingResources, 'MEMORY').integerValue).toBe(7985 - 512);
    expect(resource(ci.remainingResources, 'PORTS').stringSetValue).toContain('8080');
  });

  it('accepts ids as well as ARNs and reports unknown ones as MISSING failures', () => {
    const s = sandbox();
    const [arn] = launchContainerInstances(s, { cluster: 'prod', count: 1 });
    const out = s.output('ecs:DescribeContainerInstances', { cluster: 'prod', containerInstances: [arn.split('/').pop(), 'abc'] });
    expect(out.containerInstances[0].containerInstanceArn).toBe(arn);
    expect(out.failures).toEqual([{ arn: 'arn:aws:ecs:us-east-1:123456789012:container-instance/prod/abc', reason: 'MISSING' }]);
    s.callExpectingError('ecs:DescribeContainerInstances', { cluster: 'nope', containerInstances: [arn] }, 'ClusterNotFoundException');
  });
});

describe('ecs:ListContainerInstances', () => {
  it('filters with a cluster query expression and by status', () => {
    const s = sandbox();
    const arns = launchContainerInstances(s, { cluster: 'prod', count: 3, availabilityZones: ['us-east-1a', 'us-east-1b'] });
    // ECS does not promise an order; compare sorted
    const list = (input: Record<string, unknown>) => [...s.output('ecs:ListContainerInstances', { cluster: 'prod', ...input }).containerInstanceArns].sort();
    expect(list({})).toEqual([...arns].sort());
    expect(list({ filter: 'attribute:ecs.availability-zone == us-east-1a' })).toEqual([arns[0], arns[2]].sort());
    expect(list({ filter: "attribute:ecs.instance-type =~ t3.*" })).toEqual([]);
    s.call('ecs:UpdateContainerInstancesState', { cluster: 'prod', containerInstances: [arns[1]], status: 'DRAINING' });
    expect(list({ status: 'DRAINING' })).toEqual([arns[1]]);
    expect(list({ status: 'ACTIVE' })).toEqual([arns[0], arns[2]].sort());
    s.callExpectingError('ecs:ListContainerInstances', { cluster: 'prod', status: 'INACTIVE' }, 'InvalidParameterException');
  });

  it('lists every status but INACTIVE when no status is given', () => {
    const s = sandbox();
    const arns = launchContainerInstances(s, { cluster: 'prod', count: 2 });
    s.call('ecs:DeregisterContainerInstance', { cluster: 'prod', containerInstance: arns[0] });
    expect(s.output('ecs:ListContainerInstances', { cluster: 'prod' }).containerInstanceArns).toEqual([arns[1]]);
  });
});

describe('ecs:UpdateContainerInstancesState', () => {
  it('DRAINING places no new tasks on the instance', () => {
    const s = sandbox();
    const [a, b] = launchContainerInstances(s, { cluster: 'prod', count: 2 });
    s.call('ecs:UpdateContainerInstancesState', { cluster: 'prod', containerInstances: [a], status: 'DRAINING' });
    s.call('ecs:RegisterTaskDefinition', { family: 'worker', containerDefinitions: [{ name: 'w', image: 'busybox', memory: 128 }] });
    const placed = s.output('ecs:RunTask', { cluster: 'prod', taskDefinition: 'worker', count: 4 }).tasks.map((t: any) => t.containerInstanceArn);
    expect(placed).toEqual([b, b, b, b]);
  });

  it('DRAINING does not stop standalone tasks, and says so', () => {
    const s = sandbox();
    const [a] = launchContainerInstances(s, { cluster: 'prod', count: 1 });
    const task = runWeb(s);
    s.advance(60);
    const out = s.output('ecs:UpdateContainerInstancesState', { cluster: 'prod', containerInstances: [a], status: 'DRAINING' });
    expect(out.containerInstances[0].status).toBe('DRAINING');
    s.advance(600);
    expect(s.world.tasks[task].lastStatus).toBe('RUNNING');
    expect(s.messages('containerInstance.status')[0]).toMatch(/standalone task\(s\) keep running/);
  });

  it('can make a DRAINING instance ACTIVE again, and rejects other statuses', () => {
    const s = sandbox();
    const [a] = launchContainerInstances(s, { cluster: 'prod', count: 1 });
    s.call('ecs:UpdateContainerInstancesState', { cluster: 'prod', containerInstances: [a], status: 'DRAINING' });
    expect(s.output('ecs:UpdateContainerInstancesState', { cluster: 'prod', containerInstances: [a], status: 'ACTIVE' }).containerInstances[0].status).toBe('ACTIVE');
    s.callExpectingError('ecs:UpdateContainerInstancesState', { cluster: 'prod', containerInstances: [a], status: 'INACTIVE' }, 'InvalidParameterException');
    expect(s.output('ecs:UpdateContainerInstancesState', { cluster: 'prod', containerInstances: ['nope'], status: 'DRAINING' }).failures[0].reason).toBe('MISSING');
  });
});

describe('ecs:DeregisterContainerInstance', () => {
  it('is refused while tasks run on the instance unless forced; forced, the tasks are orphaned', () => {
    const s = sandbox();
    const [a] = launchContainerInstances(s, { cluster: 'prod', count: 1 });
    const task = runWeb(s);
    s.advance(60);
    s.callExpectingError('ecs:DeregisterContainerInstance', { cluster: 'prod', containerInstance: a }, 'InvalidParameterException', 'Found running tasks on the instance.');
    const out = s.output('ecs:DeregisterContainerInstance', { cluster: 'prod', containerInstance: a, force: true });
    expect(out.containerInstance).toMatchObject({ status: 'INACTIVE', agentConnected: false });
    expect(s.world.tasks[task].lastStatus).toBe('RUNNING');
    expect(s.messages('task.orphaned')).toHaveLength(1);
    const ec2 = s.world.instances[out.containerInstance.ec2InstanceId];
    expect(ec2.State.Name).toBe('running'); // the EC2 instance is not terminated
  });
});

describe('terminating the EC2 instance of a container instance', () => {
  it('makes the container instance INACTIVE and stops its tasks because the host was terminated', () => {
    const s = sandbox();
    const [a] = launchContainerInstances(s, { cluster: 'prod', count: 1 });
    const task = runWeb(s);
    s.advance(60);
    const id = s.world.containerInstances[a].ec2InstanceId;
    s.call('ec2:TerminateInstances', { InstanceIds: [id] });
    expect(s.world.containerInstances[a].agentConnected).toBe(false);
    s.advance(120);
    expect(s.world.containerInstances[a].status).toBe('INACTIVE');
    expect(s.world.tasks[task]).toMatchObject({ lastStatus: 'STOPPED', stopCode: 'TerminationNotice', stoppedReason: `Host EC2 (instance ${id}) terminated.` });
    expect(s.output('ecs:DescribeClusters', { clusters: ['prod'] }).clusters[0]).toMatchObject({ registeredContainerInstancesCount: 0, runningTasksCount: 0 });
  });
});
