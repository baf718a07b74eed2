import { describe, expect, it } from 'vitest';
import { albWithTargetGroup, listen } from '../../control/elb/fixtures';

function withSecondGroup() {
  const f = albWithTargetGroup();
  const green = f.s.output('elbv2:CreateTargetGroup', { Name: 'green-tg', Protocol: 'HTTP', Port: 80, VpcId: f.vpcId }).TargetGroups[0].TargetGroupArn;
  return { ...f, green };
}

describe('CreateListener', () => {
  it('forwards to a target group, which then lists the load balancer; a second listener on the port is a DuplicateListener', () => {
    const f = albWithTargetGroup();
    const arn = listen(f);
    const [l] = f.s.output('elbv2:DescribeListeners', { LoadBalancerArn: f.lbArn }).Listeners;
    expect(l).toMatchObject({ ListenerArn: arn, Port: 80, Protocol: 'HTTP', DefaultActions: [{ Type: 'forward', TargetGroupArn: f.tgArn }] });
    expect(arn).toContain(':listener/app/web-alb/');
    expect(f.s.output('elbv2:DescribeTargetGroups', { LoadBalancerArn: f.lbArn }).TargetGroups[0].LoadBalancerArns).toEqual([f.lbArn]);
    f.s.callExpectingError('elbv2:CreateListener', { LoadBalancerArn: f.lbArn, Protocol: 'HTTP', Port: 80, DefaultActions: [{ Type: 'fixed-response', FixedResponseConfig: { StatusCode: '404' } }] }, 'DuplicateListenerException', `A listener already exists on this port for this load balancer '${f.lbArn}'`);
  });

  it('forwards by weight over several target groups, and answers fixed responses', () => {
    const f = withSecondGroup();
    const out = f.s.output('elbv2:CreateListener', {
      LoadBalancerArn: f.lbArn,
      Protocol: 'HTTP',
      Port: 80,
      DefaultActions: [{ Type: 'forward', ForwardConfig: { TargetGroups: [{ TargetGroupArn: f.tgArn, Weight: 90 }, { TargetGroupArn: f.green, Weight: 10 }] } }],
    }).Listeners[0];
    expect(out.DefaultActions[0].TargetGroupArn).toBeUndefined();
    expect(out.DefaultActions[0].ForwardConfig.TargetGroups).toEqual([{ TargetGroupArn: f.tgArn, Weight: 90 }, { TargetGroupArn: f.green, Weight: 10 }]);
    expect(f.s.messages('elb.listener.created')[0]).toContain('forward to web-tg (weight 90) and green-tg (weight 10)');
    const fixed = f.s.output('elbv2:CreateListener', { LoadBalancerArn: f.lbArn, Protocol: 'HTTP', Port: 8080, DefaultActions: [{ Type: 'fixed-response', FixedResponseConfig: { StatusCode: '503', ContentType: 'text/plain' } }] }).Listeners[0];
    expect(fixed.DefaultActions[0].FixedResponseConfig.StatusCode).toBe('503');
    f.s.callExpectingError('elbv2:CreateListener', { LoadBalancerArn: f.lbArn, Protocol: 'HTTP', Port: 81, DefaultActions: [{ Type: 'fixed-response', FixedResponseConfig: { StatusCode: '302' } }] }, 'ValidationError');
  });

  it('refuses a target group another load balancer uses, unknown groups, wrong protocols and HTTPS without a certificate', () => {
    const f = albWithTargetGroup();
    listen(f);
    const other = f.s.output('elbv2:CreateLoadBalancer', { Name: 'other-alb', Subnets: f.subnets }).LoadBalancers[0].LoadBalancerArn;
    const forward = (TargetGroupArn: string) => [{ Type: 'forward', TargetGroupArn }];
    f.s.callExpectingError('elbv2:CreateListener', { LoadBalancerArn: other, Protocol: 'HTTP', Port: 80, DefaultActions: forward(f.tgArn) }, 'TargetGroupAssociationLimitException', `The following target groups cannot be associated with more than one load balancer: ${f.tgArn}`);
    f.s.callExpectingError('elbv2:CreateListener', { LoadBalancerArn: other, Protocol: 'HTTP', Port: 80, DefaultActions: forward(f.tgArn.replace('web-tg', 'nope')) }, 'TargetGroupNotFoundException');
    f.s.callExpectingError('elbv2:CreateListener', { LoadBalancerArn: other, Protocol: 'TCP', Port: 80, DefaultActions: forward(f.tgArn) }, 'ValidationError', "Listener protocol 'TCP' must be one of 'HTTPS, HTTP'");
    f.s.callExpectingError('elbv2:CreateListener', { LoadBalancerArn: other, Protocol: 'HTTPS', Port: 443, DefaultActions: [{ Type: 'fixed-response', FixedResponseConfig: { StatusCode: '200' } }] }, 'CertificateNotFoundException');
    f.s.callExpectingError('elbv2:CreateListener', { LoadBalancerArn: other, Protocol: 'HTTP', Port: 70000, DefaultActions: forward(f.tgArn) }, 'ValidationError');
  });

  it('makes the targets of a group unused (Target.NotInUse) again when its listener is deleted', () => {
    const f = albWithTargetGroup({ targetGroup: { TargetType: 'ip' } });
    const arn = listen(f);
    f.s.call('elbv2:RegisterTargets', { TargetGroupArn: f.tgArn, Targets: [{ Id: '172.31.0.9' }] });
    expect(f.s.world.targetGroups[f.tgArn].targets['172.31.0.9:80'].State).toBe('initial');
    f.s.call('elbv2:DeleteListener', { ListenerArn: arn });
    expect(f.s.world.targetGroups[f.tgArn].targets['172.31.0.9:80']).toMatchObject({ State: 'unused', Reason: 'Target.NotInUse' });
    f.s.call('elbv2:DeleteTargetGroup', { TargetGroupArn: f.tgArn });
  });
});

