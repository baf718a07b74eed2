/**
 * Scaling: EC2 Auto Scaling groups and the capacity providers that use them (linked to their
 * cluster), and Application Auto Scaling policies with the CloudWatch alarms that invoke them
 * (linked to their service). Alarms no policy uses are drawn too, linked to the ECS service their
 * dimensions name, if any.
 */
import { nodeId } from '../ids';
import { LAYOUT } from '../sizes';
import type { MetricAlarmRecord } from '../../../engine/world/metrics-types';
import type { AppScalingPolicy } from '../../../engine/world/app-autoscaling-types';
import type { World } from '../../../engine/world/types';
import type { BuildContext } from './context';

const COMPARATOR: Record<MetricAlarmRecord['ComparisonOperator'], string> = {
  GreaterThanOrEqualToThreshold: '>=',
  GreaterThanThreshold: '>',
  LessThanThreshold: '<',
  LessThanOrEqualToThreshold: '<=',
};

export function alarmCondition(a: MetricAlarmRecord): string {
  const of = a.DatapointsToAlarm && a.DatapointsToAlarm !== a.EvaluationPeriods ? `${a.DatapointsToAlarm} of ${a.EvaluationPeriods}` : `${a.EvaluationPeriods}`;
  return `${a.MetricName} ${COMPARATOR[a.ComparisonOperator]} ${a.Threshold} for ${of} × ${a.Period} s`;
}

function policySummary(p: AppScalingPolicy): string {
  const tt = p.TargetTrackingScalingPolicyConfiguration;
  if (tt) {
    const metric = tt.PredefinedMetricSpecification?.PredefinedMetricType ?? tt.CustomizedMetricSpecification?.MetricName ?? 'custom metric';
    return `${metric} target ${tt.TargetValue}`;
  }
  const step = p.StepScalingPolicyConfiguration;
  return step ? `${step.AdjustmentType ?? 'ChangeInCapacity'}, ${step.StepAdjustments?.length ?? 0} steps` : p.PolicyType;
}

/** "service/prod/web" -> the service's ARN, if the service exists. */
function serviceArnOfResource(world: World, resourceId: string): string | undefined {
  const [, cluster, name] = resourceId.split('/');
  return Object.values(world.services).find((s) => s.serviceName === name && s.clusterArn.endsWith(`:cluster/${cluster}`) && s.status !== 'INACTIVE')
    ?.serviceArn;
}

function serviceArnOfDimensions(world: World, a: MetricAlarmRecord): string | undefined {
  const dim = (name: string) => a.Dimensions.find((d) => d.Name === name)?.Value;
  const service = dim('ServiceName');
  const cluster = dim('ClusterName');
  return service && cluster ? serviceArnOfResource(world, `service/${cluster}/${service}`) : undefined;
}

