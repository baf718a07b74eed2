import { describe, it, expect } from 'vitest';
import { sandbox, type Sandbox } from '../../testing/harness';
import { createService, describeService, liveTasks, runningTasks, serviceCluster, serviceMessages, serviceTasks, webTaskDefinition } from '../../testing/service-fixtures';
import { bounds } from './replica';
import { circuitBreakerThreshold } from './deployments';
import { throttleDelay } from './throttle';

const REPO_URI = '123456789012.dkr.ecr.us-east-1.amazonaws.com/web';

function pushImage(s: Sandbox, tag: string, behavior: Record<string, unknown> = {}) {
  if (!s.world.repositories['arn:aws:ecr:us-east-1:123456789012:repository/web']) s.call('ecr:CreateRepository', { repositoryName: 'web' });
  s.call('sim:PushImage', { repositoryName: 'web', imageTag: tag, behavior });
  return `${REPO_URI}:${tag}`;
}

/** A steady 4-task service on web:1, and web:2 registered. */
function steadyService(seed: number, deploymentConfiguration: Record<string, unknown>, desiredCount = 4) {
  const s = sandbox({ seed });
  serviceCluster(s, { instances: 4 });
  webTaskDefinition(s);
  createService(s, { serviceName: 'web', desiredCount, deploymentConfiguration });
  s.advanceUntil(() => describeService(s).deployments![0].rolloutState === 'COMPLETED', 300);
  webTaskDefinition(s, { environment: [{ name: 'VERSION', value: '2' }] });
  return s;
}

const healthyCount = (s: Sandbox) => runningTasks(s).length;

describe('the rolling update bounds: lower = ceil(desired x min%), upper = floor(desired x max%)', () => {
  it('rounds the lower bound up and the upper bound down, as AWS documents', () => {
    expect(bounds(4, 50, 200)).toEqual({ lower: 2, upper: 8 });
    expect(bounds(3, 100, 125)).toEqual({ lower: 3, upper: 3 });
    expect(bounds(3, 50, 150)).toEqual({ lower: 2, upper: 4 });
  });

  for (const [min, max] of [
    [50, 100],
    [50, 200],
    [100, 200],
    [0, 100],
    [100, 150],
  ]) {
    it(`replaces 4 tasks at ${min}/${max} without dropping below ${Math.ceil((4 * min) / 100)} healthy or exceeding ${Math.floor((4 * max) / 100)} tasks`, () => {
      const s = steadyService(10 + min + max, { minimumHealthyPercent: min, maximumPercent: max });
      const { lower, upper } = bounds(4, min, max);
      s.call('ecs:UpdateService', { cluster: 'prod', service: 'web', taskDefinition: 'web:2' });
      let minHealthy = Infinity;
      let maxTasks = 0;
      for (let i = 0; i < 600 && !(describeService(s).deployments!.length === 1 && describeService(s).deployments![0].rolloutState === 'COMPLETED'); i++) {
        s.advance(1);
        minHealthy = Math.min(minHealthy, healthyCount(s));
        maxTasks = Math.max(maxTasks, liveTasks(s).length);
      }
      expect(minHealthy).toBeGreaterThanOrEqual(lower);
      expect(maxTasks).toBeLessThanOrEqual(upper);
      expect(runningTasks(s).map((t) => t.taskDefinitionArn.split('/').pop())).toEqual(['web:2', 'web:2', 'web:2', 'web:2']);
      const d = describeService(s).deployments![0];
      expect(d.rolloutStateReason).toBe(`ECS deployment ${d.id} completed.`);
      expect(serviceMessages(s)).toContain(`(service web) (deployment ${d.id}) deployment completed.`);
    });
  }

  it('says the deployment configuration allows no move at 100/100 and replaces nothing', () => {
    const s = steadyService(30, { minimumHealthyPercent: 100, maximumPercent: 100 });
    s.call('ecs:UpdateService', { cluster: 'prod', service: 'web', taskDefinition: 'web:2' });
    s.advance(120);
    expect(serviceMessages(s)).toContain(
      '(service web) was unable to stop or start tasks during a deployment because of the service deployment configuration. Update the minimumHealthyPercent or maximumPercent value and try again.',
    );
    expect(runningTasks(s).every((t) => t.taskDefinitionArn.endsWith('web:1'))).toBe(true);
    const d = describeService(s);
    expect(d.deployments!.map((x) => x.status)).toEqual(['PRIMARY', 'ACTIVE']);
    expect(d.deployments![0].rolloutState).toBe('IN_PROGRESS');
  });

  it('starts no new deployment for a desiredCount change, and one for forceNewDeployment', () => {
    const s = steadyService(31, {});
    const first = describeService(s).deployments![0].id;
    s.call('ecs:UpdateService', { cluster: 'prod', service: 'web', desiredCount: 5 });
    expect(describeService(s).deployments!.map((d) => d.id)).toEqual([first]);
    s.call('ecs:UpdateService', { cluster: 'prod', service: 'web', forceNewDeployment: true });
    expect(describeService(s).deployments!.map((d) => d.status)).toEqual(['PRIMARY', 'ACTIVE']);
  });
});

