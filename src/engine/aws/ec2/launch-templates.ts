/**
 * ec2:CreateLaunchTemplate, CreateLaunchTemplateVersion, DescribeLaunchTemplates,
 * DescribeLaunchTemplateVersions, ModifyLaunchTemplate, DeleteLaunchTemplate.
 *
 * A template is a list of immutable, numbered versions; the first is 1, each new one is Latest + 1,
 * and the Default version (what "$Default" or no version means) is 1 until ModifyLaunchTemplate
 * changes it. Choice: DeleteLaunchTemplate succeeds even when an Auto Scaling group uses the
 * template (as on EC2); that group's later launches then fail and its activities say why.
 */
import type {
  CreateLaunchTemplateResult,
  CreateLaunchTemplateVersionResult,
  DeleteLaunchTemplateResult,
  DescribeLaunchTemplatesResult,
  DescribeLaunchTemplateVersionsResult,
  ModifyLaunchTemplateResult,
} from '@aws-sdk/client-ec2';
import type { Action, Simulation } from '../../simulation';
import type { LaunchTemplate } from '../../world/autoscaling-types';
import { AwsError } from '../errors';
import { optionalArray, optionalString, type Input } from '../validate';
import { matchesFilters, readFilters, tagField } from './filters';
import {
  checkTemplateName,
  findTemplate,
  readTemplateData,
  resolveVersion,
  templateByName,
  templateNotFoundById,
  templateOutput,
  versionNotFound,
  versionOutput,
} from './launch-templates-store';

/** EC2 allows VersionDescription up to 255 characters. */
function description(input: Input): string | undefined {
  const d = optionalString(input, 'VersionDescription', 'InvalidParameterValue');
  if (d !== undefined && d.length > 255) throw new AwsError('InvalidParameterValue', 'VersionDescription must be at most 255 characters.');
  return d;
}

function templateTags(input: Input): { Key: string; Value: string }[] {
  const specs = optionalArray<{ ResourceType?: unknown; Tags?: { Key?: unknown; Value?: unknown }[] }>(input, 'TagSpecifications', 'InvalidParameterValue') ?? [];
  const tags: { Key: string; Value: string }[] = [];
  for (const spec of specs) {
    if (spec?.ResourceType !== 'launch-template') {
      throw new AwsError('InvalidParameterValue', `'${String(spec?.ResourceType)}' is not a valid taggable resource type for this operation.`);
    }
    for (const t of spec.Tags ?? []) if (typeof t?.Key === 'string') tags.push({ Key: t.Key, Value: typeof t.Value === 'string' ? t.Value : '' });
  }
  return tags;
}

export function createLaunchTemplate(sim: Simulation, input: Input): CreateLaunchTemplateResult {
  const name = optionalString(input, 'LaunchTemplateName', 'InvalidParameterValue');
  if (name === undefined) throw new AwsError('MissingParameter', 'The request must contain the parameter LaunchTemplateName');
  checkTemplateName(name);
  if (templateByName(sim.world, name)) throw new AwsError('InvalidLaunchTemplateName.AlreadyExistsException', 'Launch template name already in use.');
  const LaunchTemplateData = readTemplateData(input);
  const VersionDescription = description(input);
  const Tags = templateTags(input);
  const template: LaunchTemplate = {
    LaunchTemplateId: `lt-0${sim.random.hex(16)}`,
    LaunchTemplateName: name,
    CreateTime: sim.now,
    CreatedBy: `arn:aws:iam::${sim.world.accountId}:root`,
    DefaultVersionNumber: 1,
    LatestVersionNumber: 1,
    versions: [{ VersionNumber: 1, CreateTime: sim.now, LaunchTemplateData, ...(VersionDescription !== undefined ? { VersionDescription } : {}) }],
    Tags,
  };
  sim.world.launchTemplates[template.LaunchTemplateId] = template;
  sim.emit({
    source: 'ec2',
    kind: 'ec2.launchTemplate',
    resource: template.LaunchTemplateId,
    message: `Launch template ${name} (${template.LaunchTemplateId}) created with version 1 (${LaunchTemplateData.InstanceType ?? 'no instance type'}, ${LaunchTemplateData.ImageId ?? 'no AMI'}).`,
  });
  return { LaunchTemplate: templateOutput(sim, template) };
}

/** The new version starts from SourceVersion's data (if given) with LaunchTemplateData's fields on top. */
export function createLaunchTemplateVersion(sim: Simulation, input: Input): CreateLaunchTemplateVersionResult {
  const template = findTemplate(sim.world, input);
  const data = readTemplateData(input);
  const source = optionalString(input, 'SourceVersion', 'InvalidParameterValue');
  let base = {};
  if (source !== undefined) {
    const v = resolveVersion(template, source);
    if (!v) throw versionNotFound(template, source);
    base = structuredClone(v.LaunchTemplateData);
  }
  const VersionDescription = description(input);
  const VersionNumber = template.LatestVersionNumber + 1;
  const version = { VersionNumber, CreateTime: sim.now, LaunchTemplateData: { ...base, ...data }, ...(VersionDescription !== undefined ? { VersionDescription } : {}) };
  template.versions.push(version);
  template.LatestVersionNumber = VersionNumber;
  sim.emit({
    source: 'ec2',
    kind: 'ec2.launchTemplate',
    resource: template.LaunchTemplateId,
    message: `Launch template ${template.LaunchTemplateName} has a new version ${VersionNumber}${source ? ` (based on version ${source})` : ''}; the default version is still ${template.DefaultVersionNumber}.`,
  });
  return { LaunchTemplateVersion: versionOutput(sim, template, version) };
}

