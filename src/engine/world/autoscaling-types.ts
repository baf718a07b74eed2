/**
 * EC2 launch templates and EC2 Auto Scaling groups in the world: plain data keyed by id/name, field
 * names as in the SDK (@aws-sdk/client-ec2, @aws-sdk/client-auto-scaling), times in simulated
 * seconds. aws/ec2/launch-templates*.ts and aws/autoscaling/** turn them into SDK shapes;
 * control/autoscaling/** keeps each group at its desired capacity.
 */

/** What a launch template version holds. The fields the simulator acts on are typed; any other
 * RequestLaunchTemplateData field is stored and returned as given. */
export interface LaunchTemplateData {
  ImageId?: string;
  InstanceType?: string;
  /** base64, as EC2 takes it. */
  UserData?: string;
  IamInstanceProfile?: { Arn?: string; Name?: string };
  SecurityGroupIds?: string[];
  TagSpecifications?: { ResourceType?: string; Tags?: { Key?: string; Value?: string }[] }[];
  [field: string]: unknown;
}

export interface LaunchTemplateVersion {
  VersionNumber: number;
  VersionDescription?: string;
  CreateTime: number;
  LaunchTemplateData: LaunchTemplateData;
}

export interface LaunchTemplate {
  LaunchTemplateId: string;
  LaunchTemplateName: string;
  CreateTime: number;
  CreatedBy: string;
  DefaultVersionNumber: number;
  LatestVersionNumber: number;
  versions: LaunchTemplateVersion[];
  Tags: { Key: string; Value: string }[];
}

/** Instance lifecycle states EC2 Auto Scaling reports (no lifecycle hooks or warm pools here). */
export type AsgLifecycleState = 'Pending' | 'InService' | 'Terminating' | 'Terminated';

/** An instance as its Auto Scaling group knows it. */
export interface AsgInstance {
  InstanceId: string;
  InstanceType: string;
  AvailabilityZone: string;
  LifecycleState: AsgLifecycleState;
  HealthStatus: 'Healthy' | 'Unhealthy';
  ProtectedFromScaleIn: boolean;
  /** The template version it was launched from (Version is the number, e.g. "2"). */
  LaunchTemplate: { LaunchTemplateId: string; LaunchTemplateName: string; Version: string };
  launchedAt: number;
  /** The activity that launched it (completed when it is InService). */
  launchActivityId?: string;
  /** The activity that terminates it (completed when EC2 reports it terminated). */
  terminateActivityId?: string;
  /** Launched by an Availability Zone rebalancing (launch first, then terminate elsewhere). */
  rebalance?: boolean;
}

export interface AutoScalingGroup {
  AutoScalingGroupName: string;
  AutoScalingGroupARN: string;
  /** As given: Version may be "$Latest", "$Default" or a number. */
  LaunchTemplate: { LaunchTemplateId: string; LaunchTemplateName: string; Version: string };
  MinSize: number;
  MaxSize: number;
  DesiredCapacity: number;
  DefaultCooldown: number;
  AvailabilityZones: string[];
  /** Comma-separated subnet ids, as given (undefined when the group was created with AvailabilityZones). */
  VPCZoneIdentifier?: string;
  /** The subnet the group launches into in each of its AZs. */
  subnetByZone: Record<string, string>;
  HealthCheckType: 'EC2' | 'ELB';
  HealthCheckGracePeriod: number;
  NewInstancesProtectedFromScaleIn: boolean;
  CapacityRebalance: boolean;
  TerminationPolicies: string[];
  Tags: { Key: string; Value: string; PropagateAtLaunch: boolean }[];
  CreatedTime: number;
  ServiceLinkedRoleARN: string;
  /** "Delete in progress" after DeleteAutoScalingGroup with ForceDelete. */
  Status?: string;
  instances: Record<string, AsgInstance>; // by InstanceId
  /**
   * The request that last changed the desired capacity, as the first sentence of the causes of the
   * activities it leads to ("At 2025-01-01T00:01:00Z a user request created an AutoScalingGroup
   * changing the desired capacity from 0 to 3."); cleared once those activities start.
   */
  pendingCause?: string;
  /** No launch is tried before this time after a failed one (growing back-off). */
  launchRetryAt?: number;
  launchFailures?: number;
  /** Last "cannot scale in" explanation logged, so it is logged once, not on every pass. */
  scaleInBlocked?: string;
}

export type ScalingActivityStatus = 'InProgress' | 'Successful' | 'Failed' | 'Cancelled';

export interface ScalingActivity {
  ActivityId: string;
  AutoScalingGroupName: string;
  AutoScalingGroupARN: string;
  Description: string;
  Cause: string;
  StartTime: number;
  EndTime?: number;
  StatusCode: ScalingActivityStatus;
  StatusMessage?: string;
  Progress: number;
  /** JSON text, e.g. {"Subnet ID":"subnet-...","Availability Zone":"us-east-1a"}. */
  Details: string;
  instanceId?: string;
}
