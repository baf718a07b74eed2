import { describe, it, expect } from 'vitest';
import { sandbox } from '../../testing/harness';
import { createService, describeService, liveTasks, serviceCluster, webTaskDefinition } from '../../testing/service-fixtures';
import { fargateTaskDefinition, registerTaskDefinition } from '../../testing/task-fixtures';
import { defaultSubnetFor } from '../../world/create';

function ready(seed = 1) {
  const s = sandbox({ seed });
  serviceCluster(s, { instances: 2 });
  webTaskDefinition(s);
  return s;
}

describe('ecs:CreateService', () => {
  it('answers ClusterNotFoundException for an unknown cluster', () => {
    const s = ready();
    s.callExpectingError('ecs:CreateService', { cluster: 'nope', serviceName: 'web', taskDefinition: 'web', desiredCount: 1 }, 'ClusterNotFoundException', 'Cluster not found.');
  });

  it('returns the service with AWS defaults: 200/100, REPLICA, ECS controller, grace period 0', () => {
    const s = ready();
    const svc = createService(s, { serviceName: 'web', desiredCount: 2 });
    expect(svc.serviceArn).toBe('arn:aws:ecs:us-east-1:123456789012:service/prod/web');
    expect(svc.deploymentConfiguration).toEqual({ maximumPercent: 200, minimumHealthyPercent: 100, deploymentCircuitBreaker: { enable: false, rollback: false } });
    expect(svc.schedulingStrategy).toBe('REPLICA');
    expect(svc.deploymentController).toEqual({ type: 'ECS' });
    expect(svc.healthCheckGracePeriodSeconds).toBe(0);
    expect(svc.deployments![0]).toMatchObject({ status: 'PRIMARY', rolloutState: 'IN_PROGRESS', desiredCount: 2, failedTasks: 0 });
    expect(svc.deployments![0].rolloutStateReason).toBe(`ECS deployment ${svc.deployments![0].id} in progress.`);
    expect(svc.createdAt).toBeInstanceOf(Date);
  });

  it('is idempotent for the same parameters and refuses different ones', () => {
    const s = ready();
    const a = createService(s, { serviceName: 'web', desiredCount: 2 });
    expect(createService(s, { serviceName: 'web', desiredCount: 2 }).serviceArn).toBe(a.serviceArn);
    s.callExpectingError('ecs:CreateService', { cluster: 'prod', serviceName: 'web', taskDefinition: 'web', desiredCount: 3 }, 'InvalidParameterException', 'Creation of service was not idempotent.');
  });

  it('refuses a desiredCount, a placement strategy or Fargate for DAEMON services', () => {
    const s = ready();
    s.callExpectingError('ecs:CreateService', { cluster: 'prod', serviceName: 'd', taskDefinition: 'web', schedulingStrategy: 'DAEMON', desiredCount: 1 }, 'InvalidParameterException', 'does not support a desired count');
    s.callExpectingError('ecs:CreateService', { cluster: 'prod', serviceName: 'd', taskDefinition: 'web', schedulingStrategy: 'DAEMON', placementStrategy: [{ type: 'random' }] }, 'InvalidParameterException', 'does not support placement strategies');
    registerTaskDefinition(s, fargateTaskDefinition('fg'));
    s.callExpectingError('ecs:CreateService', { cluster: 'prod', serviceName: 'd', taskDefinition: 'fg', schedulingStrategy: 'DAEMON', launchType: 'FARGATE' }, 'InvalidParameterException', 'FARGATE');
  });

  it('answers PlatformUnknownException for an unknown Fargate platform version', () => {
    const s = ready();
    registerTaskDefinition(s, fargateTaskDefinition('fg'));
    const networkConfiguration = { awsvpcConfiguration: { subnets: [defaultSubnetFor(s.world, 'us-east-1a')] } };
    s.callExpectingError('ecs:CreateService', { cluster: 'prod', serviceName: 'f', taskDefinition: 'fg', launchType: 'FARGATE', desiredCount: 1, platformVersion: '9.9.9', networkConfiguration }, 'PlatformUnknownException');
  });

  it('checks load balancer containers and ports against the task definition', () => {
    const s = ready();
    const tg = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef';
    s.callExpectingError('ecs:CreateService', { cluster: 'prod', serviceName: 'w', taskDefinition: 'web', desiredCount: 1, loadBalancers: [{ targetGroupArn: tg, containerName: 'app', containerPort: 8080 }] }, 'InvalidParameterException', 'The container app did not have a container port 8080 defined.');
    s.callExpectingError('ecs:CreateService', { cluster: 'prod', serviceName: 'w', taskDefinition: 'web', desiredCount: 1, loadBalancers: [{ targetGroupArn: tg, containerName: 'nope', containerPort: 80 }] }, 'InvalidParameterException', 'does not exist in the task definition');
  });

  it('runs a Fargate service spread over the AZs of its subnets', () => {
    const s = sandbox({ seed: 9 });
    s.call('ecs:CreateCluster', { clusterName: 'prod' });
    registerTaskDefinition(s, fargateTaskDefinition('fg'));
    const subnets = ['us-east-1a', 'us-east-1b'].map((az) => defaultSubnetFor(s.world, az));
    createService(s, { serviceName: 'f', taskDefinition: 'fg', launchType: 'FARGATE', desiredCount: 4, networkConfiguration: { awsvpcConfiguration: { subnets } } });
    s.advance(120);
    const tasks = liveTasks(s, 'f');
    expect(tasks.filter((t) => t.lastStatus === 'RUNNING')).toHaveLength(4);
    expect(tasks.filter((t) => t.availabilityZone === 'us-east-1a')).toHaveLength(2);
  });
});

