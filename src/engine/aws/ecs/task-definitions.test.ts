import { describe, it, expect } from 'vitest';
import { sandbox } from '../../testing/harness';
import { assertSupportsLaunchType, findTaskDefinition, resolveTaskDefinitionOrThrow } from './task-definition-lookup';
import { AwsError } from '../errors';

const web = (extra: Record<string, unknown> = {}) => ({
  family: 'web',
  containerDefinitions: [{ name: 'app', image: 'nginx:latest', memory: 512, portMappings: [{ containerPort: 80 }] }],
  ...extra,
});

const fargateWeb = (extra: Record<string, unknown> = {}) => ({
  family: 'web',
  requiresCompatibilities: ['FARGATE'],
  networkMode: 'awsvpc',
  cpu: '256',
  memory: '512',
  containerDefinitions: [{ name: 'app', image: 'nginx:latest', portMappings: [{ containerPort: 80 }] }],
  ...extra,
});

describe('RegisterTaskDefinition', () => {
  it('starts a family at revision 1 and returns the ARN family:revision', () => {
    const s = sandbox();
    const out = s.output('ecs:RegisterTaskDefinition', web());
    expect(out.taskDefinition.revision).toBe(1);
    expect(out.taskDefinition.status).toBe('ACTIVE');
    expect(out.taskDefinition.taskDefinitionArn).toBe('arn:aws:ecs:us-east-1:123456789012:task-definition/web:1');
  });

  it('fills in container defaults as ECS does: essential true, cpu 0, tcp, bridge hostPort 0 (dynamic)', () => {
    const td = sandbox().output('ecs:RegisterTaskDefinition', web()).taskDefinition;
    const c = td.containerDefinitions[0];
    expect(c.essential).toBe(true);
    expect(c.cpu).toBe(0);
    expect(c.portMappings).toEqual([{ containerPort: 80, hostPort: 0, protocol: 'tcp' }]);
    expect(c.environment).toEqual([]);
    expect(c.mountPoints).toEqual([]);
    expect(c.volumesFrom).toEqual([]);
    expect(td.networkMode).toBe('bridge');
    expect(td.volumes).toEqual([]);
    expect(td.placementConstraints).toEqual([]);
  });

  it('fills hostPort with the containerPort in awsvpc mode', () => {
    const td = sandbox().output('ecs:RegisterTaskDefinition', fargateWeb()).taskDefinition;
    expect(td.containerDefinitions[0].portMappings).toEqual([{ containerPort: 80, hostPort: 80, protocol: 'tcp' }]);
  });

  it('fills health check defaults: interval 30, timeout 5, retries 3', () => {
    const td = sandbox().output(
      'ecs:RegisterTaskDefinition',
      web({ containerDefinitions: [{ name: 'app', image: 'nginx', memory: 256, healthCheck: { command: ['CMD-SHELL', 'curl -f http://localhost/ || exit 1'] } }] }),
    ).taskDefinition;
    expect(td.containerDefinitions[0].healthCheck).toEqual({ command: ['CMD-SHELL', 'curl -f http://localhost/ || exit 1'], interval: 30, timeout: 5, retries: 3 });
  });

  it('converts "1 vCPU" and "2 GB" to CPU units and MiB strings', () => {
    const td = sandbox().output('ecs:RegisterTaskDefinition', fargateWeb({ cpu: '1 vCPU', memory: '2 GB' })).taskDefinition;
    expect(td.cpu).toBe('1024');
    expect(td.memory).toBe('2048');
  });

  it('computes compatibilities: bridge gives EXTERNAL and EC2, a valid awsvpc Fargate size adds FARGATE', () => {
    const s = sandbox();
    expect(s.output('ecs:RegisterTaskDefinition', web()).taskDefinition.compatibilities).toEqual(['EXTERNAL', 'EC2']);
    expect(s.output('ecs:RegisterTaskDefinition', fargateWeb()).taskDefinition.compatibilities).toEqual(['EC2', 'FARGATE']);
    const noSize = s.output('ecs:RegisterTaskDefinition', web({ networkMode: 'awsvpc' })).taskDefinition;
    expect(noSize.compatibilities).toEqual(['EC2']);
  });

  it('explains in the event log why a definition is not Fargate-compatible', () => {
    const s = sandbox().call('ecs:RegisterTaskDefinition', web());
    expect(s.messages('taskDefinition.registered')[0]).toContain('Not compatible with FARGATE: Fargate only supports network mode');
  });

  it('computes requiresAttributes for ECR images, awslogs with an execution role, memoryReservation and awsvpc', () => {
    const td = sandbox().output(
      'ecs:RegisterTaskDefinition',
      fargateWeb({
        executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
        containerDefinitions: [
          {
            name: 'app',
            image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/web:v1',
            memoryReservation: 128,
            logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': '/ecs/web', 'awslogs-region': 'us-east-1' } },
          },
        ],
      }),
    ).taskDefinition;
    const names = td.requiresAttributes.map((a: { name: string }) => a.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'com.amazonaws.ecs.capability.ecr-auth',
        'ecs.capability.execution-role-ecr-pull',
        'com.amazonaws.ecs.capability.docker-remote-api.1.21',
        'com.amazonaws.ecs.capability.logging-driver.awslogs',
        'ecs.capability.execution-role-awslogs',
        'com.amazonaws.ecs.capability.docker-remote-api.1.19',
        'ecs.capability.task-eni',
      ]),
    );
    expect(sandbox().output('ecs:RegisterTaskDefinition', web()).taskDefinition.requiresAttributes).toEqual([]);
  });

  it('records registeredAt as a Date at the simulated time and registeredBy', () => {
    const s = sandbox().advance(60);
    const td = s.output('ecs:RegisterTaskDefinition', web()).taskDefinition;
    expect(td.registeredAt).toEqual(s.sim.date(60));
    expect(td.registeredBy).toBe('arn:aws:iam::123456789012:root');
  });

  it('stores plain data in the world (no Dates)', () => {
    const s = sandbox().call('ecs:RegisterTaskDefinition', web());
    const stored = s.world.taskDefinitions['arn:aws:ecs:us-east-1:123456789012:task-definition/web:1'];
    expect(stored.registeredAt).toBe(0);
    expect(JSON.parse(JSON.stringify(stored))).toEqual(stored);
  });
});

