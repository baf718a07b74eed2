/**
 * ecs:CreateTaskSet, DescribeTaskSets, UpdateTaskSet, UpdateServicePrimaryTaskSet, DeleteTaskSet.
 *
 * AWS facts (ECS API reference; "External deployment"): task set management through the API is
 * for services with the EXTERNAL deployment controller ("Amazon ECS only supports task set
 * management on services configured to use external deployment controllers."); CodeDeploy manages
 * a CODE_DEPLOY service's task sets itself (control/codedeploy). A task set has at most one load
 * balancer ("CreateTaskSet cannot have more than 1 load balancer"); a service has at most 5 task
 * sets ("5 deployments exist on the service. Unable to create new TaskSet since this exceeds the
 * maximum limit."); scale is a percent 0-100; a missing task set is TaskSetNotFoundException
 * "The specified task set does not exist.". DescribeTaskSets works for CODE_DEPLOY services too.
 *
 * Choices: scale defaults to 100 %; a new task set is ACTIVE until UpdateServicePrimaryTaskSet;
 * DeleteTaskSet of a task set still scaled above 0 needs `force` (our wording).
 */
import type { CreateTaskSetResponse, DeleteTaskSetResponse, DescribeTaskSetsResponse, UpdateServicePrimaryTaskSetResponse, UpdateTaskSetResponse } from '@aws-sdk/client-ecs';
import type { Action, Simulation } from '../../simulation';
import type { Service } from '../../world/service-types';
import type { TaskSet } from '../../world/codedeploy-types';
import { requestReconcile } from '../../control/services/reconcile';
import { svc } from '../../control/services/events';
import { AwsError } from '../errors';
import { optionalArray, optionalBoolean, optionalString, requireString, type Input } from '../validate';
import { requireActiveCluster } from './clusters-store';
import { requireActiveService, requireService } from './services-store';
import { parseLoadBalancers, parseServiceNetworkConfiguration } from './services-input';
import { resolveTaskDefinitionOrThrow } from './task-definition-lookup';
import { compatibilitiesOf, parseTags } from './tasks-input';
import { computedDesiredCount, createTaskSetRecord, deleteTaskSetRecord, setPrimaryTaskSet, taskSetsOfService, toSdkTaskSet } from './task-sets-store';

const invalid = (message: string) => new AwsError('InvalidParameterException', message);
export const MAX_TASK_SETS = 5;

function externalService(sim: Simulation, input: Input): Service {
  const cluster = requireActiveCluster(sim.world, requireString(input, 'cluster'));
  const service = requireActiveService(sim.world, cluster, requireString(input, 'service'));
  if (service.deploymentController.type !== 'EXTERNAL') throw invalid('Amazon ECS only supports task set management on services configured to use external deployment controllers.');
  return service;
}

function findTaskSet(sim: Simulation, service: Service, ref: string): TaskSet {
  const found = taskSetsOfService(sim.world, service.serviceArn).find((t) => t.taskSetArn === ref || t.id === ref);
  if (!found) throw new AwsError('TaskSetNotFoundException', 'The specified task set does not exist.');
  return found;
}

function parseScale(raw: unknown, fallback: number): number {
  if (raw === undefined || raw === null) return fallback;
  const scale = raw as { value?: unknown; unit?: unknown };
  if (typeof scale.value !== 'number' || scale.value < 0 || scale.value > 100) throw invalid('scale.value must be a number from 0 to 100.');
  if (scale.unit !== undefined && scale.unit !== 'PERCENT') throw invalid(`Invalid scale unit: ${String(scale.unit)}. Valid values: PERCENT.`);
  return scale.value;
}

function changed(sim: Simulation, service: Service): void {
  service.steady = false;
  requestReconcile(sim, service, 0);
}

