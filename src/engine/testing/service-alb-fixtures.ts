/**
 * Test fixtures for services behind an Application Load Balancer: an internet-facing ALB in two
 * AZs with an HTTP:80 listener forwarding to an `instance` target group (for the bridge-mode web
 * task definition of service-fixtures.ts).
 *
 *   const tg = albTargetGroup(s, { name: 'web', deregistrationDelay: 60 });
 *   createService(s, { serviceName: 'web', desiredCount: 2, loadBalancers: webTarget(tg) });
 */
import type { Sandbox } from './harness';

export function albTargetGroup(s: Sandbox, options: { name?: string; deregistrationDelay?: number; listenerPort?: number; loadBalancerArn?: string } = {}): string {
  const name = options.name ?? 'web';
  const vpc = Object.keys(s.world.vpcs)[0];
  const subnets = Object.keys(s.world.subnets).slice(0, 2);
  const lb = options.loadBalancerArn ?? s.output('elbv2:CreateLoadBalancer', { Name: name, Subnets: subnets }).LoadBalancers[0].LoadBalancerArn;
  const tg = s.output('elbv2:CreateTargetGroup', { Name: name, Protocol: 'HTTP', Port: 80, VpcId: vpc, TargetType: 'instance' }).TargetGroups[0].TargetGroupArn;
  if (options.deregistrationDelay !== undefined) {
    s.call('elbv2:ModifyTargetGroupAttributes', { TargetGroupArn: tg, Attributes: [{ Key: 'deregistration_delay.timeout_seconds', Value: String(options.deregistrationDelay) }] });
  }
  s.call('elbv2:CreateListener', { LoadBalancerArn: lb, Protocol: 'HTTP', Port: options.listenerPort ?? 80, DefaultActions: [{ Type: 'forward', TargetGroupArn: tg }] });
  return tg;
}

/** The service loadBalancers entry for the web task definition's container "app" on port 80. */
export const webTarget = (targetGroupArn: string) => [{ targetGroupArn, containerName: 'app', containerPort: 80 }];

/** DescribeTargetHealth's descriptions for a target group. */
export function targetHealths(s: Sandbox, targetGroupArn: string): { Target: { Id: string; Port: number }; TargetHealth: { State: string; Reason?: string } }[] {
  return s.output('elbv2:DescribeTargetHealth', { TargetGroupArn: targetGroupArn }).TargetHealthDescriptions;
}
