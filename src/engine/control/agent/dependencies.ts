/**
 * Container dependencies (`dependsOn` in a container definition), as the agent resolves them
 * before starting a container:
 *  - START: the dependency has been started (is RUNNING, or ran and stopped).
 *  - COMPLETE: the dependency ran to completion and exited (any exit code).
 *  - SUCCESS: the dependency exited with code 0.
 *  - HEALTHY: the dependency's Docker health check reports HEALTHY.
 * A condition that can no longer be met (SUCCESS after a non-zero exit, HEALTHY after the
 * dependency became UNHEALTHY or stopped) is reported with the agent's dependency-graph error.
 */
import type { ContainerDependency } from '@aws-sdk/client-ecs';
import type { Task } from '../../world/types';
import { containerNamed } from './definitions';

export type DependencyState = { state: 'ready' } | { state: 'wait'; on: string } | { state: 'impossible'; reason: string };

export function dependencyState(task: Task, target: string, dependsOn: readonly ContainerDependency[] | undefined): DependencyState {
  for (const dep of dependsOn ?? []) {
    const c = dep.containerName ? containerNamed(task, dep.containerName) : undefined;
    if (!c) continue; // RegisterTaskDefinition rejects unknown names; nothing to wait for here.
    const started = c.startedAt !== undefined;
    const stopped = c.lastStatus === 'STOPPED';
    const impossible = (why: string): DependencyState => ({
      state: 'impossible',
      reason: `dependency graph: failed to resolve container ordering dependency [${c.name}] for target [${target}] as dependency ${why}.`,
    });
    switch (dep.condition) {
      case 'START':
        if (!started) {
          if (stopped) return impossible('did not start');
          return { state: 'wait', on: `${c.name} to START` };
        }
        break;
      case 'COMPLETE':
        if (!stopped) return { state: 'wait', on: `${c.name} to COMPLETE` };
        break;
      case 'SUCCESS':
        if (!stopped) return { state: 'wait', on: `${c.name} to exit successfully (SUCCESS)` };
        if (c.exitCode !== 0) return impossible(`did not exit successfully (exit code ${c.exitCode ?? 'none'})`);
        break;
      case 'HEALTHY':
        if (c.healthStatus === 'HEALTHY') break;
        if (c.healthStatus === 'UNHEALTHY' || stopped) return impossible('did not become HEALTHY');
        return { state: 'wait', on: `${c.name} to be HEALTHY` };
      default:
        break;
    }
  }
  return { state: 'ready' };
}
