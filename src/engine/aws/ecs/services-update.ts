/**
 * ecs:UpdateService and ecs:DeleteService.
 *
 * UpdateService (API reference): changing the task definition, network configuration, platform
 * version, placement strategy or constraints, load balancers, or forceNewDeployment starts a new
 * deployment ("When you add, update, or remove a load balancer configuration, Amazon ECS starts
 * new tasks with the updated Elastic Load Balancing configuration, and then stops the old tasks
 * when the new tasks are running": the new deployment's tasks register in the new target groups,
 * the old deployment's tasks stay in the old ones until they drain and stop; an empty list removes
 * them); a new capacityProviderStrategy also starts one (services-capacity.ts);
 * desiredCount, deploymentConfiguration and healthCheckGracePeriodSeconds change the service in
 * place (the scheduler acts on them at once). A CODE_DEPLOY service only takes desiredCount,
 * deploymentConfiguration and healthCheckGracePeriodSeconds ("Unable to update task definition on
 * services with a CODE_DEPLOY deployment controller. Use AWS CodeDeploy to trigger a new
 * deployment.").
 *
 * DeleteService: refused while a REPLICA service is scaled above 0 unless `force` ("The service
 * cannot be stopped while it is scaled above 0."); the service becomes DRAINING, its tasks are
 * stopped, and it is INACTIVE once they are all STOPPED.
 */
import type { DeleteServiceResponse, UpdateServiceResponse } from '@aws-sdk/client-ecs';
import type { Simulation } from '../../simulation';
import { validatePlacementInput, type PlacementConstraint, type PlacementStrategy } from '../../control/placement/place';
import { LATEST_PLATFORM_VERSION, PLATFORM_VERSIONS } from '../../control/fargate/provision';
import { startDeployment } from '../../control/services/deployments';
import { requestReconcile } from '../../control/services/reconcile';
import { svc } from '../../control/services/events';
import { AwsError } from '../errors';
import { optionalBoolean, optionalNumber, optionalString, requireString, type Input } from '../validate';
import { requireActiveCluster } from './clusters-store';
import { resolveTaskDefinitionOrThrow, findTaskDefinition } from './task-definition-lookup';
import { compatibilitiesOf } from './tasks-input';
import { toSdkService } from './services-describe';
import { requireActiveService } from './services-store';
import { parseServiceStrategyUpdate } from './services-capacity';
import { parseDeploymentConfiguration, parseGracePeriod, parseLoadBalancers, parsePropagateTags, parseServiceNetworkConfiguration } from './services-input';

const invalid = (message: string) => new AwsError('InvalidParameterException', message);
const given = (input: Input, key: string) => input[key] !== undefined && input[key] !== null;

