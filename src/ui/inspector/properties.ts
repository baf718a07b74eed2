/**
 * The Properties tab's model: each kind's fields in AWS's names with their current values, the
 * ones AWS lets you change (and the Update call that changes them), and the Delete call with
 * AWS's rules (the engine refuses in AWS's words, e.g. DeleteCluster with services ->
 * ClusterContainsServicesException). Pure, so it is unit-tested without React.
 */
import type { World } from '../../engine/world/types';
import type { FieldSpec, FormValues, PlannedCall } from '../forms/types';
import { num, str } from '../forms/types';
import { option } from '../forms/world';

export interface PropertyRow {
  field: FieldSpec;
  value: FormValues[string];
  editable: boolean;
}

export interface PropertiesSpec {
  rows: PropertyRow[];
  /** The calls that apply the edited values (only what changed). */
  update?: (values: FormValues) => PlannedCall[];
  remove?: { label: string; calls: PlannedCall[] };
}

const row = (name: string, value: FormValues[string] | undefined, editable = false, extra: Partial<FieldSpec> = {}): PropertyRow => ({
  field: { name, label: name, type: typeof value === 'number' ? 'number' : typeof value === 'boolean' ? 'checkbox' : 'text', ...extra },
  value: value ?? '',
  editable,
});
const fixed = (input: unknown) => () => input;
const changed = (rows: PropertyRow[], values: FormValues) => rows.filter((r) => r.editable && String(values[r.field.name]) !== String(r.value)).map((r) => r.field.name);
const short = (arn: string) => arn.slice(arn.lastIndexOf('/') + 1);

function service(world: World, arn: string): PropertiesSpec | undefined {
  const s = world.services[arn];
  if (!s) return undefined;
  const cluster = world.clusters[s.clusterArn]?.clusterName ?? s.clusterArn;
  const revisions = Object.values(world.taskDefinitions).filter((t) => t.status === 'ACTIVE').map((t) => `${t.family}:${t.revision}`).sort();
  const dc = s.deploymentConfiguration;
  const rows = [
    row('serviceName', s.serviceName),
    row('cluster', cluster),
    row('status', s.status),
    row('launchType', s.launchType),
    row('desiredCount', s.desiredCount, s.schedulingStrategy === 'REPLICA'),
    row('taskDefinition', short(s.taskDefinition), true, { type: 'select', options: (revisions.includes(short(s.taskDefinition)) ? revisions : [short(s.taskDefinition), ...revisions]).map((r) => option(r)) }),
    row('minimumHealthyPercent', dc.minimumHealthyPercent, true, { label: 'deploymentConfiguration.minimumHealthyPercent' }),
    row('maximumPercent', dc.maximumPercent, true, { label: 'deploymentConfiguration.maximumPercent' }),
    row('circuitBreaker', dc.deploymentCircuitBreaker.enable, true, { label: 'deploymentCircuitBreaker.enable (and rollback)', params: ['deploymentCircuitBreaker'] }),
    row('forceNewDeployment', false, true, { label: 'forceNewDeployment (replace every task)' }),
    row('healthCheckGracePeriodSeconds', s.healthCheckGracePeriodSeconds, true),
  ];
  return {
    rows,
    update: (v) => {
      const c = changed(rows, v);
      if (c.length === 0) return [];
      const input: Record<string, unknown> = { cluster, service: s.serviceName };
      if (c.includes('desiredCount')) input.desiredCount = num(v.desiredCount);
      if (c.includes('taskDefinition')) input.taskDefinition = str(v.taskDefinition);
      if (c.some((n) => ['minimumHealthyPercent', 'maximumPercent', 'circuitBreaker'].includes(n))) {
        input.deploymentConfiguration = { minimumHealthyPercent: num(v.minimumHealthyPercent), maximumPercent: num(v.maximumPercent), deploymentCircuitBreaker: { enable: !!v.circuitBreaker, rollback: !!v.circuitBreaker } };
      }
      if (v.forceNewDeployment) input.forceNewDeployment = true;
      if (c.includes('healthCheckGracePeriodSeconds')) input.healthCheckGracePeriodSeconds = num(v.healthCheckGracePeriodSeconds);
      return [{ call: 'ecs:UpdateService', label: 'update the service', field: c[0], input: fixed(input) }];
    },
    remove: { label: 'Delete service', calls: [{ call: 'ecs:DeleteService', label: 'delete the service', input: fixed({ cluster, service: s.serviceName }) }] },
  };
}

