/**
 * Essential containers and container dependencies (ContainerDefinition.essential, dependsOn).
 *  - "All tasks must have at least one essential container."
 *  - dependsOn conditions: START, COMPLETE, SUCCESS, HEALTHY. COMPLETE and SUCCESS "can't be set on
 *    an essential container"; HEALTHY "requires that the dependent container has health checks
 *    configured" (ContainerDependency, API reference).
 * Messages marked (AWS) are ECS's texts; the others are ours in the same style.
 */
import type { ContainerDefinition } from '@aws-sdk/client-ecs';
import { clientException } from '../../errors';

export const DEPENDENCY_CONDITIONS = ['START', 'COMPLETE', 'SUCCESS', 'HEALTHY'];

export function checkEssentialAndDependencies(containers: ContainerDefinition[]): void {
  if (!containers.some((c) => c.essential !== false)) {
    throw clientException("Task definition doesn't have any essential container."); // (AWS)
  }
  const byName = new Map(containers.map((c) => [c.name!, c]));
  for (const c of containers) {
    const deps = c.dependsOn;
    if (deps === undefined || deps === null) continue;
    if (!Array.isArray(deps)) throw clientException(`Invalid setting for container '${c.name}'. 'dependsOn' must be a list.`);
    for (const d of deps) {
      const target = byName.get(d?.containerName as string);
      if (!target) {
        throw clientException(`Invalid setting for container '${c.name}'. It depends on container '${d?.containerName}', which is not in this task definition.`);
      }
      if (!DEPENDENCY_CONDITIONS.includes(d.condition as string)) {
        throw clientException(`Invalid setting for container '${c.name}'. dependsOn condition must be one of: ${DEPENDENCY_CONDITIONS.join(', ')}.`);
      }
      if ((d.condition === 'COMPLETE' || d.condition === 'SUCCESS') && target.essential !== false) {
        throw clientException('A dependency container with SUCCESS or COMPLETE condition cannot be an essential container'); // (AWS)
      }
      if (d.condition === 'HEALTHY' && !target.healthCheck) {
        throw clientException(`A dependency container with HEALTHY condition must have a health check configured: container '${target.name}' has no healthCheck.`);
      }
    }
  }
  const cycle = findCycle(containers);
  if (cycle) throw clientException(`Container dependencies form a cycle: ${cycle.join(' -> ')}. A container cannot wait, directly or indirectly, for itself.`);
}

/** A dependency cycle as a list of names (first = last), or undefined. */
function findCycle(containers: ContainerDefinition[]): string[] | undefined {
  const edges = new Map(containers.map((c) => [c.name!, (c.dependsOn ?? []).map((d) => d.containerName!)]));
  const state = new Map<string, 'visiting' | 'done'>();
  const path: string[] = [];
  const visit = (name: string): string[] | undefined => {
    if (state.get(name) === 'done') return undefined;
    if (state.get(name) === 'visiting') return [...path.slice(path.indexOf(name)), name];
    state.set(name, 'visiting');
    path.push(name);
    for (const next of edges.get(name) ?? []) {
      const found = visit(next);
      if (found) return found;
    }
    path.pop();
    state.set(name, 'done');
    return undefined;
  };
  for (const c of containers) {
    const found = visit(c.name!);
    if (found) return found;
  }
  return undefined;
}