export function createTaskSet(sim: Simulation, input: Input): CreateTaskSetResponse {
  const service = externalService(sim, input);
  const td = resolveTaskDefinitionOrThrow(sim.world, requireString(input, 'taskDefinition'));
  const launchType = (optionalString(input, 'launchType') ?? service.launchType) as 'EC2' | 'FARGATE';
  if (launchType !== 'EC2' && launchType !== 'FARGATE') throw invalid(`Invalid launch type: ${String(launchType)}. Valid values: EC2, FARGATE.`);
  if (!compatibilitiesOf(td).includes(launchType)) throw invalid(`Task definition does not support launch_type ${launchType}.`);
  const lbs = optionalArray(input, 'loadBalancers') ?? [];
  if (lbs.length > 1) throw invalid('CreateTaskSet cannot have more than 1 load balancer.');
  const loadBalancers = parseLoadBalancers(sim, lbs, td);
  const networkConfiguration = parseServiceNetworkConfiguration(sim, input.networkConfiguration, td, launchType);
  const scale = parseScale(input.scale, 100);
  if (taskSetsOfService(sim.world, service.serviceArn).length >= MAX_TASK_SETS) {
    throw invalid(`${MAX_TASK_SETS} deployments exist on the service. Unable to create new TaskSet since this exceeds the maximum limit.`);
  }
  const taskSet = createTaskSetRecord(sim, service, {
    taskDefinition: td.taskDefinitionArn,
    launchType,
    ...(launchType === 'FARGATE' ? { platformVersion: optionalString(input, 'platformVersion') ?? 'LATEST' } : {}),
    ...(networkConfiguration ? { networkConfiguration } : {}),
    loadBalancers,
    scale,
    status: 'ACTIVE',
    ...(optionalString(input, 'externalId') ? { externalId: optionalString(input, 'externalId') } : {}),
    tags: parseTags(input),
  });
  changed(sim, service);
  return { taskSet: toSdkTaskSet(sim, service, taskSet) };
}

export function describeTaskSets(sim: Simulation, input: Input): DescribeTaskSetsResponse {
  const cluster = requireActiveCluster(sim.world, requireString(input, 'cluster'));
  const service = requireService(sim.world, cluster, requireString(input, 'service'));
  const all = taskSetsOfService(sim.world, service.serviceArn);
  const refs = optionalArray<string>(input, 'taskSets');
  const include = optionalArray<string>(input, 'include') ?? [];
  const out = (t: TaskSet) => {
    const sdk = toSdkTaskSet(sim, service, t);
    if (!include.includes('TAGS')) delete sdk.tags;
    return sdk;
  };
  if (!refs || refs.length === 0) return { taskSets: all.map(out), failures: [] };
  const taskSets = [];
  const failures = [];
  for (const ref of refs) {
    const t = all.find((x) => x.taskSetArn === ref || x.id === ref);
    if (t) taskSets.push(out(t));
    else failures.push({ arn: ref, reason: 'MISSING' });
  }
  return { taskSets, failures };
}

export function updateTaskSet(sim: Simulation, input: Input): UpdateTaskSetResponse {
  const service = externalService(sim, input);
  const taskSet = findTaskSet(sim, service, requireString(input, 'taskSet'));
  if (input.scale === undefined || input.scale === null) throw invalid("1 validation error detected: Value null at 'scale' failed to satisfy constraint: Member must not be null");
  taskSet.scale = { value: parseScale(input.scale, taskSet.scale.value), unit: 'PERCENT' };
  taskSet.updatedAt = sim.now;
  sim.emit({ source: 'ecs', kind: 'taskSet.scaled', resource: taskSet.taskSetArn, message: `${svc(service)} task set ${taskSet.id} scaled to ${taskSet.scale.value}%: ${computedDesiredCount(service, taskSet)} tasks.` });
  changed(sim, service);
  return { taskSet: toSdkTaskSet(sim, service, taskSet) };
}

export function updateServicePrimaryTaskSet(sim: Simulation, input: Input): UpdateServicePrimaryTaskSetResponse {
  const service = externalService(sim, input);
  const taskSet = findTaskSet(sim, service, requireString(input, 'primaryTaskSet'));
  if (taskSet.status === 'DRAINING') throw invalid('The specified task set is DRAINING and cannot be made the primary task set.');
  setPrimaryTaskSet(sim, service, taskSet);
  changed(sim, service);
  return { taskSet: toSdkTaskSet(sim, service, taskSet) };
}

export function deleteTaskSet(sim: Simulation, input: Input): DeleteTaskSetResponse {
  const service = externalService(sim, input);
  const taskSet = findTaskSet(sim, service, requireString(input, 'taskSet'));
  const force = optionalBoolean(input, 'force') ?? false;
  if (!force && computedDesiredCount(service, taskSet) > 0) throw invalid('The task set cannot be deleted while it is scaled above 0. Scale it to 0 or use force.');
  deleteTaskSetRecord(sim, service, taskSet, 'DeleteTaskSet');
  changed(sim, service);
  return { taskSet: toSdkTaskSet(sim, service, taskSet) };
}

export const taskSetActions: Record<string, Action> = {
  'ecs:CreateTaskSet': createTaskSet,
  'ecs:DescribeTaskSets': describeTaskSets,
  'ecs:UpdateTaskSet': updateTaskSet,
  'ecs:UpdateServicePrimaryTaskSet': updateServicePrimaryTaskSet,
  'ecs:DeleteTaskSet': deleteTaskSet,
};
