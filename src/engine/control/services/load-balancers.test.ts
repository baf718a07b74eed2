import { describe, it, expect } from 'vitest';
import { sandbox } from '../../testing/harness';
import { createService, describeService, runningTasks, serviceCluster, serviceMessages, webTaskDefinition } from '../../testing/service-fixtures';

describe('a service behind an Application Load Balancer', () => {
  it('registers its tasks as instance targets on their host ports and completes only once they are healthy', () => {
    const s = sandbox({ seed: 80 });
    serviceCluster(s, { instances: 2 });
    webTaskDefinition(s);
    const subnets = Object.keys(s.world.subnets).slice(0, 2);
    const vpc = Object.keys(s.world.vpcs)[0];
    const lb = s.output('elbv2:CreateLoadBalancer', { Name: 'web', Subnets: subnets }).LoadBalancers[0].LoadBalancerArn;
    const tg = s.output('elbv2:CreateTargetGroup', { Name: 'web', Protocol: 'HTTP', Port: 80, VpcId: vpc, TargetType: 'instance' }).TargetGroups[0].TargetGroupArn;
    s.call('elbv2:CreateListener', { LoadBalancerArn: lb, Protocol: 'HTTP', Port: 80, DefaultActions: [{ Type: 'forward', TargetGroupArn: tg }] });
    createService(s, { serviceName: 'web', desiredCount: 2, loadBalancers: [{ targetGroupArn: tg, containerName: 'app', containerPort: 80 }] });
    s.advanceUntil(() => runningTasks(s).length === 2, 120);
    s.advance(10);
    const registered = serviceMessages(s).map((m) => /^\(service web\) registered (\d+) targets in \(target-group (.+)\)$/.exec(m)).filter((m) => m && m[2] === tg);
    expect(registered.reduce((n, m) => n + Number(m![1]), 0)).toBe(2);
    const health = s.output('elbv2:DescribeTargetHealth', { TargetGroupArn: tg }).TargetHealthDescriptions;
    expect(health).toHaveLength(2);
    const ports = runningTasks(s).map((t) => t.containers[0].networkBindings[0].hostPort).sort();
    expect(health.map((h: any) => h.Target.Port).sort()).toEqual(ports);
    expect(describeService(s).deployments![0].rolloutState).toBe('IN_PROGRESS');
    s.advanceUntil(() => describeService(s).deployments![0].rolloutState === 'COMPLETED', 900, 5);
    expect(s.output('elbv2:DescribeTargetHealth', { TargetGroupArn: tg }).TargetHealthDescriptions.every((h: any) => h.TargetHealth.State === 'healthy')).toBe(true);
  });
});
