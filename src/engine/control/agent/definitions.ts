/** The task definition and container definitions behind a task's containers, looked up by name. */
import type { ContainerDefinition } from '@aws-sdk/client-ecs';
import type { Simulation } from '../../simulation';
import type { Container, ContainerInstance, Task, TaskDefinition } from '../../world/types';

export function taskDefinitionOf(sim: Simulation, task: Task): TaskDefinition | undefined {
  const defs = sim.world.taskDefinitions;
  return Object.hasOwn(defs, task.taskDefinitionArn) ? defs[task.taskDefinitionArn] : undefined;
}

export function containerDefinitionOf(sim: Simulation, task: Task, name: string): ContainerDefinition | undefined {
  return taskDefinitionOf(sim, task)?.containerDefinitions.find((c) => c.name === name);
}

export const containerNamed = (task: Task, name: unknown): Container | undefined => task.containers.find((c) => c.name === name);

export function containerInstanceOf(sim: Simulation, task: Task): ContainerInstance | undefined {
  const arn = task.containerInstanceArn;
  return arn && Object.hasOwn(sim.world.containerInstances, arn) ? sim.world.containerInstances[arn] : undefined;
}

/** AWS's default for stopTimeout: the agent's ECS_CONTAINER_STOP_TIMEOUT, 30 s. */
export const DEFAULT_STOP_TIMEOUT = 30;

export function stopTimeoutOf(sim: Simulation, task: Task, name: string): number {
  return containerDefinitionOf(sim, task, name)?.stopTimeout ?? DEFAULT_STOP_TIMEOUT;
}