describe('ecs:UpdateService, DescribeServices, ListServices, ListTasks', () => {
  it('answers ServiceNotFoundException for an unknown service', () => {
    const s = ready();
    s.callExpectingError('ecs:UpdateService', { cluster: 'prod', service: 'nope', desiredCount: 1 }, 'ServiceNotFoundException', 'Service not found.');
  });

  it('describes unknown services as MISSING failures and tags only with include TAGS', () => {
    const s = ready();
    createService(s, { serviceName: 'web', desiredCount: 1, tags: [{ key: 'team', value: 'a' }] });
    const out = s.output('ecs:DescribeServices', { cluster: 'prod', services: ['web', 'nope'] });
    expect(out.services[0].tags).toBeUndefined();
    expect(out.failures).toEqual([{ arn: 'arn:aws:ecs:us-east-1:123456789012:service/prod/nope', reason: 'MISSING' }]);
    expect(describeService(s).tags).toEqual([{ key: 'team', value: 'a' }]);
  });

  it('lists services filtered by scheduling strategy, and ListTasks filters by serviceName', () => {
    const s = ready();
    createService(s, { serviceName: 'web', desiredCount: 2 });
    createService(s, { serviceName: 'agent', schedulingStrategy: 'DAEMON' });
    s.advance(60);
    expect(s.output('ecs:ListServices', { cluster: 'prod' }).serviceArns).toHaveLength(2);
    expect(s.output('ecs:ListServices', { cluster: 'prod', schedulingStrategy: 'DAEMON' }).serviceArns).toEqual(['arn:aws:ecs:us-east-1:123456789012:service/prod/agent']);
    expect(s.output('ecs:ListTasks', { cluster: 'prod', serviceName: 'web' }).taskArns).toHaveLength(2);
    expect(s.output('ecs:DescribeClusters', { clusters: ['prod'] }).clusters[0].activeServicesCount).toBe(2);
  });

  it('propagates service tags and ECS managed tags to its tasks', () => {
    const s = ready();
    createService(s, { serviceName: 'web', desiredCount: 1, tags: [{ key: 'team', value: 'a' }], propagateTags: 'SERVICE', enableECSManagedTags: true });
    s.advance(5);
    expect(liveTasks(s)[0].tags).toEqual([
      { key: 'team', value: 'a' },
      { key: 'aws:ecs:serviceName', value: 'web' },
      { key: 'aws:ecs:clusterName', value: 'prod' },
    ]);
  });
});

describe('ecs:DeleteService', () => {
  it('refuses while scaled above 0, then with force goes ACTIVE -> DRAINING -> INACTIVE once its tasks are stopped', () => {
    const s = ready();
    createService(s, { serviceName: 'web', desiredCount: 2 });
    s.advance(60);
    s.callExpectingError('ecs:DeleteService', { cluster: 'prod', service: 'web' }, 'InvalidParameterException', 'The service cannot be stopped while it is scaled above 0.');
    expect(s.output('ecs:DeleteService', { cluster: 'prod', service: 'web', force: true }).service.status).toBe('DRAINING');
    expect(s.output('ecs:ListServices', { cluster: 'prod' }).serviceArns).toHaveLength(1);
    s.advance(60);
    expect(describeService(s).status).toBe('INACTIVE');
    expect(liveTasks(s)).toHaveLength(0);
    expect(s.output('ecs:ListServices', { cluster: 'prod' }).serviceArns).toHaveLength(0);
    s.callExpectingError('ecs:UpdateService', { cluster: 'prod', service: 'web', desiredCount: 1 }, 'ServiceNotActiveException', 'Service was not ACTIVE.');
  });

  it('deletes a service scaled to 0 without force', () => {
    const s = ready();
    createService(s, { serviceName: 'web', desiredCount: 0 });
    s.call('ecs:DeleteService', { cluster: 'prod', service: 'web' });
    s.advance(1);
    expect(describeService(s).status).toBe('INACTIVE');
  });
});
