import { describe, it, expect } from 'vitest';
import type { SandboxNode, ServiceNode, TargetGroupNode, TaskNode } from './types';
import { nodeId, toGraph } from './toGraph';
import { CLUSTER_ARN, DEPLOYMENT_1, LB_ARN, LISTENER_ARN, SERVICE_ARN, TD2_ARN, TD_ARN, TG_ARN, sampleWorld, taskArnOf, withService } from './fixtures';
import type { World } from '../../engine/world/types';
import type { TrafficState } from '../../engine/world/traffic-types';

const byId = (nodes: SandboxNode[], id: string) => nodes.find((n) => n.id === id);
const chip = (world: World, id: string) => byId(toGraph(world, 200).nodes, nodeId.task(taskArnOf(id))) as TaskNode;

describe('toGraph: services and deployments', () => {
  it('shows a service with its PRIMARY and ACTIVE deployments and their running counts, as DescribeServices does', () => {
    const service = byId(toGraph(withService(sampleWorld()), 200).nodes, nodeId.service(SERVICE_ARN)) as ServiceNode;
    expect(service.data).toMatchObject({ serviceName: 'web', desiredCount: 2, runningCount: 2, steady: false });
    expect(service.data.deployments.map((d) => [d.status, d.taskDefinition, d.runningCount, d.rolloutState])).toEqual([
      ['PRIMARY', 'web:2', 1, 'IN_PROGRESS'],
      ['ACTIVE', 'web:1', 1, 'COMPLETED'],
    ]);
  });

  it('badges each task with the deployment it belongs to, so a rolling update reads at a glance', () => {
    const world = withService(sampleWorld());
    expect(chip(world, '11111111aaaa').data.deployment).toEqual({ status: 'ACTIVE', serviceName: 'web' });
    expect(chip(world, '33333333cccc').data.deployment).toEqual({ status: 'PRIMARY', serviceName: 'web' });
    expect(chip(world, '22222222bbbb').data.deployment).toBeUndefined();
  });

  it('links the service to its cluster, and each deployment\'s task definition to the service', () => {
    const { edges } = toGraph(withService(sampleWorld()), 200);
    const service = nodeId.service(SERVICE_ARN);
    expect(edges.find((e) => e.source === service && e.target === nodeId.cluster(CLUSTER_ARN))?.label).toBe('desiredCount 2');
    expect(edges.filter((e) => e.target === service && e.data?.relation === 'deployment').map((e) => [e.source, e.label])).toEqual([
      [nodeId.taskDefinition(TD2_ARN), 'PRIMARY'],
      [nodeId.taskDefinition(TD_ARN), 'ACTIVE'],
    ]);
  });

  it('drops a deleted (INACTIVE) service from the canvas', () => {
    const world = withService(sampleWorld());
    world.services[SERVICE_ARN].status = 'INACTIVE';
    expect(byId(toGraph(world, 200).nodes, nodeId.service(SERVICE_ARN))).toBeUndefined();
  });

  it('counts only the deployments still shown: an INACTIVE deployment is not listed', () => {
    const world = withService(sampleWorld());
    world.services[SERVICE_ARN].deployments[1].status = 'INACTIVE';
    const service = byId(toGraph(world, 200).nodes, nodeId.service(SERVICE_ARN)) as ServiceNode;
    expect(service.data.deployments.map((d) => d.status)).toEqual(['PRIMARY']);
    expect(world.services[SERVICE_ARN].deployments[1].id).toBe(DEPLOYMENT_1);
  });
});

describe('toGraph: load balancer -> listener -> target group -> targets', () => {
  it('chains the load balancer to its listener and the listener to the target group it forwards to', () => {
    const { edges } = toGraph(withService(sampleWorld()), 200);
    const pairs = edges.filter((e) => e.data?.relation === 'listener' || e.data?.relation === 'forward').map((e) => [e.source, e.target]);
    expect(pairs).toEqual([
      [nodeId.loadBalancer(LB_ARN), nodeId.listener(LISTENER_ARN)],
      [nodeId.listener(LISTENER_ARN), nodeId.targetGroup(TG_ARN)],
    ]);
  });

  it('links the target group to the task answering at each target, coloured and labelled by its health state', () => {
    const { edges } = toGraph(withService(sampleWorld()), 200);
    const targets = edges.filter((e) => e.data?.relation === 'target');
    expect(targets.map((e) => [e.target, e.label])).toEqual([
      [nodeId.task(taskArnOf('11111111aaaa')), 'healthy'],
      [nodeId.task(taskArnOf('33333333cccc')), 'initial'],
    ]);
    expect(targets[0].style?.stroke).not.toBe(targets[1].style?.stroke);
  });

  it('rings each target task by its health: healthy, initial, and draining once deregistered', () => {
    const world = withService(sampleWorld());
    expect(chip(world, '11111111aaaa').data.targetHealth?.state).toBe('healthy');
    expect(chip(world, '33333333cccc').data.targetHealth).toMatchObject({ state: 'initial', reason: 'Elb.RegistrationInProgress', targetGroupName: 'web-tg' });
    world.targetGroups[TG_ARN].targets['i-a:49153'].State = 'draining';
    expect(chip(world, '11111111aaaa').data.targetHealth?.state).toBe('draining');
    world.targetGroups[TG_ARN].targets['i-a:49153'].State = 'unhealthy';
    expect(chip(world, '11111111aaaa').data.targetHealth?.state).toBe('unhealthy');
    expect(chip(world, '22222222bbbb').data.targetHealth).toBeUndefined();
  });

  it('counts the target group\'s targets by health state', () => {
    const tg = byId(toGraph(withService(sampleWorld()), 200).nodes, nodeId.targetGroup(TG_ARN)) as TargetGroupNode;
    expect(tg.data.counts).toEqual([
      { state: 'healthy', count: 1 },
      { state: 'initial', count: 1 },
    ]);
  });
});