export function updateService(sim: Simulation, input: Input): UpdateServiceResponse {
  const cluster = requireActiveCluster(sim.world, optionalString(input, 'cluster'));
  const service = requireActiveService(sim.world, cluster, requireString(input, 'service'));
  const daemon = service.schedulingStrategy === 'DAEMON';
  const desired = optionalNumber(input, 'desiredCount');
  if (daemon && desired !== undefined) throw invalid('The daemon scheduling strategy does not support a desired count for services. Remove the desired count value and try again');
  if (daemon && Array.isArray(input.placementStrategy) && input.placementStrategy.length > 0) {
    throw invalid('The daemon scheduling strategy does not support placement strategies. Remove the placement strategy and try again');
  }
  if (desired !== undefined && (!Number.isInteger(desired) || desired < 0)) throw invalid('desiredCount must be a whole number of 0 or more.');
  const redeploying = ['taskDefinition', 'networkConfiguration', 'platformVersion', 'placementStrategy', 'placementConstraints', 'loadBalancers', 'capacityProviderStrategy'].filter((k) => given(input, k));
  if (service.deploymentController.type === 'CODE_DEPLOY' && redeploying.includes('taskDefinition')) {
    throw invalid('Unable to update task definition on services with a CODE_DEPLOY deployment controller. Use AWS CodeDeploy to trigger a new deployment.');
  }
  if (service.deploymentController.type !== 'ECS' && (redeploying.length > 0 || optionalBoolean(input, 'forceNewDeployment'))) {
    throw invalid(`Only desiredCount, deploymentConfiguration and healthCheckGracePeriodSeconds can be updated on a service with the ${service.deploymentController.type} deployment controller.`);
  }

  // Validate everything before changing anything.
  const tdRef = optionalString(input, 'taskDefinition');
  const td = tdRef !== undefined ? resolveTaskDefinitionOrThrow(sim.world, tdRef) : findTaskDefinition(sim.world, service.taskDefinition);
  if (td && tdRef !== undefined && !compatibilitiesOf(td).includes(service.launchType)) throw invalid(`Task definition does not support launch_type ${service.launchType}.`);
  const deploymentConfiguration = parseDeploymentConfiguration(input.deploymentConfiguration, service.schedulingStrategy, service.deploymentConfiguration);
  let platformVersion = service.platformVersion;
  const pv = optionalString(input, 'platformVersion');
  if (pv !== undefined) {
    if (service.launchType !== 'FARGATE') throw invalid('The platform version must be null when specifying an EC2 launch type.');
    if (!PLATFORM_VERSIONS.includes(pv === 'LATEST' ? LATEST_PLATFORM_VERSION : pv)) throw new AwsError('PlatformUnknownException', 'The specified platform version does not exist.');
    platformVersion = pv;
  }
  if (service.launchType === 'FARGATE') {
    if (given(input, 'placementStrategy') && (input.placementStrategy as unknown[]).length > 0) throw invalid('Task placement strategies are not supported with the FARGATE launch type.');
    if (given(input, 'placementConstraints') && (input.placementConstraints as unknown[]).length > 0) throw invalid('Task placement constraints are not supported with the FARGATE launch type.');
  } else {
    validatePlacementInput(input.placementStrategy ?? [], input.placementConstraints ?? []);
  }
  const networkConfiguration =
    td && (given(input, 'networkConfiguration') || tdRef !== undefined)
      ? parseServiceNetworkConfiguration(sim, given(input, 'networkConfiguration') ? input.networkConfiguration : service.networkConfiguration, td, service.launchType)
      : service.networkConfiguration;
  const loadBalancers = given(input, 'loadBalancers') ? parseLoadBalancers(sim, input.loadBalancers, td) : undefined;
  const capacityProviderStrategy = parseServiceStrategyUpdate(sim, cluster, service, input.capacityProviderStrategy);
  const grace = parseGracePeriod(input.healthCheckGracePeriodSeconds, service.healthCheckGracePeriodSeconds);
  const propagateTags = parsePropagateTags(input.propagateTags, service.propagateTags);

  // Apply.
  const changes: string[] = [];
  if (desired !== undefined && desired !== service.desiredCount) {
    changes.push(`desiredCount ${service.desiredCount} -> ${desired}`);
    service.desiredCount = desired;
  }
  service.deploymentConfiguration = deploymentConfiguration;
  service.healthCheckGracePeriodSeconds = grace;
  service.propagateTags = propagateTags;
  const managed = optionalBoolean(input, 'enableECSManagedTags');
  if (managed !== undefined) service.enableECSManagedTags = managed;
  const before = JSON.stringify([service.taskDefinition, service.networkConfiguration, service.platformVersion, service.placementStrategy, service.placementConstraints, service.loadBalancers, service.capacityProviderStrategy]);
  if (td && tdRef !== undefined) service.taskDefinition = td.taskDefinitionArn;
  if (networkConfiguration) service.networkConfiguration = networkConfiguration;
  if (platformVersion) service.platformVersion = platformVersion;
  if (given(input, 'placementStrategy')) service.placementStrategy = structuredClone(input.placementStrategy) as PlacementStrategy[];
  if (given(input, 'placementConstraints')) service.placementConstraints = structuredClone(input.placementConstraints) as PlacementConstraint[];
  if (loadBalancers) service.loadBalancers = loadBalancers;
  if (capacityProviderStrategy) service.capacityProviderStrategy = capacityProviderStrategy;
  const changed = before !== JSON.stringify([service.taskDefinition, service.networkConfiguration, service.platformVersion, service.placementStrategy, service.placementConstraints, service.loadBalancers, service.capacityProviderStrategy]);
  const force = optionalBoolean(input, 'forceNewDeployment') ?? false;
  service.steady = false;
  if (service.deploymentController.type === 'ECS' && (changed || force)) {
    startDeployment(sim, service);
    changes.push(force && !changed ? 'forceNewDeployment' : 'a new deployment');
  }
  sim.emit({ source: 'ecs', kind: 'service.updated', resource: service.serviceArn, message: `${svc(service)} updated${changes.length ? `: ${changes.join(', ')}` : ''}.` });
  requestReconcile(sim, service, 0);
  return { service: toSdkService(sim, service) };
}

export function deleteService(sim: Simulation, input: Input): DeleteServiceResponse {
  const cluster = requireActiveCluster(sim.world, optionalString(input, 'cluster'));
  const service = requireActiveService(sim.world, cluster, requireString(input, 'service'));
  const force = optionalBoolean(input, 'force') ?? false;
  if (service.schedulingStrategy === 'REPLICA' && service.desiredCount > 0 && !force) {
    throw invalid('The service cannot be stopped while it is scaled above 0.');
  }
  service.desiredCount = 0;
  service.status = 'DRAINING';
  service.steady = false;
  sim.emit({ source: 'ecs', kind: 'service.deleted', resource: service.serviceArn, message: `${svc(service)} is DRAINING: DeleteService${force ? ' (force)' : ''}; its tasks are stopped, then it becomes INACTIVE.` });
  requestReconcile(sim, service, 0);
  return { service: toSdkService(sim, service) };
}
