/**
 * codedeploy:CreateDeployment, GetDeployment, ListDeployments, ContinueDeployment,
 * StopDeployment, GetDeploymentTarget, ListDeploymentTargets (ECS deployments).
 *
 * AWS facts (CodeDeploy API reference): a deployment group runs one deployment at a time
 * (DeploymentLimitExceededException "The Deployment Group 'NAME' already has an active Deployment
 * 'd-…'"); the revision of an ECS deployment is revisionType AppSpecContent; a deployment is
 * Created, then InProgress, Ready (waiting to reroute), and ends Succeeded, Failed or Stopped;
 * ContinueDeployment with READY_WAIT (default) on a deployment that is not Ready answers
 * DeploymentIsNotInReadyStateException; StopDeployment or ContinueDeployment on a finished one
 * answers DeploymentAlreadyCompletedException. An ECS deployment has one target, id
 * "CLUSTER:SERVICE", whose lifecycle events GetDeploymentTarget reports with the task sets
 * (BLUE / GREEN, their traffic weight and target group).
 * Choices: S3/GitHub revisions are not modelled (InvalidRevisionException); ListDeployments
 * lists newest first; deploymentOverview counts the one target (Stopped counts as Failed).
 */
import type { Action, Simulation } from '../../simulation';
import type { CodeDeployDeployment } from '../../world/codedeploy-types';
import { primaryTaskSet, taskSetsOfService, toSdkTaskSet } from '../ecs/task-sets-store';
import { findCluster } from '../ecs/clusters-store';
import { findService } from '../ecs/services-store';
import { AwsError } from '../errors';
import type { Input } from '../validate';
import { continueDeployment as continueProcess, requestTick } from '../../control/codedeploy/process';
import { endUnsuccessfully, isFinal } from '../../control/codedeploy/outcome';
import { listenerWeights } from '../../control/codedeploy/traffic';
import { parseAppSpec } from './appspec';
import { codeDeployOf, newDeploymentId, requireDeployment, requireDeploymentGroup, requireEcsConfig } from './common';
import { targetGroupByName } from './deployment-groups';

export const LIFECYCLE_EVENTS = ['BeforeInstall', 'Install', 'AfterInstall', 'AllowTestTraffic', 'AfterAllowTestTraffic', 'BeforeAllowTraffic', 'AllowTraffic', 'AfterAllowTraffic'];
const obj = (v: unknown): Record<string, any> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, any>) : {});

export function createDeployment(sim: Simulation, input: Input) {
  const group = requireDeploymentGroup(sim.world, input);
  const revision = obj(input.revision);
  if (!input.revision) throw new AwsError('RevisionRequiredException', 'Revision is missing');
  if (revision.revisionType !== 'AppSpecContent') throw new AwsError('InvalidRevisionException', `Revision type ${String(revision.revisionType)} is not modelled by the simulator: use AppSpecContent.`);
  const content = obj(revision.appSpecContent).content;
  if (typeof content !== 'string' || content.trim() === '') throw new AwsError('InvalidRevisionException', 'appSpecContent.content must be the AppSpec as a JSON or YAML string.');
  const configName = typeof input.deploymentConfigName === 'string' ? input.deploymentConfigName : group.deploymentConfigName;
  requireEcsConfig(configName);
  const state = codeDeployOf(sim.world);
  const active = Object.values(state.deployments).find((d) => d.applicationName === group.applicationName && d.deploymentGroupName === group.deploymentGroupName && !isFinal(d));
  if (active) throw new AwsError('DeploymentLimitExceededException', `The Deployment Group '${group.deploymentGroupName}' already has an active Deployment '${active.deploymentId}'`);
  const { serviceName, clusterName } = group.ecsServices[0];
  const cluster = findCluster(sim.world, clusterName);
  const service = cluster && findService(sim.world, cluster, serviceName);
  if (!service || service.status !== 'ACTIVE') throw new AwsError('InvalidECSServiceException', `The ECS service ${clusterName}:${serviceName} of deployment group ${group.deploymentGroupName} is not ACTIVE.`);
  const pair = group.loadBalancerInfo.targetGroupPairInfoList[0];
  const pairArns = pair.targetGroups.map((t) => targetGroupByName(sim.world, t.name)?.TargetGroupArn);
  if (pairArns.some((a) => !a)) throw new AwsError('InvalidTargetGroupPairException', `A target group of deployment group ${group.deploymentGroupName} no longer exists.`);
  const blueTg = primaryTaskSet(sim.world, service.serviceArn)?.loadBalancers[0]?.targetGroupArn;
  if (!blueTg || !pairArns.includes(blueTg)) throw new AwsError('InvalidTargetGroupPairException', `The ECS service ${serviceName} does not serve traffic from either target group of deployment group ${group.deploymentGroupName}.`);
  const appSpec = parseAppSpec(sim, content);
  const id = newDeploymentId(sim);
  const bg = group.blueGreenDeploymentConfiguration;
  const deployment: CodeDeployDeployment = {
    deploymentId: id,
    applicationName: group.applicationName,
    deploymentGroupName: group.deploymentGroupName,
    deploymentConfigName: configName,
    status: 'Created',
    creator: 'user',
    ...(typeof input.description === 'string' ? { description: input.description } : {}),
    createTime: sim.now,
    revision: { revisionType: 'AppSpecContent', appSpecContent: { content } },
    appSpec,
    deploymentStatusMessages: [],
    instanceTerminationWaitTimeStarted: false,
    lifecycleEvents: LIFECYCLE_EVENTS.map((lifecycleEventName) => ({ lifecycleEventName, status: 'Pending' })),
    phase: 'Start',
    serviceArn: service.serviceArn,
    targetId: `${clusterName}:${serviceName}`,
    blueTargetGroupArn: blueTg,
    greenTargetGroupArn: pairArns.find((a) => a !== blueTg)!,
    prodListenerArns: [...pair.prodTrafficRoute.listenerArns],
    testListenerArns: [...(pair.testTrafficRoute?.listenerArns ?? [])],
    greenWeight: 0,
    terminationWaitTimeInMinutes: bg.terminateBlueInstancesOnDeploymentSuccess.terminationWaitTimeInMinutes,
    terminateBlue: bg.terminateBlueInstancesOnDeploymentSuccess.action === 'TERMINATE',
    readyOption: { ...bg.deploymentReadyOption },
  };
  state.deployments[id] = deployment;
  group.lastAttemptedDeployment = { deploymentId: id, status: 'Created', createTime: sim.now };
  sim.emit({ source: 'codedeploy', kind: 'codedeploy.deployment', resource: id, message: `Deployment ${id}: Created for ${deployment.targetId} with ${appSpec.taskDefinition.split('/').pop()} (${configName}).`, detail: { status: 'Created' } });
  requestTick(sim, deployment, 0);
  return { deploymentId: id };
}

