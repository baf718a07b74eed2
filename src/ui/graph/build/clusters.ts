/**
 * Clusters as groups: one lane per availability zone in use, each holding that AZ's container
 * instances (with their task chips) and, below them, the cluster's Fargate tasks in that AZ.
 * EC2 tasks not on an instance yet (waiting for capacity) sit in a last "not placed" lane.
 *
 *   cluster ─┬─ azLane us-east-1a ─┬─ containerInstance i-0a… ── task chips
 *            │                     └─ fargateArea ── task chips
 *            └─ azLane us-east-1b ── …
 *
 * Everything inside a cluster is placed here, deterministically (no layout engine): a task
 * appearing grows only its instance (and so its lane and cluster), never moves other resources.
 */
import type { Ec2Instance, Task } from '../../../engine/world/types';
import { isPendingTask, isRunningTask } from '../../../engine/aws/ecs/clusters-counts';
import { nodeId } from '../ids';
import { LAYOUT } from '../sizes';
import type { ClusterNode, ContainerInstanceNode, SandboxNode } from '../types';
import type { BuildContext } from './context';
import { placeChips, type ChipContext } from './tasks';

const RESERVED_PORTS = new Set([22, 2375, 2376, 51678, 51679]);
/** Lane key of EC2 tasks that have no container instance yet. */
const UNPLACED = 'not placed';

export interface ClusterIndex {
  /** ec2 instance id -> container instance node id. */
  instanceNodes: Map<string, string>;
}

export function buildClusters(ctx: BuildContext, tasks: Task[], chips: ChipContext): ClusterIndex {
  const { world, nodes } = ctx;
  const instanceNodes = new Map<string, string>();
  const tasksByCluster = group(tasks, (t) => t.clusterArn);
  const instancesByCluster = group(
    Object.values(world.instances).filter((i) => i.State.Name !== 'terminated'),
    (i) => i.ecsClusterName,
  );
  const clusters = Object.values(world.clusters).sort((a, b) => a.createdAt - b.createdAt || a.clusterName.localeCompare(b.clusterName));
  for (const cluster of clusters) {
    const clusterId = nodeId.cluster(cluster.clusterArn);
    const clusterTasks = tasksByCluster.get(cluster.clusterArn) ?? [];
    const instances = (instancesByCluster.get(cluster.clusterName) ?? []).sort(
      (a, b) => a.LaunchTime - b.LaunchTime || a.InstanceId.localeCompare(b.InstanceId),
    );
    const node: ClusterNode = {
      id: clusterId,
      type: 'cluster',
      position: { x: 0, y: 0 },
      data: {
        clusterName: cluster.clusterName,
        status: cluster.status,
        registeredContainerInstancesCount: (world.containerInstanceArnsByCluster?.[cluster.clusterArn] ?? Object.keys(world.containerInstances))
          .map((arn) => world.containerInstances[arn])
          .filter((ci) => ci && ci.clusterArn === cluster.clusterArn && (ci.status === 'ACTIVE' || ci.status === 'DRAINING')).length,
        runningTasksCount: clusterTasks.filter(isRunningTask).length,
        pendingTasksCount: clusterTasks.filter(isPendingTask).length,
        activeServicesCount: Object.values(world.services).filter((s) => s.clusterArn === cluster.clusterArn && s.status === 'ACTIVE').length,
        capacityProviders: cluster.capacityProviders,
        laneCount: 0,
      },
      width: LAYOUT.emptyCluster.width,
      height: LAYOUT.emptyCluster.height,
    };
    nodes.push(node);
    const children: SandboxNode[] = [];
    const lanes = laneContents(instances, clusterTasks, world.containerInstances);
    node.data.laneCount = lanes.length;
    let x: number = LAYOUT.pad;
    const laneNodes: SandboxNode[] = [];
    let laneHeight: number = LAYOUT.lane.minHeight;
    for (const [az, lane] of lanes) {
      const laneId = nodeId.azLane(cluster.clusterArn, az);
      const laneNode: SandboxNode = {
        id: laneId,
        type: 'azLane',
        parentId: clusterId,
        extent: 'parent',
        draggable: false,
        selectable: false,
        position: { x, y: LAYOUT.header },
        data: { availabilityZone: az, instanceCount: lane.instances.length, taskCount: lane.fargate.length + lane.onInstances },
        width: LAYOUT.lane.minWidth,
        height: 0,
      };
      laneNodes.push(laneNode);
      children.push(laneNode);
      let y: number = LAYOUT.lane.header;
      for (const instance of lane.instances) {
        const onIt = lane.byInstance.get(instance.InstanceId) ?? [];
        const ci = instance.containerInstanceArn ? world.containerInstances[instance.containerInstanceArn] : undefined;
        const id = nodeId.containerInstance(instance.InstanceId);
        instanceNodes.set(instance.InstanceId, id);
        const ports = ci ? [...ci.remainingResources.ports, ...ci.remainingResources.portsUdp].filter((p) => !RESERVED_PORTS.has(p)) : [];
        const instanceNode: ContainerInstanceNode = {
          id,
          type: 'containerInstance',
          parentId: laneId,
          extent: 'parent',
          draggable: false,
          position: { x: LAYOUT.pad, y },
          data: {
            ec2InstanceId: instance.InstanceId,
            containerInstanceArn: ci?.containerInstanceArn,
            instanceType: instance.InstanceType,
            availabilityZone: instance.Placement.AvailabilityZone,
            ec2State: instance.State.Name,
            status: ci?.status,
            agentConnected: ci?.agentConnected ?? false,
            cpu: ci && { registered: ci.registeredResources.cpu, remaining: ci.remainingResources.cpu },
            memory: ci && { registered: ci.registeredResources.memory, remaining: ci.remainingResources.memory },
            enis: ci && ci.eniLimit > 0 ? { registered: ci.eniLimit, remaining: ci.eniLimit - ci.enisInUse } : undefined,
            taskHostPorts: [...new Set(ports)].sort((a, b) => a - b),
            capacityProviderName: ci?.capacityProviderName,
            taskCount: onIt.filter((t) => t.lastStatus !== 'STOPPED').length,
          },
          width: LAYOUT.instance.width,
          height: 0,
        };
        children.push(instanceNode);
        const chipsHeight = placeChips(onIt, id, LAYOUT.pad, LAYOUT.instance.header, children, chips);
        instanceNode.height = LAYOUT.instance.header + chipsHeight + LAYOUT.pad;
        y += instanceNode.height + LAYOUT.gap;
      }
      if (lane.fargate.length > 0) {
        const areaId = nodeId.fargateArea(cluster.clusterArn, az);
        const area: SandboxNode = {
          id: areaId,
          type: 'fargateArea',
          parentId: laneId,
          extent: 'parent',
          draggable: false,
          selectable: false,
          position: { x: LAYOUT.pad, y },
          data: { availabilityZone: az, taskCount: lane.fargate.length, kind: az === UNPLACED ? 'UNPLACED' : 'FARGATE' },
          width: LAYOUT.instance.width,
          height: 0,
        };
        children.push(area);
        area.height = LAYOUT.fargate.header + placeChips(lane.fargate, areaId, LAYOUT.pad, LAYOUT.fargate.header, children, chips) + LAYOUT.pad;
        y += area.height + LAYOUT.gap;
      }
      laneHeight = Math.max(laneHeight, y - LAYOUT.gap + LAYOUT.pad);
      laneNode.width = LAYOUT.instance.width + 2 * LAYOUT.pad;
      x += laneNode.width + LAYOUT.gap;
    }
    for (const lane of laneNodes) lane.height = laneHeight;
    if (laneNodes.length > 0) {
      node.width = Math.max(x - LAYOUT.gap + LAYOUT.pad, LAYOUT.emptyCluster.width);
      node.height = LAYOUT.header + laneHeight + LAYOUT.pad;
    }
    nodes.push(...children);
  }
  return { instanceNodes };
}

