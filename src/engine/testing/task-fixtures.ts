/**
 * Test fixtures for task tests: register a task definition, run tasks, describe one task.
 *
 *   const s = sandbox();
 *   registerTaskDefinition(s, { family: 'web', containerDefinitions: [{ name: 'app', image: 'nginx', memory: 256 }] });
 *   const [arn] = runTasks(s, { cluster: 'prod', taskDefinition: 'web' });
 */
import type { Task as SdkTask } from '@aws-sdk/client-ecs';
import type { Sandbox } from './harness';

export function registerTaskDefinition(s: Sandbox, input: Record<string, unknown>): string {
  return s.output('ecs:RegisterTaskDefinition', input).taskDefinition.taskDefinitionArn;
}

/** Runs tasks (RunTask must succeed) and returns the ARNs of those it created. */
export function runTasks(s: Sandbox, input: Record<string, unknown>): string[] {
  return (s.output('ecs:RunTask', input).tasks as SdkTask[]).map((t) => t.taskArn!);
}

export function describeTask(s: Sandbox, cluster: string, taskArn: string): SdkTask {
  const out = s.output('ecs:DescribeTasks', { cluster, tasks: [taskArn], include: ['TAGS'] });
  if (out.tasks.length !== 1) throw new Error(`DescribeTasks did not return ${taskArn}: ${JSON.stringify(out.failures)}`);
  return out.tasks[0];
}

/** The task's lastStatus values in the order the event log recorded them (starting status first). */
export function statusHistory(s: Sandbox, taskArn: string): string[] {
  const events = s.world.events.filter((e) => e.resource === taskArn);
  const created = events.find((e) => e.kind === 'task.created');
  const first = created ? /lastStatus (\w+)/.exec(created.message)?.[1] : undefined;
  return [...(first ? [first] : []), ...events.filter((e) => e.kind === 'task.status').map((e) => String(e.detail?.to))];
}

/** A Fargate-compatible task definition input with one container. */
export function fargateTaskDefinition(family: string, container: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) {
  return {
    family,
    requiresCompatibilities: ['FARGATE'],
    networkMode: 'awsvpc',
    cpu: '256',
    memory: '512',
    containerDefinitions: [{ name: 'app', image: 'nginx:latest', essential: true, ...container }],
    ...extra,
  };
}