describe('revisions', () => {
  it('always increase by one, even after the latest revision is deregistered and deleted', () => {
    const s = sandbox().call('ecs:RegisterTaskDefinition', web()).call('ecs:RegisterTaskDefinition', web());
    s.call('ecs:DeregisterTaskDefinition', { taskDefinition: 'web:2' }).call('ecs:DeleteTaskDefinitions', { taskDefinitions: ['web:2'] });
    expect(s.output('ecs:RegisterTaskDefinition', web()).taskDefinition.revision).toBe(3);
  });

  it('are counted per family', () => {
    const s = sandbox().call('ecs:RegisterTaskDefinition', web()).call('ecs:RegisterTaskDefinition', web());
    expect(s.output('ecs:RegisterTaskDefinition', web({ family: 'worker' })).taskDefinition.revision).toBe(1);
  });
});

describe('DescribeTaskDefinition', () => {
  const three = () => sandbox().call('ecs:RegisterTaskDefinition', web()).call('ecs:RegisterTaskDefinition', web()).call('ecs:RegisterTaskDefinition', web());

  it('with a family alone returns the latest ACTIVE revision', () => {
    const s = three().call('ecs:DeregisterTaskDefinition', { taskDefinition: 'web:3' });
    expect(s.output('ecs:DescribeTaskDefinition', { taskDefinition: 'web' }).taskDefinition.revision).toBe(2);
  });

  it('accepts family:revision and the full ARN, and still describes an INACTIVE revision by number', () => {
    const s = three().call('ecs:DeregisterTaskDefinition', { taskDefinition: 'web:1' });
    expect(s.output('ecs:DescribeTaskDefinition', { taskDefinition: 'web:1' }).taskDefinition.status).toBe('INACTIVE');
    const arn = 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:2';
    expect(s.output('ecs:DescribeTaskDefinition', { taskDefinition: arn }).taskDefinition.taskDefinitionArn).toBe(arn);
  });

  it('answers ClientException "Unable to describe task definition." for an unknown one or a family with no ACTIVE revision', () => {
    const s = sandbox().callExpectingError('ecs:DescribeTaskDefinition', { taskDefinition: 'nope' }, 'ClientException', 'Unable to describe task definition.');
    s.call('ecs:RegisterTaskDefinition', web()).call('ecs:DeregisterTaskDefinition', { taskDefinition: 'web:1' });
    s.callExpectingError('ecs:DescribeTaskDefinition', { taskDefinition: 'web' }, 'ClientException', 'Unable to describe task definition.');
    s.callExpectingError('ecs:DescribeTaskDefinition', { taskDefinition: 'web:9' }, 'ClientException', 'Unable to describe task definition.');
  });

  it('returns tags only when include has TAGS', () => {
    const s = sandbox().call('ecs:RegisterTaskDefinition', web({ tags: [{ key: 'team', value: 'a' }] }));
    expect(s.output('ecs:DescribeTaskDefinition', { taskDefinition: 'web' }).tags).toBeUndefined();
    expect(s.output('ecs:DescribeTaskDefinition', { taskDefinition: 'web', include: ['TAGS'] }).tags).toEqual([{ key: 'team', value: 'a' }]);
  });
});

