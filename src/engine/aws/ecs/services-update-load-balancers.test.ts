import { describe, it, expect } from 'vitest';
import { sandbox, type Sandbox } from '../../testing/harness';
import { CLUSTER, createService, describeService, isSteady, serviceCluster, serviceMessages, serviceTasks, webTaskDefinition } from '../../testing/service-fixtures';
import { albTargetGroup, targetHealths, webTarget } from '../../testing/service-alb-fixtures';

/** A steady service behind target group "blue"; a second group "green" on the same ALB (port 8080). */
function serviceWithSecondTargetGroup(): { s: Sandbox; blue: string; green: string } {
  const s = sandbox({ seed: 44 });
  serviceCluster(s, { instances: 2 });
  webTaskDefinition(s);
  const blue = albTargetGroup(s, { name: 'blue', deregistrationDelay: 30 });
  const green = albTargetGroup(s, { name: 'green', deregistrationDelay: 30, listenerPort: 8080, loadBalancerArn: Object.keys(s.world.loadBalancers)[0] });
  createService(s, { serviceName: 'web', desiredCount: 2, loadBalancers: webTarget(blue) });
  s.advanceUntil(() => isSteady(s), 900, 5);
  return { s, blue, green };
}

describe('UpdateService loadBalancers (rolling update: ECS starts new tasks with the new configuration, then stops the old ones)', () => {
  it('starts a new deployment whose tasks register in the new target group while the old tasks drain from the old one', () => {
    const { s, blue, green } = serviceWithSecondTargetGroup();
    const oldTasks = serviceTasks(s).map((t) => t.taskArn);
    const out = s.output('ecs:UpdateService', { cluster: CLUSTER, service: 'web', loadBalancers: webTarget(green) });
    expect(out.service.loadBalancers).toEqual(webTarget(green));
    expect(out.service.deployments).toHaveLength(2);

    s.advanceUntil(() => isSteady(s), 1200, 5);
    const newTasks = serviceTasks(s).filter((t) => t.lastStatus !== 'STOPPED');
    expect(newTasks.some((t) => oldTasks.includes(t.taskArn))).toBe(false);
    expect(targetHealths(s, green).map((h) => h.TargetHealth.State)).toEqual(['healthy', 'healthy']);
    s.advance(60);
    expect(targetHealths(s, blue)).toEqual([]);
    expect(oldTasks.every((arn) => s.world.tasks[arn].lastStatus === 'STOPPED')).toBe(true);
    expect(serviceMessages(s)).toContain(`(service web) registered 2 targets in (target-group ${green})`);
  });

  it('with an empty list removes the load balancers: new tasks register nowhere', () => {
    const { s, blue } = serviceWithSecondTargetGroup();
    s.call('ecs:UpdateService', { cluster: CLUSTER, service: 'web', loadBalancers: [] });
    s.advanceUntil(() => isSteady(s), 900, 5);
    s.advance(60);
    expect(describeService(s).loadBalancers).toEqual([]);
    expect(targetHealths(s, blue)).toEqual([]);
  });

  it('checks the new load balancers against the task definition', () => {
    const { s, green } = serviceWithSecondTargetGroup();
    s.callExpectingError('ecs:UpdateService', { cluster: CLUSTER, service: 'web', loadBalancers: [{ targetGroupArn: green, containerName: 'app', containerPort: 8080 }] }, 'InvalidParameterException', 'The container app did not have a container port 8080 defined.');
    expect(describeService(s).deployments).toHaveLength(1);
  });

  it('does not start a deployment when the same load balancers are given again', () => {
    const { s, blue } = serviceWithSecondTargetGroup();
    s.call('ecs:UpdateService', { cluster: CLUSTER, service: 'web', loadBalancers: webTarget(blue) });
    expect(describeService(s).deployments).toHaveLength(1);
  });
});
