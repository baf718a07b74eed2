/**
 * Reading EC2 Auto Scaling request fields, answering bad input as the service does: every error is
 * a ValidationError, shape errors read "1 validation error detected: Value null at
 * 'autoScalingGroupName' failed to satisfy constraint: Member must not be null" (member names in
 * lower camel case, as the Query API reports them).
 */
import type { World } from '../../world/types';
import type { AutoScalingGroup } from '../../world/autoscaling-types';
import { AwsError } from '../errors';
import { validationMessage, type Input } from '../validate';
import { resolveVersion, templateByName } from '../ec2/launch-templates-store';

export const validation = (message: string) => new AwsError('ValidationError', message);
const member = (field: string) => field[0].toLowerCase() + field.slice(1);

export function requiredString(input: Input, field: string): string {
  const v = input[field];
  if (v === undefined || v === null) throw validation(validationMessage(member(field), v, 'Member must not be null'));
  if (typeof v !== 'string') throw validation(`Invalid type for parameter ${field}, value: ${JSON.stringify(v)}, valid types: <class 'str'>`);
  return v;
}

export function optionalInt(input: Input, field: string): number | undefined {
  const v = input[field];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v)) throw validation(`Invalid type for parameter ${field}, value: ${JSON.stringify(v)}, valid types: <class 'int'>`);
  if (v < 0) throw validation(validationMessage(member(field), v, 'Member must have value greater than or equal to 0'));
  return v;
}

export function requiredInt(input: Input, field: string): number {
  const v = optionalInt(input, field);
  if (v === undefined) throw validation(validationMessage(member(field), null, 'Member must not be null'));
  return v;
}

export function optionalBool(input: Input, field: string): boolean | undefined {
  const v = input[field];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'boolean') throw validation(`Invalid type for parameter ${field}, value: ${JSON.stringify(v)}, valid types: <class 'bool'>`);
  return v;
}

export function requiredBool(input: Input, field: string): boolean {
  const v = optionalBool(input, field);
  if (v === undefined) throw validation(validationMessage(member(field), null, 'Member must not be null'));
  return v;
}

/** Group names: 1–255 characters, no ':' (AWS's pattern excludes it, since ARNs are also accepted). */
export function groupName(input: Input): string {
  const name = requiredString(input, 'AutoScalingGroupName');
  if (name.length < 1 || name.length > 255) throw validation(validationMessage('autoScalingGroupName', name, 'Member must have length less than or equal to 255'));
  if (name.includes(':')) throw validation(`AutoScalingGroup name must not contain ':' - ${name}`);
  return name;
}

const fullyFormed = (reason: string) => validation(`You must use a valid fully-formed launch template. ${reason}`);

/**
 * LaunchTemplate {LaunchTemplateId | LaunchTemplateName, Version}: exactly one of id and name;
 * Version "$Default" when absent. The version it names must exist and hold what RunInstances needs.
 */
export function launchTemplateSpec(world: World, raw: unknown): AutoScalingGroup['LaunchTemplate'] {
  if (typeof raw !== 'object' || raw === null) throw validation('LaunchTemplate must be a structure with LaunchTemplateId or LaunchTemplateName.');
  const { LaunchTemplateId: id, LaunchTemplateName: name, Version } = raw as Record<string, unknown>;
  if (id !== undefined && name !== undefined) throw validation('You must specify either launch template ID or launch template name in the request, but not both.');
  if (id === undefined && name === undefined) throw validation('You must specify either launch template ID or launch template name in the request.');
  const template = typeof id === 'string' ? world.launchTemplates[id] : typeof name === 'string' ? templateByName(world, name) : undefined;
  if (!template) {
    throw fullyFormed(typeof id === 'string' ? `The specified launch template, with template ID ${id}, does not exist.` : `The specified launch template, with template name ${String(name)}, does not exist.`);
  }
  const version = Version === undefined || Version === null ? '$Default' : String(Version);
  const v = resolveVersion(template, version);
  if (!v) throw fullyFormed(`The specified launch template, with template ID ${template.LaunchTemplateId}, version ${version}, does not exist.`);
  if (!v.LaunchTemplateData.ImageId) throw fullyFormed('The request must contain the parameter ImageId');
  if (!v.LaunchTemplateData.InstanceType) throw fullyFormed('The request must contain the parameter InstanceType');
  return { LaunchTemplateId: template.LaunchTemplateId, LaunchTemplateName: template.LaunchTemplateName, Version: version };
}

