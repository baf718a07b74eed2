/**
 * The world: every resource of the simulated AWS account as plain, JSON-serialisable data keyed by
 * id. No classes, no functions, no Dates (times are simulated seconds since SIM_EPOCH; the API
 * turns them into Dates on the way out). Field names follow the AWS SDK v3 shapes so Describe
 * calls are mostly copies.
 *
 * Resource accounting: a container instance's `remainingResources` is kept up to date when a task
 * is placed on it and when that task reaches STOPPED (see control/resources.ts); the property tests
 * check it always equals registered minus what its non-STOPPED tasks reserve.
 */
import type { ContainerDefinition, TaskDefinition as SdkTaskDefinition } from '@aws-sdk/client-ecs';
import type { AlarmHistoryRecord, MetricAlarmRecord, MetricSeries } from './metrics-types';
import type { HealthCheckDue, Listener, ListenerRule, LoadBalancer, TargetGroup } from './elb-types';
import type { AutoScalingGroup, LaunchTemplate, ScalingActivity } from './autoscaling-types';
import type { Service } from './service-types';
import type { CapacityProvider, CapacityWait } from './capacity-types';
import type { TaskUsage, TrafficState } from './traffic-types';
import type { CostLedger, FaultState } from './fault-types';
import type { ApplicationAutoScalingState } from './app-autoscaling-types';
import type { CodeDeployState, TaskSet } from './codedeploy-types';

/** Simulated time 0 is this instant; every timestamp the API returns is SIM_EPOCH + seconds. */
export const SIM_EPOCH_MS = Date.UTC(2025, 0, 1, 0, 0, 0);

export interface World {
  region: string;
  accountId: string;
  /** Availability zones of the home region, e.g. us-east-1a..f. */
  availabilityZones: string[];
  vpcs: Record<string, Vpc>;
  subnets: Record<string, Subnet>;

  // ECR (every region's registry lives here: replication copies into other regions)
  repositories: Record<string, Repository>; // by repositoryArn
  images: Record<string, Image>; // by imageKey(repositoryArn, digest)
  replicationConfiguration: ReplicationRule[];
  registryPolicy?: string;
  lifecyclePreviews: Record<string, LifecyclePreview>; // by repositoryArn

  // EC2
  instances: Record<string, Ec2Instance>; // by InstanceId

  // ECS
  clusters: Record<string, Cluster>; // by clusterArn
  taskDefinitions: Record<string, TaskDefinition>; // by taskDefinitionArn
  /** family -> last revision number ever registered (revisions never reuse numbers). */
  taskDefinitionFamilies: Record<string, number>;
  containerInstances: Record<string, ContainerInstance>; // by containerInstanceArn
  /**
   * clusterArn -> the ARNs of the container instances registered in it (any status), in
   * registration order: an index so placement need not walk every instance of every cluster.
   * Kept by putContainerInstance (world/container-instance-index.ts); absent in older worlds.
   */
  containerInstanceArnsByCluster?: Record<string, string[]>;
  tasks: Record<string, Task>; // by taskArn
  /**
   * serviceArn -> the ARNs of its tasks still in the world, oldest first: an index so the service
   * scheduler need not walk every task (world/task-index.ts); absent in older worlds.
   */
  taskArnsByService?: Record<string, string[]>;
  /** Every task ARN of `tasks` in its enumeration (creation) order (world/task-index.ts). Absent in older worlds. */
  taskArnsInOrder?: string[];
  services: Record<string, Service>; // by serviceArn (types in service-types.ts)
  /** ECS task sets of CODE_DEPLOY / EXTERNAL services, by taskSetArn (codedeploy-types.ts); absent in older worlds. */
  taskSets?: Record<string, TaskSet>;
  /** CodeDeploy applications, deployment groups and deployments (codedeploy-types.ts); absent in older worlds. */
  codeDeploy?: CodeDeployState;
  /** Auto Scaling group capacity providers, by name (types in capacity-types.ts); absent in older worlds. */
  capacityProviders?: Record<string, CapacityProvider>;
  /** Tasks waiting in PROVISIONING for a capacity provider's instances, by taskArn; absent in older worlds. */
  capacityWaits?: Record<string, CapacityWait>;

  // Elastic Load Balancing v2 (types in elb-types.ts)
  loadBalancers: Record<string, LoadBalancer>; // by LoadBalancerArn
  targetGroups: Record<string, TargetGroup>; // by TargetGroupArn
  listeners: Record<string, Listener>; // by ListenerArn
  listenerRules: Record<string, ListenerRule>; // by RuleArn (default rules are not stored)
  /**
   * Load balancer health checks waiting, by due time (String(seconds)), in the order they were
   * scheduled: one kernel event per due time, not one per target (control/elb/check-batches.ts).
   * Absent in older worlds.
   */
  healthCheckBatches?: Record<string, HealthCheckDue[]>;
  /**
   * Healthy targets whose checks are parked (control/elb/parking.ts), by target Id (EC2 instance id
   * or IPv4 address): what to wake when something changes there. Entries may be stale (the target
   * was re-registered or removed since); waking checks each against its target.
   */
  parkedHealthChecks?: Record<string, { targetGroupArn: string; key: string }[]>;

