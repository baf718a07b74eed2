/**
 * Drop form for service auto scaling: RegisterScalableTarget (ecs:service:DesiredCount, min and
 * max) + PutScalingPolicy, target tracking on a predefined ECS metric (CPU 50% by default), with
 * Application Auto Scaling's default cooldowns of 300 s out and in.
 */
import { nodeId } from '../graph/ids';
import { num, str, type FormSpec } from './types';
import { activeServices, option } from './world';
import type { World } from '../../engine/world/types';

const METRICS = ['ECSServiceAverageCPUUtilization', 'ECSServiceAverageMemoryUtilization'];

/** "service/CLUSTER/SERVICE": Application Auto Scaling's ResourceId for an ECS service. */
export function serviceResourceId(world: World, serviceArn: string): string {
  const s = world.services[serviceArn];
  const cluster = s ? (world.clusters[s.clusterArn]?.clusterName ?? '') : '';
  return s ? `service/${cluster}/${s.serviceName}` : '';
}

export const scalingPolicyForm: FormSpec = {
  kind: 'scalingPolicy',
  title: 'Scaling policy',
  summary: 'application-autoscaling:RegisterScalableTarget + PutScalingPolicy (target tracking).',
  fields: (world) => [
    { name: 'ResourceId', label: 'ResourceId (service)', type: 'select', options: activeServices(world).map((s) => option(serviceResourceId(world, s.serviceArn))) },
    { name: 'MinCapacity', label: 'MinCapacity', type: 'number' },
    { name: 'MaxCapacity', label: 'MaxCapacity', type: 'number' },
    { name: 'PolicyName', label: 'PolicyName', type: 'text' },
    { name: 'PredefinedMetricType', label: 'PredefinedMetricType', type: 'select', options: METRICS.map((m) => option(m)) },
    { name: 'TargetValue', label: 'TargetValue (%)', type: 'number' },
  ],
  defaults: (world, ctx) => {
    const service = ctx.target?.kind === 'service' ? ctx.target.id : activeServices(world)[0]?.serviceArn;
    return {
      ResourceId: service ? serviceResourceId(world, service) : '',
      MinCapacity: 1,
      MaxCapacity: 10,
      PolicyName: 'cpu-target-tracking',
      PredefinedMetricType: METRICS[0],
      TargetValue: 50,
    };
  },
  derive: (changed, v) =>
    changed === 'PredefinedMetricType' ? { ...v, PolicyName: v.PredefinedMetricType === METRICS[1] ? 'memory-target-tracking' : 'cpu-target-tracking' } : v,
  plan: (v) => {
    const target = { ServiceNamespace: 'ecs', ScalableDimension: 'ecs:service:DesiredCount', ResourceId: str(v.ResourceId) };
    return [
      {
        call: 'application-autoscaling:RegisterScalableTarget',
        label: 'register the scalable target',
        field: 'ResourceId',
        input: () => ({ ...target, MinCapacity: num(v.MinCapacity), MaxCapacity: num(v.MaxCapacity) }),
      },
      {
        call: 'application-autoscaling:PutScalingPolicy',
        label: 'put the scaling policy',
        field: 'PolicyName',
        input: () => ({
          ...target,
          PolicyName: str(v.PolicyName),
          PolicyType: 'TargetTrackingScaling',
          TargetTrackingScalingPolicyConfiguration: {
            TargetValue: num(v.TargetValue),
            PredefinedMetricSpecification: { PredefinedMetricType: str(v.PredefinedMetricType) },
            ScaleOutCooldown: 300,
            ScaleInCooldown: 300,
          },
        }),
        nodeId: (o) => nodeId.scalingPolicy((o as { PolicyARN: string }).PolicyARN),
      },
    ];
  },
};
