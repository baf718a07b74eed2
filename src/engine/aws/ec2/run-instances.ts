/**
 * ec2:RunInstances: launches instances into one subnet of the default VPC. Each starts `pending`,
 * becomes `running` after a boot delay, and then (control/ec2/boot.ts) the ECS container agent
 * starts and registers it in the cluster its user data names.
 */
import type { Reservation } from '@aws-sdk/client-ec2';
import type { Simulation } from '../../simulation';
import type { Ec2Instance, Subnet } from '../../world/types';
import { INSTANCE_TYPES } from '../../world/instance-types';
import { AwsError } from '../errors';
import { optionalArray, optionalNumber, optionalString, type Input } from '../validate';
import { agentConfig, decodeUserData } from './user-data';
import { instanceState, reservationOutput } from './shapes';
import { BOOT_SECONDS } from '../../control/ec2/timing';
import { assertZoneHasCapacity, zonesWithCapacity } from '../../control/faults/capacity';

const invalid = (message: string) => new AwsError('InvalidParameterValue', message);

/** AMI ids as EC2 writes them; `resolve:ssm:` parameters (the ECS-optimized AMI's) are accepted as-is. */
const AMI_ID = /^ami-([0-9a-f]{8}|[0-9a-f]{17})$/;

export function runInstances(sim: Simulation, input: Input): Reservation {
  const world = sim.world;
  const ImageId = optionalString(input, 'ImageId', 'InvalidParameterValue');
  if (!ImageId) throw new AwsError('MissingParameter', 'The request must contain the parameter ImageId');
  if (!AMI_ID.test(ImageId) && !ImageId.startsWith('resolve:ssm:')) {
    throw new AwsError('InvalidAMIID.Malformed', `Invalid id: "${ImageId}" (expecting "ami-...")`);
  }
  // EC2 defaults InstanceType to m1.small, which this simulator does not offer; ask for it instead.
  const InstanceType = optionalString(input, 'InstanceType', 'InvalidParameterValue');
  if (!InstanceType) throw new AwsError('MissingParameter', 'The request must contain the parameter InstanceType');
  if (!Object.hasOwn(INSTANCE_TYPES, InstanceType)) throw invalid(`Invalid value '${InstanceType}' for InstanceType.`);

  const minCount = optionalNumber(input, 'MinCount', 'InvalidParameterValue');
  const maxCount = optionalNumber(input, 'MaxCount', 'InvalidParameterValue');
  if (minCount === undefined) throw new AwsError('MissingParameter', 'The request must contain the parameter MinCount');
  if (maxCount === undefined) throw new AwsError('MissingParameter', 'The request must contain the parameter MaxCount');
  if (!Number.isInteger(minCount) || minCount < 1) throw invalid(`Value (${minCount}) for parameter minCount is invalid. Expected a positive integer.`);
  if (!Number.isInteger(maxCount) || maxCount < 1) throw invalid(`Value (${maxCount}) for parameter maxCount is invalid. Expected a positive integer.`);
  if (minCount > maxCount) throw invalid(`Value (${minCount}) for parameter minCount is invalid. Expected a value less than or equal to maxCount (${maxCount}).`);
  // Choice: the simulator has no capacity limits, so MaxCount instances always launch. EC2's
  // default On-Demand vCPU quota is far above a learner's sandbox; we cap a call at 20 instances.
  if (maxCount > 20) throw new AwsError('InstanceLimitExceeded', `You have requested more instances (${maxCount}) than your current instance limit of 20 allows for the specified instance type. Please visit http://aws.amazon.com/contact-us/ec2-request to request an adjustment to this limit.`);

  const subnet = chooseSubnet(sim, input);
  // Fault AvailabilityZoneOutage (control/faults/capacity.ts): no capacity in an impaired AZ.
  assertZoneHasCapacity(world, subnet.AvailabilityZone, InstanceType);
  const UserData = optionalString(input, 'UserData', 'InvalidParameterValue');
  if (UserData !== undefined) decodeUserData(UserData); // rejects bad base64 with EC2's message
  const IamInstanceProfile = instanceProfile(sim, input);
  const Tags = instanceTags(input);

  // Ids as EC2 writes them today: 17 hex digits, the first one 0.
  const ReservationId = `r-0${sim.random.hex(16)}`;
  const cluster = agentConfig(UserData).cluster ?? 'default';
  const launched: Ec2Instance[] = [];
  for (let index = 0; index < maxCount; index++) {
    const instance: Ec2Instance = {
      InstanceId: `i-0${sim.random.hex(16)}`,
      InstanceType,
      ImageId,
      State: instanceState('pending'),
      StateTransitionReason: '',
      LaunchTime: sim.now,
      Placement: { AvailabilityZone: subnet.AvailabilityZone },
      SubnetId: subnet.SubnetId,
      VpcId: subnet.VpcId,
      PrivateIpAddress: nextPrivateIp(subnet),
      ...(UserData !== undefined ? { UserData } : {}),
      ...(IamInstanceProfile ? { IamInstanceProfile } : {}),
      Tags: Tags.map((t) => ({ ...t })),
      ecsClusterName: cluster,
      ReservationId,
      AmiLaunchIndex: index,
    };
    world.instances[instance.InstanceId] = instance;
    launched.push(instance);
    sim.emit({
      source: 'ec2',
      kind: 'ec2.instance.state',
      resource: instance.InstanceId,
      message: `Instance ${instance.InstanceId} (${InstanceType}) launched in ${subnet.AvailabilityZone} (${subnet.SubnetId}): pending.`,
      detail: { state: 'pending', reservationId: ReservationId },
    });
    sim.schedule(sim.random.between(BOOT_SECONDS.running[0], BOOT_SECONDS.running[1]), { type: 'ec2.instanceRunning', instanceId: instance.InstanceId });
  }
  return reservationOutput(sim, ReservationId, launched);
}