const OVERVIEW = { Pending: 0, InProgress: 0, Succeeded: 0, Failed: 0, Skipped: 0, Ready: 0 };

function targetStatus(d: CodeDeployDeployment): keyof typeof OVERVIEW {
  if (d.status === 'Created' || d.status === 'Queued') return 'Pending';
  if (d.status === 'Stopped') return 'Failed';
  return d.status === 'Baking' ? 'InProgress' : d.status;
}

export function deploymentInfo(sim: Simulation, d: CodeDeployDeployment) {
  const group = codeDeployOf(sim.world).deploymentGroups[`${d.applicationName}/${d.deploymentGroupName}`];
  return {
    applicationName: d.applicationName,
    deploymentGroupName: d.deploymentGroupName,
    deploymentConfigName: d.deploymentConfigName,
    deploymentId: d.deploymentId,
    revision: structuredClone(d.revision),
    status: d.status,
    ...(d.errorInformation ? { errorInformation: { ...d.errorInformation } } : {}),
    createTime: sim.date(d.createTime),
    ...(d.startTime !== undefined ? { startTime: sim.date(d.startTime) } : {}),
    ...(d.completeTime !== undefined ? { completeTime: sim.date(d.completeTime) } : {}),
    deploymentOverview: { ...OVERVIEW, [targetStatus(d)]: 1 },
    ...(d.description ? { description: d.description } : {}),
    creator: d.creator,
    ignoreApplicationStopFailures: false,
    ...(group ? { autoRollbackConfiguration: structuredClone(group.autoRollbackConfiguration), blueGreenDeploymentConfiguration: structuredClone(group.blueGreenDeploymentConfiguration), loadBalancerInfo: structuredClone(group.loadBalancerInfo) } : {}),
    updateOutdatedInstancesOnly: false,
    ...(d.rollbackInfo ? { rollbackInfo: { ...d.rollbackInfo } } : {}),
    deploymentStyle: { deploymentType: 'BLUE_GREEN', deploymentOption: 'WITH_TRAFFIC_CONTROL' },
    instanceTerminationWaitTimeStarted: d.instanceTerminationWaitTimeStarted,
    deploymentStatusMessages: [...d.deploymentStatusMessages],
    computePlatform: 'ECS',
  };
}

export function getDeployment(sim: Simulation, input: Input) {
  return { deploymentInfo: deploymentInfo(sim, requireDeployment(sim.world, input)) };
}

export function listDeployments(sim: Simulation, input: Input) {
  const all = Object.values(codeDeployOf(sim.world).deployments);
  let found = all;
  if (input.applicationName !== undefined || input.deploymentGroupName !== undefined) {
    const group = requireDeploymentGroup(sim.world, input);
    found = found.filter((d) => d.applicationName === group.applicationName && d.deploymentGroupName === group.deploymentGroupName);
  }
  const statuses = Array.isArray(input.includeOnlyStatuses) ? (input.includeOnlyStatuses as string[]) : undefined;
  if (statuses) found = found.filter((d) => statuses.includes(d.status));
  return { deploymentIds: found.map((d) => d.deploymentId).reverse() };
}

