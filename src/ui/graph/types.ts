/**
 * The canvas's node and edge types: one React Flow node kind per AWS resource kind, each typed
 * `Node<Data, 'kind'>` as xyflow recommends. Data is plain and already worded for display, and
 * holds no simulated time, so an unchanged resource gives an equal node (see stable.ts).
 */
import type { Edge, Node } from '@xyflow/react';
import type { ContainerInstanceStatus, InstanceStateName, TaskStatus } from '../../engine/world/types';
import type { TargetHealthState } from '../../engine/world/elb-types';
import type { AlarmStateValue } from '../../engine/world/metrics-types';

export type RegistryData = { registryHost: string; repositoryCount: number };
export type RegistryNode = Node<RegistryData, 'registry'>;

export type RepositoryData = {
  repositoryName: string;
  repositoryUri: string;
  /** Tags of its images, newest push first. */
  imageTags: string[];
  imageCount: number;
  /** Newest first, at most LAYOUT.repository.maxImages: a short digest and its tags. */
  images: { digest: string; tags: string[] }[];
  imageTagMutability: 'MUTABLE' | 'IMMUTABLE';
  hasLifecyclePolicy: boolean;
  scanOnPush: boolean;
};
export type RepositoryNode = Node<RepositoryData, 'repository'>;

export type TaskDefinitionData = {
  family: string;
  revision: number;
  status: string;
  networkMode: string;
  /** name and image per container. */
  containers: { name: string; image: string }[];
  cpu?: string;
  memory?: string;
  requiresCompatibilities: string[];
};
export type TaskDefinitionNode = Node<TaskDefinitionData, 'taskDefinition'>;

export type ClusterData = {
  clusterName: string;
  status: string;
  registeredContainerInstancesCount: number;
  runningTasksCount: number;
  pendingTasksCount: number;
  activeServicesCount: number;
  capacityProviders: string[];
  /** How many lanes (AZs with instances or tasks) the cluster draws: with none, it says it is empty. */
  laneCount: number;
};
export type ClusterNode = Node<ClusterData, 'cluster'>;

/** One availability zone of a cluster: a column holding its container instances and Fargate tasks. */
export type AzLaneData = { availabilityZone: string; instanceCount: number; taskCount: number };
export type AzLaneNode = Node<AzLaneData, 'azLane'>;

/** The Fargate tasks of one cluster in one AZ (or EC2 tasks still waiting for an instance). */
export type FargateAreaData = { availabilityZone: string; taskCount: number; kind: 'FARGATE' | 'UNPLACED' };
export type FargateAreaNode = Node<FargateAreaData, 'fargateArea'>;

export type ResourceBar = { registered: number; remaining: number };

export type ContainerInstanceData = {
  ec2InstanceId: string;
  containerInstanceArn?: string;
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
  /** ENIs for awsvpc tasks: registered = the limit, remaining = limit - in use. */
  enis?: ResourceBar;
  /** Host ports tasks hold (TCP and UDP), not counting the agent's reserved ones. */
  taskHostPorts: number[];
  capacityProviderName?: string;
  taskCount: number;
};
export type ContainerInstanceNode = Node<ContainerInstanceData, 'containerInstance'>;

/** Which deployment (or, for a CODE_DEPLOY/EXTERNAL service, which task set) a task belongs to. */
export type DeploymentBadge = { status: 'PRIMARY' | 'ACTIVE' | 'INACTIVE' | 'DRAINING'; serviceName: string; taskSet?: boolean };
export type TargetHealthBadge = { state: TargetHealthState; reason?: string; targetGroupName: string };

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
  /** 0..1: how far the task got towards RUNNING (provisioned, pulled, started). */
  progress: number;
  /** "pulling image" while the pull runs, else the status in words. */
  phase: string;
  startedAt?: number;
  stopCode?: string;
  stoppedReason?: string;
  serviceArn?: string;
  deployment?: DeploymentBadge;
  /** The task's worst target health over its target groups (the ring). */
  targetHealth?: TargetHealthBadge;
};
export type TaskNode = Node<TaskData, 'task'>;

/** Tasks of one parent folded into counts (large worlds); clicking expands them. */
export type TaskSummaryData = { parentId: string; counts: { status: TaskStatus; count: number }[]; total: number };
export type TaskSummaryNode = Node<TaskSummaryData, 'taskSummary'>;

export type DeploymentRow = {
  id: string;
  status: 'PRIMARY' | 'ACTIVE' | 'INACTIVE';
  taskDefinition: string;
  runningCount: number;
  pendingCount: number;
  failedTasks: number;
  rolloutState: string;
  rolloutStateReason: string;
};

/** A task set of a CODE_DEPLOY or EXTERNAL service (blue/green): DescribeTaskSets in a row. */
export type TaskSetRow = {
  id: string;
  status: 'PRIMARY' | 'ACTIVE' | 'DRAINING';
  taskDefinition: string;
  /** scale.value (PERCENT) and the task count it asks for (computedDesiredCount). */
  scale: number;
  computedDesiredCount: number;
  runningCount: number;
  pendingCount: number;
  stabilityStatus: string;
  /** Names of the target groups its tasks register in. */
  targetGroups: string[];
};

