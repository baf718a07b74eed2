/**
 * Drop forms for compute: a cluster (CreateCluster), EC2 container instances (RunInstances per
 * AZ, with the ECS-optimized AMI, the ecsInstanceRole instance profile and user data that writes
 * ECS_CLUSTER so the agent registers with the cluster), an Auto Scaling group (a launch template
 * + CreateAutoScalingGroup over the AZs' default subnets), and a capacity provider for a group
 * (CreateCapacityProvider + PutClusterCapacityProviders).
 */
import type { World } from '../../engine/world/types';
import { INSTANCE_TYPES } from '../../engine/world/instance-types';
import { ECS_OPTIMIZED_AMI } from '../../scenario/default';
import { nodeId } from '../graph/ids';
import { num, str, type FormSpec } from './types';
import { clusterFor, clusterNames, defaultSubnets, freshName, option } from './world';

/** The user data the ECS-optimized AMI reads (ECS guide "Bootstrapping container instances"). */
export const ecsUserData = (cluster: string) => btoa(`#!/bin/bash\necho ECS_CLUSTER=${cluster} >> /etc/ecs/ecs.config`);

const instanceTypeOptions = () => Object.keys(INSTANCE_TYPES).map((t) => option(t));
const clusterOptions = (world: World) => {
  const names = clusterNames(world);
  return (names.length ? names : ['default']).map((n) => option(n));
};

/** Splits `count` instances over `zones` AZs as evenly as possible, first AZs first. */
export function spreadOverZones(count: number, zones: string[]): { zone: string; count: number }[] {
  if (zones.length === 0 || count <= 0) return [];
  return zones
    .map((zone, i) => ({ zone, count: Math.floor(count / zones.length) + (i < count % zones.length ? 1 : 0) }))
    .filter((z) => z.count > 0);
}

export const clusterForm: FormSpec = {
  kind: 'cluster',
  title: 'Cluster',
  summary: 'ecs:CreateCluster: a logical group of container instances and tasks.',
  fields: () => [{ name: 'clusterName', label: 'clusterName', type: 'text' }],
  defaults: (world) => ({ clusterName: freshName('prod', Object.values(world.clusters).filter((c) => c.status === 'ACTIVE').map((c) => c.clusterName)) }),
  plan: (v) => [
    {
      call: 'ecs:CreateCluster',
      label: 'create the cluster',
      field: 'clusterName',
      input: () => ({ clusterName: str(v.clusterName) }),
      nodeId: (o) => nodeId.cluster((o as { cluster: { clusterArn: string } }).cluster.clusterArn),
    },
  ],
};

export const ec2InstancesForm: FormSpec = {
  kind: 'ec2Instances',
  title: 'EC2 instances',
  summary: 'ec2:RunInstances: container instances whose agent registers with the cluster named in their user data.',
  fields: (world) => [
    { name: 'cluster', label: 'ECS_CLUSTER (user data)', type: 'select', options: clusterOptions(world), help: 'The container agent registers the instance with this cluster.' },
    { name: 'count', label: 'count', type: 'number', params: ['MinCount', 'MaxCount'] },
    { name: 'zones', label: 'Availability Zones', type: 'number', help: `Spread over this many AZs (${world.availabilityZones.length} in ${world.region}).`, params: ['AvailabilityZone'] },
    { name: 'InstanceType', label: 'InstanceType', type: 'select', options: instanceTypeOptions() },
    { name: 'ImageId', label: 'ImageId (ECS-optimized AMI)', type: 'text' },
    { name: 'IamInstanceProfile', label: 'IamInstanceProfile', type: 'text' },
  ],
  defaults: (world, ctx) => ({
    cluster: clusterFor(world, ctx.target),
    count: 3,
    zones: Math.min(3, world.availabilityZones.length),
    InstanceType: 'm5.large',
    ImageId: ECS_OPTIMIZED_AMI,
    IamInstanceProfile: 'ecsInstanceRole',
  }),
  plan: (v, world) => {
    const count = Number(num(v.count));
    const zones = world.availabilityZones.slice(0, Math.max(1, Number(num(v.zones)) || 1));
    const groups = Number.isInteger(count) && count > 0 ? spreadOverZones(count, zones) : [{ zone: zones[0], count: num(v.count) as number }];
    return groups.map((g) => ({
      call: 'ec2:RunInstances',
      label: `launch ${g.count} in ${g.zone}`,
      field: 'count',
      input: () => ({
        ImageId: str(v.ImageId),
        InstanceType: str(v.InstanceType),
        MinCount: g.count,
        MaxCount: g.count,
        Placement: { AvailabilityZone: g.zone },
        UserData: ecsUserData(str(v.cluster)),
        IamInstanceProfile: { Name: str(v.IamInstanceProfile) },
        TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'Name', Value: `ecs-${str(v.cluster)}-${g.zone.slice(-1)}` }] }],
      }),
    }));
  },
};

