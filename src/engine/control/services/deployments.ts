/**
 * Service deployments (deploymentController ECS): ids, the PRIMARY / ACTIVE / INACTIVE status,
 * rolloutState IN_PROGRESS -> COMPLETED | FAILED and its reason, and the deployment circuit
 * breaker.
 *
 * AWS facts (API reference Deployment; ECS guide "How the Amazon ECS deployment circuit breaker
 * detects failures"):
 *  - the newest deployment is PRIMARY, older ones that still have tasks are ACTIVE, drained ones
 *    INACTIVE (DescribeServices stops listing them);
 *  - rolloutStateReason reads "ECS deployment ecs-svc/ID in progress." / "ECS deployment
 *    ecs-svc/ID completed." / "ECS deployment circuit breaker: tasks failed to start.";
 *  - circuit breaker threshold = 0.5 x desired count, rounded up, at least 3 and at most 200;
 *    stage 1 counts tasks of the deployment that fail to reach RUNNING, stage 2 adds health-check
 *    failures of its running tasks; at the threshold the deployment is FAILED and stops launching
 *    tasks, and with rollback the service goes back to the last COMPLETED deployment.
 * Choices: ECS's resetOnHealthyTask is not modelled (counts never reset within a deployment);
 * a rollback is a new deployment whose reason names the deployment it returns to.
 */
import type { Simulation } from '../../simulation';
import type { Service, ServiceDeployment } from '../../world/service-types';
import { serviceEvent, svc } from './events';
import { resetThrottle } from './throttle';

export const CIRCUIT_BREAKER_MIN = 3;
export const CIRCUIT_BREAKER_MAX = 200;

export const circuitBreakerThreshold = (desiredCount: number) =>
  Math.min(CIRCUIT_BREAKER_MAX, Math.max(CIRCUIT_BREAKER_MIN, Math.ceil(0.5 * desiredCount)));

/** "ecs-svc/" and 19 digits, as ECS's deployment ids. */
export function newDeploymentId(sim: Simulation): string {
  let digits = String(1 + sim.random.int(9));
  for (let i = 1; i < 19; i++) digits += String(sim.random.int(10));
  return `ecs-svc/${digits}`;
}

export const inProgressReason = (id: string) => `ECS deployment ${id} in progress.`;
export const completedReason = (id: string) => `ECS deployment ${id} completed.`;
export const FAILED_TO_START_REASON = 'ECS deployment circuit breaker: tasks failed to start.';
export const FAILED_HEALTH_CHECKS_REASON = 'ECS deployment circuit breaker: tasks failed health checks.';

export const primaryOf = (service: Service): ServiceDeployment | undefined => service.deployments[0];

/**
 * Starts a new PRIMARY deployment with the service's current task definition and network
 * settings; the previous PRIMARY becomes ACTIVE (its tasks are replaced by the rolling update).
 */
export function startDeployment(sim: Simulation, service: Service, reason?: string, rollbackOf?: string): ServiceDeployment {
  const previous = primaryOf(service);
  if (previous) {
    previous.status = 'ACTIVE';
    previous.updatedAt = sim.now;
  }
  const id = newDeploymentId(sim);
  const deployment: ServiceDeployment = {
    id,
    status: 'PRIMARY',
    taskDefinition: service.taskDefinition,
    launchType: service.launchType,
    ...(service.platformVersion ? { platformVersion: service.platformVersion } : {}),
    ...(service.networkConfiguration ? { networkConfiguration: structuredClone(service.networkConfiguration) } : {}),
    loadBalancers: structuredClone(service.loadBalancers),
    ...(service.capacityProviderStrategy?.length ? { capacityProviderStrategy: structuredClone(service.capacityProviderStrategy) } : {}),
    createdAt: sim.now,
    updatedAt: sim.now,
    rolloutState: 'IN_PROGRESS',
    rolloutStateReason: reason ?? inProgressReason(id),
    failedTasks: 0,
    circuitBreakerFailures: 0,
    ...(rollbackOf ? { rollbackOf } : {}),
  };
  service.deployments.unshift(deployment);
  service.steady = false;
  if (!previous || previous.taskDefinition !== deployment.taskDefinition) resetThrottle(service);
  sim.emit({
    source: 'ecs',
    kind: 'service.deployment',
    resource: service.serviceArn,
    message: `${svc(service)} deployment ${id} started with ${deployment.taskDefinition.split('/').pop()}${previous ? `; deployment ${previous.id} is now ACTIVE and its tasks will be replaced` : ''}.`,
    detail: { deploymentId: id, taskDefinition: deployment.taskDefinition },
  });
  return deployment;
}

export function markCompleted(sim: Simulation, service: Service, deployment: ServiceDeployment): void {
  deployment.rolloutState = 'COMPLETED';
  deployment.rolloutStateReason = completedReason(deployment.id);
  deployment.updatedAt = sim.now;
  service.lastCompletedDeployment = { id: deployment.id, taskDefinition: deployment.taskDefinition };
  serviceEvent(sim, service, `${svc(service)} (deployment ${deployment.id}) deployment completed.`, 'service.deploymentCompleted');
}

/**
 * Adds one failure to the PRIMARY deployment's circuit breaker (only while it is IN_PROGRESS and
 * the breaker is on) and fails (and maybe rolls back) the deployment at the threshold.
 */
export function countCircuitBreakerFailure(sim: Simulation, service: Service, deploymentId: string | undefined, kind: 'start' | 'health'): void {
  const deployment = primaryOf(service);
  const breaker = service.deploymentConfiguration.deploymentCircuitBreaker;
  if (!deployment || deployment.id !== deploymentId || deployment.rolloutState !== 'IN_PROGRESS' || !breaker.enable) return;
  deployment.circuitBreakerFailures += 1;
  const threshold = circuitBreakerThreshold(service.desiredCount);
  sim.emit({
    source: 'ecs',
    kind: 'service.circuitBreaker',
    resource: service.serviceArn,
    message: `${svc(service)} deployment circuit breaker for ${deployment.id}: ${deployment.circuitBreakerFailures} of ${threshold} failures (${kind === 'start' ? 'a task failed to start' : 'a task failed health checks'}).`,
  });
  if (deployment.circuitBreakerFailures < threshold) return;
  deployment.rolloutState = 'FAILED';
  deployment.rolloutStateReason = kind === 'start' ? FAILED_TO_START_REASON : FAILED_HEALTH_CHECKS_REASON;
  deployment.updatedAt = sim.now;
  const why = kind === 'start' ? 'tasks failed to start' : 'tasks failed health checks';
  serviceEvent(sim, service, `${svc(service)} (deployment ${deployment.id}) deployment failed: ${why}.`, 'service.deploymentFailed');
  const target = service.lastCompletedDeployment;
  if (!breaker.rollback || !target) return;
  service.taskDefinition = target.taskDefinition;
  serviceEvent(sim, service, `${svc(service)} rolling back to deployment ${target.id}.`, 'service.rollback');
  startDeployment(sim, service, `ECS deployment circuit breaker: rolling back to deploymentId ${target.id}.`, deployment.id);
}
