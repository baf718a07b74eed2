import { describe, expect, it } from 'vitest';
import { eventHandlers } from '../index';
import { activate, albWithTargetGroup, bridgeTasks, health, listen, unhealthyImage } from './fixtures';
import { deregisterTarget, registerTarget, targetHealth } from './health';
import { failsOpen, routableTargets } from './routing';

describe('ELB health checks of registered targets', () => {
  it('report a target of a group no listener uses as unused, Target.NotInUse, and do not probe it', () => {
    const f = albWithTargetGroup();
    activate(f);
    const [t] = bridgeTasks(f.s, 1);
    f.s.call('elbv2:RegisterTargets', { TargetGroupArn: f.tgArn, Targets: [{ Id: t.instanceId, Port: t.hostPort }] });
    f.s.advance(600);
    expect(health(f, { Id: t.instanceId, Port: t.hostPort })).toEqual({
      State: 'unused',
      Reason: 'Target.NotInUse',
      Description: 'Target group is not configured to receive traffic from the load balancer',
    });
  });

  it('make a serving target healthy after 5 successful checks 30 s apart (150 s) with the ALB defaults', () => {
    const f = albWithTargetGroup();
    listen(f);
    activate(f);
    const [t] = bridgeTasks(f.s, 1);
    const target = { Id: t.instanceId, Port: t.hostPort };
    f.s.call('elbv2:RegisterTargets', { TargetGroupArn: f.tgArn, Targets: [target] });
    const registeredAt = f.s.now;
    expect(health(f, target)).toEqual({ State: 'initial', Reason: 'Elb.RegistrationInProgress', Description: 'Target registration is in progress' });
    f.s.advance(31);
    expect(health(f, target)).toEqual({ State: 'initial', Reason: 'Elb.InitialHealthChecking', Description: 'Initial health checks in progress' });
    f.s.advance(149 - 31);
    expect(health(f, target).State).toBe('initial');
    f.s.advance(1);
    expect(health(f, target)).toEqual({ State: 'healthy' });
    expect(f.s.now - registeredAt).toBe(150);
    expect(f.s.messages('elb.target.health')).toContain(`Target ${t.instanceId}:${t.hostPort} in target group web-tg is now healthy.`);
  });

  it('make a target unhealthy after 2 failed checks: an image that answers 503 is Target.ResponseCodeMismatch', () => {
    const f = albWithTargetGroup();
    listen(f);
    activate(f);
    const [t] = bridgeTasks(f.s, 1, unhealthyImage(f.s));
    const target = { Id: t.instanceId, Port: t.hostPort };
    f.s.call('elbv2:RegisterTargets', { TargetGroupArn: f.tgArn, Targets: [target] });
    f.s.advance(59);
    expect(health(f, target).State).toBe('initial');
    f.s.advance(1);
    expect(health(f, target)).toEqual({ State: 'unhealthy', Reason: 'Target.ResponseCodeMismatch', Description: 'Health checks failed with these codes: [503]' });
  });

  it('fail a port nothing listens on with Target.FailedHealthChecks (connection refused), and an IP nobody owns with Target.Timeout', () => {
    const f = albWithTargetGroup();
    listen(f);
    activate(f);
    const [t] = bridgeTasks(f.s, 1);
    f.s.call('elbv2:RegisterTargets', { TargetGroupArn: f.tgArn, Targets: [{ Id: t.instanceId, Port: 8080 }] });
    f.s.advance(60);
    expect(health(f, { Id: t.instanceId, Port: 8080 })).toMatchObject({ State: 'unhealthy', Reason: 'Target.FailedHealthChecks', Description: 'Health checks failed' });

    const ip = albWithTargetGroup({ seed: 8, targetGroup: { TargetType: 'ip' } });
    listen(ip);
    activate(ip);
    ip.s.call('elbv2:RegisterTargets', { TargetGroupArn: ip.tgArn, Targets: [{ Id: '172.31.0.99' }] });
    ip.s.advance(60);
    expect(health(ip, { Id: '172.31.0.99' })).toMatchObject({ State: 'unhealthy', Reason: 'Target.Timeout', Description: 'Request timed out' });
  });

  it('take a healthy target to unhealthy 2 checks after its task stops (connection refused)', () => {
    const f = albWithTargetGroup();
    listen(f);
    activate(f);
    const [t] = bridgeTasks(f.s, 1);
    const target = { Id: t.instanceId, Port: t.hostPort };
    f.s.call('elbv2:RegisterTargets', { TargetGroupArn: f.tgArn, Targets: [target] });
    f.s.advance(150);
    expect(health(f, target).State).toBe('healthy');
    f.s.call('ecs:StopTask', { cluster: 'prod', task: t.taskArn });
    f.s.advance(30);
    expect(health(f, target).State).toBe('healthy');
    f.s.advance(30);
    expect(health(f, target)).toMatchObject({ State: 'unhealthy', Reason: 'Target.FailedHealthChecks' });
  });

  it('count checks only once the load balancer is active: until then registration is in progress', () => {
    const f = albWithTargetGroup();
    listen(f);
    const [t] = bridgeTasks(f.s, 1);
    const target = { Id: t.instanceId, Port: t.hostPort };
    registerTarget(f.s.sim, f.tgArn, target);
    expect(f.s.world.loadBalancers[f.lbArn].State.Code).toBe('provisioning');
    const activeAt = (() => {
      activate(f);
      return f.s.now;
    })();
    expect(targetHealth(f.s.world, f.tgArn, target).State).not.toBe('healthy');
    f.s.advanceUntil(() => targetHealth(f.s.world, f.tgArn, target).State === 'healthy', 400);
    expect(f.s.now - activeAt).toBeGreaterThanOrEqual(120);
  });
});