describe('toGraph: scaling, alarms and traffic', () => {
  function scaled(world: World): World {
    const asgArn = 'arn:aws:autoscaling:us-east-1:123456789012:autoScalingGroup:uuid:autoScalingGroupName/prod-asg';
    world.autoScalingGroups['prod-asg'] = {
      AutoScalingGroupName: 'prod-asg', AutoScalingGroupARN: asgArn, LaunchTemplate: { LaunchTemplateId: 'lt-1', LaunchTemplateName: 'ecs', Version: '$Latest' },
      MinSize: 1, MaxSize: 4, DesiredCapacity: 2, DefaultCooldown: 300, AvailabilityZones: ['us-east-1a'], subnetByZone: {}, HealthCheckType: 'EC2',
      HealthCheckGracePeriod: 300, NewInstancesProtectedFromScaleIn: false, CapacityRebalance: false, TerminationPolicies: ['Default'], Tags: [],
      CreatedTime: 0, ServiceLinkedRoleARN: 'x',
      instances: { 'i-a': { InstanceId: 'i-a', InstanceType: 'm5.large', AvailabilityZone: 'us-east-1a', LifecycleState: 'InService', HealthStatus: 'Healthy', ProtectedFromScaleIn: false, LaunchTemplate: { LaunchTemplateId: 'lt-1', LaunchTemplateName: 'ecs', Version: '1' }, launchedAt: 0 } },
    };
    world.capacityProviders = {
      'prod-cp': {
        capacityProviderArn: 'arn:cp', name: 'prod-cp', status: 'ACTIVE', tags: [], createdAt: 0,
        autoScalingGroupProvider: { autoScalingGroupArn: asgArn, managedTerminationProtection: 'DISABLED', managedDraining: 'ENABLED', managedScaling: { status: 'ENABLED', targetCapacity: 100, minimumScalingStepSize: 1, maximumScalingStepSize: 10000, instanceWarmupPeriod: 300 } },
        lastReservation: { at: 60, value: 150, m: 3, n: 2 },
      },
    };
    world.clusters[CLUSTER_ARN].capacityProviders = ['prod-cp'];
    const policyArn = 'arn:aws:autoscaling:us-east-1:123456789012:scalingPolicy:uuid:resource/ecs/service/prod/web:policyName/cpu50';
    world.applicationAutoScaling = {
      scalableTargets: {}, scheduledActions: {}, activities: [], tokenSequence: 0,
      scalingPolicies: {
        p: {
          PolicyARN: policyArn, PolicyName: 'cpu50', ServiceNamespace: 'ecs', ResourceId: 'service/prod/web', ScalableDimension: 'ecs:service:DesiredCount',
          PolicyType: 'TargetTrackingScaling', CreationTime: 0, Alarms: [{ AlarmName: 'TargetTracking-service/prod/web-AlarmHigh-1', AlarmARN: 'arn:alarm' }],
          TargetTrackingScalingPolicyConfiguration: { TargetValue: 50, PredefinedMetricSpecification: { PredefinedMetricType: 'ECSServiceAverageCPUUtilization' } },
        },
      },
    };
    world.alarms['TargetTracking-service/prod/web-AlarmHigh-1'] = {
      AlarmName: 'TargetTracking-service/prod/web-AlarmHigh-1', AlarmArn: 'arn:alarm', AlarmConfigurationUpdatedTimestamp: 0, ActionsEnabled: true,
      OKActions: [], AlarmActions: [policyArn], InsufficientDataActions: [], StateValue: 'ALARM', StateReason: 'Threshold Crossed: 3 datapoints were greater than the threshold (50.0).',
      StateUpdatedTimestamp: 0, StateTransitionedTimestamp: 0, MetricName: 'CPUUtilization', Namespace: 'AWS/ECS', Statistic: 'Average',
      Dimensions: [{ Name: 'ClusterName', Value: 'prod' }, { Name: 'ServiceName', Value: 'web' }], Period: 60, EvaluationPeriods: 3, Threshold: 50,
      ComparisonOperator: 'GreaterThanThreshold', Tags: [], evaluationToken: 1,
    };
    return world;
  }

  it('links the Auto Scaling group through its capacity provider to the cluster', () => {
    const { edges, nodes } = toGraph(scaled(withService(sampleWorld())), 200);
    const pairs = edges.filter((e) => e.data?.relation === 'capacity').map((e) => [e.source, e.target]);
    expect(pairs).toEqual([
      [nodeId.autoScalingGroup('prod-asg'), nodeId.capacityProvider('prod-cp')],
      [nodeId.capacityProvider('prod-cp'), nodeId.cluster(CLUSTER_ARN)],
    ]);
    expect(byId(nodes, nodeId.capacityProvider('prod-cp'))?.data).toMatchObject({ managedScaling: 'ENABLED', reservation: 150 });
  });

  it('links an Auto Scaling group with no capacity provider straight to the cluster its instances join', () => {
    const world = scaled(withService(sampleWorld()));
    world.capacityProviders = {};
    world.clusters[CLUSTER_ARN].capacityProviders = [];
    const { edges } = toGraph(world, 200);
    expect(edges.filter((e) => e.data?.relation === 'capacity').map((e) => [e.source, e.target])).toEqual([
      [nodeId.autoScalingGroup('prod-asg'), nodeId.cluster(CLUSTER_ARN)],
    ]);
  });

  it('links the alarm to the scaling policy it invokes, and the policy to its service, with the alarm state', () => {
    const { edges, nodes } = toGraph(scaled(withService(sampleWorld())), 200);
    const alarm = nodeId.alarm('TargetTracking-service/prod/web-AlarmHigh-1');
    const alarmEdge = edges.find((e) => e.source === alarm);
    expect(alarmEdge?.label).toBe('ALARM');
    const policyEdge = edges.find((e) => e.source === alarmEdge?.target);
    expect(policyEdge?.target).toBe(nodeId.service(SERVICE_ARN));
    expect(byId(nodes, alarm)?.data).toMatchObject({ state: 'ALARM', condition: 'CPUUtilization > 50 for 3 × 60 s' });
    expect(byId(nodes, policyEdge!.source)?.data).toMatchObject({ summary: 'ECSServiceAverageCPUUtilization target 50' });
  });

  it('draws clients on an edge to the load balancer carrying their request rate, thicker for more requests', () => {
    const world = withService(sampleWorld());
    const source = (requestsPerSecond: number) => ({
      loadBalancerArn: LB_ARN, loadBalancerName: 'web-alb', path: '/', host: 'web-alb-1.us-east-1.elb.amazonaws.com', requestsPerSecond, pattern: 'constant' as const, since: 0, carry: 0,
    });
    const traffic = (rate: number) => {
      // Only what the canvas reads (the traffic model keeps more, still changing as it is written).
      const state: Pick<TrafficState, 'sources' | 'lastTick'> = { sources: { k: source(rate) }, lastTick: { at: 0, loadBalancers: {}, targetGroups: {} } };
      world.traffic = state as TrafficState;
      return toGraph(world, 200).edges.find((e) => e.data?.relation === 'traffic')!;
    };
    const slow = traffic(5);
    const fast = traffic(500);
    expect(slow).toMatchObject({ target: nodeId.loadBalancer(LB_ARN), label: '5 req/s', data: { relation: 'traffic', requestsPerSecond: 5 } });
    expect(Number(fast.style?.strokeWidth)).toBeGreaterThan(Number(slow.style?.strokeWidth));
    expect(traffic(0).data?.requestsPerSecond).toBe(0);
  });

  it('shows the requests per second arriving at the load balancer, though the traffic model counts them per 10-second tick', () => {
    const world = withService(sampleWorld());
    const counts = { offered: 400, requests: 400, target2xx: 400, target5xx: 0, refused: 0, elb2xx: 0, elb3xx: 0, elb4xx: 0, elb502: 0, elb503: 0, elb504: 0, elb5xxOther: 0, responseTimeSum: 4, responseTimeMin: 0.01, responseTimeMax: 0.01 };
    const state: Pick<TrafficState, 'sources' | 'lastTick'> = { sources: {}, lastTick: { at: 190, loadBalancers: { [LB_ARN]: counts }, targetGroups: {} } };
    world.traffic = state as TrafficState;
    const lb = byId(toGraph(world, 200).nodes, nodeId.loadBalancer(LB_ARN));
    expect(lb?.data).toMatchObject({ requestsPerSecond: 40 });
  });
});
