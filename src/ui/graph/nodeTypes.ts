/** The canvas's node components by kind (each placed by left/top: nodes/positioned.tsx), at module scope so React Flow never sees a new object. */
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
import { positioned } from './nodes/positioned';

export const nodeTypes = {
  registry: positioned(RegistryNode),
  repository: positioned(RepositoryNode),
  taskDefinition: positioned(TaskDefinitionNode),
  cluster: positioned(ClusterNode),
  azLane: positioned(AzLaneNode),
  fargateArea: positioned(FargateAreaNode),
  containerInstance: positioned(ContainerInstanceNode),
  task: positioned(TaskNode),
  taskSummary: positioned(TaskSummaryNode),
  service: positioned(ServiceNode),
  loadBalancer: positioned(LoadBalancerNode),
  listener: positioned(ListenerNode),
  targetGroup: positioned(TargetGroupNode),
  autoScalingGroup: positioned(AutoScalingGroupNode),
  capacityProvider: positioned(CapacityProviderNode),
  scalingPolicy: positioned(ScalingPolicyNode),
  alarm: positioned(AlarmNode),
  trafficSource: positioned(TrafficSourceNode),
} satisfies NodeTypes & Record<SandboxNodeKind, unknown>;
