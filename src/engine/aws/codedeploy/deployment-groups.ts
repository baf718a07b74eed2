/**
 * codedeploy:CreateDeploymentGroup, GetDeploymentGroup, ListDeploymentGroups,
 * DeleteDeploymentGroup, for ECS applications.
 *
 * AWS facts (CodeDeploy API reference CreateDeploymentGroup, ECSService, TargetGroupPairInfo,
 * BlueInstanceTerminationOption, DeploymentReadyOption, AutoRollbackConfiguration,
 * AlarmConfiguration; user guide "Create a deployment group for an Amazon ECS deployment"):
 *  - serviceRoleArn is required; an ECS group has exactly one ECS service, whose deployment
 *    controller must be CODE_DEPLOY, and a service belongs to one deployment group only;
 *  - deploymentStyle is BLUE_GREEN WITH_TRAFFIC_CONTROL; deploymentConfigName defaults to
 *    CodeDeployDefault.ECSAllAtOnce;
 *  - one target group pair: two target groups (by name), the production listener (one) and an
 *    optional test listener;
 *  - terminationWaitTimeInMinutes: at most 2880 (2 days); autoRollback events DEPLOYMENT_FAILURE,
 *    DEPLOYMENT_STOP_ON_ALARM, DEPLOYMENT_STOP_ON_REQUEST; at most 10 alarms.
 * Choices where the API reference gives no default: terminationWaitTimeInMinutes 0 (the console
 * proposes 60), deploymentReadyOption CONTINUE_DEPLOYMENT with 0 minutes (reroute at once),
 * readiness wait at most 2880 minutes like the termination wait. Exception messages are ours,
 * in CodeDeploy's style. An NLB supports only CodeDeployDefault.ECSAllAtOnce (aws-semantics.md).
 */
import type { Action, Simulation } from '../../simulation';
import type { CodeDeployDeploymentGroup, TargetGroupPairInfo } from '../../world/codedeploy-types';
import type { World } from '../../world/types';
import { AwsError } from '../errors';
import { uuid } from '../../control/fargate/network';
import { findCluster } from '../ecs/clusters-store';
import { findService } from '../ecs/services-store';
import type { Input } from '../validate';
import { codeDeployOf, DEFAULT_ECS_CONFIG, groupKey, requireApplication, requireDeploymentGroup, requiredName, requireEcsConfig } from './common';

export const MAX_TERMINATION_WAIT_MINUTES = 2880;
const ROLLBACK_EVENTS = ['DEPLOYMENT_FAILURE', 'DEPLOYMENT_STOP_ON_ALARM', 'DEPLOYMENT_STOP_ON_REQUEST'];
const obj = (v: unknown): Record<string, any> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, any>) : {});
const fail = (code: string, message: string) => new AwsError(code, message);

export const targetGroupByName = (world: World, name: string) => Object.values(world.targetGroups).find((t) => t.TargetGroupName === name);

function parseEcsServices(sim: Simulation, raw: unknown, self?: string): { serviceName: string; clusterName: string }[] {
  if (!Array.isArray(raw) || raw.length !== 1) throw fail('InvalidECSServiceException', 'An Amazon ECS deployment group must specify exactly one ECS service (ecsServices).');
  const { serviceName, clusterName } = obj(raw[0]);
  if (typeof serviceName !== 'string' || typeof clusterName !== 'string') throw fail('InvalidECSServiceException', 'Each ECS service needs a serviceName and a clusterName.');
  const cluster = findCluster(sim.world, clusterName);
  const service = cluster && findService(sim.world, cluster, serviceName);
  if (!service || service.status !== 'ACTIVE') throw fail('InvalidECSServiceException', `The ECS service ${serviceName} does not exist in cluster ${clusterName}.`);
  if (service.deploymentController.type !== 'CODE_DEPLOY') throw fail('InvalidECSServiceException', `Deployment group's ECS service must be configured for a CODE_DEPLOY deployment controller: ${serviceName} uses ${service.deploymentController.type}.`);
  const taken = Object.values(codeDeployOf(sim.world).deploymentGroups).find(
    (g) => groupKey(g.applicationName, g.deploymentGroupName) !== self && g.ecsServices.some((s) => s.serviceName === serviceName && s.clusterName === clusterName),
  );
  if (taken) throw fail('ECSServiceMappingLimitExceededException', `The ECS service ${clusterName}:${serviceName} is already associated with deployment group ${taken.deploymentGroupName}.`);
  return [{ serviceName, clusterName }];
}

