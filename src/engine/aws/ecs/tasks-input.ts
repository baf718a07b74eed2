/**
 * Parameters shared by RunTask and StartTask, checked as ECS checks them: overrides, tags,
 * networkConfiguration (awsvpc), group and startedBy.
 */
import type { Simulation } from '../../simulation';
import type { Subnet, Task, TaskDefinition } from '../../world/types';
import { AwsError } from '../errors';
import { optionalArray, optionalString, type Input } from '../validate';
import type { ContainerOverride } from '../../control/tasks/create';

const invalid = (message: string) => new AwsError('InvalidParameterException', message);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function parseOverrides(input: Input, td: TaskDefinition): Task['overrides'] {
  const raw = input.overrides;
  if (raw === undefined || raw === null) return { containerOverrides: [] };
  if (!isObject(raw)) throw invalid('overrides must be an object.');
  const list = Array.isArray(raw.containerOverrides) ? raw.containerOverrides : [];
  const containerOverrides: ContainerOverride[] = list.map((o) => {
    if (!isObject(o) || typeof o.name !== 'string') throw invalid('Container overrides must name a container.');
    if (!td.containerDefinitions.some((c) => c.name === o.name)) {
      throw invalid(`Override for container named ${o.name} is not a container in the TaskDefinition.`);
    }
    for (const field of ['cpu', 'memory', 'memoryReservation'] as const) {
      if (o[field] !== undefined && (typeof o[field] !== 'number' || (o[field] as number) < 0)) throw invalid(`Invalid ${field} override for container ${o.name}.`);
    }
    return structuredClone(o) as unknown as ContainerOverride;
  });
  const out: Task['overrides'] = { containerOverrides };
  for (const field of ['cpu', 'memory', 'executionRoleArn', 'taskRoleArn'] as const) {
    const v = raw[field];
    if (v === undefined || v === null) continue;
    if (typeof v !== 'string') throw invalid(`overrides.${field} must be a string.`);
    out[field] = v;
  }
  return out;
}

export function parseTags(input: Input): Task['tags'] {
  const tags = optionalArray(input, 'tags') ?? [];
  if (tags.length > 50) throw invalid('Too many tags: a resource can have at most 50 tags.');
  return tags.map((t) => {
    if (!isObject(t) || typeof t.key !== 'string' || t.key.length === 0) throw invalid('Tag keys must be non-empty strings.');
    return { key: t.key, value: typeof t.value === 'string' ? t.value : '' };
  });
}

export function parseGroupAndStartedBy(input: Input, td: TaskDefinition): { group: string; startedBy?: string } {
  const group = optionalString(input, 'group') ?? `family:${td.family}`;
  if (group.length > 255) throw invalid('group can be at most 255 characters.');
  const startedBy = optionalString(input, 'startedBy');
  if (startedBy !== undefined && startedBy.length > 128) throw invalid('startedBy can be at most 128 characters.');
  return { group, ...(startedBy !== undefined ? { startedBy } : {}) };
}

export interface AwsvpcConfiguration {
  subnets: Subnet[];
  securityGroups: string[];
  assignPublicIp: 'ENABLED' | 'DISABLED';
}

/**
 * networkConfiguration.awsvpcConfiguration: required for awsvpc, rejected for other modes; at
 * most 16 subnets and 5 security groups; every subnet must exist (EC2's error surfaces through ECS).
 */
export function parseNetworkConfiguration(sim: Simulation, input: Input, td: TaskDefinition, launchType: 'EC2' | 'FARGATE'): AwsvpcConfiguration | undefined {
  const networkMode = td.networkMode ?? (launchType === 'FARGATE' ? 'awsvpc' : 'bridge');
  const raw = input.networkConfiguration;
  const config = isObject(raw) && isObject(raw.awsvpcConfiguration) ? raw.awsvpcConfiguration : undefined;
  if (networkMode !== 'awsvpc') {
    if (raw !== undefined && raw !== null) throw invalid('Network Configuration is not valid for the given networkMode of this task definition.');
    return undefined;
  }
  if (!config) throw invalid("Network Configuration must be provided when networkMode 'awsvpc' is specified.");
  const subnetIds = Array.isArray(config.subnets) ? config.subnets : [];
  if (subnetIds.length === 0) throw invalid('subnets can not be empty.');
  if (subnetIds.length > 16) throw invalid('subnets can have at most 16 items.');
  const securityGroups = Array.isArray(config.securityGroups) ? config.securityGroups.map(String) : [];
  if (securityGroups.length > 5) throw invalid('securityGroups can have at most 5 items.');
  const subnets = subnetIds.map((id) => {
    const sid = String(id);
    if (!Object.hasOwn(sim.world.subnets, sid)) {
      throw invalid(`Error retrieving subnet information for [${sid}]: The subnet ID '${sid}' does not exist (ErrorCode: InvalidSubnetID.NotFound)`);
    }
    return sim.world.subnets[sid];
  });
  const assignPublicIp = config.assignPublicIp ?? 'DISABLED';
  if (assignPublicIp !== 'ENABLED' && assignPublicIp !== 'DISABLED') throw invalid('assignPublicIp must be ENABLED or DISABLED.');
  if (assignPublicIp === 'ENABLED' && launchType === 'EC2') throw invalid('Assign public IP is not supported for this launch type.');
  return { subnets, securityGroups, assignPublicIp };
}

/** The compatibilities a task definition was registered with (EC2 when it says nothing). */
export function compatibilitiesOf(td: TaskDefinition): string[] {
  return (td.compatibilities?.length ? td.compatibilities : td.requiresCompatibilities?.length ? td.requiresCompatibilities : ['EC2']) as string[];
}

export function requireCompatible(td: TaskDefinition, launchType: 'EC2' | 'FARGATE'): void {
  if (!compatibilitiesOf(td).includes(launchType)) {
    throw new AwsError('ClientException', `Task definition does not support launch_type ${launchType}.`);
  }
}
