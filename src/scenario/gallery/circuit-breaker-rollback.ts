/**
 * The deployment circuit breaker: revision 2's build is broken (its container health check never
 * passes), so ECS replaces its tasks one after another; at the breaker's threshold the deployment
 * is FAILED and ECS rolls back to revision 1.
 *
 * Why a failing health check and not a container that exits at once: AWS's circuit breaker counts
 * tasks that stop before reaching RUNNING (stage 1) and tasks replaced for failing health checks
 * (stage 2). A container that starts, so its task reaches RUNNING, and exits 2 s later is neither:
 * AWS's knowledge center says the breaker "might not activate" then, and the engine does not count
 * it. Behind a health check, the same broken build is caught.
 */
import type { Scenario } from '../schema';
import { ScenarioBuilder } from './builder';
import { containerInstances, ecrImage, ZONES } from './common';

export const UPDATE_AT_SECONDS = 180;

/** A container health check (interval 10 s, 2 retries: a broken task is found in about 20 s; defaults 30 s and 3). */
const HEALTH_CHECK = { command: ['CMD-SHELL', 'curl -f http://localhost/health || exit 1'], interval: 10, timeout: 5, retries: 2, startPeriod: 0 };

const task = (tag: string) => ({
  family: 'api',
  requiresCompatibilities: ['EC2'],
  containerDefinitions: [{ name: 'api', image: ecrImage('api', tag), essential: true, cpu: 256, memory: 512, healthCheck: HEALTH_CHECK }],
});

function build(): Scenario {
  const b = new ScenarioBuilder(4);
  b.call('ecr:CreateRepository', { repositoryName: 'api' })
    .call('sim:PushImage', { repositoryName: 'api', imageTag: 'v1' })
    // The broken build: it runs, but its health check fails.
    .call('sim:PushImage', { repositoryName: 'api', imageTag: 'v2', behavior: { healthy: false } })
    .call('ecs:CreateCluster', { clusterName: 'prod' });
  containerInstances(b, 'prod', ZONES);
  b.call('ecs:RegisterTaskDefinition', task('v1')).advance(60);
  b.call('ecs:CreateService', {
    cluster: 'prod',
    serviceName: 'api',
    taskDefinition: 'api',
    desiredCount: 4,
    launchType: 'EC2',
    deploymentConfiguration: { minimumHealthyPercent: 100, maximumPercent: 200, deploymentCircuitBreaker: { enable: true, rollback: true } },
  });
  b.advance(UPDATE_AT_SECONDS - 60);
  b.call('ecs:RegisterTaskDefinition', task('v2')).call('ecs:UpdateService', { cluster: 'prod', service: 'api', taskDefinition: 'api' });
  return b.advance(300).build({
    name: 'Circuit breaker rollback',
    description:
      'Revision 2 runs a broken build whose container health check fails. ECS replaces each unhealthy task and counts it toward the deployment circuit breaker (threshold 0.5 x 4 tasks, at least 3); at 3 failures the deployment is FAILED and, with rollback on, ECS returns the service to revision 1 while the old tasks keep serving.',
  });
}

export const circuitBreakerRollback: Scenario = build();
