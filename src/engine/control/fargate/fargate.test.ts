import { describe, expect, it } from 'vitest';
import { sandbox } from '../../testing/harness';
import { describeTask, fargateTaskDefinition, registerTaskDefinition, runTasks, statusHistory } from '../../testing/task-fixtures';

const subnetsOf = (s: ReturnType<typeof sandbox>, n: number) => Object.values(s.world.subnets).slice(0, n).map((x) => x.SubnetId);

function fargateSandbox(seed = 1) {
  const s = sandbox({ seed }).call('ecs:CreateCluster', { clusterName: 'prod' });
  registerTaskDefinition(s, fargateTaskDefinition('web'));
  return s;
}

describe('Fargate tasks', () => {
  it('need a network configuration when the task definition uses awsvpc', () => {
    fargateSandbox().callExpectingError(
      'ecs:RunTask',
      { cluster: 'prod', taskDefinition: 'web', launchType: 'FARGATE' },
      'InvalidParameterException',
      "Network Configuration must be provided when networkMode 'awsvpc' is specified.",
    );
  });

  it('reject a subnet that does not exist', () => {
    fargateSandbox().callExpectingError(
      'ecs:RunTask',
      { cluster: 'prod', taskDefinition: 'web', launchType: 'FARGATE', networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-0000000000000000f'] } } },
      'InvalidParameterException',
      'InvalidSubnetID.NotFound',
    );
  });

  it('reject placement strategies, which Fargate does not support', () => {
    const s = fargateSandbox();
    s.callExpectingError(
      'ecs:RunTask',
      { cluster: 'prod', taskDefinition: 'web', launchType: 'FARGATE', placementStrategy: [{ type: 'binpack', field: 'memory' }], networkConfiguration: { awsvpcConfiguration: { subnets: subnetsOf(s, 1) } } },
      'InvalidParameterException',
      'not supported with the FARGATE launch type',
    );
  });

  it('refuse a task definition that is only EC2-compatible', () => {
    const s = fargateSandbox();
    registerTaskDefinition(s, { family: 'ec2only', requiresCompatibilities: ['EC2'], containerDefinitions: [{ name: 'app', image: 'nginx', memory: 128 }] });
    s.callExpectingError('ecs:RunTask', { cluster: 'prod', taskDefinition: 'ec2only', launchType: 'FARGATE', networkConfiguration: { awsvpcConfiguration: { subnets: subnetsOf(s, 1) } } }, 'ClientException', 'Task definition does not support launch_type FARGATE.');
  });

  it('go PROVISIONING -> PENDING -> ACTIVATING -> RUNNING with an ENI that becomes ATTACHED, on platform 1.4.0', () => {
    const s = fargateSandbox();
    const [arn] = runTasks(s, { cluster: 'prod', taskDefinition: 'web', launchType: 'FARGATE', networkConfiguration: { awsvpcConfiguration: { subnets: subnetsOf(s, 1) } } });
    const first = describeTask(s, 'prod', arn);
    expect(first.lastStatus).toBe('PROVISIONING');
    expect(first.attachments?.[0].status).toBe('PRECREATED');
    s.advance(120);
    const t = describeTask(s, 'prod', arn);
    expect(t.lastStatus).toBe('RUNNING');
    expect(t.platformVersion).toBe('1.4.0');
    expect(t.containerInstanceArn).toBeUndefined();
    expect(t.cpu).toBe('256');
    expect(t.memory).toBe('512');
    expect(t.attachments?.[0].status).toBe('ATTACHED');
    const details = Object.fromEntries(t.attachments![0].details!.map((d) => [d.name, d.value]));
    expect(details.privateIPv4Address).toMatch(/^172\.31\.\d+\.\d+$/);
    expect(details.networkInterfaceId).toMatch(/^eni-[0-9a-f]{17}$/);
    expect(t.containers?.[0].networkInterfaces?.[0].privateIpv4Address).toBe(details.privateIPv4Address);
    expect(statusHistory(s, arn)).toEqual(['PROVISIONING', 'PENDING', 'ACTIVATING', 'RUNNING']);
    expect(t.createdAt! <= t.pullStartedAt! && t.pullStartedAt! <= t.pullStoppedAt! && t.pullStoppedAt! <= t.startedAt!).toBe(true);
  });

  it('spread the tasks of a group evenly over the AZs of the given subnets', () => {
    const s = fargateSandbox(3);
    const subnets = subnetsOf(s, 3);
    const arns = runTasks(s, { cluster: 'prod', taskDefinition: 'web', launchType: 'FARGATE', count: 9, networkConfiguration: { awsvpcConfiguration: { subnets } } });
    const perAz = new Map<string, number>();
    for (const arn of arns) {
      const az = s.world.tasks[arn].availabilityZone;
      perAz.set(az, (perAz.get(az) ?? 0) + 1);
    }
    expect([...perAz.values()]).toEqual([3, 3, 3]);
  });

  it('stop a private ECR image without an execution role with TaskFailedToStart and a CannotPullContainerError', () => {
    const s = fargateSandbox();
    s.call('ecr:CreateRepository', { repositoryName: 'api' }).call('sim:PushImage', { repositoryName: 'api', imageTag: 'v1' });
    const uri = s.world.repositories[Object.keys(s.world.repositories)[0]].repositoryUri;
    registerTaskDefinition(s, fargateTaskDefinition('api', { image: `${uri}:v1` }));
    const sdkTd = s.world.taskDefinitions[Object.keys(s.world.taskDefinitions).find((k) => k.includes('/api:'))!];
    delete sdkTd.executionRoleArn; // RegisterTaskDefinition may demand it; this is the run-time check.
    const [arn] = runTasks(s, { cluster: 'prod', taskDefinition: 'api', launchType: 'FARGATE', networkConfiguration: { awsvpcConfiguration: { subnets: subnetsOf(s, 1) } } });
    s.advance(120);
    const t = describeTask(s, 'prod', arn);
    expect(t.lastStatus).toBe('STOPPED');
    expect(t.stopCode).toBe('TaskFailedToStart');
    expect(t.stoppedReason).toMatch(/^CannotPullContainerError: /);
    expect(t.containers?.[0].exitCode).toBeUndefined();
  });

  it('pull a private ECR image when the task has an execution role', () => {
    const s = fargateSandbox();
    s.call('ecr:CreateRepository', { repositoryName: 'api' }).call('sim:PushImage', { repositoryName: 'api', imageTag: 'v1' });
    const uri = s.world.repositories[Object.keys(s.world.repositories)[0]].repositoryUri;
    registerTaskDefinition(s, fargateTaskDefinition('api', { image: `${uri}:v1` }, { executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole' }));
    const [arn] = runTasks(s, { cluster: 'prod', taskDefinition: 'api', launchType: 'FARGATE', networkConfiguration: { awsvpcConfiguration: { subnets: subnetsOf(s, 1) } } });
    s.advance(120);
    const t = describeTask(s, 'prod', arn);
    expect(t.lastStatus).toBe('RUNNING');
    expect(t.containers?.[0].imageDigest).toMatch(/^sha256:/);
  });
});
