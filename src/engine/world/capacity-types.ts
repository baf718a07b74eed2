/**
 * ECS capacity providers in the world (world.capacityProviders, by name), and the tasks waiting in
 * PROVISIONING for capacity of an Auto Scaling group provider (world.capacityWaits, by taskArn).
 * Field names follow the SDK's `CapacityProvider` / `CapacityProviderStrategyItem`; times are
 * simulated seconds. The built-in FARGATE and FARGATE_SPOT providers are not stored: every account
 * has them (aws/ecs/capacity-providers-store.ts answers for them).
 */

export interface ManagedScaling {
  status: 'ENABLED' | 'DISABLED';
  /** Percent of the group's capacity ECS aims to use: 1–100 (default 100). */
  targetCapacity: number;
  minimumScalingStepSize: number;
  maximumScalingStepSize: number;
  /** Seconds a newly launched instance is not counted in CloudWatch metrics (default 300). */
  instanceWarmupPeriod: number;
}

export interface AutoScalingGroupProvider {
  autoScalingGroupArn: string;
  managedScaling: ManagedScaling;
  managedTerminationProtection: 'ENABLED' | 'DISABLED';
  /** Stored and returned; draining before scale-in is not modelled. */
  managedDraining: 'ENABLED' | 'DISABLED';
}

export interface CapacityProvider {
  capacityProviderArn: string;
  name: string;
  status: 'ACTIVE' | 'INACTIVE';
  autoScalingGroupProvider: AutoScalingGroupProvider;
  updateStatus?: 'DELETE_IN_PROGRESS' | 'DELETE_COMPLETE' | 'DELETE_FAILED' | 'UPDATE_IN_PROGRESS' | 'UPDATE_COMPLETE' | 'UPDATE_FAILED';
  updateStatusReason?: string;
  tags: { key: string; value: string }[];
  createdAt: number;
  /** Managed scaling's state (not AWS fields): consecutive minutes the reservation was below target. */
  minutesBelowTarget?: number;
  /** The last CapacityProviderReservation published, for the UI and tests. */
  lastReservation?: { at: number; value: number; m: number; n: number };
  /** The last "cannot scale" explanation logged, so it is logged once, not every minute. */
  lastBlocked?: string;
}

export interface CapacityProviderStrategyItem {
  capacityProvider: string;
  weight: number;
  base: number;
}

/**
 * A task that a capacity provider strategy sent to an Auto Scaling group provider with managed
 * scaling, which no container instance of the group could take yet: it stays in PROVISIONING with
 * no container instance until one registers with room (or the wait times out).
 */
export interface CapacityWait {
  taskArn: string;
  clusterArn: string;
  capacityProviderName: string;
  placementStrategy: { type: 'random' | 'spread' | 'binpack'; field?: string }[];
  placementConstraints: { type: 'distinctInstance' | 'memberOf'; expression?: string }[];
  awsvpc?: { subnetIds: string[]; securityGroups: string[]; assignPublicIp: 'ENABLED' | 'DISABLED' };
  /** Why it could not be placed the last time it was tried (AWS reason, e.g. RESOURCE:MEMORY). */
  lastReason: string;
  since: number;
}