  // CloudWatch (types in metrics-types.ts)
  metrics: Record<string, MetricSeries>; // by seriesKey(Namespace, MetricName, Dimensions)
  alarms: Record<string, MetricAlarmRecord>; // by AlarmName
  alarmHistory: AlarmHistoryRecord[]; // oldest first
  /** Last alarm evaluation token handed out (see MetricAlarmRecord.evaluationToken). */
  alarmTokenSequence?: number;

  // EC2 launch templates and EC2 Auto Scaling (types in autoscaling-types.ts)
  launchTemplates: Record<string, LaunchTemplate>; // by LaunchTemplateId
  autoScalingGroups: Record<string, AutoScalingGroup>; // by AutoScalingGroupName
  scalingActivities: Record<string, ScalingActivity>; // by ActivityId, in start order

  /** Application Auto Scaling (types in app-autoscaling-types.ts); absent in older worlds. */
  applicationAutoScaling?: ApplicationAutoScalingState;

  /** Faults injected with sim:InjectFault that are in effect (types in fault-types.ts). */
  faults?: FaultState;
  /** The cost meter's ledger (sim:GetCost; control/cost/ledger.ts). */
  costLedger?: CostLedger;

  /** Simulated client traffic and the traffic model's state (control/traffic; absent in older worlds). */
  traffic?: TrafficState;

  /** The event log, in order: what happened, in AWS's words. */
  events: SimEvent[];
}

export interface SimEvent {
  /** Simulated seconds. */
  at: number;
  /** Service prefix as in the CLI: ecr, ecs, ec2, sim. */
  source: string;
  /** A short machine-readable kind, e.g. "task.status", "task.placement", "agent.registered". */
  kind: string;
  /** ARN or id of the resource the event is about. */
  resource: string;
  /** What happened, worded like AWS's own messages. */
  message: string;
  detail?: Record<string, unknown>;
}

// ---------------------------------------------------------------- networking

export interface Vpc {
  VpcId: string;
  CidrBlock: string;
  IsDefault: boolean;
}

export interface Subnet {
  SubnetId: string;
  VpcId: string;
  AvailabilityZone: string;
  CidrBlock: string;
  /** Next host number handed out for private IPs in this subnet. */
  nextHost: number;
}

// ---------------------------------------------------------------- ECR

/** How a container from an image behaves (sim:PushImage `behavior`); every field has a default. */
export interface ImageBehavior {
  startupSeconds?: number;
  exitAfterSeconds?: number;
  exitCode?: number;
  healthy?: boolean;
  cpuUnitsIdle?: number;
  cpuUnitsPerRequest?: number;
  memoryMiBIdle?: number;
  memoryMiBPerRequest?: number;
  latencyMs?: number;
}

export interface Repository {
  repositoryArn: string;
  registryId: string;
  region: string;
  repositoryName: string;
  repositoryUri: string;
  createdAt: number;
  imageTagMutability: 'MUTABLE' | 'IMMUTABLE';
  imageScanningConfiguration: { scanOnPush: boolean };
  encryptionConfiguration: { encryptionType: 'AES256' | 'KMS'; kmsKey?: string };
  lifecyclePolicyText?: string;
  lifecyclePolicyLastEvaluatedAt?: number;
  /** Set by PutLifecyclePolicy; daily evaluation events carry it, so stale ones (policy replaced or deleted) stop. */
  lifecyclePolicyId?: string;
  repositoryPolicyText?: string;
  tags: { Key: string; Value: string }[];
}

export interface Image {
  repositoryArn: string;
  repositoryName: string;
  registryId: string;
  region: string;
  imageDigest: string;
  imageTags: string[];
  imageManifest: string;
  imageManifestMediaType: string;
  imageSizeInBytes: number;
  imagePushedAt: number;
  lastRecordedPullTime?: number;
  behavior: ImageBehavior;
}

export interface ReplicationRule {
  destinations: { region: string; registryId: string }[];
  repositoryFilters?: { filter: string; filterType: 'PREFIX_MATCH' }[];
}

export interface LifecyclePreview {
  lifecyclePolicyText: string;
  status: 'IN_PROGRESS' | 'COMPLETE' | 'EXPIRED' | 'FAILED';
  startedAt: number;
  results: { imageDigest: string; imageTags: string[]; imagePushedAt: number; rulePriority: number }[];
}

// ---------------------------------------------------------------- EC2

