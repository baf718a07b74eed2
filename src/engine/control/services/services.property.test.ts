import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { sandbox, type Sandbox } from '../../testing/harness';
import { runContainerInstances } from '../../testing/ec2-fixtures';
import { CLUSTER, createService, serviceCluster, serviceTasks, webTaskDefinition } from '../../testing/service-fixtures';
import { albTargetGroup, webTarget } from '../../testing/service-alb-fixtures';
import { bounds } from './replica';
import { isHealthy } from './health';

type Op =
  | { kind: 'update'; td: number; desired: number; min: number; max: number }
  | { kind: 'stop'; pick: number }
  | { kind: 'terminate'; pick: number }
  | { kind: 'advance'; seconds: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('update' as const), td: fc.integer({ min: 1, max: 3 }), desired: fc.integer({ min: 0, max: 5 }), min: fc.constantFrom(0, 50, 100), max: fc.constantFrom(100, 150, 200) }),
  fc.record({ kind: fc.constant('stop' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('terminate' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('advance' as const), seconds: fc.integer({ min: 1, max: 90 }) }),
);

/** Healthy as the scheduler counts it: RUNNING, wanted, and (behind a load balancer) its target healthy. */
const healthy = (s: Sandbox) => serviceTasks(s).filter((t) => isHealthy(s.sim, serviceOf(s), t));
const nonStopped = (s: Sandbox) => serviceTasks(s).filter((t) => t.lastStatus !== 'STOPPED');
const serviceOf = (s: Sandbox) => Object.values(s.world.services)[0];

/** Advances one second at a time, checking the bounds whenever the scheduler started or stopped tasks. */
function advanceChecking(s: Sandbox, seconds: number, violations: string[]): void {
  for (let i = 0; i < seconds; i++) {
    const before = new Set(nonStopped(s).map((t) => t.taskArn));
    const healthyBefore = new Set(healthy(s).map((t) => t.taskArn));
    s.advance(1);
    const svc = serviceOf(s);
    const { lower, upper } = bounds(svc.desiredCount, svc.deploymentConfiguration.minimumHealthyPercent, svc.deploymentConfiguration.maximumPercent);
    const now = nonStopped(s);
    if (now.some((t) => !before.has(t.taskArn)) && now.length > upper) violations.push(`t=${s.now}: ${now.length} tasks > upper ${upper}`);
    const stoppedHealthy = [...healthyBefore].filter((arn) => s.world.tasks[arn]?.desiredStatus === 'STOPPED' && s.world.tasks[arn]?.stopCode === 'ServiceSchedulerInitiated');
    if (stoppedHealthy.length > 0 && healthy(s).length < lower) violations.push(`t=${s.now}: stopped healthy tasks leaving ${healthy(s).length} < lower ${lower}`);
  }
}

/**
 * The property, for a plain service and for one behind an ALB whose target group drains for 20 s
 * (stopped tasks then wait in DEACTIVATING, still counted against maximumPercent).
 */
function rollingUpdateProperty(behindLoadBalancer: boolean, numRuns: number): void {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 1000 }), fc.array(op, { minLength: 1, maxLength: 8 }), (seed, ops) => {
      const s = sandbox({ seed });
      serviceCluster(s, { instances: 3 });
      for (const v of [1, 2, 3]) webTaskDefinition(s, { environment: [{ name: 'V', value: String(v) }] });
      const loadBalancers = behindLoadBalancer ? webTarget(albTargetGroup(s, { deregistrationDelay: 20 })) : [];
      createService(s, { serviceName: 'web', taskDefinition: 'web:1', desiredCount: 3, loadBalancers });
      const violations: string[] = [];
      advanceChecking(s, 30, violations);
      for (const o of ops) {
        if (o.kind === 'update') {
          s.call('ecs:UpdateService', { cluster: CLUSTER, service: 'web', taskDefinition: `web:${o.td}`, desiredCount: o.desired, deploymentConfiguration: { minimumHealthyPercent: o.min, maximumPercent: o.max } });
        } else if (o.kind === 'stop') {
          const live = serviceTasks(s).filter((t) => t.desiredStatus === 'RUNNING' && t.lastStatus !== 'STOPPED');
          if (live.length) s.call('ecs:StopTask', { cluster: CLUSTER, task: live[o.pick % live.length].taskArn, reason: 'test' });
        } else if (o.kind === 'terminate') {
          const running = Object.values(s.world.instances).filter((i) => i.State.Name === 'running');
          if (running.length) {
            s.call('ec2:TerminateInstances', { InstanceIds: [running[o.pick % running.length].InstanceId] });
            runContainerInstances(s, { cluster: CLUSTER, count: 1 });
          }
        } else {
          advanceChecking(s, o.seconds, violations);
        }
      }
      expect(violations).toEqual([]);
      // Disturbances stop: a configuration that allows moves, enough capacity.
      s.call('ecs:UpdateService', { cluster: CLUSTER, service: 'web', desiredCount: 3, deploymentConfiguration: { minimumHealthyPercent: 50, maximumPercent: 200 } });
      const svc = serviceOf(s);
      s.advanceUntil(() => svc.steady, 1800, 5);
      s.advance(120);
      for (const t of serviceTasks(s)) {
        expect(t.lastStatus === 'RUNNING' || (t.lastStatus === 'STOPPED' && t.stopCode !== undefined)).toBe(true);
      }
      expect(healthy(s)).toHaveLength(3);
    }),
    { numRuns },
  );
}

describe('service scheduler properties', () => {
  it('never exceeds the rolling update bounds, returns to a steady state, and every task ends RUNNING or STOPPED with a stopCode', () => {
    rollingUpdateProperty(false, 15);
  });

  it('keeps within the bounds too when stopped tasks first drain from a load balancer', () => {
    rollingUpdateProperty(true, 8);
  });
});
