/**
 * world -> React Flow nodes and edges: a pure function, the only place the canvas learns what
 * exists. Laid out in the order an image travels:
 *
 *   top band:  ECR registry (group) with its repositories  ->  task definitions
 *   below:     clusters (groups) with their container instances holding task chips
 *
 * Parents come before their children in `nodes` (React Flow requires it); children's positions
 * are relative to their parent. Sizes are fixed here so the layout needs no measuring.
 */
import type { Task, World } from '../../engine/world/types';
import { registryHost, resourceName } from '../../engine/world/arn';
import type { ContainerInstanceNode, Graph, SandboxEdge, SandboxNode, TaskNode } from './types';

export const LAYOUT = {
  columnX: { registry: 0, taskDefinitions: 340, clusters: 0 },
  /** Space between the top band (registry, task definitions) and the clusters. */
  bandGap: 56,
  header: 44,
  pad: 14,
  gap: 16,
  repository: { width: 250, baseHeight: 74, tagRow: 24, tagsPerRow: 3, maxTags: 6 },
  taskDefinition: { width: 240, height: 104 },
  instance: { width: 292, header: 116 },
  chip: { width: 126, height: 46, perRow: 2 },
  emptyCluster: { width: 320, height: 110 },
} as const;

/**
 * Choice: STOPPED tasks stay on the canvas for an hour after they stop, as ECS keeps them visible
 * to DescribeTasks/ListTasks for at least one hour.
 */
export const STOPPED_TASK_VISIBLE_SECONDS = 3600;

export function toGraph(world: World, now: number): Graph {
  const nodes: SandboxNode[] = [];
  const edges: SandboxEdge[] = [];
  const repositoryNodeIds = registryColumn(world, nodes);
  taskDefinitionColumn(world, nodes, edges, repositoryNodeIds);
  const bandBottom = Math.max(...nodes.filter((n) => !n.parentId).map((n) => n.position.y + (n.height ?? 0)));
  clusterColumn(world, now, nodes, bandBottom + LAYOUT.bandGap);
  return { nodes, edges };
}

export const nodeId = {
  registry: (host: string) => `registry:${host}`,
  repository: (arn: string) => `repository:${arn}`,
  taskDefinition: (arn: string) => `taskDefinition:${arn}`,
  cluster: (arn: string) => `cluster:${arn}`,
  containerInstance: (ec2InstanceId: string) => `containerInstance:${ec2InstanceId}`,
  task: (arn: string) => `task:${arn}`,
};

/** The registry group of the home region and its repositories; returns repository URI -> node id. */
function registryColumn(world: World, nodes: SandboxNode[]): Map<string, string> {
  const { repository: R, header, pad, gap } = LAYOUT;
  const host = registryHost(world);
  const repositories = Object.values(world.repositories)
    .filter((r) => r.region === world.region)
    .sort((a, b) => a.repositoryName.localeCompare(b.repositoryName));
  const registryId = nodeId.registry(host);
  const registry: SandboxNode = {
    id: registryId,
    type: 'registry',
    position: { x: LAYOUT.columnX.registry, y: 0 },
    data: { registryHost: host, repositoryCount: repositories.length },
    width: R.width + 2 * pad,
    height: 0,
    draggable: false,
  };
  nodes.push(registry);
  const uris = new Map<string, string>();
  let y = header;
  for (const repository of repositories) {
    const images = Object.values(world.images)
      .filter((i) => i.repositoryArn === repository.repositoryArn)
      .sort((a, b) => b.imagePushedAt - a.imagePushedAt || a.imageDigest.localeCompare(b.imageDigest));
    const imageTags = images.flatMap((i) => i.imageTags);
    const shown = Math.min(imageTags.length, R.maxTags) + (imageTags.length > R.maxTags ? 1 : 0);
    const height = R.baseHeight + Math.max(1, Math.ceil(shown / R.tagsPerRow)) * R.tagRow;
    const id = nodeId.repository(repository.repositoryArn);
    nodes.push({
      id,
      type: 'repository',
      parentId: registryId,
      extent: 'parent',
      position: { x: pad, y },
      data: {
        repositoryName: repository.repositoryName,
        repositoryUri: repository.repositoryUri,
        imageTags,
        imageCount: images.length,
      },
      width: R.width,
      height,
    });
    uris.set(repository.repositoryUri, id);
    y += height + gap;
  }
  registry.height = Math.max(y - gap + pad, header + 40);
  return uris;
}

