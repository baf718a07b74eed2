import { describe, it, expect } from 'vitest';
import { sandbox } from '../../testing/harness';
import { runContainerInstances } from '../../testing/ec2-fixtures';
import { CLUSTER, createService, describeService, runningTasks, serviceCluster, webTaskDefinition } from '../../testing/service-fixtures';

const perInstance = (tasks: { containerInstanceArn?: string }[]) => {
  const m = new Map<string, number>();
  for (const t of tasks) m.set(t.containerInstanceArn!, (m.get(t.containerInstanceArn!) ?? 0) + 1);
  return m;
};

describe('a DAEMON service runs one task on every ACTIVE container instance', () => {
  it('follows instances as they come, go and drain', () => {
    const s = sandbox({ seed: 70 });
    const { instances } = serviceCluster(s, { instances: 2 });
    webTaskDefinition(s);
    createService(s, { serviceName: 'agent', schedulingStrategy: 'DAEMON' });
    s.advance(60);
    expect(runningTasks(s, 'agent')).toHaveLength(2);
    expect(describeService(s, 'agent').desiredCount).toBe(2);
    expect(describeService(s, 'agent').deploymentConfiguration).toMatchObject({ maximumPercent: 100, minimumHealthyPercent: 0 });

    runContainerInstances(s, { cluster: CLUSTER, count: 1 });
    s.advance(120);
    expect(runningTasks(s, 'agent')).toHaveLength(3);
    expect([...perInstance(runningTasks(s, 'agent')).values()]).toEqual([1, 1, 1]);

    const victim = s.world.containerInstances[instances[0]].ec2InstanceId;
    s.call('ec2:TerminateInstances', { InstanceIds: [victim] });
    s.advance(120);
    expect(runningTasks(s, 'agent')).toHaveLength(2);
    expect(describeService(s, 'agent').desiredCount).toBe(2);

    s.call('ecs:UpdateContainerInstancesState', { cluster: CLUSTER, containerInstances: [instances[1]], status: 'DRAINING' });
    s.advance(30);
    expect(runningTasks(s, 'agent').some((t) => t.containerInstanceArn === instances[1])).toBe(false);
    expect(describeService(s, 'agent').desiredCount).toBe(1);
  });

  it('skips instances that fail its memberOf constraint', () => {
    const s = sandbox({ seed: 71 });
    serviceCluster(s, { instances: 3 });
    webTaskDefinition(s);
    createService(s, { serviceName: 'agent', schedulingStrategy: 'DAEMON', placementConstraints: [{ type: 'memberOf', expression: 'attribute:ecs.availability-zone != us-east-1a' }] });
    s.advance(60);
    expect(runningTasks(s, 'agent')).toHaveLength(2);
    expect(runningTasks(s, 'agent').every((t) => t.availabilityZone !== 'us-east-1a')).toBe(true);
  });

  it('replaces each instance task on a new deployment', () => {
    const s = sandbox({ seed: 72 });
    serviceCluster(s, { instances: 3 });
    webTaskDefinition(s);
    createService(s, { serviceName: 'agent', schedulingStrategy: 'DAEMON' });
    s.advance(60);
    webTaskDefinition(s, { environment: [{ name: 'V', value: '2' }] });
    s.call('ecs:UpdateService', { cluster: CLUSTER, service: 'agent', taskDefinition: 'web:2' });
    s.advanceUntil(() => describeService(s, 'agent').deployments![0].rolloutState === 'COMPLETED', 300);
    expect(runningTasks(s, 'agent').map((t) => t.taskDefinitionArn.split('/').pop())).toEqual(['web:2', 'web:2', 'web:2']);
  });
});