export function continueDeployment(sim: Simulation, input: Input) {
  const d = requireDeployment(sim.world, input);
  const wait = (input.deploymentWaitType ?? 'READY_WAIT') as string;
  if (wait !== 'READY_WAIT' && wait !== 'TERMINATION_WAIT') throw new AwsError('InvalidDeploymentWaitTypeException', `Invalid deploymentWaitType ${wait}: valid values are READY_WAIT and TERMINATION_WAIT.`);
  if (isFinal(d)) throw new AwsError('DeploymentAlreadyCompletedException', `The deployment ${d.deploymentId} has already completed.`);
  const waiting = wait === 'READY_WAIT' ? d.phase === 'Ready' : d.phase === 'TerminationWait';
  if (!waiting) {
    throw new AwsError('DeploymentIsNotInReadyStateException', wait === 'READY_WAIT' ? `The deployment ${d.deploymentId} does not have a status of Ready and can't continue yet.` : `The deployment ${d.deploymentId} is not waiting to terminate the original task set.`);
  }
  continueProcess(sim, d, wait);
  return {};
}

export function stopDeployment(sim: Simulation, input: Input) {
  const d = requireDeployment(sim.world, input);
  if (isFinal(d)) throw new AwsError('DeploymentAlreadyCompletedException', `The deployment ${d.deploymentId} has already completed.`);
  const rollback = typeof input.autoRollbackEnabled === 'boolean' ? input.autoRollbackEnabled : undefined;
  endUnsuccessfully(sim, d, 'Stopped', { code: 'MANUAL_STOP', message: 'The deployment was stopped by a user request (StopDeployment).' }, 'DEPLOYMENT_STOP_ON_REQUEST', rollback);
  return { status: 'Succeeded', statusMessage: `Deployment ${d.deploymentId} stopped${d.rollbackInfo?.rollbackDeploymentId ? ` and rolled back by ${d.rollbackInfo.rollbackDeploymentId}` : ''}.` };
}

export function listDeploymentTargets(sim: Simulation, input: Input) {
  return { targetIds: [requireDeployment(sim.world, input).targetId] };
}

export function getDeploymentTarget(sim: Simulation, input: Input) {
  const d = requireDeployment(sim.world, input);
  if (input.targetId !== d.targetId) throw new AwsError('DeploymentTargetDoesNotExistException', `The target ${String(input.targetId)} of deployment ${d.deploymentId} does not exist.`);
  const service = sim.world.services[d.serviceArn];
  const weights = d.prodListenerArns[0] ? listenerWeights(sim, d.prodListenerArns[0]) : {};
  const taskSetsInfo = service
    ? taskSetsOfService(sim.world, service.serviceArn)
        .filter((t) => t.taskSetArn === d.blueTaskSetArn || t.taskSetArn === d.greenTaskSetArn)
        .map((t) => {
          const sdk = toSdkTaskSet(sim, service, t);
          const tg = t.loadBalancers[0]?.targetGroupArn ?? '';
          return {
            identifer: t.id,
            desiredCount: sdk.computedDesiredCount,
            pendingCount: sdk.pendingCount,
            runningCount: sdk.runningCount,
            status: t.status,
            trafficWeight: weights[tg] ?? 0,
            targetGroup: { name: sim.world.targetGroups[tg]?.TargetGroupName ?? tg },
            taskSetLabel: t.taskSetArn === d.greenTaskSetArn ? 'GREEN' : 'BLUE',
          };
        })
    : [];
  const lastUpdated = Math.max(d.createTime, d.startTime ?? 0, d.completeTime ?? 0, ...d.lifecycleEvents.map((e) => e.endTime ?? e.startTime ?? 0));
  return {
    deploymentTarget: {
      deploymentTargetType: 'ECSTarget',
      ecsTarget: {
        deploymentId: d.deploymentId,
        targetId: d.targetId,
        targetArn: d.serviceArn,
        lastUpdatedAt: sim.date(lastUpdated),
        lifecycleEvents: d.lifecycleEvents.map((e) => ({
          lifecycleEventName: e.lifecycleEventName,
          status: e.status,
          ...(e.startTime !== undefined ? { startTime: sim.date(e.startTime) } : {}),
          ...(e.endTime !== undefined ? { endTime: sim.date(e.endTime) } : {}),
        })),
        status: targetStatus(d),
        taskSetsInfo,
      },
    },
  };
}

export const deploymentActions: Record<string, Action> = {
  'codedeploy:CreateDeployment': createDeployment,
  'codedeploy:GetDeployment': getDeployment,
  'codedeploy:ListDeployments': listDeployments,
  'codedeploy:ContinueDeployment': continueDeployment,
  'codedeploy:StopDeployment': stopDeployment,
  'codedeploy:ListDeploymentTargets': listDeploymentTargets,
  'codedeploy:GetDeploymentTarget': getDeploymentTarget,
};
