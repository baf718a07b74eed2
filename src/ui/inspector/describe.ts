/**
 * The read-only Describe calls behind the JSON tab: for each selected kind, the call(s) whose
 * output AWS would give for it. They go straight to sim.call (never the session's call), so they
 * are not recorded in the command log.
 */
import type { World } from '../../engine/world/types';
import type { ApiCall } from '../../scenario/cli';

export function describeCalls(kind: string, id: string, world: World): ApiCall[] {
  switch (kind) {
    case 'registry':
      return [{ call: 'ecr:DescribeRegistry', input: {} }, { call: 'ecr:DescribeRepositories', input: {} }];
    case 'repository': {
      const name = world.repositories[id]?.repositoryName ?? id;
      return [{ call: 'ecr:DescribeRepositories', input: { repositoryNames: [name] } }, { call: 'ecr:DescribeImages', input: { repositoryName: name } }];
    }
    case 'taskDefinition':
      return [{ call: 'ecs:DescribeTaskDefinition', input: { taskDefinition: id, include: ['TAGS'] } }];
    case 'cluster':
      return [{ call: 'ecs:DescribeClusters', input: { clusters: [id], include: ['SETTINGS', 'STATISTICS', 'TAGS'] } }];
    case 'containerInstance': {
      const instance = world.instances[id];
      const calls: ApiCall[] = [{ call: 'ec2:DescribeInstances', input: { InstanceIds: [id] } }];
      if (instance?.containerInstanceArn) {
        const ci = world.containerInstances[instance.containerInstanceArn];
        calls.unshift({ call: 'ecs:DescribeContainerInstances', input: { cluster: ci?.clusterArn, containerInstances: [instance.containerInstanceArn] } });
      }
      return calls;
    }
    case 'task':
      return [{ call: 'ecs:DescribeTasks', input: { cluster: world.tasks[id]?.clusterArn, tasks: [id] } }];
    case 'service':
      return [{ call: 'ecs:DescribeServices', input: { cluster: world.services[id]?.clusterArn, services: [id] } }];
    case 'loadBalancer':
      return [{ call: 'elbv2:DescribeLoadBalancers', input: { LoadBalancerArns: [id] } }, { call: 'elbv2:DescribeListeners', input: { LoadBalancerArn: id } }];
    case 'listener':
      return [{ call: 'elbv2:DescribeListeners', input: { ListenerArns: [id] } }, { call: 'elbv2:DescribeRules', input: { ListenerArn: id } }];
    case 'targetGroup':
      return [
        { call: 'elbv2:DescribeTargetGroups', input: { TargetGroupArns: [id] } },
        { call: 'elbv2:DescribeTargetHealth', input: { TargetGroupArn: id } },
        { call: 'elbv2:DescribeTargetGroupAttributes', input: { TargetGroupArn: id } },
      ];
    case 'autoScalingGroup':
      return [{ call: 'autoscaling:DescribeAutoScalingGroups', input: { AutoScalingGroupNames: [id] } }];
    case 'capacityProvider':
      return [{ call: 'ecs:DescribeCapacityProviders', input: { capacityProviders: [id] } }];
    case 'scalingPolicy': {
      const p = Object.values(world.applicationAutoScaling?.scalingPolicies ?? {}).find((x) => x.PolicyARN === id);
      const scope = { ServiceNamespace: 'ecs', ...(p ? { ResourceId: p.ResourceId, ScalableDimension: p.ScalableDimension } : {}) };
      return [
        { call: 'application-autoscaling:DescribeScalingPolicies', input: { ...scope, ...(p ? { PolicyNames: [p.PolicyName] } : {}) } },
        { call: 'application-autoscaling:DescribeScalableTargets', input: { ServiceNamespace: 'ecs', ...(p ? { ResourceIds: [p.ResourceId] } : {}) } },
      ];
    }
    case 'alarm':
      return [{ call: 'cloudwatch:DescribeAlarms', input: { AlarmNames: [id] } }];
    case 'trafficSource':
      return [{ call: 'sim:GetTraffic', input: {} }];
    default:
      return [];
  }
}