export type InstanceStateName = 'pending' | 'running' | 'shutting-down' | 'terminated' | 'stopping' | 'stopped';

export interface Ec2Instance {
  InstanceId: string;
  InstanceType: string;
  ImageId: string;
  State: { Code: number; Name: InstanceStateName };
  StateTransitionReason?: string;
  LaunchTime: number;
  Placement: { AvailabilityZone: string };
  SubnetId: string;
  VpcId: string;
  PrivateIpAddress: string;
  /** base64 as sent to RunInstances. */
  UserData?: string;
  IamInstanceProfile?: { Arn?: string; Name?: string };
  Tags: { Key: string; Value: string }[];
  /** Cluster name read from ECS_CLUSTER= in the user data ("default" when absent). */
  ecsClusterName: string;
  /** Set once the container agent has registered it. */
  containerInstanceArn?: string;
  /** The RunInstances call that launched it (DescribeInstances groups by reservation). */
  ReservationId?: string;
  /** Index of the instance within its RunInstances call. */
  AmiLaunchIndex?: number;
  /** Why the state last changed, as EC2 reports it (e.g. Client.UserInitiatedShutdown). */
  StateReason?: { Code: string; Message: string };
}

// ---------------------------------------------------------------- ECS

export interface Cluster {
  clusterArn: string;
  clusterName: string;
  status: 'ACTIVE' | 'PROVISIONING' | 'DEPROVISIONING' | 'FAILED' | 'INACTIVE';
  createdAt: number;
  settings: { name: string; value: string }[];
  capacityProviders: string[];
  defaultCapacityProviderStrategy: { capacityProvider: string; weight?: number; base?: number }[];
  tags: { key: string; value: string }[];
}

/** The SDK's TaskDefinition with times as simulated seconds. */
export type TaskDefinition = Omit<SdkTaskDefinition, 'registeredAt' | 'deregisteredAt' | 'deleteRequestedAt' | 'containerDefinitions'> & {
  taskDefinitionArn: string;
  family: string;
  revision: number;
  status: 'ACTIVE' | 'INACTIVE' | 'DELETE_IN_PROGRESS';
  containerDefinitions: ContainerDefinition[];
  registeredAt: number;
  deregisteredAt?: number;
  /** When DeleteTaskDefinitions moved it to DELETE_IN_PROGRESS (simulated seconds). */
  deleteRequestedAt?: number;
  /** Tags given to RegisterTaskDefinition (DescribeTaskDefinition returns them with include: ['TAGS']). */
  tags?: { key: string; value: string }[];
};

export interface Attribute {
  name: string;
  value?: string;
  targetType?: 'container-instance';
  targetId?: string;
}

/** CPU units, MiB, and TCP/UDP host ports, as ECS reports them in registered/remainingResources. */
export interface InstanceResources {
  cpu: number;
  memory: number;
  /** Host ports in use (TCP). Registered = the reserved ports 22, 2375, 2376, 51678, 51679. */
  ports: number[];
  portsUdp: number[];
}

export type ContainerInstanceStatus = 'REGISTERING' | 'REGISTRATION_FAILED' | 'ACTIVE' | 'INACTIVE' | 'DEREGISTERING' | 'DRAINING';

export interface ContainerInstance {
  containerInstanceArn: string;
  clusterArn: string;
  ec2InstanceId: string;
  status: ContainerInstanceStatus;
  statusReason?: string;
  agentConnected: boolean;
  versionInfo: { agentVersion: string; agentHash: string; dockerVersion: string };
  registeredResources: InstanceResources;
  remainingResources: InstanceResources;
  /** awsvpc tasks on EC2 take one ENI each; the limit is the type's ENIs minus the primary one. */
  eniLimit: number;
  enisInUse: number;
  /**
   * Placement's index (not an AWS field): how many tasks of each group hold resources here (placed
   * and not yet STOPPED). Kept by control/resources.ts reserve/release; spread, distinctInstance
   * and task:group read it instead of scanning every task.
   */
  taskGroupCounts?: Record<string, number>;
  /**
   * Index (not an AWS field): the ARNs of the tasks holding resources here (placed and not yet
   * STOPPED), kept by control/resources.ts reserve/release; health checks find the task behind an
   * instance target from it (world/task-index.ts). Absent in older worlds.
   */
  taskArns?: string[];
  attributes: Attribute[];
  registeredAt: number;
  capacityProviderName?: string;
  version: number;
  tags: { key: string; value: string }[];
  /** Image digests the Docker daemon on this instance has already pulled (its layer cache). */
  pulledImageDigests?: string[];
}

export type TaskStatus =
  | 'PROVISIONING'
  | 'PENDING'
  | 'ACTIVATING'
  | 'RUNNING'
  | 'DEACTIVATING'
  | 'STOPPING'
  | 'DEPROVISIONING'
  | 'STOPPED';

