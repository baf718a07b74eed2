/**
 * Test fixtures for Application Auto Scaling: a service "web" in cluster "prod" registered as a
 * scalable target, metric publishing minute by minute, and readers of the results.
 *
 * The cluster has no container instances on purpose: the service's tasks never run, so ECS's own
 * metric producer publishes nothing for it and the tests decide every datapoint.
 */
import type { ScalingActivity } from '@aws-sdk/client-application-auto-scaling';
import type { Sandbox } from '../../testing/harness';
import { sandbox } from '../../testing/harness';
import { registerTaskDefinition } from '../../testing/task-fixtures';
import { putDatapoint } from '../../aws/cloudwatch/store';

export const RESOURCE_ID = 'service/prod/web';
export const TARGET = { ServiceNamespace: 'ecs', ResourceId: RESOURCE_ID, ScalableDimension: 'ecs:service:DesiredCount' };
export const LOAD = { Namespace: 'Test/Load', MetricName: 'Busy', Dimensions: [{ Name: 'Service', Value: 'web' }], Statistic: 'Average' };

export function serviceSandbox(options: { seed?: number; desiredCount?: number; min?: number; max?: number } = {}): Sandbox {
  const s = sandbox({ seed: options.seed ?? 1 });
  s.call('ecs:CreateCluster', { clusterName: 'prod' });
  registerTaskDefinition(s, { family: 'web', containerDefinitions: [{ name: 'app', image: 'nginx:latest', memory: 128, cpu: 128, essential: true }] });
  s.call('ecs:CreateService', { cluster: 'prod', serviceName: 'web', taskDefinition: 'web', desiredCount: options.desiredCount ?? 4, launchType: 'EC2' });
  s.call('application-autoscaling:RegisterScalableTarget', { ...TARGET, MinCapacity: options.min ?? 1, MaxCapacity: options.max ?? 10 });
  return s;
}

export const desiredCount = (s: Sandbox): number => s.output('ecs:DescribeServices', { cluster: 'prod', services: ['web'] }).services[0].desiredCount;

/** Publishes `value` for each of the next `minutes` minutes (stamped at the minute's start) and advances past it. */
export function publishEachMinute(s: Sandbox, metric: { Namespace: string; MetricName: string; Dimensions: { Name: string; Value: string }[] }, value: number | ((minute: number) => number), minutes: number): Sandbox {
  for (let i = 0; i < minutes; i++) {
    const start = Math.floor(s.now / 60) * 60;
    putDatapoint(s.world, {
      namespace: metric.Namespace,
      metricName: metric.MetricName,
      dimensions: metric.Dimensions,
      at: start,
      value: typeof value === 'number' ? value : value(i),
    });
    s.advance(start + 60 - s.now);
  }
  return s;
}

export const CPU = {
  Namespace: 'AWS/ECS',
  MetricName: 'CPUUtilization',
  Dimensions: [
    { Name: 'ClusterName', Value: 'prod' },
    { Name: 'ServiceName', Value: 'web' },
  ],
};

/** Scaling activities, oldest first. */
export function activities(s: Sandbox): ScalingActivity[] {
  return [...s.output('application-autoscaling:DescribeScalingActivities', { ServiceNamespace: 'ecs', ResourceId: RESOURCE_ID }).ScalingActivities].reverse();
}

export function trackingPolicy(s: Sandbox, name: string, config: Record<string, unknown>) {
  return s.output('application-autoscaling:PutScalingPolicy', { ...TARGET, PolicyName: name, PolicyType: 'TargetTrackingScaling', TargetTrackingScalingPolicyConfiguration: config });
}

type Metric = { Namespace: string; MetricName: string; Dimensions: { Name: string; Value: string }[] };

/** Publishes two metrics for the same minute and advances past it. */
export function publishBoth(s: Sandbox, m1: Metric, v1: number, m2: Metric, v2: number): Sandbox {
  const start = Math.floor(s.now / 60) * 60;
  for (const [m, v] of [
    [m1, v1],
    [m2, v2],
  ] as const) {
    putDatapoint(s.world, { namespace: m.Namespace, metricName: m.MetricName, dimensions: m.Dimensions, at: start, value: v });
  }
  s.advance(start + 60 - s.now);
  return s;
}
