/**
 * Launch templates in the world: finding one by id or name, resolving a version ("$Latest",
 * "$Default" or a number), reading LaunchTemplateData, and the SDK output shapes.
 *
 * Error codes and texts are EC2's: InvalidLaunchTemplateName.NotFoundException /
 * InvalidLaunchTemplateId.NotFound ("The specified launch template, with template name X, does not
 * exist."), InvalidLaunchTemplateId.VersionNotFound, InvalidLaunchTemplateName.MalformedException.
 */
import type { LaunchTemplate as SdkLaunchTemplate, LaunchTemplateVersion as SdkLaunchTemplateVersion } from '@aws-sdk/client-ec2';
import type { Simulation } from '../../simulation';
import type { World } from '../../world/types';
import type { LaunchTemplate, LaunchTemplateData, LaunchTemplateVersion } from '../../world/autoscaling-types';
import { INSTANCE_TYPES } from '../../world/instance-types';
import { AwsError } from '../errors';
import { optionalString, type Input } from '../validate';
import { decodeUserData } from './user-data';

/** 3–128 characters: letters, digits and ( ) . - / _ (EC2's rule for LaunchTemplateName). */
export const LAUNCH_TEMPLATE_NAME = /^[a-zA-Z0-9().\-/_]{3,128}$/;

export function checkTemplateName(name: string): void {
  if (!LAUNCH_TEMPLATE_NAME.test(name)) {
    throw new AwsError(
      'InvalidLaunchTemplateName.MalformedException',
      "A launch template name must be between 3 and 128 characters, and may contain letters, numbers, and the following characters: - ( ) . / _.'",
    );
  }
}

export const templateNotFoundById = (id: string) =>
  new AwsError('InvalidLaunchTemplateId.NotFound', `The specified launch template, with template ID ${id}, does not exist.`);
export const templateNotFoundByName = (name: string) =>
  new AwsError('InvalidLaunchTemplateName.NotFoundException', `The specified launch template, with template name ${name}, does not exist.`);

export function templateByName(world: World, name: string): LaunchTemplate | undefined {
  return Object.values(world.launchTemplates).find((t) => t.LaunchTemplateName === name);
}

/** A template from LaunchTemplateId or LaunchTemplateName (exactly one), or EC2's error. */
export function findTemplate(world: World, input: Input): LaunchTemplate {
  const id = optionalString(input, 'LaunchTemplateId', 'InvalidParameterValue');
  const name = optionalString(input, 'LaunchTemplateName', 'InvalidParameterValue');
  if (id !== undefined && name !== undefined) {
    throw new AwsError('InvalidParameterCombination', 'Only one of LaunchTemplateId or LaunchTemplateName may be specified.');
  }
  if (id !== undefined) {
    const t = world.launchTemplates[id];
    if (!t) throw templateNotFoundById(id);
    return t;
  }
  if (name !== undefined) {
    const t = templateByName(world, name);
    if (!t) throw templateNotFoundByName(name);
    return t;
  }
  throw new AwsError('MissingParameter', 'The request must contain the parameter LaunchTemplateName or LaunchTemplateId');
}

/** The version a specifier names: "$Latest", "$Default" or a version number; undefined if absent. */
export function resolveVersion(t: LaunchTemplate, spec: string | undefined): LaunchTemplateVersion | undefined {
  const number = spec === undefined || spec === '$Default' ? t.DefaultVersionNumber : spec === '$Latest' ? t.LatestVersionNumber : Number(spec);
  if (!Number.isInteger(number)) return undefined;
  return t.versions.find((v) => v.VersionNumber === number);
}

export const versionNotFound = (t: LaunchTemplate, spec: string) =>
  new AwsError('InvalidLaunchTemplateId.VersionNotFound', `Could not find launch template version ${spec} for template ${t.LaunchTemplateId}`);

const invalid = (message: string) => new AwsError('InvalidParameterValue', message);

/** LaunchTemplateData as given, checked the way EC2 checks it at creation (types and formats). */
export function readTemplateData(input: Input): LaunchTemplateData {
  const raw = input.LaunchTemplateData;
  if (raw === undefined || raw === null) throw new AwsError('MissingParameter', 'The request must contain the parameter LaunchTemplateData');
  if (typeof raw !== 'object' || Array.isArray(raw)) throw invalid('LaunchTemplateData must be a structure.');
  const data = structuredClone(raw) as LaunchTemplateData;
  for (const field of ['ImageId', 'InstanceType', 'UserData'] as const) {
    if (data[field] !== undefined && typeof data[field] !== 'string') throw invalid(`Invalid type for parameter LaunchTemplateData.${field}: expected a string.`);
  }
  if (data.InstanceType !== undefined && !Object.hasOwn(INSTANCE_TYPES, data.InstanceType)) {
    throw invalid(`Invalid value '${data.InstanceType}' for InstanceType.`);
  }
  if (data.ImageId !== undefined && !/^ami-([0-9a-f]{8}|[0-9a-f]{17})$/.test(data.ImageId) && !data.ImageId.startsWith('resolve:ssm:')) {
    throw new AwsError('InvalidAMIID.Malformed', `Invalid id: "${data.ImageId}" (expecting "ami-...")`);
  }
  if (data.UserData !== undefined) decodeUserData(data.UserData);
  if (data.SecurityGroupIds !== undefined && !Array.isArray(data.SecurityGroupIds)) throw invalid('SecurityGroupIds must be a list of strings.');
  if (data.TagSpecifications !== undefined && !Array.isArray(data.TagSpecifications)) throw invalid('TagSpecifications must be a list.');
  return data;
}

export function templateOutput(sim: Simulation, t: LaunchTemplate): SdkLaunchTemplate {
  return {
    LaunchTemplateId: t.LaunchTemplateId,
    LaunchTemplateName: t.LaunchTemplateName,
    CreateTime: sim.date(t.CreateTime),
    CreatedBy: t.CreatedBy,
    DefaultVersionNumber: t.DefaultVersionNumber,
    LatestVersionNumber: t.LatestVersionNumber,
    ...(t.Tags.length > 0 ? { Tags: t.Tags.map((x) => ({ ...x })) } : {}),
  };
}

export function versionOutput(sim: Simulation, t: LaunchTemplate, v: LaunchTemplateVersion): SdkLaunchTemplateVersion {
  return {
    LaunchTemplateId: t.LaunchTemplateId,
    LaunchTemplateName: t.LaunchTemplateName,
    VersionNumber: v.VersionNumber,
    ...(v.VersionDescription !== undefined ? { VersionDescription: v.VersionDescription } : {}),
    CreateTime: sim.date(v.CreateTime),
    CreatedBy: t.CreatedBy,
    DefaultVersion: v.VersionNumber === t.DefaultVersionNumber,
    LaunchTemplateData: structuredClone(v.LaunchTemplateData) as SdkLaunchTemplateVersion['LaunchTemplateData'],
  };
}