describe('DeregisterTaskDefinition', () => {
  it('marks the revision INACTIVE with deregisteredAt', () => {
    const s = sandbox().call('ecs:RegisterTaskDefinition', web()).advance(10);
    const td = s.output('ecs:DeregisterTaskDefinition', { taskDefinition: 'web:1' }).taskDefinition;
    expect(td.status).toBe('INACTIVE');
    expect(td.deregisteredAt).toEqual(s.sim.date(10));
  });

  it('needs a revision: a bare family is a ClientException and changes nothing', () => {
    const s = sandbox().call('ecs:RegisterTaskDefinition', web());
    s.callExpectingError('ecs:DeregisterTaskDefinition', { taskDefinition: 'web' }, 'ClientException', 'revision');
    expect(s.output('ecs:DescribeTaskDefinition', { taskDefinition: 'web:1' }).taskDefinition.status).toBe('ACTIVE');
  });

  it('answers ClientException for a revision that does not exist', () => {
    sandbox().callExpectingError('ecs:DeregisterTaskDefinition', { taskDefinition: 'web:1' }, 'ClientException', 'does not exist');
  });
});

describe('DeleteTaskDefinitions', () => {
  it('moves INACTIVE revisions to DELETE_IN_PROGRESS and refuses ACTIVE ones as failures', () => {
    const s = sandbox().call('ecs:RegisterTaskDefinition', web()).call('ecs:RegisterTaskDefinition', web());
    s.call('ecs:DeregisterTaskDefinition', { taskDefinition: 'web:1' });
    const out = s.output('ecs:DeleteTaskDefinitions', { taskDefinitions: ['web:1', 'web:2', 'web:7'] });
    expect(out.taskDefinitions.map((t: { status: string }) => t.status)).toEqual(['DELETE_IN_PROGRESS']);
    expect(out.failures.map((f: { arn: string }) => f.arn)).toEqual(['arn:aws:ecs:us-east-1:123456789012:task-definition/web:2', 'web:7']);
    expect(out.failures[0].reason).toContain('ACTIVE');
  });
});

describe('the lookup helpers other modules use', () => {
  it('findTaskDefinition reads ARNs, family:revision and family (latest ACTIVE)', () => {
    const s = sandbox().call('ecs:RegisterTaskDefinition', web()).call('ecs:RegisterTaskDefinition', web());
    expect(findTaskDefinition(s.world, 'web')?.revision).toBe(2);
    expect(findTaskDefinition(s.world, 'web:1')?.revision).toBe(1);
    expect(findTaskDefinition(s.world, 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:1')?.revision).toBe(1);
    expect(findTaskDefinition(s.world, 'web:x')).toBeUndefined();
    expect(findTaskDefinition(s.world, 'other')).toBeUndefined();
  });

  it('resolveTaskDefinitionOrThrow answers like RunTask: "TaskDefinition not found." / "TaskDefinition is inactive"', () => {
    const s = sandbox().call('ecs:RegisterTaskDefinition', web()).call('ecs:DeregisterTaskDefinition', { taskDefinition: 'web:1' });
    const error = (ref: string) => {
      try {
        resolveTaskDefinitionOrThrow(s.world, ref);
      } catch (e) {
        return e as AwsError;
      }
      return undefined;
    };
    expect(error('missing')).toMatchObject({ code: 'ClientException', message: 'TaskDefinition not found.' });
    expect(error('web:1')).toMatchObject({ code: 'InvalidParameterException', message: 'TaskDefinition is inactive' });
    s.call('ecs:RegisterTaskDefinition', web());
    expect(resolveTaskDefinitionOrThrow(s.world, 'web').revision).toBe(2);
  });

  it('assertSupportsLaunchType refuses FARGATE for a bridge-mode definition, as RunTask does', () => {
    const s = sandbox().call('ecs:RegisterTaskDefinition', web()).call('ecs:RegisterTaskDefinition', { ...fargateWeb(), family: 'api' });
    expect(() => assertSupportsLaunchType(findTaskDefinition(s.world, 'web')!, 'FARGATE')).toThrow('Task definition does not support launch_type FARGATE.');
    expect(() => assertSupportsLaunchType(findTaskDefinition(s.world, 'web')!, 'EC2')).not.toThrow();
    expect(() => assertSupportsLaunchType(findTaskDefinition(s.world, 'api')!, 'FARGATE')).not.toThrow();
  });
});