/** The repository URI an image reference points into (`URI:tag` or `URI@sha256:...`), if any. */
export function repositoryUriOf(image: string): string | undefined {
  const at = image.indexOf('@');
  const withoutDigest = at >= 0 ? image.slice(0, at) : image;
  const slash = withoutDigest.lastIndexOf('/');
  const colon = withoutDigest.lastIndexOf(':');
  return colon > slash ? withoutDigest.slice(0, colon) : withoutDigest;
}

function tagOf(image: string): string | undefined {
  if (image.includes('@')) return image.slice(image.indexOf('@') + 1, image.indexOf('@') + 20);
  const slash = image.lastIndexOf('/');
  const colon = image.lastIndexOf(':');
  return colon > slash ? image.slice(colon + 1) : 'latest';
}

function taskDefinitionColumn(world: World, nodes: SandboxNode[], edges: SandboxEdge[], repositories: Map<string, string>): void {
  const { taskDefinition: T, gap } = LAYOUT;
  const definitions = Object.values(world.taskDefinitions).sort(
    (a, b) => a.family.localeCompare(b.family) || a.revision - b.revision,
  );
  definitions.forEach((definition, i) => {
    const id = nodeId.taskDefinition(definition.taskDefinitionArn);
    nodes.push({
      id,
      type: 'taskDefinition',
      position: { x: LAYOUT.columnX.taskDefinitions, y: LAYOUT.header + i * (T.height + gap) },
      data: {
        family: definition.family,
        revision: definition.revision,
        status: definition.status,
        networkMode: definition.networkMode ?? 'bridge',
        containers: definition.containerDefinitions.map((c) => ({ name: c.name ?? '', image: c.image ?? '' })),
        cpu: definition.cpu,
        memory: definition.memory,
      },
      width: T.width,
      height: T.height,
    });
    const linked = new Set<string>();
    for (const container of definition.containerDefinitions) {
      const source = repositories.get(repositoryUriOf(container.image ?? '') ?? '');
      if (!source || linked.has(source)) continue;
      linked.add(source);
      const imageTag = tagOf(container.image ?? '');
      edges.push({ id: `image:${source}->${id}`, source, target: id, label: imageTag, data: { imageTag } });
    }
  });
}

function visibleTasks(world: World, now: number): Task[] {
  return Object.values(world.tasks)
    .filter((t) => t.lastStatus !== 'STOPPED' || (t.stoppedAt ?? now) + STOPPED_TASK_VISIBLE_SECONDS > now)
    .sort((a, b) => a.createdAt - b.createdAt || a.taskArn.localeCompare(b.taskArn));
}

function taskNode(task: Task, parentId: string, x: number, y: number): TaskNode {
  const taskId = resourceName(task.taskArn);
  return {
    id: nodeId.task(task.taskArn),
    type: 'task',
    parentId,
    extent: 'parent',
    position: { x, y },
    data: {
      taskArn: task.taskArn,
      taskId: taskId.slice(0, 8),
      taskDefinition: resourceName(task.taskDefinitionArn),
      lastStatus: task.lastStatus,
      desiredStatus: task.desiredStatus,
      launchType: task.launchType,
      hostPorts: task.containers.flatMap((c) => c.networkBindings.map((b) => b.hostPort)),
      stoppedReason: task.stoppedReason,
    },
    width: LAYOUT.chip.width,
    height: LAYOUT.chip.height,
  };
}

/** Lays out task chips in rows inside a parent; returns the height used (at least one row). */
function chipRows(tasks: Task[], parentId: string, x0: number, y0: number, out: SandboxNode[]): number {
  const { chip, gap } = LAYOUT;
  const g = gap / 2;
  tasks.forEach((task, i) => {
    const col = i % chip.perRow;
    const row = Math.floor(i / chip.perRow);
    out.push(taskNode(task, parentId, x0 + col * (chip.width + g), y0 + row * (chip.height + g)));
  });
  const rows = Math.max(1, Math.ceil(tasks.length / chip.perRow));
  return rows * (chip.height + g) - g;
}

