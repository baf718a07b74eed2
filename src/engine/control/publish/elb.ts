/**
 * The metrics an Application Load Balancer publishes to CloudWatch (namespace AWS/ApplicationELB),
 * every 60 s (ALB user guide, "CloudWatch metrics for your Application Load Balancer"):
 * "Elastic Load Balancing reports metrics to CloudWatch only when requests are flowing through the
 * load balancer ... If there are no requests flowing through the load balancer or no data for a
 * metric, the metric is not reported." Dimensions: LoadBalancer ("app/NAME/ID"), and TargetGroup
 * ("targetgroup/NAME/ID") with LoadBalancer.
 *
 *  - RequestCount (LoadBalancer; TargetGroup+LoadBalancer): requests sent to a target. Each request
 *    is one sample of 1 (Sum is the count); reported when nonzero.
 *  - HTTPCode_Target_2XX_Count / _5XX_Count, HTTPCode_ELB_5XX_Count, HTTPCode_ELB_502/503/504_Count
 *    and HTTPCode_ELB_2XX/3XX/4XX_Count (fixed responses, redirects): "Reporting criteria: There is
 *    a nonzero value"; samples of 1 (AWS: "Minimum, Maximum, and Average all return 1").
 *  - TargetResponseTime (seconds; LoadBalancer; TargetGroup+LoadBalancer): one sample per request
 *    answered by a target.
 *  - RequestCountPerTarget (TargetGroup; TargetGroup+LoadBalancer): the group's RequestCount
 *    divided by its healthy targets ("the only valid statistic is Sum"); reported for every group
 *    of a load balancer that had requests in the minute, 0 included. Choice: with no healthy
 *    target, divided by the unhealthy targets that got the requests (fail open).
 *  - HealthyHostCount / UnHealthyHostCount (TargetGroup+LoadBalancer): "Reported if health checks
 *    are enabled": every minute for every group with health checks used by an active load
 *    balancer, sampled at the minute boundary.
 * Network Load Balancers (AWS/NetworkELB) are not published.
 */
import type { Simulation } from '../../simulation';
import type { LoadBalancerCounts, TargetGroupCounts, TrafficState } from '../../world/traffic-types';
import { dimensionsKey, putDatapoint } from '../../aws/cloudwatch/store';
import { targetGroupsOfLoadBalancer } from '../elb/usage';
import { routableCounts } from '../traffic/targets';
import { elb5xx } from '../traffic/state';

/** Dimensions with their dimensionsKey (computed once for the several metrics that share them). */
type Dimensions = { list: { Name: string; Value: string }[]; key: string };
const dimensionsOf = (list: { Name: string; Value: string }[]): Dimensions => ({ list, key: dimensionsKey(list) });
const NS = 'AWS/ApplicationELB';

/** "app/NAME/ID" from the load balancer's ARN. */
export const loadBalancerDimension = (arn: string) => arn.slice(arn.indexOf(':loadbalancer/') + ':loadbalancer/'.length);
/** "targetgroup/NAME/ID" from the target group's ARN. */
export const targetGroupDimension = (arn: string) => arn.slice(arn.lastIndexOf(':') + 1);

function count(sim: Simulation, metricName: string, dimensions: Dimensions, at: number, n: number): void {
  if (n <= 0) return;
  putDatapoint(sim.world, { namespace: NS, metricName, dimensions: dimensions.list, dimensionsKey: dimensions.key, at, unit: 'Count', statisticValues: { SampleCount: n, Sum: n, Minimum: 1, Maximum: 1 } });
}

function value(sim: Simulation, metricName: string, dimensions: Dimensions, at: number, v: number): void {
  putDatapoint(sim.world, { namespace: NS, metricName, dimensions: dimensions.list, dimensionsKey: dimensions.key, at, unit: 'Count', value: v });
}

function responseTime(sim: Simulation, dimensions: Dimensions, at: number, c: LoadBalancerCounts | TargetGroupCounts): void {
  const answered = c.target2xx + c.target5xx;
  if (answered <= 0) return;
  putDatapoint(sim.world, {
    namespace: NS,
    metricName: 'TargetResponseTime',
    dimensions: dimensions.list,
    dimensionsKey: dimensions.key,
    at,
    unit: 'Seconds',
    statisticValues: { SampleCount: answered, Sum: c.responseTimeSum, Minimum: Math.max(0, c.responseTimeMin), Maximum: c.responseTimeMax },
  });
}

function targetCounts(sim: Simulation, dimensions: Dimensions, at: number, c: LoadBalancerCounts | TargetGroupCounts): void {
  count(sim, 'RequestCount', dimensions, at, c.requests);
  count(sim, 'HTTPCode_Target_2XX_Count', dimensions, at, c.target2xx);
  count(sim, 'HTTPCode_Target_5XX_Count', dimensions, at, c.target5xx);
  responseTime(sim, dimensions, at, c);
}

/** Publishes the minute [at, at + 60) of every Application Load Balancer. */
export function publishElbMetrics(sim: Simulation, state: TrafficState, at: number): void {
  const world = sim.world;
  for (const lbArn of Object.keys(world.loadBalancers).sort()) {
    const lb = world.loadBalancers[lbArn];
    if (lb.Type !== 'application') continue;
    const LoadBalancer = loadBalancerDimension(lbArn);
    const lbDims = dimensionsOf([{ Name: 'LoadBalancer', Value: LoadBalancer }]);
    const c = state.minute.loadBalancers[lbArn];
    const hadRequests = !!c && c.offered - c.refused > 0;
    if (c && hadRequests) {
      targetCounts(sim, lbDims, at, c);
      count(sim, 'HTTPCode_ELB_5XX_Count', lbDims, at, elb5xx(c));
      count(sim, 'HTTPCode_ELB_502_Count', lbDims, at, c.elb502);
      count(sim, 'HTTPCode_ELB_503_Count', lbDims, at, c.elb503);
      count(sim, 'HTTPCode_ELB_504_Count', lbDims, at, c.elb504);
      count(sim, 'HTTPCode_ELB_2XX_Count', lbDims, at, c.elb2xx);
      count(sim, 'HTTPCode_ELB_3XX_Count', lbDims, at, c.elb3xx);
      count(sim, 'HTTPCode_ELB_4XX_Count', lbDims, at, c.elb4xx);
    }
    if (lb.State.Code !== 'active') continue;
    for (const tgArn of targetGroupsOfLoadBalancer(world, lbArn)) {
      const tg = world.targetGroups[tgArn];
      if (!tg) continue;
      const TargetGroup = targetGroupDimension(tgArn);
      const dims = dimensionsOf([
        { Name: 'LoadBalancer', Value: LoadBalancer },
        { Name: 'TargetGroup', Value: TargetGroup },
      ]);
      const set = routableCounts(world, tg);
      if (tg.HealthCheckEnabled) {
        value(sim, 'HealthyHostCount', dims, at, set.healthy);
        value(sim, 'UnHealthyHostCount', dims, at, set.unhealthy);
      }
      if (!hadRequests) continue;
      const g = state.minute.targetGroups[tgArn];
      if (g) targetCounts(sim, dims, at, g);
      const perTarget = (g?.requests ?? 0) / Math.max(1, set.healthy > 0 ? set.healthy : set.unhealthy);
      value(sim, 'RequestCountPerTarget', dims, at, perTarget);
      value(sim, 'RequestCountPerTarget', dimensionsOf([{ Name: 'TargetGroup', Value: TargetGroup }]), at, perTarget);
    }
  }
}