/** The order tasks move through; a task's lastStatus only ever moves forward in it. */
export const TASK_STATUS_ORDER: readonly TaskStatus[] = [
  'PROVISIONING',
  'PENDING',
  'ACTIVATING',
  'RUNNING',
  'DEACTIVATING',
  'STOPPING',
  'DEPROVISIONING',
  'STOPPED',
];

export type TaskStopCode =
  | 'TaskFailedToStart'
  | 'EssentialContainerExited'
  | 'UserInitiated'
  | 'ServiceSchedulerInitiated'
  | 'SpotInterruption'
  | 'TerminationNotice';

export type ContainerStatus = 'PENDING' | 'RUNNING' | 'STOPPED';

export interface Container {
  containerArn: string;
  name: string;
  image: string;
  imageDigest?: string;
  lastStatus: ContainerStatus;
  exitCode?: number;
  reason?: string;
  essential: boolean;
  healthStatus: 'HEALTHY' | 'UNHEALTHY' | 'UNKNOWN';
  networkBindings: { bindIP: string; containerPort: number; hostPort: number; protocol: 'tcp' | 'udp' }[];
  cpu: string;
  memory?: string;
  memoryReservation?: string;
  /** When it started RUNNING (simulated seconds). */
  startedAt?: number;
  /** When the agent began starting it (its dependsOn conditions were met). */
  startingAt?: number;
  /** How the pulled image behaves (copied at pull time, so deleting the image later changes nothing). */
  behavior?: ImageBehavior;
}

/** Why a task was placed where it was (or could not be): the Why panel reads this. */
export interface PlacementExplanation {
  /** One row per container instance considered, with the outcome of each placement step. */
  candidates: {
    containerInstanceArn: string;
    ec2InstanceId: string;
    availabilityZone: string;
    /** Empty when it passed; else the AWS reason, e.g. "RESOURCE:MEMORY", "MemberOf". */
    rejectedBy?: string;
    detail?: string;
  }[];
  /**
   * Strategy steps applied in order, and what each left. In the compact form (see
   * rejectedCounts) `kept` lists at most the first few ARNs and keptCount says how many were kept.
   */
  strategy: { type: string; field?: string; kept: string[]; keptCount?: number; note: string }[];
  chosen?: string;
  summary: string;
  /**
   * Compact form, for a placement in a large cluster (control/placement/explanation.ts): then
   * `candidates` holds only the finalists and one example row per rejection reason, this counts
   * the rejections by AWS reason over every container instance, and candidatesOmitted says how
   * many rows were left out. Absent when `candidates` has a row for every instance.
   */
  rejectedCounts?: Record<string, number>;
  candidatesOmitted?: number;
}

export interface Task {
  taskArn: string;
  clusterArn: string;
  taskDefinitionArn: string;
  containerInstanceArn?: string;
  ec2InstanceId?: string;
  launchType: 'EC2' | 'FARGATE' | 'EXTERNAL';
  capacityProviderName?: string;
  platformVersion?: string;
  lastStatus: TaskStatus;
  desiredStatus: 'RUNNING' | 'STOPPED';
  group: string;
  startedBy?: string;
  cpu?: string;
  memory?: string;
  availabilityZone: string;
  containers: Container[];
  overrides: { containerOverrides: unknown[]; cpu?: string; memory?: string; executionRoleArn?: string; taskRoleArn?: string };
  attachments: { id: string; type: 'ElasticNetworkInterface'; status: 'PRECREATED' | 'ATTACHING' | 'ATTACHED' | 'DETACHING' | 'DETACHED' | 'DELETED'; details: { name: string; value: string }[] }[];
  /** What this task holds on its container instance until STOPPED. */
  reserved: { cpu: number; memory: number; ports: number[]; portsUdp: number[]; eni: boolean };
  /** Set by control/resources.ts release() once `reserved` went back to the instance (never twice). */
  reservationReleased?: boolean;
  healthStatus: 'HEALTHY' | 'UNHEALTHY' | 'UNKNOWN';
  createdAt: number;
  pullStartedAt?: number;
  pullStoppedAt?: number;
  startedAt?: number;
  stoppingAt?: number;
  stoppedAt?: number;
  executionStoppedAt?: number;
  stopCode?: TaskStopCode;
  stoppedReason?: string;
  version: number;
  tags: { key: string; value: string }[];
  placement?: PlacementExplanation;
  /** The service that started it (services set it; standalone tasks have none). */
  serviceArn?: string;
  /** The service deployment it belongs to ("ecs-svc/...", also its startedBy). */
  deploymentId?: string;
  /** Set once the service scheduler has counted this task (start failure or failed health checks). */
  serviceOutcomeCounted?: boolean;
  /** Current CPU, memory and request rate (kept by control/traffic; absent until measured). */
  usage?: TaskUsage;
}
