import { describe, it, expect } from 'vitest';
import { sandbox, type Sandbox } from '../../testing/harness';
import { launchContainerInstances } from '../../testing/ec2-fixtures';

const PROD = 'arn:aws:ecs:us-east-1:123456789012:cluster/prod';

function runWeb(s: Sandbox, cluster = 'prod'): string {
  s.call('ecs:RegisterTaskDefinition', { family: 'web', containerDefinitions: [{ name: 'web', image: 'nginx:latest', memory: 256 }] });
  return s.output('ecs:RunTask', { cluster, taskDefinition: 'web' }).tasks[0].taskArn;
}

describe('ecs:CreateCluster', () => {
  it('creates an ACTIVE cluster, named "default" when no name is given', () => {
    const s = sandbox();
    expect(s.output('ecs:CreateCluster', {}).cluster).toMatchObject({ clusterName: 'default', status: 'ACTIVE', registeredContainerInstancesCount: 0 });
    expect(s.output('ecs:CreateCluster', { clusterName: 'prod', tags: [{ key: 'team', value: 'web' }] }).cluster).toMatchObject({ clusterArn: PROD, tags: [{ key: 'team', value: 'web' }] });
  });

  it('is idempotent for an ACTIVE cluster of the same name', () => {
    const s = sandbox();
    s.call('ecs:CreateCluster', { clusterName: 'prod' });
    launchContainerInstances(s, { cluster: 'prod', count: 1 });
    const again = s.output('ecs:CreateCluster', { clusterName: 'prod' }).cluster;
    expect(again.registeredContainerInstancesCount).toBe(1);
    expect(s.output('ecs:ListClusters', {}).clusterArns).toEqual([PROD]);
  });

  it('rejects names with characters other than letters, numbers, hyphens and underscores', () => {
    sandbox().callExpectingError('ecs:CreateCluster', { clusterName: 'my cluster' }, 'InvalidParameterException', 'up to 255 characters');
  });
});

describe('ecs:DescribeClusters', () => {
  it('counts registered instances and running and pending tasks', () => {
    const s = sandbox();
    launchContainerInstances(s, { cluster: 'prod', count: 2 });
    runWeb(s);
    const pending = s.output('ecs:DescribeClusters', { clusters: ['prod'] }).clusters[0];
    expect(pending).toMatchObject({ registeredContainerInstancesCount: 2, pendingTasksCount: 1, runningTasksCount: 0, activeServicesCount: 0 });
    s.advance(60);
    const running = s.output('ecs:DescribeClusters', { clusters: [PROD], include: ['STATISTICS'] }).clusters[0];
    expect(running).toMatchObject({ pendingTasksCount: 0, runningTasksCount: 1 });
    expect(running.statistics).toContainEqual({ name: 'runningEC2TasksCount', value: '1' });
  });

  it('reports clusters it cannot find as failures with reason MISSING, and defaults to "default"', () => {
    const s = sandbox();
    const out = s.output('ecs:DescribeClusters', {});
    expect(out.clusters).toEqual([]);
    expect(out.failures).toEqual([{ arn: 'arn:aws:ecs:us-east-1:123456789012:cluster/default', reason: 'MISSING' }]);
  });

  it('includes settings and tags only when asked', () => {
    const s = sandbox().call('ecs:CreateCluster', { clusterName: 'prod', tags: [{ key: 'a', value: 'b' }] });
    expect(s.output('ecs:DescribeClusters', { clusters: ['prod'] }).clusters[0].tags).toBeUndefined();
    expect(s.output('ecs:DescribeClusters', { clusters: ['prod'], include: ['TAGS'] }).clusters[0].tags).toEqual([{ key: 'a', value: 'b' }]);
  });
});

describe('ecs:ListClusters', () => {
  it('pages with maxResults and nextToken and leaves out INACTIVE clusters', () => {
    const s = sandbox();
    for (const n of ['a', 'b', 'c']) s.call('ecs:CreateCluster', { clusterName: n });
    s.call('ecs:DeleteCluster', { cluster: 'b' });
    const first = s.output('ecs:ListClusters', { maxResults: 1 });
    expect(first.clusterArns).toHaveLength(1);
    const second = s.output('ecs:ListClusters', { maxResults: 1, nextToken: first.nextToken });
    expect([...first.clusterArns, ...second.clusterArns].map((a: string) => a.split('/')[1])).toEqual(['a', 'c']);
    expect(second.nextToken).toBeUndefined();
  });
});

describe('ecs:DeleteCluster', () => {
  it('is refused while container instances are registered', () => {
    const s = sandbox();
    launchContainerInstances(s, { cluster: 'prod', count: 1 });
    s.callExpectingError('ecs:DeleteCluster', { cluster: 'prod' }, 'ClusterContainsContainerInstancesException', 'Container Instances are active or draining');
  });

  it('is refused while tasks are active, then succeeds once they stopped', () => {
    const s = sandbox();
    const [ci] = launchContainerInstances(s, { cluster: 'prod', count: 1 });
    const task = runWeb(s);
    s.advance(60).call('ecs:DeregisterContainerInstance', { cluster: 'prod', containerInstance: ci, force: true });
    s.callExpectingError('ecs:DeleteCluster', { cluster: 'prod' }, 'ClusterContainsTasksException', 'Tasks are active');
    s.call('ecs:StopTask', { cluster: 'prod', task }).advance(120);
    expect(s.output('ecs:DeleteCluster', { cluster: 'prod' }).cluster.status).toBe('INACTIVE');
  });

  it('is refused while services are active', () => {
    const s = sandbox().call('ecs:CreateCluster', { clusterName: 'prod' });
    // services belong to another module; a minimal ACTIVE service record is enough to count
    (s.world as unknown as { services: Record<string, unknown> }).services = { svc: { clusterArn: PROD, status: 'ACTIVE' } };
    s.callExpectingError('ecs:DeleteCluster', { cluster: 'prod' }, 'ClusterContainsServicesException', 'Services are active');
  });

  it('answers ClusterNotFoundException for a cluster that does not exist or was deleted', () => {
    const s = sandbox();
    s.callExpectingError('ecs:DeleteCluster', { cluster: 'nope' }, 'ClusterNotFoundException', 'Cluster not found.');
    s.call('ecs:CreateCluster', { clusterName: 'prod' }).call('ecs:DeleteCluster', { cluster: 'prod' });
    s.callExpectingError('ecs:DeleteCluster', { cluster: 'prod' }, 'ClusterNotFoundException');
    expect(s.output('ecs:DescribeClusters', { clusters: ['prod'] }).clusters[0].status).toBe('INACTIVE');
  });

  it('a deleted cluster created again is ACTIVE with the same ARN', () => {
    const s = sandbox().call('ecs:CreateCluster', { clusterName: 'prod' }).call('ecs:DeleteCluster', { cluster: 'prod' });
    expect(s.output('ecs:CreateCluster', { clusterName: 'prod' }).cluster).toMatchObject({ clusterArn: PROD, status: 'ACTIVE' });
  });
});