function parseListeners(sim: Simulation, raw: unknown, what: string): { listenerArns: string[] } {
  const arns = obj(raw).listenerArns;
  if (!Array.isArray(arns) || arns.length !== 1 || typeof arns[0] !== 'string') throw fail('InvalidTrafficRoutingConfigurationException', `The ${what} traffic route must name exactly one listener (listenerArns).`);
  if (!sim.world.listeners[arns[0]]) throw fail('InvalidTrafficRoutingConfigurationException', `The ${what} listener ${arns[0]} does not exist.`);
  return { listenerArns: [arns[0]] };
}

function parseLoadBalancerInfo(sim: Simulation, raw: unknown): { targetGroupPairInfoList: TargetGroupPairInfo[] } {
  const list = obj(raw).targetGroupPairInfoList;
  if (!Array.isArray(list) || list.length !== 1) throw fail('InvalidTargetGroupPairException', 'An Amazon ECS deployment group needs loadBalancerInfo.targetGroupPairInfoList with one target group pair.');
  const pair = obj(list[0]);
  const groups = pair.targetGroups;
  if (!Array.isArray(groups) || groups.length !== 2) throw fail('InvalidTargetGroupPairException', 'A target group pair must have exactly two target groups.');
  const names = groups.map((g) => obj(g).name);
  for (const n of names) if (typeof n !== 'string' || !targetGroupByName(sim.world, n)) throw fail('InvalidTargetGroupPairException', `The target group ${String(n)} does not exist.`);
  if (names[0] === names[1]) throw fail('InvalidTargetGroupPairException', 'The two target groups of a target group pair must be different.');
  const prodTrafficRoute = parseListeners(sim, pair.prodTrafficRoute, 'production');
  const testTrafficRoute = pair.testTrafficRoute ? parseListeners(sim, pair.testTrafficRoute, 'test') : undefined;
  if (testTrafficRoute && testTrafficRoute.listenerArns[0] === prodTrafficRoute.listenerArns[0]) throw fail('InvalidTrafficRoutingConfigurationException', 'The test listener must be different from the production listener.');
  return { targetGroupPairInfoList: [{ targetGroups: names.map((name) => ({ name: name as string })), prodTrafficRoute, ...(testTrafficRoute ? { testTrafficRoute } : {}) }] };
}

function minutes(raw: unknown, field: string, fallback: number): number {
  if (raw === undefined || raw === null) return fallback;
  if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < 0 || raw > MAX_TERMINATION_WAIT_MINUTES) {
    throw fail('InvalidBlueGreenDeploymentConfigurationException', `${field} must be a whole number of minutes from 0 to ${MAX_TERMINATION_WAIT_MINUTES}.`);
  }
  return raw;
}

function parseBlueGreen(raw: unknown): CodeDeployDeploymentGroup['blueGreenDeploymentConfiguration'] {
  const bg = obj(raw);
  const term = obj(bg.terminateBlueInstancesOnDeploymentSuccess);
  const ready = obj(bg.deploymentReadyOption);
  const action = term.action ?? 'TERMINATE';
  if (action !== 'TERMINATE' && action !== 'KEEP_ALIVE') throw fail('InvalidBlueGreenDeploymentConfigurationException', `Invalid action ${String(action)}: valid values are TERMINATE and KEEP_ALIVE.`);
  const onTimeout = ready.actionOnTimeout ?? 'CONTINUE_DEPLOYMENT';
  if (onTimeout !== 'CONTINUE_DEPLOYMENT' && onTimeout !== 'STOP_DEPLOYMENT') throw fail('InvalidBlueGreenDeploymentConfigurationException', `Invalid actionOnTimeout ${String(onTimeout)}: valid values are CONTINUE_DEPLOYMENT and STOP_DEPLOYMENT.`);
  return {
    terminateBlueInstancesOnDeploymentSuccess: { action, terminationWaitTimeInMinutes: minutes(term.terminationWaitTimeInMinutes, 'terminationWaitTimeInMinutes', 0) },
    deploymentReadyOption: { actionOnTimeout: onTimeout, waitTimeInMinutes: minutes(ready.waitTimeInMinutes, 'waitTimeInMinutes', 0) },
  };
}