/** A CodeDeploy deployment of the service still under way, or the last one. */
export type CodeDeployBadge = {
  deploymentId: string;
  status: string;
  deploymentConfigName: string;
  /** Percent of production traffic the replacement (green) target group gets. */
  greenWeight: number;
};

export type ServiceData = {
  serviceArn: string;
  serviceName: string;
  clusterName: string;
  status: string;
  launchType: string;
  schedulingStrategy: string;
  desiredCount: number;
  runningCount: number;
  pendingCount: number;
  minimumHealthyPercent: number;
  maximumPercent: number;
  steady: boolean;
  deployments: DeploymentRow[];
  /** Blue/green: the task sets (CODE_DEPLOY or EXTERNAL deployment controller). */
  taskSets?: TaskSetRow[];
  codeDeploy?: CodeDeployBadge;
};
export type ServiceNode = Node<ServiceData, 'service'>;

export type LoadBalancerData = {
  name: string;
  type: string;
  scheme: string;
  state: string;
  dnsName: string;
  availabilityZones: string[];
  /** Requests per second offered in the last traffic tick, if traffic is simulated. */
  requestsPerSecond?: number;
};
export type LoadBalancerNode = Node<LoadBalancerData, 'loadBalancer'>;

export type ListenerData = {
  protocol: string;
  port: number;
  defaultAction: string;
  ruleCount: number;
  /** A CodeDeploy deployment shifting this production listener's traffic, in words. */
  codeDeploy?: string;
};
export type ListenerNode = Node<ListenerData, 'listener'>;

export type TargetGroupData = {
  name: string;
  protocol: string;
  port: number;
  targetType: string;
  healthCheck: string;
  /** Registered targets by health state, in AWS's state names. */
  counts: { state: TargetHealthState; count: number }[];
};
export type TargetGroupNode = Node<TargetGroupData, 'targetGroup'>;

export type AutoScalingGroupData = {
  name: string;
  minSize: number;
  maxSize: number;
  desiredCapacity: number;
  inService: number;
  pending: number;
  terminating: number;
  launchTemplate: string;
};
export type AutoScalingGroupNode = Node<AutoScalingGroupData, 'autoScalingGroup'>;

export type CapacityProviderData = {
  name: string;
  status: string;
  managedScaling: string;
  targetCapacity: number;
  managedTerminationProtection: string;
  /** CapacityProviderReservation, percent, last published. */
  reservation?: number;
};
export type CapacityProviderNode = Node<CapacityProviderData, 'capacityProvider'>;

export type ScalingPolicyData = {
  policyName: string;
  policyType: string;
  /** "ECSServiceAverageCPUUtilization target 50" or "step scaling". */
  summary: string;
  minCapacity?: number;
  maxCapacity?: number;
};
export type ScalingPolicyNode = Node<ScalingPolicyData, 'scalingPolicy'>;

export type AlarmData = {
  alarmName: string;
  state: AlarmStateValue;
  stateReason: string;
  /** "CPUUtilization > 70 for 3 datapoints of 60 s". */
  condition: string;
};
export type AlarmNode = Node<AlarmData, 'alarm'>;

export type TrafficSourceData = {
  loadBalancerName: string;
  host: string;
  path: string;
  port?: number;
  pattern: string;
  requestsPerSecond: number;
};
export type TrafficSourceNode = Node<TrafficSourceData, 'trafficSource'>;

export type SandboxNode =
  | RegistryNode
  | RepositoryNode
  | TaskDefinitionNode
  | ClusterNode
  | AzLaneNode
  | FargateAreaNode
  | ContainerInstanceNode
  | TaskNode
  | TaskSummaryNode
  | ServiceNode
  | LoadBalancerNode
  | ListenerNode
  | TargetGroupNode
  | AutoScalingGroupNode
  | CapacityProviderNode
  | ScalingPolicyNode
  | AlarmNode
  | TrafficSourceNode;

export type SandboxNodeKind = NonNullable<SandboxNode['type']>;

/** What an edge means, so it can be drawn and explained (the label says it in AWS's words). */
export type EdgeRelation =
  | 'image'
  | 'deployment'
  | 'service'
  | 'listener'
  | 'forward'
  | 'target'
  | 'capacity'
  | 'scaling'
  | 'alarm'
  | 'traffic';

export type SandboxEdgeData = {
  relation: EdgeRelation;
  imageTag?: string;
  targetState?: TargetHealthState;
  requestsPerSecond?: number;
  /** An edge of the selected resource (edgeStyle.ts highlightEdges): its label shows even where others' are quiet. */
  highlighted?: boolean;
};
export type SandboxEdge = Edge<SandboxEdgeData>;

export interface Graph {
  nodes: SandboxNode[];
  edges: SandboxEdge[];
}