describe('the deployment circuit breaker', () => {
  it('has threshold ceil(0.5 x desired) clamped to [3, 200]', () => {
    expect(circuitBreakerThreshold(1)).toBe(3);
    expect(circuitBreakerThreshold(7)).toBe(4);
    expect(circuitBreakerThreshold(1000)).toBe(200);
  });

  it('fails a deployment whose tasks cannot start and rolls back to the last COMPLETED one', () => {
    const s = steadyService(40, { deploymentCircuitBreaker: { enable: true, rollback: true } });
    const good = describeService(s).deployments![0].id;
    webTaskDefinition(s, { image: `${REPO_URI}-missing:v1` });
    s.call('ecs:UpdateService', { cluster: 'prod', service: 'web', taskDefinition: 'web:3' });
    const bad = describeService(s).deployments![0].id;
    let minRunning = Infinity;
    for (let i = 0; i < 900 && !(describeService(s).deployments!.length === 1 && describeService(s).deployments![0].rolloutState === 'COMPLETED'); i++) {
      s.advance(1);
      minRunning = Math.min(minRunning, runningTasks(s).length);
    }
    const messages = serviceMessages(s);
    expect(messages).toContain(`(service web) (deployment ${bad}) deployment failed: tasks failed to start.`);
    expect(messages).toContain(`(service web) rolling back to deployment ${good}.`);
    const d = describeService(s);
    expect(d.taskDefinition!.endsWith('web:1')).toBe(true);
    expect(d.deployments![0].taskDefinition!.endsWith('web:1')).toBe(true);
    expect(minRunning).toBe(4);
    const failedStarts = serviceTasks(s).filter((t) => t.deploymentId === bad && t.stopCode === 'TaskFailedToStart');
    // The first 4 tasks start together (maximumPercent 200) and all fail; the 3rd trips the breaker.
    expect(failedStarts.length).toBe(4);
    expect(s.world.services[d.serviceArn!].deployments.length).toBe(1);
  });

  it('without rollback leaves the FAILED deployment PRIMARY and launches no more of its tasks', () => {
    const s = steadyService(41, { deploymentCircuitBreaker: { enable: true, rollback: false } });
    webTaskDefinition(s, { image: `${REPO_URI}-missing:v1` });
    s.call('ecs:UpdateService', { cluster: 'prod', service: 'web', taskDefinition: 'web:3' });
    s.advanceUntil(() => describeService(s).deployments![0].rolloutState === 'FAILED', 900);
    const d = describeService(s).deployments![0];
    expect(d.rolloutStateReason).toBe('ECS deployment circuit breaker: tasks failed to start.');
    expect(d.failedTasks).toBeGreaterThanOrEqual(3);
    const launched = serviceTasks(s).length;
    s.advance(600);
    expect(serviceTasks(s).length).toBe(launched);
    expect(runningTasks(s)).toHaveLength(4);
  });

  it('counts health-check failures of running tasks in stage 2', () => {
    const s = steadyService(42, { deploymentCircuitBreaker: { enable: true, rollback: true } });
    const image = pushImage(s, 'sick', { healthy: false });
    webTaskDefinition(s, { image, healthCheck: { command: ['CMD-SHELL', 'curl -f http://localhost/ || exit 1'], interval: 5, retries: 1 } });
    s.call('ecs:UpdateService', { cluster: 'prod', service: 'web', taskDefinition: 'web:3' });
    const bad = describeService(s).deployments![0].id;
    s.advanceUntil(() => s.world.services[Object.keys(s.world.services)[0]].deployments.every((d) => d.id !== bad), 1200);
    const messages = serviceMessages(s);
    expect(messages.some((m) => /^\(service web\) \(task \w+\) failed container health checks\.$/.test(m))).toBe(true);
    expect(messages).toContain(`(service web) (deployment ${bad}) deployment failed: tasks failed health checks.`);
    expect(describeService(s).taskDefinition!.endsWith('web:1')).toBe(true);
  });
});

