import { describe, it, expect } from 'vitest';
import { sandbox } from '../../testing/harness';
import { createService, serviceCluster, webTaskDefinition } from '../../testing/service-fixtures';
import { blueGreen } from '../../control/codedeploy/fixtures';

const live = (s: ReturnType<typeof sandbox>, taskSetId: string) => Object.values(s.world.tasks).filter((t) => t.deploymentId === taskSetId && t.lastStatus !== 'STOPPED');

describe('DescribeServices and DescribeTaskSets for a CODE_DEPLOY service', () => {
  it('show the task sets (id ecs-svc/…, ARN task-set/CLUSTER/SERVICE/ID, scale, counts, stability) and no ECS deployments', () => {
    const f = blueGreen();
    const service = f.s.output('ecs:DescribeServices', { cluster: 'prod', services: ['web'] }).services[0];
    expect(service.deploymentController).toEqual({ type: 'CODE_DEPLOY' });
    expect(service.deployments).toEqual([]);
    expect(service.taskSets).toHaveLength(1);
    const ts = service.taskSets[0];
    expect(ts.id).toMatch(/^ecs-svc\/\d{19}$/);
    expect(ts.taskSetArn).toBe(`arn:aws:ecs:us-east-1:123456789012:task-set/prod/web/${ts.id}`);
    expect(ts).toMatchObject({ status: 'PRIMARY', scale: { value: 100, unit: 'PERCENT' }, computedDesiredCount: 2, runningCount: 2, pendingCount: 0, stabilityStatus: 'STEADY_STATE', launchType: 'EC2' });
    expect(ts.createdAt).toBeInstanceOf(Date);
    const described = f.s.output('ecs:DescribeTaskSets', { cluster: 'prod', service: 'web', taskSets: [ts.taskSetArn, 'ecs-svc/1'] });
    expect(described.taskSets.map((t: { id: string }) => t.id)).toEqual([ts.id]);
    expect(described.failures).toEqual([{ arn: 'ecs-svc/1', reason: 'MISSING' }]);
  });

  it('CODE_DEPLOY task sets are CodeDeploy\'s: CreateTaskSet on such a service is refused', () => {
    const f = blueGreen();
    f.s.callExpectingError('ecs:CreateTaskSet', { cluster: 'prod', service: 'web', taskDefinition: f.v2 }, 'InvalidParameterException', 'external deployment controllers');
  });

  it('UpdateService desiredCount scales the task sets: computedDesiredCount = ceil(desired x scale%)', () => {
    const f = blueGreen();
    f.s.call('ecs:UpdateService', { cluster: 'prod', service: 'web', desiredCount: 3 });
    f.s.advanceUntil(() => f.s.output('ecs:DescribeTaskSets', { cluster: 'prod', service: 'web' }).taskSets[0].runningCount === 3, 300, 5);
    expect(f.s.output('ecs:DescribeTaskSets', { cluster: 'prod', service: 'web' }).taskSets[0].computedDesiredCount).toBe(3);
  });
});

describe('task sets of an EXTERNAL service', () => {
  function external() {
    const s = sandbox({ seed: 5 });
    serviceCluster(s, { instances: 2 });
    const td = webTaskDefinition(s);
    createService(s, { serviceName: 'ext', taskDefinition: undefined, desiredCount: 3, deploymentController: { type: 'EXTERNAL' } });
    return { s, td };
  }

  it('CreateTaskSet runs ceil(3 x 50%) = 2 tasks; UpdateTaskSet to 100% runs 3; DeleteTaskSet needs force while scaled above 0', () => {
    const { s, td } = external();
    const ts = s.output('ecs:CreateTaskSet', { cluster: 'prod', service: 'ext', taskDefinition: td, scale: { value: 50, unit: 'PERCENT' }, externalId: 'v1' }).taskSet;
    expect(ts).toMatchObject({ status: 'ACTIVE', computedDesiredCount: 2, externalId: 'v1' });
    s.advance(30);
    expect(live(s, ts.id)).toHaveLength(2);
    s.call('ecs:UpdateTaskSet', { cluster: 'prod', service: 'ext', taskSet: ts.taskSetArn, scale: { value: 100, unit: 'PERCENT' } });
    s.advance(30);
    expect(live(s, ts.id)).toHaveLength(3);
    expect(s.output('ecs:UpdateServicePrimaryTaskSet', { cluster: 'prod', service: 'ext', primaryTaskSet: ts.taskSetArn }).taskSet.status).toBe('PRIMARY');
    s.callExpectingError('ecs:DeleteTaskSet', { cluster: 'prod', service: 'ext', taskSet: ts.id }, 'InvalidParameterException', 'scaled above 0');
    s.callExpectingError('ecs:UpdateTaskSet', { cluster: 'prod', service: 'ext', taskSet: 'ecs-svc/1', scale: { value: 1 } }, 'TaskSetNotFoundException');
    expect(s.output('ecs:DeleteTaskSet', { cluster: 'prod', service: 'ext', taskSet: ts.id, force: true }).taskSet.status).toBe('DRAINING');
    s.advanceUntil(() => live(s, ts.id).length === 0, 900, 5);
    s.advance(10);
    expect(s.output('ecs:DescribeTaskSets', { cluster: 'prod', service: 'ext' }).taskSets).toEqual([]);
  });

  it('a service has at most 5 task sets', () => {
    const { s, td } = external();
    for (let i = 0; i < 5; i++) s.call('ecs:CreateTaskSet', { cluster: 'prod', service: 'ext', taskDefinition: td, scale: { value: 0 } });
    s.callExpectingError('ecs:CreateTaskSet', { cluster: 'prod', service: 'ext', taskDefinition: td }, 'InvalidParameterException', '5 deployments exist on the service');
  });
});
