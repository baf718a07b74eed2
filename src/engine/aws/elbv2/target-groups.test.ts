import { describe, expect, it } from 'vitest';
import { sandbox } from '../../testing/harness';

function setup() {
  const s = sandbox({ seed: 5 });
  const VpcId = Object.keys(s.world.vpcs)[0];
  const create = (input: Record<string, unknown>) => s.output('elbv2:CreateTargetGroup', { Name: 'web-tg', Protocol: 'HTTP', Port: 80, VpcId, ...input }).TargetGroups[0];
  const fails = (input: Record<string, unknown>) => s.error('elbv2:CreateTargetGroup', { Name: 'web-tg', Protocol: 'HTTP', Port: 80, VpcId, ...input });
  return { s, VpcId, create, fails };
}

describe('CreateTargetGroup', () => {
  it('gives an HTTP target group the ALB health check defaults: HTTP, traffic-port, /, 30 s, 5 s, 5, 2, matcher 200', () => {
    const tg = setup().create({});
    expect(tg).toMatchObject({
      TargetType: 'instance',
      HealthCheckProtocol: 'HTTP',
      HealthCheckPort: 'traffic-port',
      HealthCheckPath: '/',
      HealthCheckIntervalSeconds: 30,
      HealthCheckTimeoutSeconds: 5,
      HealthyThresholdCount: 5,
      UnhealthyThresholdCount: 2,
      Matcher: { HttpCode: '200' },
      HealthCheckEnabled: true,
      LoadBalancerArns: [],
    });
  });

  it('gives a TCP (NLB) target group TCP checks with a 10 s timeout, and an HTTP check on it 6 s and matcher 200-399', () => {
    const { create, s } = setup();
    const tcp = create({ Name: 'tcp-tg', Protocol: 'TCP' });
    expect(tcp).toMatchObject({ HealthCheckProtocol: 'TCP', HealthCheckTimeoutSeconds: 10, HealthCheckIntervalSeconds: 30, HealthyThresholdCount: 5, UnhealthyThresholdCount: 2 });
    expect(tcp.HealthCheckPath).toBeUndefined();
    const http = create({ Name: 'tcp-http', Protocol: 'TCP', HealthCheckProtocol: 'HTTP' });
    expect(http).toMatchObject({ HealthCheckTimeoutSeconds: 6, HealthCheckPath: '/', Matcher: { HttpCode: '200-399' } });
    expect(s.messages('elb.targetGroup.created')).toHaveLength(2);
  });

  it('rejects settings outside the ranges: interval 5-300, timeout 2-120, thresholds 2-10, timeout below interval', () => {
    const { fails } = setup();
    expect(fails({ HealthCheckIntervalSeconds: 600 }).message).toBe(
      "1 validation error detected: Value '600' at 'healthCheckIntervalSeconds' failed to satisfy constraint: Member must have value less than or equal to 300",
    );
    expect(fails({ HealthCheckIntervalSeconds: 4 }).code).toBe('ValidationError');
    expect(fails({ HealthCheckTimeoutSeconds: 1 }).message).toContain('greater than or equal to 2');
    expect(fails({ HealthyThresholdCount: 11 }).message).toContain("'healthyThresholdCount'");
    expect(fails({ UnhealthyThresholdCount: 1 }).message).toContain("'unhealthyThresholdCount'");
    expect(fails({ HealthCheckIntervalSeconds: 10, HealthCheckTimeoutSeconds: 10 }).message).toBe('Health check interval must be greater than the timeout.');
    expect(fails({ HealthCheckProtocol: 'TCP' }).message).toContain('TCP protocol is not supported for health checks');
    expect(fails({ Matcher: { HttpCode: '600' } }).code).toBe('ValidationError');
  });

  it('needs a protocol, a port and a VPC that exists, and a valid name', () => {
    const { fails } = setup();
    expect(fails({ Protocol: undefined }).message).toBe('A protocol must be specified');
    expect(fails({ Port: undefined }).message).toBe('A port must be specified');
    expect(fails({ VpcId: 'vpc-0000' }).message).toBe("The VPC ID 'vpc-0000' is not found");
    expect(fails({ Name: 'x'.repeat(33) }).message).toBe(`Target group name '${'x'.repeat(33)}' cannot be longer than '32' characters`);
  });

  it('answers DuplicateTargetGroupName when the name exists with other settings', () => {
    const { create, s, VpcId } = setup();
    const a = create({});
    expect(create({}).TargetGroupArn).toBe(a.TargetGroupArn);
    s.callExpectingError('elbv2:CreateTargetGroup', { Name: 'web-tg', Protocol: 'HTTP', Port: 8080, VpcId }, 'DuplicateTargetGroupNameException', "A target group with the same name 'web-tg' exists");
  });
});

