/**
 * Fargate Spot: a service with a base of 2 tasks on FARGATE and the rest shared 1:1 with
 * FARGATE_SPOT; then AWS reclaims the capacity under one Spot task (sim:InjectFault
 * SpotInterruption): two-minute warning, SIGTERM, and the task stops with stopCode
 * SpotInterruption; the service scheduler starts a replacement.
 */
import type { Scenario } from '../schema';
import { ScenarioBuilder } from './builder';
import { SUBNETS } from './common';

export const INTERRUPT_AT_SECONDS = 120;

function build(): Scenario {
  const b = new ScenarioBuilder(8);
  b.call('ecs:CreateCluster', { clusterName: 'prod' })
    .call('ecs:PutClusterCapacityProviders', { cluster: 'prod', capacityProviders: ['FARGATE', 'FARGATE_SPOT'], defaultCapacityProviderStrategy: [] })
    .call('ecs:RegisterTaskDefinition', {
      family: 'api',
      requiresCompatibilities: ['FARGATE'],
      networkMode: 'awsvpc',
      cpu: '256',
      memory: '512',
      executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
      containerDefinitions: [{ name: 'api', image: 'nginx:latest', essential: true, portMappings: [{ containerPort: 80 }] }],
    })
    .call('ecs:CreateService', {
      cluster: 'prod',
      serviceName: 'api',
      taskDefinition: 'api',
      desiredCount: 6,
      capacityProviderStrategy: [
        { capacityProvider: 'FARGATE', base: 2, weight: 1 },
        { capacityProvider: 'FARGATE_SPOT', weight: 1 },
      ],
      networkConfiguration: { awsvpcConfiguration: { subnets: SUBNETS, assignPublicIp: 'ENABLED' } },
    })
    .advance(INTERRUPT_AT_SECONDS);
  // The interrupted task is a Spot task of this run; its ARN is made up by ECS, so read it here.
  const spotTask = b.read((sim) =>
    Object.values(sim.world.tasks)
      .filter((t) => t.capacityProviderName === 'FARGATE_SPOT' && t.lastStatus === 'RUNNING')
      .sort((x, y) => x.createdAt - y.createdAt || x.taskArn.localeCompare(y.taskArn))[0].taskArn,
  );
  b.call('sim:InjectFault', { type: 'SpotInterruption', target: spotTask }).advance(300);
  return b.build({
    name: 'Fargate Spot interruption',
    description:
      'Service api keeps a base of 2 tasks on FARGATE and shares the rest 1:1 with FARGATE_SPOT. When AWS needs the capacity back it sends a Spot task a two-minute warning (SIGTERM); the task stops with stopCode SpotInterruption, "Your Spot Task was interrupted.", and the service starts a replacement.',
  });
}

export const fargateSpotInterruption: Scenario = build();
