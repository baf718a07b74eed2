/** The canvas's node components by kind, at module scope so React Flow never sees a new object. */
import type { NodeTypes } from '@xyflow/react';
import { AzLaneNode } from './nodes/AzLaneNode';
import { ClusterNode } from './nodes/ClusterNode';
import { ContainerInstanceNode } from './nodes/ContainerInstanceNode';
import { FargateAreaNode } from './nodes/FargateAreaNode';
import { ListenerNode, LoadBalancerNode, TargetGroupNode } from './nodes/LoadBalancingNodes';
import { RegistryNode } from './nodes/RegistryNode';
import { RepositoryNode } from './nodes/RepositoryNode';
import { AlarmNode, AutoScalingGroupNode, CapacityProviderNode, ScalingPolicyNode, TrafficSourceNode } from './nodes/ScalingNodes';
import { ServiceNode } from './nodes/ServiceNode';
import { TaskDefinitionNode } from './nodes/TaskDefinitionNode';
import { TaskNode } from './nodes/TaskNode';
import { TaskSummaryNode } from './nodes/TaskSummaryNode';
import type { SandboxNodeKind } from './types';

export const nodeTypes = {
  registry: RegistryNode,
  repository: RepositoryNode,
  taskDefinition: TaskDefinitionNode,
  cluster: ClusterNode,
  azLane: AzLaneNode,
  fargateArea: FargateAreaNode,
  containerInstance: ContainerInstanceNode,
  task: TaskNode,
  taskSummary: TaskSummaryNode,
  service: ServiceNode,
  loadBalancer: LoadBalancerNode,
  listener: ListenerNode,
  targetGroup: TargetGroupNode,
  autoScalingGroup: AutoScalingGroupNode,
  capacityProvider: CapacityProviderNode,
  scalingPolicy: ScalingPolicyNode,
  alarm: AlarmNode,
  trafficSource: TrafficSourceNode,
} satisfies NodeTypes & Record<SandboxNodeKind, unknown>;
