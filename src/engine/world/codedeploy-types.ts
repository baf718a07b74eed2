/**
 * ECS task sets (world.taskSets, by taskSetArn) and CodeDeploy (world.codeDeploy): plain data,
 * times in simulated seconds. Field names follow the SDK shapes (@aws-sdk/client-ecs TaskSet; the
 * CodeDeploy API reference's ApplicationInfo, DeploymentGroupInfo, DeploymentInfo), plus the
 * blue/green process's own bookkeeping (marked "process").
 */
import type { ServiceLoadBalancer, ServiceNetworkConfiguration } from './service-types';

export type TaskSetStatus = 'PRIMARY' | 'ACTIVE' | 'DRAINING';

export interface TaskSet {
  /** "ecs-svc/" and 19 digits; its tasks carry it as startedBy. */
  id: string;
  taskSetArn: string;
  serviceArn: string;
  clusterArn: string;
  /** "CodeDeploy" when CodeDeploy created it. */
  startedBy?: string;
  externalId?: string;
  status: TaskSetStatus;
  taskDefinition: string;
  launchType: 'EC2' | 'FARGATE';
  platformVersion?: string;
  networkConfiguration?: ServiceNetworkConfiguration;
  loadBalancers: ServiceLoadBalancer[];
  scale: { value: number; unit: 'PERCENT' };
  stabilityStatus: 'STEADY_STATE' | 'STABILIZING';
  stabilityStatusAt: number;
  createdAt: number;
  updatedAt: number;
  tags: { key: string; value: string }[];
}

export interface CodeDeployApplication {
  applicationId: string;
  applicationName: string;
  computePlatform: 'Server' | 'Lambda' | 'ECS';
  createTime: number;
  tags: { Key: string; Value: string }[];
}

export interface TargetGroupPairInfo {
  targetGroups: { name: string }[];
  prodTrafficRoute: { listenerArns: string[] };
  testTrafficRoute?: { listenerArns: string[] };
}

export interface CodeDeployDeploymentGroup {
  applicationName: string;
  deploymentGroupId: string;
  deploymentGroupName: string;
  deploymentConfigName: string;
  serviceRoleArn: string;
  computePlatform: 'ECS';
  ecsServices: { serviceName: string; clusterName: string }[];
  loadBalancerInfo: { targetGroupPairInfoList: TargetGroupPairInfo[] };
  deploymentStyle: { deploymentType: 'BLUE_GREEN'; deploymentOption: 'WITH_TRAFFIC_CONTROL' };
  blueGreenDeploymentConfiguration: {
    terminateBlueInstancesOnDeploymentSuccess: { action: 'TERMINATE' | 'KEEP_ALIVE'; terminationWaitTimeInMinutes: number };
    deploymentReadyOption: { actionOnTimeout: 'CONTINUE_DEPLOYMENT' | 'STOP_DEPLOYMENT'; waitTimeInMinutes: number };
  };
  autoRollbackConfiguration: { enabled: boolean; events: string[] };
  alarmConfiguration: { enabled: boolean; ignorePollAlarmFailure: boolean; alarms: { name: string }[] };
  lastAttemptedDeployment?: { deploymentId: string; status: string; endTime?: number; createTime: number };
  lastSuccessfulDeployment?: { deploymentId: string; status: string; endTime?: number; createTime: number };
  tags: { Key: string; Value: string }[];
}

export type CodeDeployDeploymentStatus = 'Created' | 'Queued' | 'InProgress' | 'Baking' | 'Succeeded' | 'Failed' | 'Stopped' | 'Ready';
export type LifecycleEventStatus = 'Pending' | 'InProgress' | 'Succeeded' | 'Failed' | 'Skipped' | 'Unknown';

/** What the AppSpec's Resources[0].TargetService.Properties say. */
export interface EcsAppSpec {
  taskDefinition: string;
  containerName: string;
  containerPort: number;
  platformVersion?: string;
  networkConfiguration?: ServiceNetworkConfiguration;
}

/** The process's step (not an AWS field). */
export type BlueGreenPhase = 'Start' | 'Install' | 'Ready' | 'Traffic' | 'TerminationWait' | 'Done';

export interface CodeDeployDeployment {
  deploymentId: string;
  applicationName: string;
  deploymentGroupName: string;
  deploymentConfigName: string;
  status: CodeDeployDeploymentStatus;
  creator: 'user' | 'codeDeployRollback';
  description?: string;
  createTime: number;
  startTime?: number;
  completeTime?: number;
  /** The revision as given (AppSpecContent). */
  revision: { revisionType: 'AppSpecContent'; appSpecContent: { content: string; sha256?: string } };
  appSpec: EcsAppSpec;
  errorInformation?: { code: string; message: string };
  rollbackInfo?: { rollbackDeploymentId?: string; rollbackTriggeringDeploymentId?: string; rollbackMessage?: string };
  deploymentStatusMessages: string[];
  instanceTerminationWaitTimeStarted: boolean;
  lifecycleEvents: { lifecycleEventName: string; status: LifecycleEventStatus; startTime?: number; endTime?: number }[];
  // process
  phase: BlueGreenPhase;
  serviceArn: string;
  /** "cluster:service", the ECS target id. */
  targetId: string;
  blueTaskSetArn?: string;
  greenTaskSetArn?: string;
  blueTargetGroupArn: string;
  greenTargetGroupArn: string;
  prodListenerArns: string[];
  testListenerArns: string[];
  /** Percent of production traffic on the replacement (green) target group. */
  greenWeight: number;
  installStartedAt?: number;
  readyWaitEndsAt?: number;
  trafficShiftStartedAt?: number;
  terminationEndsAt?: number;
  /** The group's settings when the deployment was created. */
  terminationWaitTimeInMinutes: number;
  terminateBlue: boolean;
  readyOption: { actionOnTimeout: 'CONTINUE_DEPLOYMENT' | 'STOP_DEPLOYMENT'; waitTimeInMinutes: number };
  /** When the next process tick is due (older queued ticks are stale). */
  nextTickAt?: number;
}

export interface CodeDeployState {
  applications: Record<string, CodeDeployApplication>; // by applicationName
  deploymentGroups: Record<string, CodeDeployDeploymentGroup>; // by groupKey(applicationName, deploymentGroupName)
  deployments: Record<string, CodeDeployDeployment>; // by deploymentId, in creation order
}