function parseRollback(raw: unknown): CodeDeployDeploymentGroup['autoRollbackConfiguration'] {
  const r = obj(raw);
  const events = Array.isArray(r.events) ? r.events : [];
  for (const e of events) if (!ROLLBACK_EVENTS.includes(e)) throw fail('InvalidAutoRollbackConfigException', `Invalid auto rollback event ${String(e)}: valid values are ${ROLLBACK_EVENTS.join(', ')}.`);
  if (r.enabled === true && events.length === 0) throw fail('InvalidAutoRollbackConfigException', 'Auto rollback is enabled but no rollback events are specified.');
  return { enabled: r.enabled === true, events: [...new Set(events as string[])] };
}

function parseAlarms(raw: unknown): CodeDeployDeploymentGroup['alarmConfiguration'] {
  const a = obj(raw);
  const alarms = Array.isArray(a.alarms) ? a.alarms.map((x) => ({ name: String(obj(x).name ?? '') })) : [];
  if (alarms.length > 10) throw fail('AlarmsLimitExceededException', 'The maximum number of alarms for a deployment group (10) was exceeded.');
  if (a.enabled === true && alarms.length === 0) throw fail('InvalidAlarmConfigException', 'Alarm monitoring is enabled but no alarms are specified.');
  return { enabled: a.enabled === true, ignorePollAlarmFailure: a.ignorePollAlarmFailure === true, alarms };
}

export function createDeploymentGroup(sim: Simulation, input: Input) {
  const app = requireApplication(sim.world, input);
  const name = requiredName(input, 'deploymentGroupName', 'DeploymentGroupNameRequiredException', 'Deployment Group name');
  if (name.length > 100) throw fail('InvalidDeploymentGroupNameException', 'The deployment group name is too long. Deployment group names can be at most 100 characters.');
  const state = codeDeployOf(sim.world);
  const key = groupKey(app.applicationName, name);
  if (state.deploymentGroups[key]) throw fail('DeploymentGroupAlreadyExistsException', `The deployment group ${name} already exists for application ${app.applicationName}.`);
  if (app.computePlatform !== 'ECS') throw fail('InvalidComputePlatformException', `The simulator models ECS deployment groups only; application ${app.applicationName} uses ${app.computePlatform}.`);
  const serviceRoleArn = requiredName(input, 'serviceRoleArn', 'RoleRequiredException', 'Role ARN');
  const configName = typeof input.deploymentConfigName === 'string' ? input.deploymentConfigName : DEFAULT_ECS_CONFIG;
  requireEcsConfig(configName);
  const style = obj(input.deploymentStyle);
  if ((style.deploymentType ?? 'BLUE_GREEN') !== 'BLUE_GREEN' || (style.deploymentOption ?? 'WITH_TRAFFIC_CONTROL') !== 'WITH_TRAFFIC_CONTROL') {
    throw fail('InvalidDeploymentStyleException', 'An Amazon ECS deployment group must use deploymentType BLUE_GREEN and deploymentOption WITH_TRAFFIC_CONTROL.');
  }
  const ecsServices = parseEcsServices(sim, input.ecsServices);
  const loadBalancerInfo = parseLoadBalancerInfo(sim, input.loadBalancerInfo);
  const prod = sim.world.listeners[loadBalancerInfo.targetGroupPairInfoList[0].prodTrafficRoute.listenerArns[0]];
  if (sim.world.loadBalancers[prod.LoadBalancerArn]?.Type === 'network' && configName !== DEFAULT_ECS_CONFIG) {
    throw fail('InvalidDeploymentConfigNameException', `A Network Load Balancer supports only ${DEFAULT_ECS_CONFIG}: traffic cannot be shifted in steps.`);
  }
  const group: CodeDeployDeploymentGroup = {
    applicationName: app.applicationName,
    deploymentGroupId: uuid(sim),
    deploymentGroupName: name,
    deploymentConfigName: configName,
    serviceRoleArn,
    computePlatform: 'ECS',
    ecsServices,
    loadBalancerInfo,
    deploymentStyle: { deploymentType: 'BLUE_GREEN', deploymentOption: 'WITH_TRAFFIC_CONTROL' },
    blueGreenDeploymentConfiguration: parseBlueGreen(input.blueGreenDeploymentConfiguration),
    autoRollbackConfiguration: parseRollback(input.autoRollbackConfiguration),
    alarmConfiguration: parseAlarms(input.alarmConfiguration),
    tags: (Array.isArray(input.tags) ? input.tags : []) as { Key: string; Value: string }[],
  };
  state.deploymentGroups[key] = group;
  sim.emit({
    source: 'codedeploy',
    kind: 'codedeploy.deploymentGroup',
    resource: key,
    message: `Deployment group ${name} created for ECS service ${ecsServices[0].clusterName}:${ecsServices[0].serviceName}: target groups ${loadBalancerInfo.targetGroupPairInfoList[0].targetGroups.map((t) => t.name).join(' and ')}, ${configName}.`,
  });
  return { deploymentGroupId: group.deploymentGroupId };
}