function clusterColumn(world: World, now: number, nodes: SandboxNode[], top: number): void {
  const { header, pad, gap, instance: I } = LAYOUT;
  const tasks = visibleTasks(world, now);
  const clusters = Object.values(world.clusters).sort((a, b) => a.createdAt - b.createdAt || a.clusterName.localeCompare(b.clusterName));
  let y = top;
  for (const cluster of clusters) {
    const clusterId = nodeId.cluster(cluster.clusterArn);
    const clusterTasks = tasks.filter((t) => t.clusterArn === cluster.clusterArn);
    const group: SandboxNode = {
      id: clusterId,
      type: 'cluster',
      position: { x: LAYOUT.columnX.clusters, y },
      data: {
        clusterName: cluster.clusterName,
        status: cluster.status,
        registeredContainerInstancesCount: Object.values(world.containerInstances).filter(
          (ci) => ci.clusterArn === cluster.clusterArn && ci.status !== 'INACTIVE',
        ).length,
        runningTasksCount: clusterTasks.filter((t) => t.lastStatus === 'RUNNING').length,
        pendingTasksCount: clusterTasks.filter((t) => t.lastStatus === 'PENDING').length,
      },
      width: LAYOUT.emptyCluster.width,
      height: LAYOUT.emptyCluster.height,
      draggable: false,
    };
    nodes.push(group);
    const children: SandboxNode[] = [];
    // EC2 instances whose user data names this cluster, registered or still booting.
    const instances = Object.values(world.instances)
      .filter((i) => i.ecsClusterName === cluster.clusterName && i.State.Name !== 'terminated')
      .sort((a, b) => a.LaunchTime - b.LaunchTime || a.InstanceId.localeCompare(b.InstanceId));
    let x: number = pad;
    let rowHeight = 0;
    for (const instance of instances) {
      const ci = instance.containerInstanceArn ? world.containerInstances[instance.containerInstanceArn] : undefined;
      const onIt = ci ? clusterTasks.filter((t) => t.containerInstanceArn === ci.containerInstanceArn) : [];
      const id = nodeId.containerInstance(instance.InstanceId);
      const node: ContainerInstanceNode = {
        id,
        type: 'containerInstance',
        parentId: clusterId,
        extent: 'parent',
        position: { x, y: header },
        data: {
          ec2InstanceId: instance.InstanceId,
          instanceType: instance.InstanceType,
          availabilityZone: instance.Placement.AvailabilityZone,
          ec2State: instance.State.Name,
          status: ci?.status,
          agentConnected: ci?.agentConnected ?? false,
          cpu: ci && { registered: ci.registeredResources.cpu, remaining: ci.remainingResources.cpu },
          memory: ci && { registered: ci.registeredResources.memory, remaining: ci.remainingResources.memory },
          taskCount: onIt.filter((t) => t.lastStatus !== 'STOPPED').length,
        },
        width: I.width,
        height: 0,
      };
      children.push(node);
      node.height = I.header + chipRows(onIt, id, pad, I.header, children) + pad;
      rowHeight = Math.max(rowHeight, node.height);
      x += I.width + gap;
    }
    // Tasks not on a container instance (Fargate, or not placed yet) sit in the cluster itself.
    const elsewhere = clusterTasks.filter((t) => !t.containerInstanceArn || !world.containerInstances[t.containerInstanceArn]);
    let bottom = header + rowHeight;
    if (elsewhere.length > 0) {
      const top = instances.length > 0 ? bottom + gap : header;
      bottom = top + chipRows(elsewhere, clusterId, pad, top, children);
      const { chip } = LAYOUT;
      x = Math.max(x, pad + chip.perRow * chip.width + (chip.perRow - 1) * (gap / 2) + gap);
    }
    if (instances.length > 0 || elsewhere.length > 0) {
      group.width = Math.max(x - gap + pad, LAYOUT.emptyCluster.width);
      group.height = bottom + pad;
    }
    nodes.push(...children);
    y += (group.height ?? 0) + 2 * gap;
  }
}
