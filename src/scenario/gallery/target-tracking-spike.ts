/**
 * Service auto scaling with target tracking on CPU: a traffic spike pushes service web's average
 * CPU above 50%, AlarmHigh fires and the desired count rises; after the spike AlarmLow (15 minutes
 * below 45%) brings it back down, slowly.
 */
import type { Scenario } from '../schema';
import { ScenarioBuilder } from './builder';
import { applicationLoadBalancer, containerInstances, cpuTargetTracking, ecrImage, ZONES } from './common';

export const SPIKE_AT_SECONDS = 600;
export const SPIKE_END_SECONDS = 1500;
export const BASELINE_RPS = 40;
export const SPIKE_RPS = 200;

function build(): Scenario {
  const b = new ScenarioBuilder(6);
  const alb = applicationLoadBalancer(b, 'web-alb', ['web-tg']);
  b.call('ecr:CreateRepository', { repositoryName: 'web' })
    // 20 CPU units at rest plus 2 per request per second: 40 req/s over 2 tasks of 256 units is 39%, 200 is 86%.
    .call('sim:PushImage', { repositoryName: 'web', imageTag: 'v1', behavior: { cpuUnitsIdle: 20, cpuUnitsPerRequest: 2 } })
    .call('ecs:CreateCluster', { clusterName: 'prod' });
  containerInstances(b, 'prod', ZONES);
  b.call('ecs:RegisterTaskDefinition', {
    family: 'web',
    requiresCompatibilities: ['EC2'],
    containerDefinitions: [{ name: 'web', image: ecrImage('web', 'v1'), essential: true, cpu: 256, memory: 512, portMappings: [{ containerPort: 80, hostPort: 0 }] }],
  }).advance(60);
  b.call('ecs:CreateService', {
    cluster: 'prod',
    serviceName: 'web',
    taskDefinition: 'web',
    desiredCount: 2,
    launchType: 'EC2',
    loadBalancers: [{ targetGroupArn: alb.targetGroupArns[0], containerName: 'web', containerPort: 80 }],
  });
  cpuTargetTracking(b, 'prod', 'web', 2, 10, 300);
  b.call('sim:SetTraffic', { loadBalancerName: 'web-alb', requestsPerSecond: BASELINE_RPS })
    .advance(SPIKE_AT_SECONDS - 60)
    .call('sim:SetTraffic', { loadBalancerName: 'web-alb', requestsPerSecond: SPIKE_RPS })
    .advance(SPIKE_END_SECONDS - SPIKE_AT_SECONDS)
    .call('sim:SetTraffic', { loadBalancerName: 'web-alb', requestsPerSecond: BASELINE_RPS })
    .advance(1800);
  return b.build({
    name: 'Target tracking: a traffic spike',
    description:
      'Service web scales on average CPU with a target of 50%. When traffic jumps from 40 to 200 requests per second, CPU stays above 50% for 3 minutes, the policy’s AlarmHigh fires and ECS starts more tasks; after the spike it takes 15 minutes below 45% (AlarmLow) to scale back in, one cooldown at a time.',
  });
}

export const targetTrackingSpike: Scenario = build();
