/**
 * A rolling update with minimumHealthyPercent 50 and maximumPercent 200: four tasks behind a load
 * balancer are replaced by revision 2 while at least 2 stay healthy and at most 8 run.
 */
import type { Scenario } from '../schema';
import { ScenarioBuilder } from './builder';
import { applicationLoadBalancer, containerInstances, webTaskDefinition, ZONES } from './common';

export const DESIRED_COUNT = 4;
export const UPDATE_AT_SECONDS = 300;

function build(): Scenario {
  const b = new ScenarioBuilder(3);
  const alb = applicationLoadBalancer(b, 'web-alb', ['web-tg']);
  b.call('ecr:CreateRepository', { repositoryName: 'web' });
  // A slow-starting app (20 s), so each batch of the deployment is easy to follow.
  for (const tag of ['v1', 'v2']) b.call('sim:PushImage', { repositoryName: 'web', imageTag: tag, behavior: { startupSeconds: 20 } });
  b.call('ecs:CreateCluster', { clusterName: 'prod' });
  containerInstances(b, 'prod', ZONES);
  b.call('ecs:RegisterTaskDefinition', webTaskDefinition('v1')).advance(60);
  b.call('ecs:CreateService', {
    cluster: 'prod',
    serviceName: 'web',
    taskDefinition: 'web',
    desiredCount: DESIRED_COUNT,
    launchType: 'EC2',
    deploymentConfiguration: { minimumHealthyPercent: 50, maximumPercent: 200 },
    loadBalancers: [{ targetGroupArn: alb.targetGroupArns[0], containerName: 'web', containerPort: 80 }],
  });
  b.advance(UPDATE_AT_SECONDS - 60);
  b.call('ecs:RegisterTaskDefinition', webTaskDefinition('v2')).call('ecs:UpdateService', { cluster: 'prod', service: 'web', taskDefinition: 'web' });
  return b.advance(120).build({
    name: 'Rolling update 50/200',
    description:
      'Service web replaces its 4 tasks with revision 2. minimumHealthyPercent 50 lets ECS stop 2 old tasks at once (4 x 50% = 2 must stay healthy) and maximumPercent 200 lets it start 4 new ones before the rest stop (at most 8 tasks).',
  });
}

export const rollingUpdate50200: Scenario = build();