export function buildScaling(ctx: BuildContext): void {
  const { world, nodes, edges } = ctx;
  const clusterByName = new Map(Object.values(world.clusters).map((c) => [c.clusterName, c.clusterArn]));
  const providers = Object.values(world.capacityProviders ?? {}).filter((p) => p.status === 'ACTIVE');
  const providedGroups = new Set(providers.map((p) => p.autoScalingGroupProvider.autoScalingGroupArn));

  for (const asg of Object.values(world.autoScalingGroups).sort((a, b) => a.AutoScalingGroupName.localeCompare(b.AutoScalingGroupName))) {
    const id = nodeId.autoScalingGroup(asg.AutoScalingGroupName);
    const instances = Object.values(asg.instances);
    nodes.push({
      id,
      type: 'autoScalingGroup',
      position: { x: 0, y: 0 },
      data: {
        name: asg.AutoScalingGroupName,
        minSize: asg.MinSize,
        maxSize: asg.MaxSize,
        desiredCapacity: asg.DesiredCapacity,
        inService: instances.filter((i) => i.LifecycleState === 'InService').length,
        pending: instances.filter((i) => i.LifecycleState === 'Pending').length,
        terminating: instances.filter((i) => i.LifecycleState === 'Terminating').length,
        launchTemplate: `${asg.LaunchTemplate.LaunchTemplateName} (${asg.LaunchTemplate.Version})`,
      },
      width: LAYOUT.autoScalingGroup.width,
      height: LAYOUT.autoScalingGroup.height,
    });
    if (providedGroups.has(asg.AutoScalingGroupARN)) continue; // linked through its capacity provider
    // Without a capacity provider: linked to the cluster(s) its instances' user data names.
    const clusters = new Set(instances.map((i) => world.instances[i.InstanceId]?.ecsClusterName).filter((n): n is string => !!n));
    for (const name of clusters) {
      const arn = clusterByName.get(name);
      if (arn) edges.push({ id: `capacity:${id}->${nodeId.cluster(arn)}`, source: id, target: nodeId.cluster(arn), label: 'instances', data: { relation: 'capacity' } });
    }
  }

  for (const provider of providers.sort((a, b) => a.name.localeCompare(b.name))) {
    const id = nodeId.capacityProvider(provider.name);
    const ms = provider.autoScalingGroupProvider.managedScaling;
    nodes.push({
      id,
      type: 'capacityProvider',
      position: { x: 0, y: 0 },
      data: {
        name: provider.name,
        status: provider.status,
        managedScaling: ms.status,
        targetCapacity: ms.targetCapacity,
        managedTerminationProtection: provider.autoScalingGroupProvider.managedTerminationProtection,
        reservation: provider.lastReservation?.value,
      },
      width: LAYOUT.capacityProvider.width,
      height: LAYOUT.capacityProvider.height,
    });
    const asg = Object.values(world.autoScalingGroups).find((g) => g.AutoScalingGroupARN === provider.autoScalingGroupProvider.autoScalingGroupArn);
    if (asg) {
      const source = nodeId.autoScalingGroup(asg.AutoScalingGroupName);
      edges.push({ id: `capacity:${source}->${id}`, source, target: id, data: { relation: 'capacity' } });
    }
    for (const cluster of Object.values(world.clusters)) {
      if (!cluster.capacityProviders.includes(provider.name)) continue;
      const target = nodeId.cluster(cluster.clusterArn);
      edges.push({ id: `capacity:${id}->${target}`, source: id, target, label: 'capacity provider', data: { relation: 'capacity' } });
    }
  }

  const aas = world.applicationAutoScaling;
  const policyOfAlarm = new Map<string, string>();
  for (const policy of Object.values(aas?.scalingPolicies ?? {}).sort((a, b) => a.PolicyName.localeCompare(b.PolicyName))) {
    const id = nodeId.scalingPolicy(policy.PolicyARN);
    const target = aas?.scalableTargets[`${policy.ResourceId}|${policy.ScalableDimension}`];
    nodes.push({
      id,
      type: 'scalingPolicy',
      position: { x: 0, y: 0 },
      data: {
        policyName: policy.PolicyName,
        policyType: policy.PolicyType,
        summary: policySummary(policy),
        minCapacity: target?.MinCapacity,
        maxCapacity: target?.MaxCapacity,
      },
      width: LAYOUT.scalingPolicy.width,
      height: LAYOUT.scalingPolicy.height,
    });
    const serviceArn = serviceArnOfResource(world, policy.ResourceId);
    if (serviceArn) {
      const service = nodeId.service(serviceArn);
      edges.push({ id: `scaling:${id}->${service}`, source: id, target: service, label: 'DesiredCount', data: { relation: 'scaling' } });
    }
    for (const alarm of policy.Alarms) policyOfAlarm.set(alarm.AlarmName, id);
  }
  for (const alarm of Object.values(world.alarms)) {
    for (const action of alarm.AlarmActions) {
      const policy = Object.values(aas?.scalingPolicies ?? {}).find((p) => p.PolicyARN === action);
      if (policy && !policyOfAlarm.has(alarm.AlarmName)) policyOfAlarm.set(alarm.AlarmName, nodeId.scalingPolicy(policy.PolicyARN));
    }
  }

  for (const alarm of Object.values(world.alarms).sort((a, b) => a.AlarmName.localeCompare(b.AlarmName))) {
    const id = nodeId.alarm(alarm.AlarmName);
    nodes.push({
      id,
      type: 'alarm',
      position: { x: 0, y: 0 },
      data: { alarmName: alarm.AlarmName, state: alarm.StateValue, stateReason: alarm.StateReason, condition: alarmCondition(alarm) },
      width: LAYOUT.alarm.width,
      height: LAYOUT.alarm.height,
    });
    const policy = policyOfAlarm.get(alarm.AlarmName);
    const serviceArn = policy ? undefined : serviceArnOfDimensions(world, alarm);
    const target = policy ?? (serviceArn ? nodeId.service(serviceArn) : undefined);
    if (target) edges.push({ id: `alarm:${id}->${target}`, source: id, target, label: alarm.StateValue, data: { relation: 'alarm' } });
  }
}