describe('healthCheckGracePeriodSeconds', () => {
  it('does not replace an unhealthy task until the grace period after it started has passed', () => {
    const s = sandbox({ seed: 50 });
    serviceCluster(s, { instances: 2 });
    const image = pushImage(s, 'sick', { healthy: false });
    webTaskDefinition(s, { image, healthCheck: { command: ['CMD-SHELL', 'exit 1'], interval: 5, retries: 1 } });
    createService(s, { serviceName: 'web', desiredCount: 1, healthCheckGracePeriodSeconds: 120 });
    s.advanceUntil(() => serviceTasks(s).some((t) => t.stoppedReason === 'Task failed container health checks'), 600);
    const first = serviceTasks(s)[0];
    expect(first.stoppingAt! - first.startedAt!).toBeGreaterThanOrEqual(120);
    expect(first.stoppingAt! - first.startedAt!).toBeLessThan(130);
  });

  it('without a grace period replaces it as soon as it is UNHEALTHY', () => {
    const s = sandbox({ seed: 51 });
    serviceCluster(s, { instances: 2 });
    const image = pushImage(s, 'sick', { healthy: false });
    webTaskDefinition(s, { image, healthCheck: { command: ['CMD-SHELL', 'exit 1'], interval: 5, retries: 1 } });
    createService(s, { serviceName: 'web', desiredCount: 1 });
    s.advanceUntil(() => serviceTasks(s).some((t) => t.stoppedReason === 'Task failed container health checks'), 600);
    const first = serviceTasks(s)[0];
    expect(first.stoppingAt! - first.startedAt!).toBeLessThan(15);
  });
});

describe('the start-failure throttle', () => {
  it('grows from 15 s and is capped at 15 minutes', () => {
    expect([1, 2, 3, 4, 5].map(throttleDelay)).toEqual([0, 0, 15, 30, 60]);
    expect(throttleDelay(20)).toBe(900);
  });

  it('waits longer and longer between launches of tasks that never start, says so, and a new task definition resets it', () => {
    const s = sandbox({ seed: 60 });
    serviceCluster(s, { instances: 2 });
    webTaskDefinition(s, { image: `${REPO_URI}-missing:v1` });
    createService(s, { serviceName: 'web', desiredCount: 1 });
    s.advance(1500);
    const starts = serviceTasks(s).map((t) => t.createdAt);
    const gaps = starts.slice(1).map((t, i) => t - starts[i]);
    expect(gaps.at(-1)!).toBeGreaterThan(gaps[0] * 4);
    expect(serviceMessages(s)).toContain('(service web) is unable to consistently start tasks successfully. For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.');
    webTaskDefinition(s);
    s.call('ecs:UpdateService', { cluster: 'prod', service: 'web', taskDefinition: 'web:2' });
    s.advance(60);
    expect(runningTasks(s)).toHaveLength(1);
  });
});
