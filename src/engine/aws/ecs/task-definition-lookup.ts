/**
 * Finding a task definition the way ECS reads a `taskDefinition` parameter: a full ARN
 * (`arn:aws:ecs:REGION:ACCOUNT:task-definition/FAMILY:REVISION`), `FAMILY:REVISION`, or `FAMILY`
 * alone, which means the latest ACTIVE revision of that family (AWS API reference,
 * DescribeTaskDefinition / RunTask: "If a revision isn't specified, the latest ACTIVE revision is
 * used").
 */
import { AwsError } from '../errors';
import { taskDefinitionArn } from '../../world/arn';
import type { TaskDefinition, World } from '../../world/types';

/** `{family, revision}` of a reference; revision undefined means "latest ACTIVE". */
export function parseTaskDefinitionRef(ref: string): { family: string; revision?: number } | undefined {
  let rest = ref;
  if (ref.startsWith('arn:')) {
    const at = ref.indexOf(':task-definition/');
    if (at < 0) return undefined;
    rest = ref.slice(at + ':task-definition/'.length);
    // An ARN always names a revision.
    if (!rest.includes(':')) return undefined;
  }
  const colon = rest.lastIndexOf(':');
  if (colon < 0) return rest ? { family: rest } : undefined;
  const family = rest.slice(0, colon);
  const revisionText = rest.slice(colon + 1);
  if (!family || !/^[1-9][0-9]*$/.test(revisionText)) return undefined;
  return { family, revision: Number(revisionText) };
}

/** The highest ACTIVE revision of a family, if any. */
export function latestActiveRevision(world: World, family: string): TaskDefinition | undefined {
  const last = world.taskDefinitionFamilies[family] ?? 0;
  for (let revision = last; revision >= 1; revision--) {
    const td = world.taskDefinitions[taskDefinitionArn(world, family, revision)];
    if (td?.status === 'ACTIVE') return td;
  }
  return undefined;
}

/**
 * The task definition a reference names (any status for an explicit revision; the latest ACTIVE
 * revision for a bare family), or undefined.
 */
export function findTaskDefinition(world: World, ref: string): TaskDefinition | undefined {
  if (ref.startsWith('arn:') && Object.hasOwn(world.taskDefinitions, ref)) return world.taskDefinitions[ref];
  const parsed = parseTaskDefinitionRef(ref);
  if (!parsed) return undefined;
  if (parsed.revision === undefined) return latestActiveRevision(world, parsed.family);
  const arn = taskDefinitionArn(world, parsed.family, parsed.revision);
  return Object.hasOwn(world.taskDefinitions, arn) ? world.taskDefinitions[arn] : undefined;
}

/**
 * For actions that launch tasks (RunTask, StartTask, CreateService, UpdateService): the task
 * definition, or the error ECS gives.
 *  - unknown: ClientException "TaskDefinition not found." (what RunTask and CreateService answer;
 *    DescribeTaskDefinition says "Unable to describe task definition." and does its own lookup).
 *  - INACTIVE / DELETE_IN_PROGRESS: InvalidParameterException "TaskDefinition is inactive"
 *    (DeregisterTaskDefinition: "You can't use an INACTIVE task definition to run new tasks or
 *    create new services"). AWS allows up to a 10-minute grace window after deregistration; the
 *    simulator applies the rule at once (a documented choice: deterministic and easier to learn).
 */
export function resolveTaskDefinitionOrThrow(world: World, ref: string): TaskDefinition {
  const td = findTaskDefinition(world, ref);
  if (!td) throw new AwsError('ClientException', 'TaskDefinition not found.');
  if (td.status !== 'ACTIVE') throw new AwsError('InvalidParameterException', 'TaskDefinition is inactive');
  return td;
}

/**
 * For RunTask / CreateService: a launch type the task definition was not validated for answers
 * InvalidParameterException "Task definition does not support launch_type FARGATE." (ECS's text).
 * `compatibilities` is computed at registration (EC2 always; FARGATE when it passes Fargate's
 * checks; EXTERNAL unless awsvpc).
 */
export function assertSupportsLaunchType(td: TaskDefinition, launchType: 'EC2' | 'FARGATE' | 'EXTERNAL'): void {
  if (!(td.compatibilities ?? []).includes(launchType)) {
    throw new AwsError('InvalidParameterException', `Task definition does not support launch_type ${launchType}.`);
  }
}