function containerInstance(world: World, instanceId: string): PropertiesSpec | undefined {
  const i = world.instances[instanceId];
  if (!i) return undefined;
  const ci = i.containerInstanceArn ? world.containerInstances[i.containerInstanceArn] : undefined;
  const rows = [
    row('ec2InstanceId', i.InstanceId),
    row('InstanceType', i.InstanceType),
    row('AvailabilityZone', i.Placement.AvailabilityZone),
    row('State', i.State.Name),
    row('agentConnected', ci ? String(ci.agentConnected) : 'not registered yet'),
    row('status', ci?.status ?? '', !!ci && (ci.status === 'ACTIVE' || ci.status === 'DRAINING'), { type: 'select', options: [option('ACTIVE'), option('DRAINING')] }),
  ];
  return {
    rows,
    update: (v) =>
      ci && changed(rows, v).includes('status')
        ? [{ call: 'ecs:UpdateContainerInstancesState', label: 'change the container instance status', field: 'status', input: fixed({ cluster: ci.clusterArn, containerInstances: [ci.containerInstanceArn], status: str(v.status) }) }]
        : [],
    remove: { label: 'Terminate instance', calls: [{ call: 'ec2:TerminateInstances', label: 'terminate the instance', input: fixed({ InstanceIds: [i.InstanceId] }) }] },
  };
}

function targetGroup(world: World, arn: string): PropertiesSpec | undefined {
  const tg = world.targetGroups[arn];
  if (!tg) return undefined;
  const health = ['HealthCheckPath', 'HealthCheckIntervalSeconds', 'HealthCheckTimeoutSeconds', 'HealthyThresholdCount', 'UnhealthyThresholdCount'] as const;
  const rows = [
    row('TargetGroupName', tg.TargetGroupName),
    row('Protocol', tg.Protocol),
    row('Port', tg.Port),
    row('TargetType', tg.TargetType),
    ...health.map((h) => row(h, tg[h], true)),
    row('deregistration_delay.timeout_seconds', Number(tg.attributes['deregistration_delay.timeout_seconds'] ?? 300), true),
  ];
  return {
    rows,
    update: (v) => {
      const c = changed(rows, v);
      const calls: PlannedCall[] = [];
      const h = c.filter((n) => (health as readonly string[]).includes(n));
      if (h.length) calls.push({ call: 'elbv2:ModifyTargetGroup', label: 'change the health check', field: h[0], input: fixed({ TargetGroupArn: arn, ...Object.fromEntries(h.map((n) => [n, n === 'HealthCheckPath' ? str(v[n]) : num(v[n])])) }) });
      if (c.includes('deregistration_delay.timeout_seconds')) {
        calls.push({ call: 'elbv2:ModifyTargetGroupAttributes', label: 'change the deregistration delay', field: 'deregistration_delay.timeout_seconds', input: fixed({ TargetGroupArn: arn, Attributes: [{ Key: 'deregistration_delay.timeout_seconds', Value: str(v['deregistration_delay.timeout_seconds']) }] }) });
      }
      return calls;
    },
    remove: { label: 'Delete target group', calls: [{ call: 'elbv2:DeleteTargetGroup', label: 'delete the target group', input: fixed({ TargetGroupArn: arn }) }] },
  };
}

