/** ec2:DescribeVpcs, ec2:DescribeSubnets, ec2:DescribeAvailabilityZones: the default network. */
import type { DescribeAvailabilityZonesResult, DescribeSubnetsResult, DescribeVpcsResult } from '@aws-sdk/client-ec2';
import type { Simulation } from '../../simulation';
import type { Subnet, World } from '../../world/types';
import { AwsError } from '../errors';
import { optionalArray, type Input } from '../validate';
import { matchesFilters, readFilters } from './filters';

function ids(input: Input, field: string): string[] | undefined {
  const v = optionalArray<unknown>(input, field, 'InvalidParameterValue');
  return v && v.length > 0 ? v.map(String) : undefined;
}

export function describeVpcs(sim: Simulation, input: Input): DescribeVpcsResult {
  const wanted = ids(input, 'VpcIds');
  for (const id of wanted ?? []) if (!sim.world.vpcs[id]) throw new AwsError('InvalidVpcID.NotFound', `The vpc ID '${id}' does not exist`);
  const filters = readFilters(input);
  const names = ['vpc-id', 'is-default', 'cidr', 'state', 'owner-id'];
  const Vpcs = Object.values(sim.world.vpcs)
    .filter((v) => !wanted || wanted.includes(v.VpcId))
    .filter((v) =>
      matchesFilters(filters, (n) => ({ 'vpc-id': [v.VpcId], 'is-default': [String(v.IsDefault)], cidr: [v.CidrBlock], state: ['available'], 'owner-id': [sim.world.accountId] })[n], names),
    )
    .map((v) => ({ VpcId: v.VpcId, CidrBlock: v.CidrBlock, IsDefault: v.IsDefault, State: 'available' as const, OwnerId: sim.world.accountId, InstanceTenancy: 'default' as const }));
  return { Vpcs };
}

/** Addresses left: the CIDR's size, minus the 5 AWS reserves in every subnet, minus live instances. */
function availableIps(world: World, s: Subnet): number {
  const size = 2 ** (32 - Number(s.CidrBlock.split('/')[1]));
  const used = Object.values(world.instances).filter((i) => i.SubnetId === s.SubnetId && i.State.Name !== 'terminated').length;
  return size - 5 - used;
}

export function describeSubnets(sim: Simulation, input: Input): DescribeSubnetsResult {
  const world = sim.world;
  const wanted = ids(input, 'SubnetIds');
  for (const id of wanted ?? []) if (!world.subnets[id]) throw new AwsError('InvalidSubnetID.NotFound', `The subnet ID '${id}' does not exist`);
  const filters = readFilters(input);
  const names = ['subnet-id', 'vpc-id', 'availability-zone', 'default-for-az', 'cidr-block', 'state'];
  const Subnets = Object.values(world.subnets)
    .filter((s) => !wanted || wanted.includes(s.SubnetId))
    .filter((s) =>
      matchesFilters(
        filters,
        (n) => ({ 'subnet-id': [s.SubnetId], 'vpc-id': [s.VpcId], 'availability-zone': [s.AvailabilityZone], 'default-for-az': [String(world.vpcs[s.VpcId]?.IsDefault ?? false)], 'cidr-block': [s.CidrBlock], state: ['available'] })[n],
        names,
      ),
    )
    .map((s) => ({
      SubnetId: s.SubnetId,
      VpcId: s.VpcId,
      AvailabilityZone: s.AvailabilityZone,
      AvailabilityZoneId: azId(world.availabilityZones, s.AvailabilityZone),
      CidrBlock: s.CidrBlock,
      AvailableIpAddressCount: availableIps(world, s),
      DefaultForAz: world.vpcs[s.VpcId]?.IsDefault ?? false,
      MapPublicIpOnLaunch: world.vpcs[s.VpcId]?.IsDefault ?? false,
      State: 'available' as const,
      OwnerId: world.accountId,
      SubnetArn: `arn:aws:ec2:${world.region}:${world.accountId}:subnet/${s.SubnetId}`,
    }));
  return { Subnets };
}

/** Zone ids like use1-az1. Choice: numbered in AZ order (AWS maps names to ids per account). */
function azId(zones: string[], zone: string): string {
  const [geo, area, n] = zone.slice(0, -1).split('-');
  return `${geo}${area[0]}${n}-az${zones.indexOf(zone) + 1}`;
}

export function describeAvailabilityZones(sim: Simulation, input: Input): DescribeAvailabilityZonesResult {
  const world = sim.world;
  const wanted = ids(input, 'ZoneNames');
  for (const z of wanted ?? []) if (!world.availabilityZones.includes(z)) throw new AwsError('InvalidParameterValue', `The zone '${z}' does not exist.`);
  const filters = readFilters(input);
  const names = ['zone-name', 'zone-id', 'state', 'region-name'];
  const AvailabilityZones = world.availabilityZones
    .filter((z) => !wanted || wanted.includes(z))
    .filter((z) => matchesFilters(filters, (n) => ({ 'zone-name': [z], 'zone-id': [azId(world.availabilityZones, z)], state: ['available'], 'region-name': [world.region] })[n], names))
    .map((ZoneName) => ({
      ZoneName,
      ZoneId: azId(world.availabilityZones, ZoneName),
      State: 'available' as const,
      RegionName: world.region,
      ZoneType: 'availability-zone',
      OptInStatus: 'opt-in-not-required' as const,
      GroupName: world.region,
      NetworkBorderGroup: world.region,
      Messages: [],
    }));
  return { AvailabilityZones };
}
