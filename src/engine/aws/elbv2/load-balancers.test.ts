import { describe, expect, it } from 'vitest';
import { sandbox } from '../../testing/harness';

function setup() {
  const s = sandbox({ seed: 3 });
  const subnets = Object.values(s.world.subnets).map((n) => n.SubnetId);
  return { s, subnets };
}

describe('CreateLoadBalancer', () => {
  it('creates an internet-facing ALB that is provisioning, with a DNS name NAME-DIGITS.REGION.elb.amazonaws.com, then becomes active', () => {
    const { s, subnets } = setup();
    const lb = s.output('elbv2:CreateLoadBalancer', { Name: 'web', Subnets: subnets.slice(0, 2) }).LoadBalancers[0];
    expect(lb.Type).toBe('application');
    expect(lb.Scheme).toBe('internet-facing');
    expect(lb.State).toEqual({ Code: 'provisioning' });
    expect(lb.DNSName).toMatch(/^web-\d{10}\.us-east-1\.elb\.amazonaws\.com$/);
    expect(lb.LoadBalancerArn).toMatch(/^arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer\/app\/web\/[0-9a-f]{16}$/);
    expect(lb.AvailabilityZones.map((z: { ZoneName: string }) => z.ZoneName)).toEqual(['us-east-1a', 'us-east-1b']);
    s.advance(119);
    expect(s.world.loadBalancers[lb.LoadBalancerArn].State.Code).toBe('provisioning');
    s.advance(61);
    expect(s.output('elbv2:DescribeLoadBalancers', { Names: ['web'] }).LoadBalancers[0].State).toEqual({ Code: 'active' });
    expect(s.messages('elb.loadBalancer.state')[0]).toContain('Load balancer web is now active');
  });

  it('gives the same DNS name for the same seed (deterministic)', () => {
    const a = setup();
    const b = setup();
    const dns = (x: ReturnType<typeof setup>) => x.s.output('elbv2:CreateLoadBalancer', { Name: 'web', Subnets: x.subnets.slice(0, 2) }).LoadBalancers[0].DNSName;
    expect(dns(a)).toBe(dns(b));
  });

  it('needs subnets in two Availability Zones for an ALB, one per AZ; an NLB may use one', () => {
    const { s, subnets } = setup();
    s.callExpectingError('elbv2:CreateLoadBalancer', { Name: 'web', Subnets: [subnets[0]] }, 'ValidationError', 'At least two subnets in two different Availability Zones must be specified');
    s.callExpectingError('elbv2:CreateLoadBalancer', { Name: 'web', Subnets: [subnets[0], subnets[0]] }, 'InvalidConfigurationRequestException', 'A load balancer cannot be attached to multiple subnets in the same Availability Zone');
    s.callExpectingError('elbv2:CreateLoadBalancer', { Name: 'web', Subnets: [subnets[0], 'subnet-0000'] }, 'SubnetNotFoundException');
    const nlb = s.output('elbv2:CreateLoadBalancer', { Name: 'tcp', Type: 'network', SubnetMappings: [{ SubnetId: subnets[0] }] }).LoadBalancers[0];
    expect(nlb.DNSName).toMatch(/^tcp-[0-9a-f]{16}\.elb\.us-east-1\.amazonaws\.com$/);
    expect(nlb.LoadBalancerArn).toContain(':loadbalancer/net/tcp/');
  });

  it('enforces the name rules: 32 characters, alphanumerics and hyphens, no leading/trailing hyphen, no internal- prefix', () => {
    const { s, subnets } = setup();
    const create = (Name: string) => s.error('elbv2:CreateLoadBalancer', { Name, Subnets: subnets.slice(0, 2) });
    expect(create('a'.repeat(33)).message).toBe(`The load balancer name '${'a'.repeat(33)}' cannot be longer than '32' characters`);
    expect(create('web_1').code).toBe('ValidationError');
    expect(create('-web').message).toContain("cannot begin or end with '-'");
    expect(create('internal-web').message).toContain("cannot begin with 'internal-'");
  });

  it('is idempotent for the same settings, and answers DuplicateLoadBalancerName for a name used with other settings', () => {
    const { s, subnets } = setup();
    const first = s.output('elbv2:CreateLoadBalancer', { Name: 'web', Subnets: subnets.slice(0, 2) }).LoadBalancers[0];
    const again = s.output('elbv2:CreateLoadBalancer', { Name: 'web', Subnets: [subnets[1], subnets[0]] }).LoadBalancers[0];
    expect(again.LoadBalancerArn).toBe(first.LoadBalancerArn);
    s.callExpectingError('elbv2:CreateLoadBalancer', { Name: 'web', Subnets: subnets.slice(0, 3) }, 'DuplicateLoadBalancerNameException', "A load balancer with the same name 'web' exists, but with different settings");
  });
});

describe('DescribeLoadBalancers and DeleteLoadBalancer', () => {
  it('answers LoadBalancerNotFound for an unknown name or ARN', () => {
    const { s } = setup();
    s.callExpectingError('elbv2:DescribeLoadBalancers', { Names: ['nope'] }, 'LoadBalancerNotFoundException', 'One or more load balancers not found');
    s.callExpectingError('elbv2:DescribeLoadBalancers', { LoadBalancerArns: ['arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/x/0'] }, 'LoadBalancerNotFoundException');
  });

  it('deletes the load balancer with its listeners, leaves the target group, and succeeds again for one already gone', () => {
    const { s, subnets } = setup();
    const vpcId = Object.keys(s.world.vpcs)[0];
    const lbArn = s.output('elbv2:CreateLoadBalancer', { Name: 'web', Subnets: subnets.slice(0, 2) }).LoadBalancers[0].LoadBalancerArn;
    const tgArn = s.output('elbv2:CreateTargetGroup', { Name: 'web-tg', Protocol: 'HTTP', Port: 80, VpcId: vpcId }).TargetGroups[0].TargetGroupArn;
    s.call('elbv2:CreateListener', { LoadBalancerArn: lbArn, Protocol: 'HTTP', Port: 80, DefaultActions: [{ Type: 'forward', TargetGroupArn: tgArn }] });
    s.callExpectingError('elbv2:DeleteTargetGroup', { TargetGroupArn: tgArn }, 'ResourceInUseException', `Target group '${tgArn}' is currently in use by a listener or a rule`);
    s.call('elbv2:DeleteLoadBalancer', { LoadBalancerArn: lbArn });
    expect(Object.keys(s.world.listeners)).toEqual([]);
    expect(s.output('elbv2:DescribeTargetGroups', { TargetGroupArns: [tgArn] }).TargetGroups[0].LoadBalancerArns).toEqual([]);
    s.call('elbv2:DeleteLoadBalancer', { LoadBalancerArn: lbArn });
    s.call('elbv2:DeleteTargetGroup', { TargetGroupArn: tgArn });
  });
});
