/**
 * Application Auto Scaling's part of the world (world.applicationAutoScaling): scalable targets,
 * scaling policies, scheduled actions and scaling activities, as plain data. Field names follow the
 * SDK v3 shapes of @aws-sdk/client-application-auto-scaling; times are simulated seconds. Only the
 * ECS namespace (ecs:service:DesiredCount) is simulated.
 */
import type { StepScalingPolicyConfiguration, TargetTrackingScalingPolicyConfiguration } from '@aws-sdk/client-application-auto-scaling';

export interface AppSuspendedState {
  DynamicScalingInSuspended: boolean;
  DynamicScalingOutSuspended: boolean;
  ScheduledScalingSuspended: boolean;
}

/** Cooldown bookkeeping of a target (not AWS fields): what the last scaling activity started. */
export interface AppCooldowns {
  /** A scale-out cooldown runs until this time; `base` is the capacity before that scale-out. */
  scaleOut?: { until: number; base: number };
  /** A scale-in cooldown runs until this time. */
  scaleIn?: { until: number };
}

export interface AppScalableTarget {
  ServiceNamespace: 'ecs';
  ResourceId: string;
  ScalableDimension: 'ecs:service:DesiredCount';
  MinCapacity: number;
  MaxCapacity: number;
  RoleARN: string;
  CreationTime: number;
  SuspendedState: AppSuspendedState;
  ScalableTargetARN: string;
  cooldowns: AppCooldowns;
}

export interface AppScalingPolicy {
  PolicyARN: string;
  PolicyName: string;
  ServiceNamespace: 'ecs';
  ResourceId: string;
  ScalableDimension: 'ecs:service:DesiredCount';
  PolicyType: 'TargetTrackingScaling' | 'StepScaling';
  StepScalingPolicyConfiguration?: StepScalingPolicyConfiguration;
  TargetTrackingScalingPolicyConfiguration?: TargetTrackingScalingPolicyConfiguration;
  /** The alarms that invoke it: for target tracking, the ones it created (high first, then low). */
  Alarms: { AlarmName: string; AlarmARN: string }[];
  CreationTime: number;
}

export interface AppScheduledAction {
  ScheduledActionName: string;
  ScheduledActionARN: string;
  ServiceNamespace: 'ecs';
  Schedule: string;
  Timezone?: string;
  ResourceId: string;
  ScalableDimension: 'ecs:service:DesiredCount';
  StartTime?: number;
  EndTime?: number;
  ScalableTargetAction: { MinCapacity?: number; MaxCapacity?: number };
  CreationTime: number;
  /** Not an AWS field: identifies this version's timer, so a replaced or deleted action's event stops. */
  token: number;
}

export type AppScalingActivityStatus = 'Pending' | 'InProgress' | 'Successful' | 'Overridden' | 'Unfulfilled' | 'Failed';

export interface AppScalingActivity {
  ActivityId: string;
  ServiceNamespace: 'ecs';
  ResourceId: string;
  ScalableDimension: 'ecs:service:DesiredCount';
  Description: string;
  Cause: string;
  StartTime: number;
  EndTime?: number;
  StatusCode: AppScalingActivityStatus;
  StatusMessage?: string;
  Details?: string;
}

export interface ApplicationAutoScalingState {
  scalableTargets: Record<string, AppScalableTarget>; // by ResourceId|ScalableDimension
  scalingPolicies: Record<string, AppScalingPolicy>; // by ResourceId|ScalableDimension|PolicyName
  scheduledActions: Record<string, AppScheduledAction>; // by ResourceId|ScalableDimension|ScheduledActionName
  activities: AppScalingActivity[]; // oldest first
  /** Last scheduled-action token handed out. */
  tokenSequence: number;
}

export const emptyApplicationAutoScaling = (): ApplicationAutoScalingState => ({
  scalableTargets: {},
  scalingPolicies: {},
  scheduledActions: {},
  activities: [],
  tokenSequence: 0,
});