function scalingPolicy(world: World, arn: string): PropertiesSpec | undefined {
  const state = world.applicationAutoScaling;
  const p = Object.values(state?.scalingPolicies ?? {}).find((x) => x.PolicyARN === arn);
  if (!p) return undefined;
  const t = state?.scalableTargets[`${p.ResourceId}|${p.ScalableDimension}`];
  const scope = { ServiceNamespace: p.ServiceNamespace, ScalableDimension: p.ScalableDimension, ResourceId: p.ResourceId };
  const tt = p.TargetTrackingScalingPolicyConfiguration;
  const rows = [
    row('PolicyName', p.PolicyName),
    row('ResourceId', p.ResourceId),
    row('PolicyType', p.PolicyType),
    row('MinCapacity', t?.MinCapacity ?? '', !!t),
    row('MaxCapacity', t?.MaxCapacity ?? '', !!t),
    ...(tt ? [row('TargetValue', tt.TargetValue ?? 0, true)] : []),
  ];
  return {
    rows,
    update: (v) => {
      const c = changed(rows, v);
      const calls: PlannedCall[] = [];
      if (c.includes('MinCapacity') || c.includes('MaxCapacity')) calls.push({ call: 'application-autoscaling:RegisterScalableTarget', label: 'change the scalable target', field: 'MinCapacity', input: fixed({ ...scope, MinCapacity: num(v.MinCapacity), MaxCapacity: num(v.MaxCapacity) }) });
      if (tt && c.includes('TargetValue')) calls.push({ call: 'application-autoscaling:PutScalingPolicy', label: 'change the target', field: 'TargetValue', input: fixed({ ...scope, PolicyName: p.PolicyName, PolicyType: p.PolicyType, TargetTrackingScalingPolicyConfiguration: { ...tt, TargetValue: num(v.TargetValue) } }) });
      return calls;
    },
    remove: { label: 'Delete scaling policy', calls: [{ call: 'application-autoscaling:DeleteScalingPolicy', label: 'delete the policy', input: fixed({ ...scope, PolicyName: p.PolicyName }) }] },
  };
}

