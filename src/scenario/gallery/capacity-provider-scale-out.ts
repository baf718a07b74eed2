/**
 * Cluster auto scaling: an Auto Scaling group capacity provider with managed scaling, starting
 * with one instance, and a service that needs three. Tasks that do not fit wait in PROVISIONING,
 * CapacityProviderReservation goes above 100 and ECS scales the group out until they all run.
 */
import type { Scenario } from '../schema';
import { ScenarioBuilder } from './builder';
import { ECS_OPTIMIZED_AMI, SUBNETS, userData } from './common';

export const DESIRED_COUNT = 6;

function build(): Scenario {
  const b = new ScenarioBuilder(7);
  b.call('ecs:CreateCluster', { clusterName: 'prod' })
    .call('ec2:CreateLaunchTemplate', {
      LaunchTemplateName: 'ecs-nodes',
      LaunchTemplateData: { ImageId: ECS_OPTIMIZED_AMI, InstanceType: 'm5.large', UserData: userData('prod'), IamInstanceProfile: { Name: 'ecsInstanceRole' } },
    })
    .call('autoscaling:CreateAutoScalingGroup', {
      AutoScalingGroupName: 'ecs-nodes',
      LaunchTemplate: { LaunchTemplateName: 'ecs-nodes', Version: '$Latest' },
      MinSize: 0,
      MaxSize: 6,
      DesiredCapacity: 1,
      VPCZoneIdentifier: SUBNETS.join(','),
      // Managed termination protection needs instances protected from scale-in.
      NewInstancesProtectedFromScaleIn: true,
    });
  const groupArn = b.read((sim) => sim.world.autoScalingGroups['ecs-nodes'].AutoScalingGroupARN);
  b.call('ecs:CreateCapacityProvider', {
    name: 'nodes',
    autoScalingGroupProvider: {
      autoScalingGroupArn: groupArn,
      managedScaling: { status: 'ENABLED', targetCapacity: 100, minimumScalingStepSize: 1, maximumScalingStepSize: 10, instanceWarmupPeriod: 60 },
      managedTerminationProtection: 'ENABLED',
    },
  })
    .call('ecs:PutClusterCapacityProviders', { cluster: 'prod', capacityProviders: ['nodes'], defaultCapacityProviderStrategy: [{ capacityProvider: 'nodes', weight: 1 }] })
    // 1 vCPU and 2 GiB per task: an m5.large (2 vCPU) runs two, so 6 tasks need 3 instances.
    .call('ecs:RegisterTaskDefinition', {
      family: 'worker',
      requiresCompatibilities: ['EC2'],
      containerDefinitions: [{ name: 'worker', image: 'nginx:latest', essential: true, cpu: 1024, memory: 2048 }],
    })
    .advance(90)
    .call('ecs:CreateService', { cluster: 'prod', serviceName: 'worker', taskDefinition: 'worker', desiredCount: DESIRED_COUNT })
    .advance(600);
  return b.build({
    name: 'Capacity provider scale-out',
    description:
      'Service worker wants 6 tasks but the Auto Scaling group has one instance, room for 2. The other tasks wait in PROVISIONING; CapacityProviderReservation (instances needed / instances running x 100) rises above the target of 100, so ECS managed scaling raises the group’s desired capacity and the tasks run as the new instances register.',
  });
}

export const capacityProviderScaleOut: Scenario = build();
