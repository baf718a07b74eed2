/**
 * The CLI tab: the API calls that would create the selected resource as it is now (its current
 * configuration, not the history of edits), turned into AWS CLI text by scenario/cli.ts. Fields at
 * AWS's defaults are left out, as a person would type the command.
 */
import type { World } from '../../engine/world/types';
import type { ApiCall } from '../../scenario/cli';

const short = (arn: string) => arn.slice(arn.lastIndexOf('/') + 1);
const nonEmpty = <T,>(list: T[] | undefined) => (list && list.length ? list : undefined);

function taskDefinitionCall(world: World, arn: string): ApiCall[] {
  const td = world.taskDefinitions[arn];
  if (!td) return [];
  const keys = ['family', 'taskRoleArn', 'executionRoleArn', 'networkMode', 'containerDefinitions', 'volumes', 'placementConstraints', 'requiresCompatibilities', 'cpu', 'memory', 'pidMode', 'ipcMode', 'runtimePlatform', 'ephemeralStorage'] as const;
  const input: Record<string, unknown> = {};
  for (const k of keys) {
    const v = td[k];
    if (v === undefined || (Array.isArray(v) && v.length === 0)) continue;
    input[k] = v;
  }
  return [{ call: 'ecs:RegisterTaskDefinition', input }];
}

function serviceCalls(world: World, arn: string): ApiCall[] {
  const s = world.services[arn];
  if (!s) return [];
  const cluster = world.clusters[s.clusterArn]?.clusterName ?? s.clusterArn;
  const dc = s.deploymentConfiguration;
  const input: Record<string, unknown> = {
    cluster,
    serviceName: s.serviceName,
    taskDefinition: short(s.taskDefinition),
    ...(s.schedulingStrategy === 'REPLICA' ? { desiredCount: s.desiredCount } : { schedulingStrategy: 'DAEMON' }),
    ...(s.capacityProviderStrategy ? { capacityProviderStrategy: s.capacityProviderStrategy } : { launchType: s.launchType }),
    deploymentConfiguration: { maximumPercent: dc.maximumPercent, minimumHealthyPercent: dc.minimumHealthyPercent, deploymentCircuitBreaker: dc.deploymentCircuitBreaker },
    loadBalancers: nonEmpty(s.loadBalancers),
    networkConfiguration: s.networkConfiguration,
    placementConstraints: nonEmpty(s.placementConstraints),
    placementStrategy: nonEmpty(s.placementStrategy),
    healthCheckGracePeriodSeconds: s.healthCheckGracePeriodSeconds || undefined,
    deploymentController: s.deploymentController.type !== 'ECS' ? s.deploymentController : undefined,
  };
  return [{ call: 'ecs:CreateService', input }];
}

function instanceCalls(world: World, id: string): ApiCall[] {
  const i = world.instances[id];
  if (!i) return [];
  return [
    {
      call: 'ec2:RunInstances',
      input: {
        ImageId: i.ImageId,
        InstanceType: i.InstanceType,
        MinCount: 1,
        MaxCount: 1,
        SubnetId: i.SubnetId,
        UserData: i.UserData,
        IamInstanceProfile: i.IamInstanceProfile,
        TagSpecifications: i.Tags.length ? [{ ResourceType: 'instance', Tags: i.Tags }] : undefined,
      },
    },
  ];
}

function targetGroupCalls(world: World, arn: string): ApiCall[] {
  const tg = world.targetGroups[arn];
  if (!tg) return [];
  const calls: ApiCall[] = [
    {
      call: 'elbv2:CreateTargetGroup',
      input: {
        Name: tg.TargetGroupName,
        Protocol: tg.Protocol,
        Port: tg.Port,
        VpcId: tg.VpcId,
        TargetType: tg.TargetType,
        HealthCheckProtocol: tg.HealthCheckProtocol,
        HealthCheckPath: tg.HealthCheckPath,
        HealthCheckIntervalSeconds: tg.HealthCheckIntervalSeconds,
        HealthCheckTimeoutSeconds: tg.HealthCheckTimeoutSeconds,
        HealthyThresholdCount: tg.HealthyThresholdCount,
        UnhealthyThresholdCount: tg.UnhealthyThresholdCount,
        Matcher: tg.Matcher,
      },
    },
  ];
  const delay = tg.attributes['deregistration_delay.timeout_seconds'];
  if (delay !== undefined && delay !== '300') {
    calls.push({ call: 'elbv2:ModifyTargetGroupAttributes', input: { TargetGroupArn: arn, Attributes: [{ Key: 'deregistration_delay.timeout_seconds', Value: delay }] } });
  }
  return calls;
}

function listenerCall(world: World, arn: string): ApiCall[] {
  const l = world.listeners[arn];
  return l ? [{ call: 'elbv2:CreateListener', input: { LoadBalancerArn: l.LoadBalancerArn, Protocol: l.Protocol, Port: l.Port, DefaultActions: l.DefaultActions } }] : [];
}

