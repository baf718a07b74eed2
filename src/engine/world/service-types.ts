/**
 * ECS services in the world (world.services, by serviceArn): the service's configuration as
 * CreateService/UpdateService set it, its deployments (newest first: PRIMARY, then ACTIVE ones
 * still holding tasks) and its service events (newest first, at most 100, as DescribeServices
 * returns them). Times are simulated seconds. Field names follow the SDK's `Service`/`Deployment`.
 */

import type { CapacityProviderStrategyItem } from './capacity-types';

export type SchedulingStrategy = 'REPLICA' | 'DAEMON';
export type DeploymentControllerType = 'ECS' | 'CODE_DEPLOY' | 'EXTERNAL';

export interface ServiceLoadBalancer {
  targetGroupArn: string;
  containerName: string;
  containerPort: number;
}

export interface ServiceNetworkConfiguration {
  awsvpcConfiguration: { subnets: string[]; securityGroups: string[]; assignPublicIp: 'ENABLED' | 'DISABLED' };
}

export interface ServiceDeploymentConfiguration {
  maximumPercent: number;
  minimumHealthyPercent: number;
  deploymentCircuitBreaker: { enable: boolean; rollback: boolean };
}

export interface ServiceDeployment {
  /** "ecs-svc/" and 19 digits; service tasks carry it as startedBy. */
  id: string;
  status: 'PRIMARY' | 'ACTIVE' | 'INACTIVE';
  taskDefinition: string;
  launchType: 'EC2' | 'FARGATE';
  platformVersion?: string;
  networkConfiguration?: ServiceNetworkConfiguration;
  createdAt: number;
  updatedAt: number;
  rolloutState: 'IN_PROGRESS' | 'COMPLETED' | 'FAILED';
  rolloutStateReason: string;
  /** Tasks of this deployment that failed to reach RUNNING (DescribeServices failedTasks). */
  failedTasks: number;
  /** Circuit breaker count: start failures, then health-check failures of its running tasks. */
  circuitBreakerFailures: number;
  /** Set on a deployment the circuit breaker started to roll back to an earlier one. */
  rollbackOf?: string;
  /**
   * The service's loadBalancers when this deployment started: its tasks register in (and drain
   * from) these target groups, so UpdateService loadBalancers moves only the new deployment's
   * tasks. Absent on older worlds: the service's loadBalancers apply.
   */
  loadBalancers?: ServiceLoadBalancer[];
  /** The capacity provider strategy its tasks are launched with (absent: the launch type). */
  capacityProviderStrategy?: CapacityProviderStrategyItem[];
}

export interface ServiceEvent {
  id: string;
  createdAt: number;
  message: string;
}

export interface Service {
  serviceArn: string;
  serviceName: string;
  clusterArn: string;
  status: 'ACTIVE' | 'DRAINING' | 'INACTIVE';
  desiredCount: number;
  /** With a capacity provider strategy: the kind of its providers (FARGATE or EC2), not shown by DescribeServices. */
  launchType: 'EC2' | 'FARGATE';
  /** CreateService's capacityProviderStrategy, or the cluster default it took (absent: launchType). */
  capacityProviderStrategy?: CapacityProviderStrategyItem[];
  platformVersion?: string;
  taskDefinition: string;
  schedulingStrategy: SchedulingStrategy;
  deploymentConfiguration: ServiceDeploymentConfiguration;
  deploymentController: { type: DeploymentControllerType };
  loadBalancers: ServiceLoadBalancer[];
  placementConstraints: { type: 'distinctInstance' | 'memberOf'; expression?: string }[];
  placementStrategy: { type: 'random' | 'spread' | 'binpack'; field?: string }[];
  networkConfiguration?: ServiceNetworkConfiguration;
  healthCheckGracePeriodSeconds: number;
  enableECSManagedTags: boolean;
  propagateTags: 'TASK_DEFINITION' | 'SERVICE' | 'NONE';
  enableExecuteCommand: boolean;
  tags: { key: string; value: string }[];
  createdAt: number;
  createdBy: string;
  deployments: ServiceDeployment[];
  events: ServiceEvent[];
  /** The last deployment that reached COMPLETED: where a circuit-breaker rollback goes back to. */
  lastCompletedDeployment?: { id: string; taskDefinition: string };
  /** Start-failure throttle: tasks in a row that stopped before RUNNING, and when the last did. */
  throttle: { consecutiveFailures: number; lastFailureAt?: number; notedLevel?: number };
  /** True while the service is in a steady state (the event is written on the way in). */
  steady: boolean;
  /** When the next reconcile event is due (older queued reconcile events are stale). */
  nextReconcileAt?: number;
  /**
   * True when the last scheduler pass found the service quiet (control/services/quiet.ts) and
   * nothing that pass read has changed since (changes.ts clears it): the next periodic pass may be
   * skipped.
   */
  unchangedSinceQuietPass?: boolean;
  /** When the scheduler last ran a full pass on the service (the periodic safety pass counts from it). */
  lastFullPassAt?: number;
}