describe('ModifyTargetGroup and target group attributes', () => {
  it('changes health check settings and keeps the rule that the interval exceeds the timeout', () => {
    const { create, s } = setup();
    const arn = create({}).TargetGroupArn;
    const out = s.output('elbv2:ModifyTargetGroup', { TargetGroupArn: arn, HealthCheckIntervalSeconds: 10, HealthyThresholdCount: 2, HealthCheckPath: '/health' }).TargetGroups[0];
    expect(out).toMatchObject({ HealthCheckIntervalSeconds: 10, HealthyThresholdCount: 2, HealthCheckPath: '/health', HealthCheckTimeoutSeconds: 5 });
    s.callExpectingError('elbv2:ModifyTargetGroup', { TargetGroupArn: arn, HealthCheckIntervalSeconds: 5 }, 'ValidationError', 'Health check interval must be greater than the timeout.');
  });

  it('has deregistration_delay.timeout_seconds 300 by default and accepts 0-3600 only', () => {
    const { create, s } = setup();
    const arn = create({}).TargetGroupArn;
    const attrs = s.output('elbv2:DescribeTargetGroupAttributes', { TargetGroupArn: arn }).Attributes;
    expect(attrs).toContainEqual({ Key: 'deregistration_delay.timeout_seconds', Value: '300' });
    expect(attrs).toContainEqual({ Key: 'stickiness.enabled', Value: 'false' });
    const set = (Value: string) => s.sim.call('elbv2:ModifyTargetGroupAttributes', { TargetGroupArn: arn, Attributes: [{ Key: 'deregistration_delay.timeout_seconds', Value }] });
    expect(set('3601').error?.code).toBe('ValidationError');
    expect(set('-1').error?.code).toBe('ValidationError');
    expect(set('30').output).toMatchObject({ Attributes: expect.arrayContaining([{ Key: 'deregistration_delay.timeout_seconds', Value: '30' }]) });
    s.callExpectingError('elbv2:ModifyTargetGroupAttributes', { TargetGroupArn: arn, Attributes: [{ Key: 'nope', Value: '1' }] }, 'ValidationError', "'nope' is not recognized");
  });

  it('answers TargetGroupNotFound for unknown ARNs and names', () => {
    const { s } = setup();
    s.callExpectingError('elbv2:DescribeTargetGroups', { Names: ['nope'] }, 'TargetGroupNotFoundException', 'One or more target groups not found');
    s.callExpectingError('elbv2:DescribeTargetHealth', { TargetGroupArn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/x/0' }, 'TargetGroupNotFoundException');
  });
});

describe('RegisterTargets and DeregisterTargets', () => {
  it('reject an instance that does not exist, an IP outside the VPC, and deregistering what is not registered', () => {
    const { create, s } = setup();
    const inst = create({}).TargetGroupArn;
    s.callExpectingError('elbv2:RegisterTargets', { TargetGroupArn: inst, Targets: [{ Id: 'i-0123456789abcdef0' }] }, 'InvalidTargetException');
    const ip = create({ Name: 'ip-tg', TargetType: 'ip' }).TargetGroupArn;
    s.callExpectingError('elbv2:RegisterTargets', { TargetGroupArn: ip, Targets: [{ Id: '10.0.0.1' }] }, 'InvalidTargetException', 'not within the CIDR block');
    s.callExpectingError('elbv2:RegisterTargets', { TargetGroupArn: ip, Targets: [{ Id: 'not-an-ip' }] }, 'ValidationError');
    s.callExpectingError('elbv2:DeregisterTargets', { TargetGroupArn: ip, Targets: [{ Id: '172.31.0.5' }] }, 'InvalidTargetException');
  });

  it('default the port to the target group port and list registered targets in DescribeTargetHealth', () => {
    const { create, s } = setup();
    const ip = create({ Name: 'ip-tg', TargetType: 'ip' }).TargetGroupArn;
    s.call('elbv2:RegisterTargets', { TargetGroupArn: ip, Targets: [{ Id: '172.31.0.5' }] });
    const [d] = s.output('elbv2:DescribeTargetHealth', { TargetGroupArn: ip }).TargetHealthDescriptions;
    expect(d).toEqual({ Target: { Id: '172.31.0.5', Port: 80 }, HealthCheckPort: '80', TargetHealth: { State: 'unused', Reason: 'Target.NotInUse', Description: 'Target group is not configured to receive traffic from the load balancer' } });
  });
});
