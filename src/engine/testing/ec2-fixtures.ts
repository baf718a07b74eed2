/**
 * Test fixtures for EC2 container instances, for any engine test that needs a cluster with
 * capacity:
 *
 *   const s = sandbox();
 *   const arns = launchContainerInstances(s, { cluster: 'prod', count: 3, instanceType: 'm5.large' });
 *
 * Creates the cluster if needed, launches each instance with its own RunInstances call (so they
 * spread over the AZs given, or all of the region's in order), with the ecsInstanceRole instance
 * profile and ECS_CLUSTER user data as the ECS guide shows, then advances simulated time until
 * every container instance is ACTIVE. Returns the container instance ARNs in launch order.
 */
import type { Sandbox } from './harness';
import { encodeUserData } from '../aws/ec2/user-data';
import { defaultSubnetFor } from '../world/create';

/** The ECS-optimized Amazon Linux 2023 AMI id the fixtures use (any well-formed ami- id works). */
export const ECS_AMI_ID = 'ami-0e1b2c3d4e5f60718';

export interface LaunchOptions {
  cluster: string;
  count: number;
  instanceType?: string;
  /** AZs to spread over, round robin; default every AZ of the region in order. */
  availabilityZones?: string[];
  /** Instance profile name; default "ecsInstanceRole". Pass null for none (the agent cannot register). */
  instanceProfile?: string | null;
  /** Extra ecs.config lines, e.g. ["ECS_RESERVED_MEMORY=256"]. */
  agentConfig?: string[];
  /** Do not create the cluster first. */
  skipCreateCluster?: boolean;
}

/** User data that writes ECS_CLUSTER (and extra lines) into /etc/ecs/ecs.config, base64-encoded. */
export function ecsUserData(cluster: string, extra: string[] = []): string {
  const lines = [`ECS_CLUSTER=${cluster}`, ...extra].map((l) => `echo ${l} >> /etc/ecs/ecs.config`);
  return encodeUserData(['#!/bin/bash', ...lines, ''].join('\n'));
}

/** Launches the EC2 instances and returns their instance ids (does not wait). */
export function runContainerInstances(s: Sandbox, options: LaunchOptions): string[] {
  const zones = options.availabilityZones ?? s.world.availabilityZones;
  const profile = options.instanceProfile === undefined ? 'ecsInstanceRole' : options.instanceProfile;
  const ids: string[] = [];
  for (let i = 0; i < options.count; i++) {
    const az = zones[i % zones.length];
    const out = s.output('ec2:RunInstances', {
      ImageId: ECS_AMI_ID,
      InstanceType: options.instanceType ?? 'm5.large',
      MinCount: 1,
      MaxCount: 1,
      SubnetId: defaultSubnetFor(s.world, az),
      UserData: ecsUserData(options.cluster, options.agentConfig),
      ...(profile ? { IamInstanceProfile: { Name: profile } } : {}),
      TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'Name', Value: `${options.cluster}-${i + 1}` }] }],
    });
    ids.push(out.Instances[0].InstanceId);
  }
  return ids;
}

/** Creates the cluster if needed, launches `count` instances and waits until all are ACTIVE. */
export function launchContainerInstances(s: Sandbox, options: LaunchOptions): string[] {
  if (!options.skipCreateCluster) s.call('ecs:CreateCluster', { clusterName: options.cluster });
  const ids = runContainerInstances(s, options);
  s.advanceUntil(() => ids.every((id) => containerInstanceOf(s, id)?.status === 'ACTIVE'), 600);
  return ids.map((id) => containerInstanceOf(s, id)!.containerInstanceArn);
}

/** The container instance registered for an EC2 instance, if any. */
export function containerInstanceOf(s: Sandbox, instanceId: string) {
  const arn = s.world.instances[instanceId]?.containerInstanceArn;
  return arn ? s.world.containerInstances[arn] : undefined;
}