const TEMPLATE_FILTERS = ['launch-template-name', 'create-time', 'tag-key', 'tag-value'];

export function describeLaunchTemplates(sim: Simulation, input: Input): DescribeLaunchTemplatesResult {
  const world = sim.world;
  const ids = optionalArray<string>(input, 'LaunchTemplateIds', 'InvalidParameterValue');
  const names = optionalArray<string>(input, 'LaunchTemplateNames', 'InvalidParameterValue');
  for (const id of ids ?? []) if (!world.launchTemplates[id]) throw templateNotFoundById(id);
  for (const n of names ?? []) if (!templateByName(world, n)) throw new AwsError('InvalidLaunchTemplateName.NotFoundException', 'At least one of the launch templates specified in the request does not exist.');
  const filters = readFilters(input);
  const LaunchTemplates = Object.values(world.launchTemplates)
    .filter((t) => (!ids || ids.length === 0 || ids.includes(t.LaunchTemplateId)) && (!names || names.length === 0 || names.includes(t.LaunchTemplateName)))
    .filter((t) =>
      matchesFilters(filters, (n) => (n === 'launch-template-name' ? [t.LaunchTemplateName] : n === 'create-time' ? [sim.date(t.CreateTime).toISOString()] : tagField(t.Tags, n)), TEMPLATE_FILTERS),
    )
    .map((t) => templateOutput(sim, t));
  return { LaunchTemplates };
}

/** Versions ["$Latest", "$Default", "3"], or MinVersion/MaxVersion, or every version. */
export function describeLaunchTemplateVersions(sim: Simulation, input: Input): DescribeLaunchTemplateVersionsResult {
  const template = findTemplate(sim.world, input);
  const wanted = optionalArray<string>(input, 'Versions', 'InvalidParameterValue');
  const min = optionalString(input, 'MinVersion', 'InvalidParameterValue');
  const max = optionalString(input, 'MaxVersion', 'InvalidParameterValue');
  let versions = template.versions;
  if (wanted && wanted.length > 0) {
    versions = wanted.map((spec) => resolveVersion(template, String(spec)) ?? throwError(versionNotFound(template, String(spec))));
    versions = versions.filter((v, i) => versions.indexOf(v) === i);
  } else {
    const lo = min === undefined ? 1 : (resolveVersion(template, min)?.VersionNumber ?? Number(min));
    const hi = max === undefined ? Infinity : (resolveVersion(template, max)?.VersionNumber ?? Number(max));
    versions = versions.filter((v) => v.VersionNumber >= lo && v.VersionNumber <= hi);
  }
  return { LaunchTemplateVersions: versions.map((v) => versionOutput(sim, template, v)) };
}

function throwError(e: AwsError): never {
  throw e;
}

export function modifyLaunchTemplate(sim: Simulation, input: Input): ModifyLaunchTemplateResult {
  const template = findTemplate(sim.world, input);
  const spec = optionalString(input, 'DefaultVersion', 'InvalidParameterValue') ?? optionalString(input, 'SetDefaultVersion', 'InvalidParameterValue');
  if (spec !== undefined) {
    const v = resolveVersion(template, spec);
    if (!v) throw versionNotFound(template, spec);
    const before = template.DefaultVersionNumber;
    template.DefaultVersionNumber = v.VersionNumber;
    sim.emit({
      source: 'ec2',
      kind: 'ec2.launchTemplate',
      resource: template.LaunchTemplateId,
      message: `Launch template ${template.LaunchTemplateName}: the default version is now ${v.VersionNumber} (was ${before}). Groups that use "$Default" launch new instances from it.`,
    });
  }
  return { LaunchTemplate: templateOutput(sim, template) };
}

export function deleteLaunchTemplate(sim: Simulation, input: Input): DeleteLaunchTemplateResult {
  const template = findTemplate(sim.world, input);
  delete sim.world.launchTemplates[template.LaunchTemplateId];
  const users = Object.values(sim.world.autoScalingGroups).filter((g) => g.LaunchTemplate.LaunchTemplateId === template.LaunchTemplateId);
  sim.emit({
    source: 'ec2',
    kind: 'ec2.launchTemplate',
    resource: template.LaunchTemplateId,
    message:
      `Launch template ${template.LaunchTemplateName} (${template.LaunchTemplateId}) deleted with its ${template.versions.length} version(s).` +
      (users.length > 0 ? ` Auto Scaling group(s) ${users.map((g) => g.AutoScalingGroupName).join(', ')} still name it and can no longer launch instances.` : ''),
  });
  return { LaunchTemplate: templateOutput(sim, template) };
}

export const launchTemplateActions: Record<string, Action> = {
  'ec2:CreateLaunchTemplate': createLaunchTemplate,
  'ec2:CreateLaunchTemplateVersion': createLaunchTemplateVersion,
  'ec2:DescribeLaunchTemplates': describeLaunchTemplates,
  'ec2:DescribeLaunchTemplateVersions': describeLaunchTemplateVersions,
  'ec2:ModifyLaunchTemplate': modifyLaunchTemplate,
  'ec2:DeleteLaunchTemplate': deleteLaunchTemplate,
};
