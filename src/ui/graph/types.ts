/**
 * The canvas's node and edge types: one React Flow node kind per AWS resource kind, each typed
 * `Node<Data, 'kind'>` as xyflow recommends. Data is plain and already worded for display.
 */
import type { Edge, Node } from '@xyflow/react';
import type { ContainerInstanceStatus, InstanceStateName, TaskStatus } from '../../engine/world/types';

export type RegistryData = { registryHost: string; repositoryCount: number };
export type RegistryNode = Node<RegistryData, 'registry'>;

export type RepositoryData = {
  repositoryName: string;
  repositoryUri: string;
  /** Tags of its images, newest push first. */
  imageTags: string[];
  imageCount: number;
};
export type RepositoryNode = Node<RepositoryData, 'repository'>;

export type TaskDefinitionData = {
  family: string;
  revision: number;
  status: string;
  networkMode: string;
  /** "web: 1234.dkr.ecr.../web:v1" per container. */
  containers: { name: string; image: string }[];
  cpu?: string;
  memory?: string;
};
export type TaskDefinitionNode = Node<TaskDefinitionData, 'taskDefinition'>;

export type ClusterData = {
  clusterName: string;
  status: string;
  registeredContainerInstancesCount: number;
  runningTasksCount: number;
  pendingTasksCount: number;
};
export type ClusterNode = Node<ClusterData, 'cluster'>;

export type ResourceBar = { registered: number; remaining: number };

export type ContainerInstanceData = {
  ec2InstanceId: string;
  instanceType: string;
  availabilityZone: string;
  /** EC2 state of the instance (pending while it boots). */
  ec2State: InstanceStateName;
  /** ECS status once the agent has registered it; absent before. */
  status?: ContainerInstanceStatus;
  agentConnected: boolean;
  /** CPU units and MiB; absent until registered. */
  cpu?: ResourceBar;
  memory?: ResourceBar;
  taskCount: number;
};
export type ContainerInstanceNode = Node<ContainerInstanceData, 'containerInstance'>;

export type TaskData = {
  taskArn: string;
  /** The task id (last ARN segment), shortened for the chip. */
  taskId: string;
  /** family:revision */
  taskDefinition: string;
  lastStatus: TaskStatus;
  desiredStatus: string;
  launchType: string;
  hostPorts: number[];
  stoppedReason?: string;
};
export type TaskNode = Node<TaskData, 'task'>;

export type SandboxNode = RegistryNode | RepositoryNode | TaskDefinitionNode | ClusterNode | ContainerInstanceNode | TaskNode;

export type SandboxEdge = Edge<{ imageTag?: string }>;

export interface Graph {
  nodes: SandboxNode[];
  edges: SandboxEdge[];
}
