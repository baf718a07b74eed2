/** The canvas's node components by kind, at module scope so React Flow never sees a new object. */
import type { NodeTypes } from '@xyflow/react';
import { ClusterNode } from './nodes/ClusterNode';
import { ContainerInstanceNode } from './nodes/ContainerInstanceNode';
import { RegistryNode } from './nodes/RegistryNode';
import { RepositoryNode } from './nodes/RepositoryNode';
import { TaskDefinitionNode } from './nodes/TaskDefinitionNode';
import { TaskNode } from './nodes/TaskNode';

export const nodeTypes = {
  registry: RegistryNode,
  repository: RepositoryNode,
  taskDefinition: TaskDefinitionNode,
  cluster: ClusterNode,
  containerInstance: ContainerInstanceNode,
  task: TaskNode,
} satisfies NodeTypes;
