/**
 * Test fixtures: a steady service of 3 tasks behind an Application Load Balancer, and random
 * things that happen to it (scaling, stops, drains, terminations, faults, deregistrations), for
 * tests that compare two ways of running the same world (control/services/skip.test.ts,
 * control/elb/parking.test.ts).
 */
import fc from 'fast-check';
import type { CallResult } from '../simulation';
import { sandbox, type Sandbox } from './harness';
import { createService, serviceCluster, webTaskDefinition } from './service-fixtures';

export type ChaosCommand =
  | { kind: 'scale'; count: number }
  | { kind: 'stopTask'; pick: number }
  | { kind: 'drain'; pick: number }
  | { kind: 'terminate'; pick: number }
  | { kind: 'fault'; type: 'HealthCheckFailure' | 'TaskCrash' | 'AgentDisconnect'; pick: number; seconds: number }
  | { kind: 'deregisterTarget'; pick: number }
  | { kind: 'advance'; seconds: number };

export const chaosCommand: fc.Arbitrary<ChaosCommand> = fc.oneof(
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('scale' as const), count: fc.integer({ min: 0, max: 5 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('stopTask' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('drain' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('terminate' as const), pick: fc.nat() }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('fault' as const),
      type: fc.constantFrom('HealthCheckFailure' as const, 'TaskCrash' as const, 'AgentDisconnect' as const),
      pick: fc.nat(),
      seconds: fc.integer({ min: 30, max: 400 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('deregisterTarget' as const), pick: fc.nat() }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('advance' as const), seconds: fc.integer({ min: 1, max: 600 }) }) },
);

/** A steady service of 3 tasks behind an ALB on 3 instances. */
export function steadyWebService(seed: number): { s: Sandbox; tg: string } {
  const s = sandbox({ seed });
  serviceCluster(s, { instances: 3 });
  webTaskDefinition(s);
  const subnets = Object.keys(s.world.subnets).slice(0, 2);
  const vpc = Object.keys(s.world.vpcs)[0];
  const lb = s.output('elbv2:CreateLoadBalancer', { Name: 'web', Subnets: subnets }).LoadBalancers[0].LoadBalancerArn;
  const tg = s.output('elbv2:CreateTargetGroup', { Name: 'web', Protocol: 'HTTP', Port: 80, VpcId: vpc, TargetType: 'instance', HealthCheckIntervalSeconds: 10 }).TargetGroups[0].TargetGroupArn;
  s.call('elbv2:CreateListener', { LoadBalancerArn: lb, Protocol: 'HTTP', Port: 80, DefaultActions: [{ Type: 'forward', TargetGroupArn: tg }] });
  createService(s, { serviceName: 'web', desiredCount: 3, healthCheckGracePeriodSeconds: 30, loadBalancers: [{ targetGroupArn: tg, containerName: 'app', containerPort: 80 }] });
  s.advance(300);
  // A second group whose targets a user registered by hand (the service does not manage them): the
  // service's tasks, and a port where nothing listens. They stay registered whatever happens.
  const manual = s.output('elbv2:CreateTargetGroup', { Name: 'manual', Protocol: 'HTTP', Port: 80, VpcId: vpc, TargetType: 'instance', HealthCheckIntervalSeconds: 10 }).TargetGroups[0].TargetGroupArn;
  s.call('elbv2:CreateListener', { LoadBalancerArn: lb, Protocol: 'HTTP', Port: 8080, DefaultActions: [{ Type: 'forward', TargetGroupArn: manual }] });
  const running = Object.values(s.world.tasks).filter((t) => t.lastStatus === 'RUNNING');
  const targets = running.map((t) => ({ Id: t.ec2InstanceId!, Port: t.containers[0].networkBindings[0].hostPort }));
  s.call('elbv2:RegisterTargets', { TargetGroupArn: manual, Targets: [...targets, { Id: running[0].ec2InstanceId!, Port: 9 }] });
  s.advance(100);
  return { s, tg };
}

export function applyChaos(s: Sandbox, tg: string, c: ChaosCommand): CallResult | undefined {
  const pick = <T>(xs: T[], n: number) => (xs.length ? xs[n % xs.length] : undefined);
  const tasks = Object.values(s.world.tasks).filter((t) => t.lastStatus === 'RUNNING');
  const instances = Object.values(s.world.instances).filter((i) => i.State.Name === 'running');
  switch (c.kind) {
    case 'scale':
      return s.sim.call('ecs:UpdateService', { cluster: 'prod', service: 'web', desiredCount: c.count });
    case 'stopTask': {
      const t = pick(tasks, c.pick);
      return t && s.sim.call('ecs:StopTask', { cluster: 'prod', task: t.taskArn });
    }
    case 'drain': {
      const ci = pick(Object.values(s.world.containerInstances).filter((x) => x.status === 'ACTIVE'), c.pick);
      return ci && s.sim.call('ecs:UpdateContainerInstancesState', { cluster: 'prod', containerInstances: [ci.containerInstanceArn], status: 'DRAINING' });
    }
    case 'terminate': {
      const i = instances.length > 1 ? pick(instances, c.pick) : undefined;
      return i && s.sim.call('ec2:TerminateInstances', { InstanceIds: [i.InstanceId] });
    }
    case 'fault': {
      const target = c.type === 'AgentDisconnect' ? pick(instances, c.pick)?.InstanceId : pick(tasks, c.pick)?.taskArn;
      return target === undefined ? undefined : s.sim.call('sim:InjectFault', { type: c.type, target, ...(c.type === 'TaskCrash' ? {} : { durationSeconds: c.seconds }) });
    }
    case 'deregisterTarget': {
      const t = pick(Object.values(s.world.targetGroups[tg].targets), c.pick);
      return t && s.sim.call('elbv2:DeregisterTargets', { TargetGroupArn: tg, Targets: [{ Id: t.Id, Port: t.Port }] });
    }
    case 'advance':
      s.advance(c.seconds);
      return undefined;
  }
}