export function deploymentGroupInfo(sim: Simulation, g: CodeDeployDeploymentGroup) {
  const when = (d?: CodeDeployDeploymentGroup['lastAttemptedDeployment']) =>
    d ? { deploymentId: d.deploymentId, status: d.status, createTime: sim.date(d.createTime), ...(d.endTime !== undefined ? { endTime: sim.date(d.endTime) } : {}) } : undefined;
  const { lastAttemptedDeployment, lastSuccessfulDeployment, tags, ...rest } = g;
  void tags;
  return {
    ...structuredClone(rest),
    ...(lastAttemptedDeployment ? { lastAttemptedDeployment: when(lastAttemptedDeployment) } : {}),
    ...(lastSuccessfulDeployment ? { lastSuccessfulDeployment: when(lastSuccessfulDeployment) } : {}),
  };
}

export function getDeploymentGroup(sim: Simulation, input: Input) {
  return { deploymentGroupInfo: deploymentGroupInfo(sim, requireDeploymentGroup(sim.world, input)) };
}

export function listDeploymentGroups(sim: Simulation, input: Input) {
  const app = requireApplication(sim.world, input);
  const names = Object.values(codeDeployOf(sim.world).deploymentGroups)
    .filter((g) => g.applicationName === app.applicationName)
    .map((g) => g.deploymentGroupName)
    .sort();
  return { applicationName: app.applicationName, deploymentGroups: names };
}

export function deleteDeploymentGroup(sim: Simulation, input: Input) {
  const g = requireDeploymentGroup(sim.world, input);
  delete codeDeployOf(sim.world).deploymentGroups[groupKey(g.applicationName, g.deploymentGroupName)];
  sim.emit({ source: 'codedeploy', kind: 'codedeploy.deploymentGroup', resource: groupKey(g.applicationName, g.deploymentGroupName), message: `Deployment group ${g.deploymentGroupName} deleted.` });
  return { hooksNotCleanedUp: [] };
}

export const deploymentGroupActions: Record<string, Action> = {
  'codedeploy:CreateDeploymentGroup': createDeploymentGroup,
  'codedeploy:GetDeploymentGroup': getDeploymentGroup,
  'codedeploy:ListDeploymentGroups': listDeploymentGroups,
  'codedeploy:DeleteDeploymentGroup': deleteDeploymentGroup,
};
