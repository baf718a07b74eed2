/**
 * ecs:CreateService. Checks in ECS's order (cluster, name, controller, task definition, strategy,
 * launch type, platform version, placement, network, load balancers), then creates the service
 * (status ACTIVE) with its first PRIMARY deployment and asks the scheduler to reconcile at once.
 *
 * AWS facts: service names are up to 255 letters, numbers, underscores and hyphens, unique per
 * cluster; a second CreateService with the same name and different parameters answers
 * InvalidParameterException "Creation of service was not idempotent." (same parameters: the
 * existing service); a name whose service is still DRAINING: "Unable to Start a service that is
 * still Draining."; an unknown Fargate platform version: PlatformUnknownException.
 *
 * Choices: REPLICA without desiredCount is refused (the API reference: "required if
 * schedulingStrategy is REPLICA or isn't specified"). CODE_DEPLOY and EXTERNAL services get no ECS
 * deployment: their tasks come from task sets (control/services/task-sets.ts); a CODE_DEPLOY
 * service starts with one PRIMARY task set of its task definition and first load balancer, at
 * scale 100%; an EXTERNAL one runs what CreateTaskSet gives it. capacityProviderStrategy: services-capacity.ts.
 */
import type { CreateServiceResponse } from '@aws-sdk/client-ecs';
import type { Simulation } from '../../simulation';
import type { DeploymentControllerType, SchedulingStrategy, Service } from '../../world/service-types';
import { validatePlacementInput, type PlacementConstraint, type PlacementStrategy } from '../../control/placement/place';
import { LATEST_PLATFORM_VERSION, PLATFORM_VERSIONS } from '../../control/fargate/provision';
import { startDeployment } from '../../control/services/deployments';
import { requestReconcile } from '../../control/services/reconcile';
import { createInitialTaskSet } from './task-sets-store';
import { AwsError } from '../errors';
import { optionalArray, optionalBoolean, optionalNumber, optionalString, requireString, type Input } from '../validate';
import { requireActiveCluster } from './clusters-store';
import { resolveTaskDefinitionOrThrow } from './task-definition-lookup';
import { compatibilitiesOf, parseTags } from './tasks-input';
import { toSdkService } from './services-describe';
import { findService, serviceArnFor } from './services-store';
import { parseDeploymentConfiguration, parseGracePeriod, parseLoadBalancers, parsePropagateTags, parseServiceNetworkConfiguration } from './services-input';
import { parseServiceStrategy } from './services-capacity';
import { launchTypeOfStrategy } from '../../control/capacity/launch';

const invalid = (message: string) => new AwsError('InvalidParameterException', message);
export const SERVICE_NAME = /^[a-zA-Z0-9_-]{1,255}$/;
const hasItems = (v: unknown) => Array.isArray(v) && v.length > 0;