interface Lane {
  instances: Ec2Instance[];
  byInstance: Map<string, Task[]>;
  onInstances: number;
  /** Fargate tasks of this AZ (or, in the UNPLACED lane, EC2 tasks without an instance). */
  fargate: Task[];
}

/** The lanes of a cluster, by AZ name (sorted), then the not-placed lane if any task needs it. */
function laneContents(instances: Ec2Instance[], tasks: Task[], containerInstances: Record<string, { ec2InstanceId: string }>): [string, Lane][] {
  const lanes = new Map<string, Lane>();
  const lane = (az: string) => {
    let l = lanes.get(az);
    if (!l) lanes.set(az, (l = { instances: [], byInstance: new Map(), onInstances: 0, fargate: [] }));
    return l;
  };
  const laneOfInstance = new Map<string, Lane>();
  for (const instance of instances) {
    const l = lane(instance.Placement.AvailabilityZone);
    l.instances.push(instance);
    laneOfInstance.set(instance.InstanceId, l);
  }
  for (const task of tasks) {
    const ec2InstanceId = task.ec2InstanceId ?? (task.containerInstanceArn ? containerInstances[task.containerInstanceArn]?.ec2InstanceId : undefined);
    const l = ec2InstanceId ? laneOfInstance.get(ec2InstanceId) : undefined;
    if (l && ec2InstanceId) {
      const list = l.byInstance.get(ec2InstanceId) ?? [];
      list.push(task);
      l.byInstance.set(ec2InstanceId, list);
      l.onInstances++;
    } else if (task.launchType === 'FARGATE' && task.availabilityZone) {
      lane(task.availabilityZone).fargate.push(task);
    } else {
      // EC2 tasks waiting for capacity, or whose instance has gone (terminated).
      lane(UNPLACED).fargate.push(task);
    }
  }
  const sorted = [...lanes.entries()].filter(([az]) => az !== UNPLACED).sort(([a], [b]) => a.localeCompare(b));
  const unplaced = lanes.get(UNPLACED);
  return unplaced ? [...sorted, [UNPLACED, unplaced]] : sorted;
}

function group<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}