export function propertiesOf(kind: string, id: string, world: World): PropertiesSpec | undefined {
  switch (kind) {
    case 'service':
      return service(world, id);
    case 'containerInstance':
      return containerInstance(world, id);
    case 'targetGroup':
      return targetGroup(world, id);
    case 'scalingPolicy':
      return scalingPolicy(world, id);
    case 'repository': {
      const r = world.repositories[id];
      if (!r) return undefined;
      const rows = [row('repositoryName', r.repositoryName), row('repositoryUri', r.repositoryUri), row('imageTagMutability', r.imageTagMutability, true, { type: 'select', options: [option('MUTABLE'), option('IMMUTABLE')] })];
      return {
        rows,
        update: (v) => (changed(rows, v).length ? [{ call: 'ecr:PutImageTagMutability', label: 'change tag mutability', field: 'imageTagMutability', input: fixed({ repositoryName: r.repositoryName, imageTagMutability: str(v.imageTagMutability) }) }] : []),
        remove: { label: 'Delete repository', calls: [{ call: 'ecr:DeleteRepository', label: 'delete the repository', input: fixed({ repositoryName: r.repositoryName }) }] },
      };
    }
    case 'cluster': {
      const c = world.clusters[id];
      if (!c) return undefined;
      return {
        rows: [row('clusterName', c.clusterName), row('status', c.status), row('capacityProviders', c.capacityProviders.join(', '))],
        remove: { label: 'Delete cluster', calls: [{ call: 'ecs:DeleteCluster', label: 'delete the cluster', input: fixed({ cluster: c.clusterName }) }] },
      };
    }
    case 'taskDefinition': {
      const td = world.taskDefinitions[id];
      if (!td) return undefined;
      return {
        rows: [row('family', td.family), row('revision', td.revision), row('status', td.status), row('networkMode', td.networkMode ?? 'bridge'), row('cpu', td.cpu ?? ''), row('memory', td.memory ?? ''), row('image', td.containerDefinitions[0]?.image ?? '')],
        remove: { label: 'Deregister', calls: [{ call: 'ecs:DeregisterTaskDefinition', label: 'deregister the revision', input: fixed({ taskDefinition: `${td.family}:${td.revision}` }) }] },
      };
    }
    case 'task': {
      const t = world.tasks[id];
      if (!t) return undefined;
      return {
        rows: [row('taskArn', t.taskArn), row('lastStatus', t.lastStatus), row('desiredStatus', t.desiredStatus), row('launchType', t.launchType), row('availabilityZone', t.availabilityZone), row('taskDefinition', short(t.taskDefinitionArn)), row('group', t.group)],
        remove: { label: 'Stop task', calls: [{ call: 'ecs:StopTask', label: 'stop the task', input: fixed({ cluster: t.clusterArn, task: t.taskArn, reason: 'Stopped from the ECS Sandbox inspector' }) }] },
      };
    }
    case 'loadBalancer': {
      const lb = world.loadBalancers[id];
      if (!lb) return undefined;
      return {
        rows: [row('LoadBalancerName', lb.LoadBalancerName), row('DNSName', lb.DNSName), row('Type', lb.Type), row('Scheme', lb.Scheme), row('State', lb.State.Code)],
        remove: { label: 'Delete load balancer', calls: [{ call: 'elbv2:DeleteLoadBalancer', label: 'delete the load balancer', input: fixed({ LoadBalancerArn: id }) }] },
      };
    }
    case 'listener': {
      const l = world.listeners[id];
      if (!l) return undefined;
      return { rows: [row('Protocol', l.Protocol), row('Port', l.Port)], remove: { label: 'Delete listener', calls: [{ call: 'elbv2:DeleteListener', label: 'delete the listener', input: fixed({ ListenerArn: id }) }] } };
    }
    case 'autoScalingGroup': {
      const g = world.autoScalingGroups[id];
      if (!g) return undefined;
      const rows = [row('AutoScalingGroupName', g.AutoScalingGroupName), row('MinSize', g.MinSize, true), row('MaxSize', g.MaxSize, true), row('DesiredCapacity', g.DesiredCapacity, true)];
      return {
        rows,
        update: (v) => {
          const c = changed(rows, v);
          return c.length ? [{ call: 'autoscaling:UpdateAutoScalingGroup', label: 'update the group', field: c[0], input: fixed({ AutoScalingGroupName: id, ...Object.fromEntries(c.map((n) => [n, num(v[n])])) }) }] : [];
        },
        remove: { label: 'Delete group', calls: [{ call: 'autoscaling:DeleteAutoScalingGroup', label: 'delete the group', input: fixed({ AutoScalingGroupName: id }) }] },
      };
    }
    case 'capacityProvider': {
      const cp = world.capacityProviders?.[id];
      if (!cp) return undefined;
      return {
        rows: [row('name', cp.name), row('status', cp.status), row('managedScaling', cp.autoScalingGroupProvider.managedScaling.status), row('targetCapacity', cp.autoScalingGroupProvider.managedScaling.targetCapacity)],
        remove: { label: 'Delete capacity provider', calls: [{ call: 'ecs:DeleteCapacityProvider', label: 'delete the capacity provider', input: fixed({ capacityProvider: id }) }] },
      };
    }
    case 'alarm': {
      const a = world.alarms[id];
      if (!a) return undefined;
      return {
        rows: [row('AlarmName', a.AlarmName), row('StateValue', a.StateValue), row('StateReason', a.StateReason), row('MetricName', a.MetricName), row('Threshold', a.Threshold)],
        remove: { label: 'Delete alarm', calls: [{ call: 'cloudwatch:DeleteAlarms', label: 'delete the alarm', input: fixed({ AlarmNames: [id] }) }] },
      };
    }
    case 'trafficSource': {
      const s = world.traffic?.sources[id];
      if (!s) return undefined;
      const rows = [row('loadBalancerName', s.loadBalancerName), row('path', s.path), row('requestsPerSecond', s.requestsPerSecond, true), row('pattern', s.pattern, true, { type: 'select', options: ['constant', 'ramp', 'spike', 'daily'].map((p) => option(p)) })];
      const set = (rps: unknown, pattern: unknown) => fixed({ loadBalancerName: s.loadBalancerName, path: s.path, host: s.host, ...(s.port ? { port: s.port } : {}), requestsPerSecond: rps, pattern });
      return {
        rows,
        update: (v) => (changed(rows, v).length ? [{ call: 'sim:SetTraffic', label: 'change the traffic', field: 'requestsPerSecond', input: set(num(v.requestsPerSecond), str(v.pattern)) }] : []),
        remove: { label: 'Stop traffic', calls: [{ call: 'sim:SetTraffic', label: 'stop the traffic', input: set(0, s.pattern) }] },
      };
    }
    default:
      return undefined;
  }
}