export function createService(sim: Simulation, input: Input): CreateServiceResponse {
  const cluster = requireActiveCluster(sim.world, optionalString(input, 'cluster'));
  const serviceName = requireString(input, 'serviceName');
  if (!SERVICE_NAME.test(serviceName)) throw invalid('Service names can have up to 255 letters (uppercase and lowercase), numbers, underscores, and hyphens.');
  const controller = (optionalString((input.deploymentController ?? {}) as Input, 'type') ?? 'ECS') as DeploymentControllerType;
  if (!['ECS', 'CODE_DEPLOY', 'EXTERNAL'].includes(controller)) throw invalid(`Invalid deployment controller type: ${controller}. Valid values: ECS, CODE_DEPLOY, EXTERNAL.`);
  const tdRef = optionalString(input, 'taskDefinition');
  if (tdRef === undefined && controller !== 'EXTERNAL') throw invalid('A task definition must be specified for a service that uses the ECS or CODE_DEPLOY deployment controller.');
  const td = tdRef === undefined ? undefined : resolveTaskDefinitionOrThrow(sim.world, tdRef);

  const strategy = (optionalString(input, 'schedulingStrategy') ?? 'REPLICA') as SchedulingStrategy;
  if (strategy !== 'REPLICA' && strategy !== 'DAEMON') throw invalid(`Invalid scheduling strategy: ${strategy}. Valid values: REPLICA, DAEMON.`);
  const desiredInput = optionalNumber(input, 'desiredCount');
  if (strategy === 'DAEMON') {
    if (desiredInput !== undefined) throw invalid('The daemon scheduling strategy does not support a desired count for services. Remove the desired count value and try again');
    if (hasItems(input.placementStrategy)) throw invalid('The daemon scheduling strategy does not support placement strategies. Remove the placement strategy and try again');
    if (controller !== 'ECS') throw invalid(`The daemon scheduling strategy does not support the ${controller} deployment controller.`);
  } else {
    if (desiredInput === undefined) throw invalid('desiredCount is required for a service that uses the REPLICA scheduling strategy.');
    if (!Number.isInteger(desiredInput) || desiredInput < 0) throw invalid('desiredCount must be a whole number of 0 or more.');
  }

  const launchTypeInput = optionalString(input, 'launchType');
  const capacityProviderStrategy = parseServiceStrategy(sim, cluster, input.capacityProviderStrategy, launchTypeInput, strategy);
  const launchType = (capacityProviderStrategy.length > 0 ? launchTypeOfStrategy(capacityProviderStrategy) : (launchTypeInput ?? 'EC2')) as 'EC2' | 'FARGATE';
  if (launchType !== 'EC2' && launchType !== 'FARGATE') throw invalid(`Invalid launch type: ${String(launchType)}. Valid values: EC2, FARGATE.`);
  if (strategy === 'DAEMON' && launchType === 'FARGATE') throw invalid('The daemon scheduling strategy does not support the FARGATE launch type.');
  if (td && !compatibilitiesOf(td).includes(launchType)) throw invalid(`Task definition does not support launch_type ${launchType}.`);

  let platformVersion: string | undefined;
  if (launchType === 'FARGATE') {
    if (hasItems(input.placementStrategy)) throw invalid('Task placement strategies are not supported with the FARGATE launch type.');
    if (hasItems(input.placementConstraints)) throw invalid('Task placement constraints are not supported with the FARGATE launch type.');
    const pv = optionalString(input, 'platformVersion') ?? 'LATEST';
    platformVersion = pv;
    if (!PLATFORM_VERSIONS.includes(pv === 'LATEST' ? LATEST_PLATFORM_VERSION : pv)) throw new AwsError('PlatformUnknownException', 'The specified platform version does not exist.');
  } else {
    if (optionalString(input, 'platformVersion') !== undefined) throw invalid('The platform version must be null when specifying an EC2 launch type.');
    validatePlacementInput(input.placementStrategy ?? [], input.placementConstraints ?? []);
  }
  const networkConfiguration = td ? parseServiceNetworkConfiguration(sim, input.networkConfiguration, td, launchType) : undefined;
  const deploymentConfiguration = parseDeploymentConfiguration(input.deploymentConfiguration, strategy);
  const loadBalancers = parseLoadBalancers(sim, input.loadBalancers, td);
  const tags = parseTags(input);

  const arn = serviceArnFor(sim.world, cluster, serviceName);
  const candidate: Service = {
    serviceArn: arn,
    serviceName,
    clusterArn: cluster.clusterArn,
    status: 'ACTIVE',
    desiredCount: strategy === 'DAEMON' ? 0 : desiredInput!,
    launchType,
    ...(capacityProviderStrategy.length > 0 ? { capacityProviderStrategy } : {}),
    ...(platformVersion ? { platformVersion } : {}),
    taskDefinition: td?.taskDefinitionArn ?? '',
    schedulingStrategy: strategy,
    deploymentConfiguration,
    deploymentController: { type: controller },
    loadBalancers,
    placementConstraints: (optionalArray(input, 'placementConstraints') ?? []) as PlacementConstraint[],
    placementStrategy: (optionalArray(input, 'placementStrategy') ?? []) as PlacementStrategy[],
    ...(networkConfiguration ? { networkConfiguration } : {}),
    healthCheckGracePeriodSeconds: parseGracePeriod(input.healthCheckGracePeriodSeconds),
    enableECSManagedTags: optionalBoolean(input, 'enableECSManagedTags') ?? false,
    propagateTags: parsePropagateTags(input.propagateTags),
    enableExecuteCommand: optionalBoolean(input, 'enableExecuteCommand') ?? false,
    tags,
    createdAt: sim.now,
    createdBy: `arn:aws:iam::${sim.world.accountId}:root`,
    deployments: [],
    events: [],
    throttle: { consecutiveFailures: 0 },
    steady: false,
  };

  const existing = findService(sim.world, cluster, serviceName);
  if (existing?.status === 'DRAINING') throw invalid('Unable to Start a service that is still Draining.');
  if (existing?.status === 'ACTIVE') {
    if (sameParameters(existing, candidate)) return { service: toSdkService(sim, existing) };
    throw invalid('Creation of service was not idempotent.');
  }
  sim.world.services[arn] = candidate;
  sim.emit({
    source: 'ecs',
    kind: 'service.created',
    resource: arn,
    message: `Service ${serviceName} created in cluster ${cluster.clusterName}: ${strategy}${strategy === 'REPLICA' ? ` with desiredCount ${candidate.desiredCount}` : ''}, ${launchType}, ${controller} deployment controller.`,
  });
  if (controller === 'ECS') {
    startDeployment(sim, candidate);
    requestReconcile(sim, candidate, 0);
  } else if (controller === 'CODE_DEPLOY') {
    createInitialTaskSet(sim, candidate); // the PRIMARY task set CodeDeploy deploys from (task-sets-store.ts)
    requestReconcile(sim, candidate, 0);
  }
  return { service: toSdkService(sim, candidate) };
}

const KEYS: (keyof Service)[] = ['taskDefinition', 'desiredCount', 'launchType', 'capacityProviderStrategy', 'schedulingStrategy', 'deploymentConfiguration', 'deploymentController', 'loadBalancers', 'placementConstraints', 'placementStrategy', 'networkConfiguration', 'platformVersion'];

function sameParameters(a: Service, b: Service): boolean {
  return KEYS.every((k) => JSON.stringify(a[k]) === JSON.stringify(b[k]));
}
