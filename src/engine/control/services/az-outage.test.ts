/**
 * aws-semantics.md "Services": a REPLICA service keeps desiredCount through an AZ outage. In an AZ
 * impairment the instances there are unreachable (not terminated): the load balancer's health
 * checks to their targets time out, the scheduler replaces the unhealthy tasks, and placement
 * skips the unreachable instances (agent disconnected), so the replacements land in the other AZs.
 */
import { describe, expect, it } from 'vitest';
import { sandbox } from '../../testing/harness';
import { createService, serviceCluster, webTaskDefinition } from '../../testing/service-fixtures';
import { albTargetGroup, targetHealths, webTarget } from '../../testing/service-alb-fixtures';

describe('a service behind a load balancer during an Availability Zone outage', () => {
  it('replaces the tasks in the impaired AZ with healthy tasks in the others', () => {
    const s = sandbox({ seed: 21 });
    serviceCluster(s, { instances: 3, availabilityZones: ['us-east-1a', 'us-east-1b', 'us-east-1c'] });
    webTaskDefinition(s);
    const tg = albTargetGroup(s, { name: 'web', deregistrationDelay: 10 });
    createService(s, { serviceName: 'web', desiredCount: 6, loadBalancers: webTarget(tg) });
    const healthyOutside = () => {
      const byIp = new Map(Object.values(s.world.instances).map((i) => [i.InstanceId, i.Placement.AvailabilityZone]));
      return targetHealths(s, tg).filter((d) => d.TargetHealth.State === 'healthy' && byIp.get(d.Target.Id) !== 'us-east-1a').length;
    };
    s.advanceUntil(() => targetHealths(s, tg).filter((d) => d.TargetHealth.State === 'healthy').length === 6, 1800, 5);
    expect(healthyOutside()).toBeLessThan(6); // some of the six were in us-east-1a

    s.call('sim:InjectFault', { type: 'AvailabilityZoneOutage', target: 'us-east-1a', durationSeconds: 3600 });
    s.advanceUntil(() => healthyOutside() >= 6, 1800, 5);
    expect(healthyOutside()).toBeGreaterThanOrEqual(6);
  });
});