export const autoScalingGroupForm: FormSpec = {
  kind: 'autoScalingGroup',
  title: 'Auto Scaling group',
  summary: 'ec2:CreateLaunchTemplate + autoscaling:CreateAutoScalingGroup: instances kept at the desired capacity.',
  fields: (world) => [
    { name: 'AutoScalingGroupName', label: 'AutoScalingGroupName', type: 'text' },
    { name: 'cluster', label: 'ECS_CLUSTER (user data)', type: 'select', options: clusterOptions(world) },
    { name: 'InstanceType', label: 'InstanceType', type: 'select', options: instanceTypeOptions() },
    { name: 'MinSize', label: 'MinSize', type: 'number' },
    { name: 'MaxSize', label: 'MaxSize', type: 'number' },
    { name: 'DesiredCapacity', label: 'DesiredCapacity', type: 'number' },
    { name: 'zones', label: 'Availability Zones', type: 'number', params: ['VPCZoneIdentifier'] },
  ],
  defaults: (world, ctx) => ({
    AutoScalingGroupName: freshName('ecs-nodes', Object.keys(world.autoScalingGroups)),
    cluster: clusterFor(world, ctx.target),
    InstanceType: 'm5.large',
    MinSize: 0,
    MaxSize: 10,
    DesiredCapacity: 3,
    zones: Math.min(3, world.availabilityZones.length),
  }),
  plan: (v, world) => {
    const name = str(v.AutoScalingGroupName);
    const template = `${name}-template`;
    return [
      {
        call: 'ec2:CreateLaunchTemplate',
        label: 'create the launch template',
        field: 'AutoScalingGroupName',
        input: () => ({
          LaunchTemplateName: template,
          LaunchTemplateData: { ImageId: ECS_OPTIMIZED_AMI, InstanceType: str(v.InstanceType), UserData: ecsUserData(str(v.cluster)), IamInstanceProfile: { Name: 'ecsInstanceRole' } },
        }),
      },
      {
        call: 'autoscaling:CreateAutoScalingGroup',
        label: 'create the Auto Scaling group',
        field: 'AutoScalingGroupName',
        input: () => ({
          AutoScalingGroupName: name,
          LaunchTemplate: { LaunchTemplateName: template, Version: '$Latest' },
          MinSize: num(v.MinSize),
          MaxSize: num(v.MaxSize),
          DesiredCapacity: num(v.DesiredCapacity),
          VPCZoneIdentifier: defaultSubnets(world, Number(num(v.zones)) || 1).join(','),
        }),
        nodeId: () => nodeId.autoScalingGroup(name),
      },
    ];
  },
};

export const capacityProviderForm: FormSpec = {
  kind: 'capacityProvider',
  title: 'Capacity provider',
  summary: 'ecs:CreateCapacityProvider for an Auto Scaling group, associated with a cluster (PutClusterCapacityProviders).',
  fields: (world) => [
    { name: 'name', label: 'name', type: 'text' },
    { name: 'autoScalingGroup', label: 'autoScalingGroupArn', type: 'select', options: Object.keys(world.autoScalingGroups).map((n) => option(n)), params: ['autoScalingGroupArn', 'autoScalingGroupProvider'] },
    { name: 'managedScaling', label: 'managedScaling ENABLED', type: 'checkbox' },
    { name: 'targetCapacity', label: 'targetCapacity', type: 'number' },
    { name: 'managedTerminationProtection', label: 'managedTerminationProtection ENABLED', type: 'checkbox' },
    { name: 'cluster', label: 'cluster', type: 'select', options: clusterOptions(world) },
  ],
  defaults: (world, ctx) => ({
    name: freshName('ec2-capacity', Object.keys(world.capacityProviders ?? {})),
    autoScalingGroup: Object.keys(world.autoScalingGroups)[0] ?? '',
    managedScaling: true,
    targetCapacity: 100,
    managedTerminationProtection: false,
    cluster: clusterFor(world, ctx.target),
  }),
  plan: (v, world) => {
    const name = str(v.name);
    const cluster = Object.values(world.clusters).find((c) => c.clusterName === str(v.cluster) && c.status === 'ACTIVE');
    const existing = cluster?.capacityProviders ?? [];
    const strategy = cluster?.defaultCapacityProviderStrategy.length ? cluster.defaultCapacityProviderStrategy : [{ capacityProvider: name, weight: 1 }];
    return [
      {
        call: 'ecs:CreateCapacityProvider',
        label: 'create the capacity provider',
        field: 'name',
        input: () => ({
          name,
          autoScalingGroupProvider: {
            autoScalingGroupArn: world.autoScalingGroups[str(v.autoScalingGroup)]?.AutoScalingGroupARN ?? str(v.autoScalingGroup),
            managedScaling: { status: v.managedScaling ? 'ENABLED' : 'DISABLED', targetCapacity: num(v.targetCapacity) },
            managedTerminationProtection: v.managedTerminationProtection ? 'ENABLED' : 'DISABLED',
          },
        }),
        nodeId: () => nodeId.capacityProvider(name),
      },
      {
        call: 'ecs:PutClusterCapacityProviders',
        label: `associate it with cluster ${str(v.cluster)}`,
        field: 'cluster',
        input: () => ({ cluster: str(v.cluster), capacityProviders: [...existing, name], defaultCapacityProviderStrategy: strategy }),
      },
    ];
  },
};
