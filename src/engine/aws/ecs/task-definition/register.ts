/**
 * RegisterTaskDefinition's input checks, in the order ECS reports them, and the stored task
 * definition (world shape) with everything ECS fills in. The action itself (task-definitions.ts)
 * assigns the revision and stores it.
 *
 * Messages marked (AWS) are the texts ECS returns; the others are ours, in the same style.
 */
import type { ContainerDefinition, TaskDefinitionPlacementConstraint } from '@aws-sdk/client-ecs';
import { AwsError, clientException } from '../../errors';
import type { Input } from '../../validate';
import type { TaskDefinition } from '../../../world/types';
import { normalizeContainers } from './containers';
import { checkEssentialAndDependencies } from './dependencies';
import { fargateIncompatibility } from './fargate';
import { parseTaskCpu, parseTaskMemory } from './units';
import { compatibilities, requiresAttributes } from './attributes';

/** Family: "Up to 255 letters (uppercase and lowercase), numbers, underscores, and hyphens". */
const FAMILY = /^[A-Za-z0-9_-]+$/;
export const MAX_FAMILY_LENGTH = 255;

export const NETWORK_MODES = ['bridge', 'host', 'awsvpc', 'none'];
export const COMPATIBILITIES = ['EC2', 'FARGATE', 'EXTERNAL'];

/** Ephemeral storage on Fargate: 20 GiB by default, configurable from 21 to 200 GiB. */
export const EPHEMERAL_STORAGE = { min: 21, max: 200 };

export function validateFamily(family: unknown): string {
  if (family === undefined || family === null || family === '') throw clientException('Family can not be blank.'); // (AWS)
  if (typeof family !== 'string' || !FAMILY.test(family)) throw clientException('Family contains invalid characters.'); // (AWS)
  if (family.length > MAX_FAMILY_LENGTH) throw clientException(`Family must be at most ${MAX_FAMILY_LENGTH} characters long.`);
  return family;
}

function stringList(input: Input, field: string): string[] {
  const v = input[field];
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v) || !v.every((s) => typeof s === 'string')) throw clientException(`'${field}' must be a list of strings.`);
  return v;
}

function optionalArn(input: Input, field: string): string | undefined {
  const v = input[field];
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v !== 'string') throw clientException(`'${field}' must be a string.`);
  // The API takes a role's short name or full ARN; ECS checks an ARN's syntax at registration
  // ("Invalid arn syntax." is its text). A short name must be a valid IAM role name.
  const ok = v.startsWith('arn:') ? /^arn:aws[a-z-]*:iam::[0-9]{12}:role\/[\w+=,.@/-]+$/.test(v) : /^[\w+=,.@-]{1,64}$/.test(v);
  if (!ok) throw clientException('Invalid arn syntax.');
  return v;
}

/** The task definition as it will be stored, without arn/revision/registeredAt (the action sets those). */
export type NewTaskDefinition = Omit<TaskDefinition, 'taskDefinitionArn' | 'revision' | 'registeredAt' | 'registeredBy'>;