/**
 * The subnet: SubnetId, else NetworkInterfaces[0].SubnetId, else the default subnet of
 * Placement.AvailabilityZone, else a default subnet EC2 chooses. Choice (EC2 does not document
 * how it picks): the default-VPC AZ with the fewest pending or running instances, first in AZ
 * order on a tie, so instances launched one call at a time spread over the AZs. All instances of
 * one call share one subnet, as on EC2.
 */
function chooseSubnet(sim: Simulation, input: Input): Subnet {
  const world = sim.world;
  const interfaces = optionalArray<Record<string, unknown>>(input, 'NetworkInterfaces', 'InvalidParameterValue');
  const subnetId = optionalString(input, 'SubnetId', 'InvalidParameterValue') ?? (typeof interfaces?.[0]?.SubnetId === 'string' ? (interfaces[0].SubnetId as string) : undefined);
  const placement = input.Placement as { AvailabilityZone?: unknown } | undefined;
  const az = typeof placement?.AvailabilityZone === 'string' ? placement.AvailabilityZone : undefined;
  if (az !== undefined && !world.availabilityZones.includes(az)) throw invalid(`Invalid availability zone: [${az}]`);
  if (subnetId !== undefined) {
    const subnet = world.subnets[subnetId];
    if (!subnet) throw new AwsError('InvalidSubnetID.NotFound', `The subnet ID '${subnetId}' does not exist`);
    if (az !== undefined && az !== subnet.AvailabilityZone) {
      throw invalid(`Value (${az}) for parameter availabilityZone is invalid. Subnet '${subnetId}' is in the availability zone ${subnet.AvailabilityZone}`);
    }
    return subnet;
  }
  const defaultVpc = Object.values(world.vpcs).find((v) => v.IsDefault);
  if (!defaultVpc) throw new AwsError('VPCIdNotSpecified', 'No default VPC for this user. GroupName is only supported for EC2-Classic and default VPC.');
  const defaults = Object.values(world.subnets).filter((s) => s.VpcId === defaultVpc.VpcId);
  if (az !== undefined) {
    const subnet = defaults.find((s) => s.AvailabilityZone === az);
    if (!subnet) throw invalid(`No default subnet for availability zone: '${az}'.`);
    return subnet;
  }
  const candidates = zonesWithCapacity(world, defaults); // an impaired AZ is not chosen (control/faults)
  const live = Object.values(world.instances).filter((i) => i.State.Name === 'pending' || i.State.Name === 'running');
  const load = (s: Subnet) => live.filter((i) => i.Placement.AvailabilityZone === s.AvailabilityZone).length;
  const ordered = [...candidates].sort((a, b) => world.availabilityZones.indexOf(a.AvailabilityZone) - world.availabilityZones.indexOf(b.AvailabilityZone));
  return ordered.reduce((best, s) => (load(s) < load(best) ? s : best));
}

