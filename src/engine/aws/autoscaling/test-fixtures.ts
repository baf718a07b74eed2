/**
 * Test fixtures for Auto Scaling groups: a launch template whose user data joins an ECS cluster
 * (as the ECS guide shows) and a group over the first `zones` default subnets.
 */
import type { Sandbox } from '../../testing/harness';
import { ECS_AMI_ID, ecsUserData } from '../../testing/ec2-fixtures';
import { defaultSubnetFor } from '../../world/create';

export function ecsLaunchTemplate(s: Sandbox, name = 'ecs-nodes', cluster = 'prod', instanceType = 'm5.large'): string {
  const out = s.output('ec2:CreateLaunchTemplate', {
    LaunchTemplateName: name,
    LaunchTemplateData: { ImageId: ECS_AMI_ID, InstanceType: instanceType, UserData: ecsUserData(cluster), IamInstanceProfile: { Name: 'ecsInstanceRole' } },
  });
  return out.LaunchTemplate.LaunchTemplateId;
}

export function subnets(s: Sandbox, zones = 3): string {
  return s.world.availabilityZones
    .slice(0, zones)
    .map((z) => defaultSubnetFor(s.world, z)!)
    .join(',');
}

export interface GroupOptions {
  name?: string;
  min?: number;
  max?: number;
  desired?: number;
  zones?: number;
  protect?: boolean;
}

/** Creates cluster `prod`, the template and the group. Does not advance time. */
export function ecsGroup(s: Sandbox, o: GroupOptions = {}): string {
  const name = o.name ?? 'asg';
  if (!s.world.clusters['arn:aws:ecs:us-east-1:123456789012:cluster/prod']) s.call('ecs:CreateCluster', { clusterName: 'prod' });
  if (!Object.values(s.world.launchTemplates).some((t) => t.LaunchTemplateName === 'ecs-nodes')) ecsLaunchTemplate(s);
  s.call('autoscaling:CreateAutoScalingGroup', {
    AutoScalingGroupName: name,
    LaunchTemplate: { LaunchTemplateName: 'ecs-nodes', Version: '$Latest' },
    MinSize: o.min ?? 0,
    MaxSize: o.max ?? 10,
    ...(o.desired !== undefined ? { DesiredCapacity: o.desired } : {}),
    VPCZoneIdentifier: subnets(s, o.zones ?? 3),
    ...(o.protect ? { NewInstancesProtectedFromScaleIn: true } : {}),
  });
  return name;
}

export function describeGroup(s: Sandbox, name = 'asg') {
  return s.output('autoscaling:DescribeAutoScalingGroups', { AutoScalingGroupNames: [name] }).AutoScalingGroups[0];
}

/** InService instances per AZ of the group. */
export function inServiceByZone(s: Sandbox, name = 'asg'): Record<string, number> {
  const g = s.world.autoScalingGroups[name];
  const counts: Record<string, number> = Object.fromEntries(g.AvailabilityZones.map((z) => [z, 0]));
  for (const m of Object.values(g.instances)) if (m.LifecycleState === 'InService') counts[m.AvailabilityZone] = (counts[m.AvailabilityZone] ?? 0) + 1;
  return counts;
}

/** Every instance InService (and EC2 agrees it is running), as many as desired. */
export function isSettled(s: Sandbox, name = 'asg'): boolean {
  const g = s.world.autoScalingGroups[name];
  const members = Object.values(g.instances);
  return members.length === g.DesiredCapacity && members.every((m) => m.LifecycleState === 'InService' && s.world.instances[m.InstanceId]?.State.Name === 'running');
}