export function buildTaskDefinition(input: Input): { definition: NewTaskDefinition; fargateReason?: string } {
  const family = validateFamily(input.family);

  // Choice: an omitted networkMode is stored as "bridge" (the Linux default on EC2) so every reader
  // sees the mode the tasks will use.
  const networkMode = input.networkMode ?? 'bridge';
  if (typeof networkMode !== 'string' || !NETWORK_MODES.includes(networkMode)) {
    throw clientException(`Invalid networkMode '${String(networkMode)}'. Valid values: ${NETWORK_MODES.join(', ')}.`);
  }
  const requires = stringList(input, 'requiresCompatibilities');
  for (const r of requires) {
    if (!COMPATIBILITIES.includes(r)) throw clientException(`Invalid requiresCompatibilities value '${r}'. Valid values: ${COMPATIBILITIES.join(', ')}.`);
  }
  if (requires.includes('EXTERNAL') && networkMode === 'awsvpc') {
    throw clientException("Task definitions for EXTERNAL (ECS Anywhere) do not support network mode 'awsvpc'.");
  }

  const cpu = parseTaskCpu(input.cpu);
  const memory = parseTaskMemory(input.memory);
  const taskRoleArn = optionalArn(input, 'taskRoleArn');
  const executionRoleArn = optionalArn(input, 'executionRoleArn');

  const containerDefinitions: ContainerDefinition[] = normalizeContainers(input.containerDefinitions, { networkMode, cpu, memory });
  checkEssentialAndDependencies(containerDefinitions);

  const placementConstraints = readPlacementConstraints(input.placementConstraints);
  const ephemeralStorage = readEphemeralStorage(input.ephemeralStorage);
  const tags = readTags(input.tags);

  const fargateCheck = fargateIncompatibility({
    networkMode,
    cpu,
    memory,
    executionRoleArn,
    placementConstraints,
    ipcMode: input.ipcMode as string | undefined,
    containers: containerDefinitions,
  });
  if (requires.includes('FARGATE') && fargateCheck) throw fargateCheck;

  const definition: NewTaskDefinition = {
    family,
    containerDefinitions,
    networkMode: networkMode as NewTaskDefinition['networkMode'],
    status: 'ACTIVE',
    volumes: (input.volumes as NewTaskDefinition['volumes']) ?? [],
    placementConstraints,
    requiresAttributes: requiresAttributes({ networkMode, taskRoleArn, executionRoleArn, containerDefinitions }),
    compatibilities: compatibilities(networkMode, fargateCheck === undefined),
    requiresCompatibilities: requires as NewTaskDefinition['requiresCompatibilities'],
  };
  if (taskRoleArn) definition.taskRoleArn = taskRoleArn;
  if (executionRoleArn) definition.executionRoleArn = executionRoleArn;
  if (cpu !== undefined) definition.cpu = String(cpu);
  if (memory !== undefined) definition.memory = String(memory);
  if (ephemeralStorage) definition.ephemeralStorage = ephemeralStorage;
  for (const field of ['pidMode', 'ipcMode', 'runtimePlatform', 'proxyConfiguration'] as const) {
    if (input[field] !== undefined && input[field] !== null) (definition as Record<string, unknown>)[field] = input[field];
  }
  if (tags.length > 0) definition.tags = tags;
  return { definition, fargateReason: fargateCheck?.message };
}

/** Task definition placement constraints: only memberOf, at most 10 (service quota). */
function readPlacementConstraints(raw: unknown): TaskDefinitionPlacementConstraint[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) throw clientException("'placementConstraints' must be a list.");
  if (raw.length > 10) throw clientException('A task definition can have at most 10 placement constraints.');
  return raw.map((p: Record<string, unknown>) => {
    if (p?.type !== 'memberOf') throw clientException(`Invalid placement constraint type '${String(p?.type)}'. Task definitions accept only memberOf.`);
    if (typeof p.expression !== 'string' || p.expression.trim() === '') throw clientException('A memberOf placement constraint needs an expression.');
    return { type: 'memberOf', expression: p.expression };
  });
}

function readEphemeralStorage(raw: unknown): { sizeInGiB: number } | undefined {
  if (raw === undefined || raw === null) return undefined;
  const size = (raw as { sizeInGiB?: unknown }).sizeInGiB;
  if (typeof size !== 'number' || !Number.isInteger(size) || size < EPHEMERAL_STORAGE.min || size > EPHEMERAL_STORAGE.max) {
    throw clientException(`Invalid 'ephemeralStorage' setting for task. 'sizeInGiB' must be an integer from ${EPHEMERAL_STORAGE.min} to ${EPHEMERAL_STORAGE.max}.`);
  }
  return { sizeInGiB: size };
}

/** Tags: at most 50; key 1-128 characters, value up to 256 (the ECS tagging limits). */
function readTags(raw: unknown): { key: string; value: string }[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) throw new AwsError('InvalidParameterException', "'tags' must be a list of {key, value}.");
  if (raw.length > 50) throw new AwsError('InvalidParameterException', 'A resource can have at most 50 tags.');
  return raw.map((t: Record<string, unknown>) => {
    const key = t?.key;
    const value = t?.value ?? '';
    if (typeof key !== 'string' || key.length < 1 || key.length > 128 || typeof value !== 'string' || value.length > 256) {
      throw new AwsError('InvalidParameterException', 'Tag keys must be 1-128 characters and tag values at most 256 characters.');
    }
    return { key, value };
  });
}