/** IamInstanceProfile {Arn} or {Name}; a Name becomes the profile ARN in this account. */
function instanceProfile(sim: Simulation, input: Input): { Arn: string; Name?: string } | undefined {
  const raw = input.IamInstanceProfile;
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw !== 'object') throw invalid('Invalid IAM Instance Profile: expected {Arn} or {Name}.');
  const { Arn, Name } = raw as { Arn?: unknown; Name?: unknown };
  if (typeof Arn === 'string') {
    if (!/^arn:aws[a-z-]*:iam::\d{12}:instance-profile\/[\w+=,.@/-]+$/.test(Arn)) {
      throw invalid(`Value (${Arn}) for parameter iamInstanceProfile.arn is invalid. Invalid IAM Instance Profile ARN`);
    }
    return { Arn };
  }
  if (typeof Name === 'string' && /^[\w+=,.@-]{1,128}$/.test(Name)) {
    return { Arn: `arn:aws:iam::${sim.world.accountId}:instance-profile/${Name}`, Name };
  }
  throw invalid(`Value (${JSON.stringify(Name ?? Arn ?? null)}) for parameter iamInstanceProfile.name is invalid. Invalid IAM Instance Profile name`);
}

/** Tags of TagSpecifications with ResourceType "instance" (volume/network-interface tags are not modelled). */
function instanceTags(input: Input): { Key: string; Value: string }[] {
  const specs = optionalArray<Record<string, unknown>>(input, 'TagSpecifications', 'InvalidParameterValue') ?? [];
  const known = ['instance', 'volume', 'network-interface', 'spot-instances-request', 'elastic-gpu'];
  const tags: { Key: string; Value: string }[] = [];
  for (const spec of specs) {
    const type = spec?.ResourceType;
    if (typeof type !== 'string' || !known.includes(type)) throw invalid(`'${String(type)}' is not a valid taggable resource type for this operation.`);
    if (type !== 'instance') continue;
    for (const t of (spec.Tags as { Key?: unknown; Value?: unknown }[] | undefined) ?? []) {
      if (typeof t?.Key !== 'string' || t.Key.length === 0) throw invalid('Tag keys must be non-empty strings.');
      if (t.Key.startsWith('aws:')) throw invalid(`Tag key '${t.Key}' is invalid: tag keys starting with 'aws:' are reserved for AWS use`);
      const at = tags.findIndex((x) => x.Key === t.Key);
      const tag = { Key: t.Key, Value: typeof t.Value === 'string' ? t.Value : '' };
      if (at >= 0) tags[at] = tag;
      else tags.push(tag);
    }
  }
  if (tags.length > 50) throw invalid('Too many tags: an instance can have at most 50 tags.');
  return tags;
}

/** The next host address of the subnet's CIDR block (hosts .0-.3 are reserved by AWS). */
function nextPrivateIp(subnet: Subnet): string {
  const [base] = subnet.CidrBlock.split('/');
  const n = base.split('.').reduce((acc, octet) => acc * 256 + Number(octet), 0) + subnet.nextHost;
  subnet.nextHost += 1;
  return [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join('.');
}
