/**
 * CodeDeploy's state in the world, lookups with CodeDeploy's exceptions, ids, and the predefined
 * ECS deployment configurations.
 *
 * AWS facts (CodeDeploy API reference; user guide "Deployment configurations on an Amazon ECS
 * compute platform"): ECS configurations shift traffic AllAtOnce, TimeBasedCanary (two steps:
 * canaryPercentage, then the rest after canaryInterval minutes) or TimeBasedLinear (equal
 * linearPercentage steps every linearInterval minutes). Deployment ids are "d-" and 9 upper-case
 * letters and digits. Errors: ApplicationDoesNotExistException "No application found for name:
 * NAME", DeploymentGroupDoesNotExistException, DeploymentDoesNotExistException,
 * DeploymentConfigDoesNotExistException.
 */
import type { Simulation } from '../../simulation';
import type { CodeDeployApplication, CodeDeployDeployment, CodeDeployDeploymentGroup, CodeDeployState } from '../../world/codedeploy-types';
import type { World } from '../../world/types';
import { AwsError } from '../errors';
import { uuid } from '../../control/fargate/network';
import type { Input } from '../validate';

export const codeDeployOf = (world: World): CodeDeployState => (world.codeDeploy ??= { applications: {}, deploymentGroups: {}, deployments: {} });

export const groupKey = (applicationName: string, deploymentGroupName: string) => `${applicationName}/${deploymentGroupName}`;

export const newApplicationId = (sim: Simulation) => uuid(sim);

export function newDeploymentId(sim: Simulation): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  let id = 'd-';
  for (let i = 0; i < 9; i++) id += chars[sim.random.int(chars.length)];
  return id;
}

/** A string field; CodeDeploy answers a missing one with its own *RequiredException. */
export function requiredName(input: Input, field: string, exception: string, what: string): string {
  const v = input[field];
  if (v === undefined || v === null || v === '') throw new AwsError(exception, `${what} is missing`);
  if (typeof v !== 'string') throw new AwsError('InvalidInputException', `${field} must be a string`);
  return v;
}

export function requireApplication(world: World, input: Input): CodeDeployApplication {
  const name = requiredName(input, 'applicationName', 'ApplicationNameRequiredException', 'Application name');
  const app = codeDeployOf(world).applications[name];
  if (!app) throw new AwsError('ApplicationDoesNotExistException', `No application found for name: ${name}`);
  return app;
}

export function requireDeploymentGroup(world: World, input: Input): CodeDeployDeploymentGroup {
  const app = requireApplication(world, input);
  const name = requiredName(input, 'deploymentGroupName', 'DeploymentGroupNameRequiredException', 'Deployment Group name');
  const group = codeDeployOf(world).deploymentGroups[groupKey(app.applicationName, name)];
  if (!group) throw new AwsError('DeploymentGroupDoesNotExistException', `No Deployment Group found for name: ${name}`);
  return group;
}

export function requireDeployment(world: World, input: Input): CodeDeployDeployment {
  const id = requiredName(input, 'deploymentId', 'DeploymentIdRequiredException', 'Deployment ID');
  if (!/^d-[A-Z0-9]{9}$/.test(id)) throw new AwsError('InvalidDeploymentIdException', `Specified DeploymentId is not in the valid format: ${id}`);
  const d = codeDeployOf(world).deployments[id];
  if (!d) throw new AwsError('DeploymentDoesNotExistException', `The deployment ${id} could not be found.`);
  return d;
}

export interface TrafficRoutingConfig {
  type: 'AllAtOnce' | 'TimeBasedCanary' | 'TimeBasedLinear';
  timeBasedCanary?: { canaryPercentage: number; canaryInterval: number };
  timeBasedLinear?: { linearPercentage: number; linearInterval: number };
}

/** The predefined ECS configurations (percentages and minutes). */
export const ECS_DEPLOYMENT_CONFIGS: Record<string, TrafficRoutingConfig> = {
  'CodeDeployDefault.ECSAllAtOnce': { type: 'AllAtOnce' },
  'CodeDeployDefault.ECSCanary10Percent5Minutes': { type: 'TimeBasedCanary', timeBasedCanary: { canaryPercentage: 10, canaryInterval: 5 } },
  'CodeDeployDefault.ECSCanary10Percent15Minutes': { type: 'TimeBasedCanary', timeBasedCanary: { canaryPercentage: 10, canaryInterval: 15 } },
  'CodeDeployDefault.ECSLinear10PercentEvery1Minutes': { type: 'TimeBasedLinear', timeBasedLinear: { linearPercentage: 10, linearInterval: 1 } },
  'CodeDeployDefault.ECSLinear10PercentEvery3Minutes': { type: 'TimeBasedLinear', timeBasedLinear: { linearPercentage: 10, linearInterval: 3 } },
};

/** Predefined configurations of the other compute platforms: they exist, but not for ECS. */
export const OTHER_DEPLOYMENT_CONFIGS: Record<string, 'Server' | 'Lambda'> = {
  'CodeDeployDefault.OneAtATime': 'Server',
  'CodeDeployDefault.HalfAtATime': 'Server',
  'CodeDeployDefault.AllAtOnce': 'Server',
  'CodeDeployDefault.LambdaAllAtOnce': 'Lambda',
  'CodeDeployDefault.LambdaCanary10Percent5Minutes': 'Lambda',
  'CodeDeployDefault.LambdaLinear10PercentEvery1Minute': 'Lambda',
};

export const DEFAULT_ECS_CONFIG = 'CodeDeployDefault.ECSAllAtOnce';

/** Checks a configuration name for an ECS deployment group or deployment. */
export function requireEcsConfig(name: string): TrafficRoutingConfig {
  if (ECS_DEPLOYMENT_CONFIGS[name]) return ECS_DEPLOYMENT_CONFIGS[name];
  if (OTHER_DEPLOYMENT_CONFIGS[name]) {
    throw new AwsError('InvalidDeploymentConfigNameException', `The deployment configuration ${name} is for the ${OTHER_DEPLOYMENT_CONFIGS[name]} compute platform, not ECS.`);
  }
  throw new AwsError('DeploymentConfigDoesNotExistException', `No deployment configuration found for name: ${name}`);
}

/**
 * Percent of production traffic on the replacement at `elapsed` seconds after shifting began.
 * AllAtOnce: 100. Canary: the canary percentage, then 100 after the interval. Linear: one step
 * at once, one more every interval, until 100.
 */
export function greenPercentAt(config: TrafficRoutingConfig, elapsed: number): number {
  if (config.type === 'TimeBasedCanary' && config.timeBasedCanary) {
    const { canaryPercentage, canaryInterval } = config.timeBasedCanary;
    return elapsed >= canaryInterval * 60 ? 100 : canaryPercentage;
  }
  if (config.type === 'TimeBasedLinear' && config.timeBasedLinear) {
    const { linearPercentage, linearInterval } = config.timeBasedLinear;
    return Math.min(100, (Math.floor(elapsed / (linearInterval * 60)) + 1) * linearPercentage);
  }
  return 100;
}

/** Seconds after shifting began when the percent next changes (undefined once it is 100). */
export function nextShiftAt(config: TrafficRoutingConfig, elapsed: number): number | undefined {
  if (greenPercentAt(config, elapsed) >= 100) return undefined;
  const minutes = config.timeBasedCanary?.canaryInterval ?? config.timeBasedLinear?.linearInterval ?? 0;
  return (Math.floor(elapsed / (minutes * 60)) + 1) * minutes * 60;
}
