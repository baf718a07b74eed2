/** ecs:CreateCluster, DescribeClusters, ListClusters, DeleteCluster. */
import type { Cluster as SdkCluster, CreateClusterResponse, DeleteClusterResponse, DescribeClustersResponse, ListClustersResponse } from '@aws-sdk/client-ecs';
import type { Action, Simulation } from '../../simulation';
import type { Cluster } from '../../world/types';
import { clusterArn, clusterNameOf } from '../../world/arn';
import { AwsError, invalidParameter } from '../errors';
import { optionalArray, optionalNumber, optionalString, type Input } from '../validate';
import { CLUSTER_NAME, createCluster, findCluster, requireActiveCluster } from './clusters-store';
import { putClusterCapacityProviders } from './capacity-providers';
import { activeServicesCount, registeredContainerInstances, taskCounts, tasksInCluster } from './clusters-counts';

type Include = 'ATTACHMENTS' | 'CONFIGURATIONS' | 'SETTINGS' | 'STATISTICS' | 'TAGS';

export function clusterOutput(sim: Simulation, c: Cluster, include: Include[] = ['SETTINGS', 'TAGS']): SdkCluster {
  const world = sim.world;
  const tasks = tasksInCluster(world, c.clusterArn);
  const counts = taskCounts(tasks);
  const out: SdkCluster = {
    clusterArn: c.clusterArn,
    clusterName: c.clusterName,
    status: c.status,
    registeredContainerInstancesCount: c.status === 'ACTIVE' ? registeredContainerInstances(world, c.clusterArn).length : 0,
    runningTasksCount: counts.runningTasksCount,
    pendingTasksCount: counts.pendingTasksCount,
    activeServicesCount: activeServicesCount(world, c.clusterArn),
    statistics: [],
    capacityProviders: [...c.capacityProviders],
    defaultCapacityProviderStrategy: c.defaultCapacityProviderStrategy.map((s) => ({ ...s })),
  };
  if (include.includes('SETTINGS')) out.settings = c.settings.map((s) => ({ name: s.name as 'containerInsights', value: s.value }));
  if (include.includes('TAGS')) out.tags = c.tags.map((t) => ({ ...t }));
  if (include.includes('STATISTICS')) {
    const ec2 = tasks.filter((t) => t.launchType === 'EC2');
    const fargate = tasks.filter((t) => t.launchType === 'FARGATE');
    out.statistics = [
      { name: 'runningEC2TasksCount', value: String(taskCounts(ec2).runningTasksCount) },
      { name: 'runningFargateTasksCount', value: String(taskCounts(fargate).runningTasksCount) },
      { name: 'pendingEC2TasksCount', value: String(taskCounts(ec2).pendingTasksCount) },
      { name: 'pendingFargateTasksCount', value: String(taskCounts(fargate).pendingTasksCount) },
    ];
  }
  return out;
}

function readTags(input: Input): Cluster['tags'] {
  const tags = optionalArray<{ key?: unknown; value?: unknown }>(input, 'tags') ?? [];
  if (tags.length > 50) throw invalidParameter('Too many tags: a resource can have at most 50 tags.');
  return tags.map((t) => {
    if (typeof t?.key !== 'string' || t.key.length < 1 || t.key.length > 128) throw invalidParameter('Tag keys must be between 1 and 128 characters.');
    if (t.key.toLowerCase().startsWith('aws:')) throw invalidParameter(`Tag key ${t.key} uses the reserved prefix aws:.`);
    return { key: t.key, value: typeof t.value === 'string' ? t.value : '' };
  });
}

function readSettings(input: Input): Cluster['settings'] | undefined {
  const settings = optionalArray<{ name?: unknown; value?: unknown }>(input, 'settings');
  if (!settings) return undefined;
  return settings.map((s) => {
    if (s?.name !== 'containerInsights') throw invalidParameter(`Invalid cluster setting name '${String(s?.name)}'. Valid setting names: containerInsights.`);
    if (s.value !== 'enabled' && s.value !== 'disabled' && s.value !== 'enhanced') throw invalidParameter(`Invalid value '${String(s.value)}' for containerInsights. Valid values: enabled, disabled, enhanced.`);
    return { name: s.name, value: s.value };
  });
}

