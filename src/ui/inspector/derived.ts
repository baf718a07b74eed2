/**
 * Numbers the Why tab derives from a service, as ECS computes them (aws-semantics.md "Services"):
 *  - rolling update bounds: the lower bound is desiredCount x minimumHealthyPercent / 100 rounded
 *    UP, the upper bound desiredCount x maximumPercent / 100 rounded DOWN;
 *  - the deployment circuit breaker's failure threshold: ceil(0.5 x desiredCount), at least 3 and
 *    at most 200.
 */
import type { Service } from '../../engine/world/service-types';
import type { World } from '../../engine/world/types';

export interface DeploymentBounds {
  desired: number;
  /** Tasks that must stay RUNNING (and healthy) during a deployment. */
  lower: number;
  /** Tasks that may be RUNNING or PENDING at once. */
  upper: number;
}

export function deploymentBounds(desired: number, minimumHealthyPercent: number, maximumPercent: number): DeploymentBounds {
  // Work in hundredths so 4 x 50% is exactly 2 (no floating-point 2.0000000001 rounding up).
  return { desired, lower: Math.ceil((desired * minimumHealthyPercent) / 100 - 1e-9), upper: Math.floor((desired * maximumPercent) / 100 + 1e-9) };
}

export const CIRCUIT_BREAKER_MIN = 3;
export const CIRCUIT_BREAKER_MAX = 200;

export function circuitBreakerThreshold(desired: number): number {
  return Math.min(CIRCUIT_BREAKER_MAX, Math.max(CIRCUIT_BREAKER_MIN, Math.ceil(0.5 * desired)));
}

export interface DeploymentProgress {
  id: string;
  status: string;
  taskDefinition: string;
  rolloutState: string;
  rolloutStateReason: string;
  running: number;
  pending: number;
  failedTasks: number;
  circuitBreakerFailures: number;
}

/** Running/pending tasks per deployment of the service, counted from the world's tasks. */
export function deploymentProgress(world: World, service: Service): DeploymentProgress[] {
  return service.deployments.map((d) => {
    let running = 0;
    let pending = 0;
    for (const t of Object.values(world.tasks)) {
      if (t.serviceArn !== service.serviceArn || t.deploymentId !== d.id || t.desiredStatus !== 'RUNNING') continue;
      if (t.lastStatus === 'RUNNING') running++;
      else if (t.lastStatus === 'PROVISIONING' || t.lastStatus === 'PENDING' || t.lastStatus === 'ACTIVATING') pending++;
    }
    return {
      id: d.id,
      status: d.status,
      taskDefinition: d.taskDefinition.slice(d.taskDefinition.lastIndexOf('/') + 1),
      rolloutState: d.rolloutState,
      rolloutStateReason: d.rolloutStateReason,
      running,
      pending,
      failedTasks: d.failedTasks,
      circuitBreakerFailures: d.circuitBreakerFailures,
    };
  });
}
