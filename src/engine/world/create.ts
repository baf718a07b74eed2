/**
 * A new, empty world for one account and home region, with the default VPC and one default
 * subnet per availability zone (as every AWS account has).
 *
 * Choice: us-east-1 has six AZs (a-f) as on AWS; every other region gets three (a-c). Subnet and
 * VPC ids are derived from the region by hash, so they are stable across seeds and runs.
 */
import type { World } from './types';
import { emptyApplicationAutoScaling } from './app-autoscaling-types';

const AZ_LETTERS: Record<string, string> = { 'us-east-1': 'abcdef' };

export function createWorld(region = 'us-east-1', accountId = '123456789012'): World {
  const letters = AZ_LETTERS[region] ?? 'abc';
  const availabilityZones = [...letters].map((l) => `${region}${l}`);
  const VpcId = `vpc-${stableHex(`${accountId}/${region}/vpc`, 17)}`;
  const world: World = {
    region,
    accountId,
    availabilityZones,
    vpcs: { [VpcId]: { VpcId, CidrBlock: '172.31.0.0/16', IsDefault: true } },
    subnets: {},
    repositories: {},
    images: {},
    replicationConfiguration: [],
    lifecyclePreviews: {},
    instances: {},
    clusters: {},
    taskDefinitions: {},
    taskDefinitionFamilies: {},
    containerInstances: {},
    tasks: {},
    services: {},
    capacityProviders: {},
    capacityWaits: {},
    loadBalancers: {},
    targetGroups: {},
    listeners: {},
    listenerRules: {},
    metrics: {},
    alarms: {},
    alarmHistory: [],
    launchTemplates: {},
    autoScalingGroups: {},
    scalingActivities: {},
    applicationAutoScaling: emptyApplicationAutoScaling(),
    faults: { active: {}, sequence: 0 },
    costLedger: { eventCursor: 0, open: {}, closed: { ec2: 0, fargate: 0, fargateSpot: 0, loadBalancers: 0 } },
    events: [],
  };
  availabilityZones.forEach((AvailabilityZone, i) => {
    const SubnetId = `subnet-${stableHex(`${accountId}/${AvailabilityZone}/subnet`, 17)}`;
    world.subnets[SubnetId] = { SubnetId, VpcId, AvailabilityZone, CidrBlock: `172.31.${i * 16}.0/20`, nextHost: 10 };
  });
  return world;
}

/** FNV-1a based hex digest of a string: a stable id, not a secret. */
export function stableHex(text: string, length: number): string {
  let out = '';
  let round = 0;
  while (out.length < length) {
    let h = 0x811c9dc5 ^ round++;
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    out += h.toString(16).padStart(8, '0');
  }
  return out.slice(0, length);
}

/** Default subnet of an AZ. */
export function defaultSubnetFor(world: World, availabilityZone: string): string | undefined {
  return Object.values(world.subnets).find((s) => s.AvailabilityZone === availabilityZone)?.SubnetId;
}