function scalingCalls(world: World, policyArn: string): ApiCall[] {
  const state = world.applicationAutoScaling;
  const p = Object.values(state?.scalingPolicies ?? {}).find((x) => x.PolicyARN === policyArn);
  if (!p) return [];
  const t = state?.scalableTargets[`${p.ResourceId}|${p.ScalableDimension}`];
  const scope = { ServiceNamespace: p.ServiceNamespace, ScalableDimension: p.ScalableDimension, ResourceId: p.ResourceId };
  return [
    ...(t ? [{ call: 'application-autoscaling:RegisterScalableTarget', input: { ...scope, MinCapacity: t.MinCapacity, MaxCapacity: t.MaxCapacity } }] : []),
    {
      call: 'application-autoscaling:PutScalingPolicy',
      input: { ...scope, PolicyName: p.PolicyName, PolicyType: p.PolicyType, TargetTrackingScalingPolicyConfiguration: p.TargetTrackingScalingPolicyConfiguration, StepScalingPolicyConfiguration: p.StepScalingPolicyConfiguration },
    },
  ];
}

export function createCalls(kind: string, id: string, world: World): ApiCall[] {
  switch (kind) {
    case 'cluster': {
      const c = world.clusters[id];
      if (!c) return [];
      const calls: ApiCall[] = [{ call: 'ecs:CreateCluster', input: { clusterName: c.clusterName, settings: nonEmpty(c.settings), tags: nonEmpty(c.tags) } }];
      if (c.capacityProviders.length) calls.push({ call: 'ecs:PutClusterCapacityProviders', input: { cluster: c.clusterName, capacityProviders: c.capacityProviders, defaultCapacityProviderStrategy: c.defaultCapacityProviderStrategy } });
      return calls;
    }
    case 'repository': {
      const r = world.repositories[id];
      if (!r) return [];
      const calls: ApiCall[] = [
        { call: 'ecr:CreateRepository', input: { repositoryName: r.repositoryName, imageTagMutability: r.imageTagMutability, imageScanningConfiguration: r.imageScanningConfiguration.scanOnPush ? r.imageScanningConfiguration : undefined } },
      ];
      if (r.lifecyclePolicyText) calls.push({ call: 'ecr:PutLifecyclePolicy', input: { repositoryName: r.repositoryName, lifecyclePolicyText: r.lifecyclePolicyText } });
      return calls;
    }
    case 'taskDefinition':
      return taskDefinitionCall(world, id);
    case 'service':
      return serviceCalls(world, id);
    case 'task': {
      const t = world.tasks[id];
      if (!t) return [];
      // A service's task is started by the service scheduler, not by a command: show the service.
      if (t.serviceArn) return serviceCalls(world, t.serviceArn);
      const cluster = world.clusters[t.clusterArn]?.clusterName ?? t.clusterArn;
      return [{ call: 'ecs:RunTask', input: { cluster, taskDefinition: short(t.taskDefinitionArn), launchType: t.launchType, group: t.group.startsWith('family:') ? undefined : t.group } }];
    }
    case 'containerInstance':
      return instanceCalls(world, id);
    case 'loadBalancer': {
      const lb = world.loadBalancers[id];
      if (!lb) return [];
      return [
        { call: 'elbv2:CreateLoadBalancer', input: { Name: lb.LoadBalancerName, Subnets: lb.AvailabilityZones.map((z) => z.SubnetId), Scheme: lb.Scheme, Type: lb.Type, SecurityGroups: nonEmpty(lb.SecurityGroups) } },
        ...Object.values(world.listeners).filter((l) => l.LoadBalancerArn === id).flatMap((l) => listenerCall(world, l.ListenerArn)),
      ];
    }
    case 'listener':
      return listenerCall(world, id);
    case 'targetGroup':
      return targetGroupCalls(world, id);
    case 'autoScalingGroup': {
      const g = world.autoScalingGroups[id];
      if (!g) return [];
      return [
        {
          call: 'autoscaling:CreateAutoScalingGroup',
          input: {
            AutoScalingGroupName: g.AutoScalingGroupName,
            LaunchTemplate: { LaunchTemplateName: g.LaunchTemplate.LaunchTemplateName, Version: g.LaunchTemplate.Version },
            MinSize: g.MinSize,
            MaxSize: g.MaxSize,
            DesiredCapacity: g.DesiredCapacity,
            VPCZoneIdentifier: g.VPCZoneIdentifier,
            AvailabilityZones: g.VPCZoneIdentifier ? undefined : g.AvailabilityZones,
            NewInstancesProtectedFromScaleIn: g.NewInstancesProtectedFromScaleIn || undefined,
          },
        },
      ];
    }
    case 'capacityProvider': {
      const cp = world.capacityProviders?.[id];
      if (!cp) return [];
      const { autoScalingGroupArn, managedScaling, managedTerminationProtection } = cp.autoScalingGroupProvider;
      return [{ call: 'ecs:CreateCapacityProvider', input: { name: cp.name, autoScalingGroupProvider: { autoScalingGroupArn, managedScaling, managedTerminationProtection } } }];
    }
    case 'scalingPolicy':
      return scalingCalls(world, id);
    case 'alarm': {
      const a = world.alarms[id];
      if (!a) return [];
      const keys = ['AlarmName', 'AlarmDescription', 'MetricName', 'Namespace', 'Statistic', 'Dimensions', 'Period', 'EvaluationPeriods', 'DatapointsToAlarm', 'Threshold', 'ComparisonOperator', 'TreatMissingData', 'AlarmActions'] as const;
      return [{ call: 'cloudwatch:PutMetricAlarm', input: Object.fromEntries(keys.map((k) => [k, a[k]])) }];
    }
    case 'trafficSource': {
      const s = world.traffic?.sources[id];
      return s ? [{ call: 'sim:SetTraffic', input: { loadBalancerName: s.loadBalancerName, requestsPerSecond: s.requestsPerSecond, pattern: s.pattern, path: s.path } }] : [];
    }
    default:
      return [];
  }
}