export const createClusterAction: Action = (sim, input): CreateClusterResponse => {
  const name = optionalString(input, 'clusterName') ?? 'default';
  if (!CLUSTER_NAME.test(name)) {
    throw invalidParameter('Cluster name can have up to 255 characters. Valid characters are letters (uppercase and lowercase), numbers, hyphens, and underscores.');
  }
  const tags = readTags(input);
  const settings = readSettings(input);
  const existing = findCluster(sim.world, name);
  const wasActive = existing?.status === 'ACTIVE';
  const previous = existing && !wasActive ? structuredClone(existing) : undefined;
  const eventsBefore = sim.world.events.length;
  const cluster = createCluster(sim, name, '', tags, settings);
  if (wasActive) {
    sim.emit({ source: 'ecs', kind: 'cluster.created', resource: cluster.clusterArn, message: `Cluster ${name} already exists and is ACTIVE; CreateCluster returned it unchanged.` });
  } else if (input.capacityProviders !== undefined || input.defaultCapacityProviderStrategy !== undefined) {
    // CreateCluster takes capacityProviders and defaultCapacityProviderStrategy with the same rules
    // as PutClusterCapacityProviders. Those checks all run before anything changes, so when they
    // refuse, undoing the cluster's creation (and its log line) leaves the world as it was.
    try {
      putClusterCapacityProviders(sim, {
        cluster: name,
        capacityProviders: input.capacityProviders ?? [],
        defaultCapacityProviderStrategy: input.defaultCapacityProviderStrategy ?? [],
      });
    } catch (e) {
      if (previous) sim.world.clusters[cluster.clusterArn] = previous;
      else delete sim.world.clusters[cluster.clusterArn];
      sim.world.events.length = eventsBefore;
      throw e;
    }
  }
  return { cluster: clusterOutput(sim, cluster) };
};

export const describeClusters: Action = (sim, input): DescribeClustersResponse => {
  const refs = optionalArray<unknown>(input, 'clusters') ?? [];
  if (refs.length > 100) throw invalidParameter('clusters can have at most 100 items.');
  const include = (optionalArray<Include>(input, 'include') ?? []).filter((i) => ['ATTACHMENTS', 'CONFIGURATIONS', 'SETTINGS', 'STATISTICS', 'TAGS'].includes(i));
  const clusters: SdkCluster[] = [];
  const failures: { arn: string; reason: string }[] = [];
  for (const ref of refs.length === 0 ? ['default'] : refs) {
    if (typeof ref !== 'string') throw invalidParameter('clusters must be a list of cluster names or ARNs.');
    const found = findCluster(sim.world, ref);
    if (found) clusters.push(clusterOutput(sim, found, include));
    else failures.push({ arn: ref.startsWith('arn:') ? ref : clusterArn(sim.world, clusterNameOf(ref)), reason: 'MISSING' });
  }
  return { clusters, failures };
};

export const listClusters: Action = (sim, input): ListClustersResponse => {
  const arns = Object.values(sim.world.clusters).filter((c) => c.status === 'ACTIVE').map((c) => c.clusterArn);
  return paginate(arns, input, 'clusterArns');
};

/** ECS's pagination: maxResults 1–100 (default 100), nextToken from the previous page. */
export function paginate<K extends string>(items: string[], input: Input, key: K): { [P in K]: string[] } & { nextToken?: string } {
  const max = optionalNumber(input, 'maxResults') ?? 100;
  if (!Number.isInteger(max) || max < 1 || max > 100) throw invalidParameter('maxResults must be between 1 and 100.');
  const token = optionalString(input, 'nextToken');
  const start = token === undefined ? 0 : Number(token.replace(/^page-/, ''));
  if (!Number.isInteger(start) || start < 0 || start > items.length) throw invalidParameter('Invalid nextToken.');
  const page = items.slice(start, start + max);
  const out = { [key]: page } as { [P in K]: string[] } & { nextToken?: string };
  if (start + max < items.length) out.nextToken = `page-${start + max}`;
  return out;
}

export const deleteCluster: Action = (sim, input): DeleteClusterResponse => {
  const ref = optionalString(input, 'cluster');
  if (ref === undefined) throw invalidParameter("1 validation error detected: Value null at 'cluster' failed to satisfy constraint: Member must not be null");
  const cluster = requireActiveCluster(sim.world, ref);
  const world = sim.world;
  if (registeredContainerInstances(world, cluster.clusterArn).length > 0) {
    throw new AwsError('ClusterContainsContainerInstancesException', 'The Cluster cannot be deleted while Container Instances are active or draining.');
  }
  if (activeServicesCount(world, cluster.clusterArn) > 0) {
    throw new AwsError('ClusterContainsServicesException', 'The Cluster cannot be deleted while Services are active.');
  }
  if (tasksInCluster(world, cluster.clusterArn).some((t) => t.lastStatus !== 'STOPPED')) {
    throw new AwsError('ClusterContainsTasksException', 'The Cluster cannot be deleted while Tasks are active.');
  }
  cluster.status = 'INACTIVE';
  sim.emit({ source: 'ecs', kind: 'cluster.deleted', resource: cluster.clusterArn, message: `Cluster ${cluster.clusterName} deleted: it is INACTIVE.` });
  return { cluster: clusterOutput(sim, cluster) };
};

export const clusterActions: Record<string, Action> = {
  'ecs:CreateCluster': createClusterAction,
  'ecs:DescribeClusters': describeClusters,
  'ecs:ListClusters': listClusters,
  'ecs:DeleteCluster': deleteCluster,
};
