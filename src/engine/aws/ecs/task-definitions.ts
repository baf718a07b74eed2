/**
 * ECS task definition actions: RegisterTaskDefinition, DescribeTaskDefinition,
 * DeregisterTaskDefinition and DeleteTaskDefinitions (the List* actions are in
 * task-definitions-list.ts).
 *
 * Revisions start at 1 and always increase by one per family, even after deregistration or
 * deletion (world.taskDefinitionFamilies keeps the last number). Deregistered revisions stay
 * INACTIVE and discoverable ("At this time, INACTIVE task definitions remain discoverable in your
 * account indefinitely"); DeleteTaskDefinitions moves INACTIVE revisions to DELETE_IN_PROGRESS.
 */
import type { Action, Simulation } from '../../simulation';
import { clientException, invalidParameter } from '../errors';
import { optionalArray, requireString } from '../validate';
import { taskDefinitionArn } from '../../world/arn';
import type { TaskDefinition } from '../../world/types';
import { buildTaskDefinition } from './task-definition/register';
import { toSdkTaskDefinition } from './task-definition/output';
import { findTaskDefinition, parseTaskDefinitionRef } from './task-definition-lookup';
import { listTaskDefinitionActions } from './task-definitions-list';

const nameOf = (td: TaskDefinition) => `${td.family}:${td.revision}`;

export const registerTaskDefinition: Action = (sim, input) => {
  const { definition, fargateReason } = buildTaskDefinition(input);
  const world = sim.world;
  const revision = (world.taskDefinitionFamilies[definition.family] ?? 0) + 1;
  const arn = taskDefinitionArn(world, definition.family, revision);
  const td: TaskDefinition = {
    taskDefinitionArn: arn,
    ...definition,
    revision,
    registeredAt: sim.now,
    // Choice: the simulated caller is the account's root user.
    registeredBy: `arn:aws:iam::${world.accountId}:root`,
  };
  world.taskDefinitionFamilies[definition.family] = revision;
  world.taskDefinitions[arn] = td;
  const compat = td.compatibilities ?? [];
  const why = compat.includes('FARGATE') || !fargateReason ? '' : ` Not compatible with FARGATE: ${fargateReason}`;
  sim.emit({
    source: 'ecs',
    kind: 'taskDefinition.registered',
    resource: arn,
    message: `Registered task definition ${nameOf(td)} (network mode ${td.networkMode}; compatible with ${compat.join(', ')}).${why}`,
    detail: { family: td.family, revision, compatibilities: compat, requiresAttributes: (td.requiresAttributes ?? []).map((a) => a.name) },
  });
  return { taskDefinition: toSdkTaskDefinition(sim, td), ...(td.tags ? { tags: structuredClone(td.tags) } : {}) };
};

export const describeTaskDefinition: Action = (sim, input) => {
  const ref = requireString(input, 'taskDefinition', 'ClientException');
  const include = optionalArray<string>(input, 'include', 'ClientException') ?? [];
  for (const field of include) {
    if (field !== 'TAGS') throw invalidParameter(`Invalid include value '${field}'. Valid values: TAGS.`);
  }
  const td = findTaskDefinition(sim.world, ref);
  if (!td) throw clientException('Unable to describe task definition.'); // (AWS)
  const out: Record<string, unknown> = { taskDefinition: toSdkTaskDefinition(sim, td) };
  if (include.includes('TAGS')) out.tags = structuredClone(td.tags ?? []);
  return out;
};

/** Deregister and delete name one revision: `family:revision` or the full ARN ("You must specify a revision"). */
function revisionOrThrow(sim: Simulation, ref: string): TaskDefinition | string {
  const parsed = parseTaskDefinitionRef(ref);
  if (parsed && parsed.revision === undefined) {
    throw clientException(`A revision is required: give '${ref}:REVISION' or the full task definition ARN.`);
  }
  return findTaskDefinition(sim.world, ref) ?? 'The specified task definition does not exist.';
}

export const deregisterTaskDefinition: Action = (sim, input) => {
  const ref = requireString(input, 'taskDefinition', 'ClientException');
  const td = revisionOrThrow(sim, ref);
  if (typeof td === 'string') throw clientException(td);
  // Choice: deregistering a revision that is already INACTIVE (or being deleted) changes nothing
  // and returns it, like repeating the call on AWS.
  if (td.status === 'ACTIVE') {
    td.status = 'INACTIVE';
    td.deregisteredAt = sim.now;
    sim.emit({
      source: 'ecs',
      kind: 'taskDefinition.deregistered',
      resource: td.taskDefinitionArn,
      message: `Deregistered task definition ${nameOf(td)}: it is INACTIVE. Running tasks and services that use it carry on, but it cannot start new tasks or services.`,
    });
  }
  return { taskDefinition: toSdkTaskDefinition(sim, td) };
};

export const deleteTaskDefinitions: Action = (sim, input) => {
  const refs = optionalArray<unknown>(input, 'taskDefinitions', 'ClientException');
  if (!refs || refs.length === 0) throw clientException('taskDefinitions must name at least one task definition revision.');
  if (refs.length > 10) throw clientException('You can delete at most 10 task definitions in one call.');
  const deleted: TaskDefinition[] = [];
  const failures: { arn: string; reason: string }[] = [];
  for (const ref of refs) {
    if (typeof ref !== 'string') throw clientException('taskDefinitions must be a list of strings.');
    const parsed = parseTaskDefinitionRef(ref);
    const td = parsed?.revision === undefined ? undefined : findTaskDefinition(sim.world, ref);
    if (!td) {
      failures.push({ arn: ref, reason: 'The specified task definition does not exist.' });
      continue;
    }
    if (td.status === 'ACTIVE') {
      // "You must deregister a task definition revision before you delete it."
      failures.push({ arn: td.taskDefinitionArn, reason: 'The specified task definition is still in ACTIVE status. Please deregister the target and try again.' });
      continue;
    }
    if (td.status === 'INACTIVE') {
      td.status = 'DELETE_IN_PROGRESS';
      td.deleteRequestedAt = sim.now;
      sim.emit({
        source: 'ecs',
        kind: 'taskDefinition.deleteRequested',
        resource: td.taskDefinitionArn,
        message: `Task definition ${nameOf(td)} is DELETE_IN_PROGRESS. Its revision number is never reused: the next registration of ${td.family} gets ${(sim.world.taskDefinitionFamilies[td.family] ?? 0) + 1}.`,
      });
    }
    deleted.push(td);
  }
  return { taskDefinitions: deleted.map((td) => toSdkTaskDefinition(sim, td)), failures };
};

export const taskDefinitionActions: Record<string, Action> = {
  'ecs:RegisterTaskDefinition': registerTaskDefinition,
  'ecs:DescribeTaskDefinition': describeTaskDefinition,
  'ecs:DeregisterTaskDefinition': deregisterTaskDefinition,
  'ecs:DeleteTaskDefinitions': deleteTaskDefinitions,
  ...listTaskDefinitionActions,
};