describe('Deregistration', () => {
  it('drains a target for deregistration_delay.timeout_seconds (default 300 s), then it is not registered, and tells the caller', () => {
    const f = albWithTargetGroup();
    listen(f);
    activate(f);
    const [t] = bridgeTasks(f.s, 1);
    const target = { Id: t.instanceId, Port: t.hostPort };
    registerTarget(f.s.sim, f.tgArn, target);
    f.s.advance(150);
    const drained: number[] = [];
    eventHandlers['test.targetDrained'] = (sim) => void drained.push(sim.now);
    try {
      const start = f.s.now;
      deregisterTarget(f.s.sim, f.tgArn, target, { type: 'test.targetDrained', taskArn: t.taskArn });
      expect(health(f, target)).toEqual({ State: 'draining', Reason: 'Target.DeregistrationInProgress', Description: 'Target deregistration is in progress' });
      f.s.advance(299);
      expect(health(f, target).State).toBe('draining');
      expect(drained).toEqual([]);
      f.s.advance(1);
      expect(health(f, target)).toEqual({ State: 'unused', Reason: 'Target.NotRegistered', Description: 'Target is not registered to the target group' });
      expect(drained).toEqual([start + 300]);
    } finally {
      delete eventHandlers['test.targetDrained'];
    }
  });

  it('uses the delay set with ModifyTargetGroupAttributes (0 s: gone at once)', () => {
    const f = albWithTargetGroup();
    listen(f);
    activate(f);
    const [t] = bridgeTasks(f.s, 1);
    f.s.call('elbv2:ModifyTargetGroupAttributes', { TargetGroupArn: f.tgArn, Attributes: [{ Key: 'deregistration_delay.timeout_seconds', Value: '0' }] });
    f.s.call('elbv2:RegisterTargets', { TargetGroupArn: f.tgArn, Targets: [{ Id: t.instanceId, Port: t.hostPort }] });
    f.s.call('elbv2:DeregisterTargets', { TargetGroupArn: f.tgArn, Targets: [{ Id: t.instanceId, Port: t.hostPort }] });
    f.s.advance(0);
    expect(health(f, { Id: t.instanceId, Port: t.hostPort }).Reason).toBe('Target.NotRegistered');
  });
});

describe('Routing (fail open)', () => {
  it('routes only to healthy targets, and to every unhealthy target when none is healthy', () => {
    const f = albWithTargetGroup();
    listen(f);
    activate(f);
    const good = bridgeTasks(f.s, 2);
    const bad = bridgeTasks(f.s, 1, unhealthyImage(f.s), 'sick');
    for (const t of [...good, ...bad]) registerTarget(f.s.sim, f.tgArn, { Id: t.instanceId, Port: t.hostPort });
    f.s.advance(150);
    expect(routableTargets(f.s.world, f.tgArn).map((t) => t.Port).sort()).toEqual(good.map((t) => t.hostPort).sort());
    expect(failsOpen(f.s.world, f.tgArn)).toBe(false);

    for (const t of good) f.s.call('ecs:StopTask', { cluster: 'prod', task: t.taskArn });
    f.s.advance(90);
    expect(Object.values(f.s.world.targetGroups[f.tgArn].targets).every((t) => t.State === 'unhealthy')).toBe(true);
    expect(failsOpen(f.s.world, f.tgArn)).toBe(true);
    expect(routableTargets(f.s.world, f.tgArn)).toHaveLength(3);
  });

  it('routes nowhere while every target is still initial', () => {
    const f = albWithTargetGroup();
    listen(f);
    activate(f);
    const [t] = bridgeTasks(f.s, 1);
    registerTarget(f.s.sim, f.tgArn, { Id: t.instanceId, Port: t.hostPort });
    expect(routableTargets(f.s.world, f.tgArn)).toEqual([]);
  });
});