describe('Listener rules', () => {
  it('route by path and host with priorities 1-50000, unique per listener, listed before the default rule', () => {
    const f = withSecondGroup();
    const listener = listen(f);
    const rule = (Priority: unknown, Conditions: unknown) => ({ ListenerArn: listener, Priority, Conditions, Actions: [{ Type: 'forward', TargetGroupArn: f.green }] });
    f.s.call('elbv2:CreateRule', rule(10, [{ Field: 'path-pattern', Values: ['/api/*'] }]));
    f.s.call('elbv2:CreateRule', rule(5, [{ Field: 'host-header', HostHeaderConfig: { Values: ['api.example.com'] } }]));
    f.s.callExpectingError('elbv2:CreateRule', rule(10, [{ Field: 'path-pattern', Values: ['/x'] }]), 'PriorityInUseException', "Priority '10' is currently in use");
    f.s.callExpectingError('elbv2:CreateRule', rule(50001, [{ Field: 'path-pattern', Values: ['/x'] }]), 'ValidationError', 'between 1 and 50000');
    f.s.callExpectingError('elbv2:CreateRule', rule(11, []), 'ValidationError');
    f.s.callExpectingError('elbv2:CreateRule', rule(11, [{ Field: 'path-pattern', Values: ['a', 'b', 'c', 'd', 'e', 'f'] }]), 'ValidationError');
    const rules = f.s.output('elbv2:DescribeRules', { ListenerArn: listener }).Rules;
    expect(rules.map((r: { Priority: string }) => r.Priority)).toEqual(['5', '10', 'default']);
    expect(rules[0].Conditions[0]).toEqual({ Field: 'host-header', Values: ['api.example.com'], HostHeaderConfig: { Values: ['api.example.com'] } });
    expect(rules[2]).toMatchObject({ IsDefault: true, Conditions: [], Actions: [{ Type: 'forward', TargetGroupArn: f.tgArn }] });
    f.s.callExpectingError('elbv2:DeleteRule', { RuleArn: rules[2].RuleArn }, 'OperationNotPermittedException');
    expect(f.s.output('elbv2:DescribeTargetGroups', { TargetGroupArns: [f.green] }).TargetGroups[0].LoadBalancerArns).toEqual([f.lbArn]);
  });

  it('modify and delete a rule; the group it forwarded to is then no longer in use', () => {
    const f = withSecondGroup();
    const listener = listen(f);
    const ruleArn = f.s.output('elbv2:CreateRule', { ListenerArn: listener, Priority: 1, Conditions: [{ Field: 'path-pattern', Values: ['/a'] }], Actions: [{ Type: 'forward', TargetGroupArn: f.green }] }).Rules[0].RuleArn;
    const modified = f.s.output('elbv2:ModifyRule', { RuleArn: ruleArn, Conditions: [{ Field: 'path-pattern', PathPatternConfig: { Values: ['/b'] } }] }).Rules[0];
    expect(modified.Conditions[0].Values).toEqual(['/b']);
    f.s.callExpectingError('elbv2:DeleteTargetGroup', { TargetGroupArn: f.green }, 'ResourceInUseException');
    f.s.call('elbv2:DeleteRule', { RuleArn: ruleArn });
    f.s.callExpectingError('elbv2:DescribeRules', { RuleArns: [ruleArn] }, 'RuleNotFoundException', 'One or more rules not found');
    f.s.call('elbv2:DeleteTargetGroup', { TargetGroupArn: f.green });
  });

  it('switch a listener between target groups with ModifyListener', () => {
    const f = withSecondGroup();
    const listener = listen(f);
    f.s.call('elbv2:ModifyListener', { ListenerArn: listener, DefaultActions: [{ Type: 'forward', TargetGroupArn: f.green }] });
    expect(f.s.output('elbv2:DescribeTargetGroups', { TargetGroupArns: [f.tgArn, f.green] }).TargetGroups.map((t: { LoadBalancerArns: string[] }) => t.LoadBalancerArns)).toEqual([[], [f.lbArn]]);
  });
});