export interface Zones {
  AvailabilityZones: string[];
  VPCZoneIdentifier?: string;
  subnetByZone: Record<string, string>;
}

/**
 * Where the group launches: VPCZoneIdentifier (comma-separated subnet ids; the first subnet given in
 * each AZ is used) or AvailabilityZones (the default subnet of each). Zones are kept in the region's
 * order (choice; AWS does not document an order).
 */
export function readZones(world: World, input: Input): Zones | undefined {
  const vpcZone = input.VPCZoneIdentifier;
  const azsRaw = input.AvailabilityZones;
  const azs = Array.isArray(azsRaw) ? azsRaw.map(String) : undefined;
  const order = (zones: string[]) => [...zones].sort((a, b) => world.availabilityZones.indexOf(a) - world.availabilityZones.indexOf(b));
  if (typeof vpcZone === 'string' && vpcZone.trim() !== '') {
    const subnetByZone: Record<string, string> = {};
    for (const id of vpcZone.split(',').map((s) => s.trim()).filter(Boolean)) {
      const subnet = world.subnets[id];
      if (!subnet) throw validation(`The subnet ID '${id}' does not exist`);
      subnetByZone[subnet.AvailabilityZone] ??= id;
    }
    const zones = order(Object.keys(subnetByZone));
    if (azs && azs.length > 0 && (azs.length !== zones.length || azs.some((z) => !zones.includes(z)))) {
      throw validation('The availability zones of the specified subnets and the Auto Scaling group do not match');
    }
    return { AvailabilityZones: zones, VPCZoneIdentifier: vpcZone, subnetByZone };
  }
  if (azs && azs.length > 0) {
    const subnetByZone: Record<string, string> = {};
    for (const z of azs) {
      const subnet = Object.values(world.subnets).find((s) => s.AvailabilityZone === z && world.vpcs[s.VpcId]?.IsDefault);
      if (!world.availabilityZones.includes(z) || !subnet) throw validation(`Invalid Availability Zone: ${z}`);
      subnetByZone[z] = subnet.SubnetId;
    }
    return { AvailabilityZones: order(Object.keys(subnetByZone)), subnetByZone };
  }
  return undefined;
}

/** Tags [{Key, Value, PropagateAtLaunch}]; choice: PropagateAtLaunch false when omitted. */
export function readTags(input: Input): AutoScalingGroup['Tags'] {
  const raw = input.Tags;
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) throw validation('Tags must be a list.');
  const tags: AutoScalingGroup['Tags'] = [];
  for (const t of raw as Record<string, unknown>[]) {
    if (typeof t?.Key !== 'string' || t.Key.length < 1 || t.Key.length > 128) throw validation(validationMessage('tags.member.key', t?.Key, 'Member must have length between 1 and 128'));
    if (t.Key.startsWith('aws:')) throw validation(`Tag key '${t.Key}' is invalid: keys starting with 'aws:' are reserved`);
    const tag = { Key: t.Key, Value: typeof t.Value === 'string' ? t.Value : '', PropagateAtLaunch: t.PropagateAtLaunch === true };
    const at = tags.findIndex((x) => x.Key === tag.Key);
    if (at >= 0) tags[at] = tag;
    else tags.push(tag);
  }
  if (tags.length > 50) throw validation('The number of tags must not exceed 50.');
  return tags;
}

/** MaxSize >= MinSize and MinSize <= DesiredCapacity <= MaxSize, with AWS's texts. */
export function checkBounds(min: number, max: number, desired: number): void {
  if (max < min) throw validation(`Max bound, ${max}, must be greater than or equal to min bound, ${min}`);
  if (desired < min || desired > max) throw validation(`Desired capacity:${desired} must be between the specified min size:${min} and max size:${max}`);
}
