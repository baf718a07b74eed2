/**
 * codedeploy:CreateApplication, GetApplication, ListApplications, DeleteApplication,
 * GetDeploymentConfig, ListDeploymentConfigs.
 *
 * AWS facts (CodeDeploy API reference): application names are 1-100 characters, unique per
 * account and region (ApplicationAlreadyExistsException); computePlatform Server (default),
 * Lambda or ECS; deleting an application deletes its deployment groups. Predefined deployment
 * configurations are read with GetDeploymentConfig (DeploymentConfigDoesNotExistException for an
 * unknown name); for ECS they carry a trafficRoutingConfig.
 *
 * Choice: only ECS applications can get deployment groups here (the simulator has no EC2/On-
 * premises or Lambda deployments); custom deployment configurations are not modelled.
 */
import type { Action, Simulation } from '../../simulation';
import { AwsError } from '../errors';
import { optionalString, type Input } from '../validate';
import { codeDeployOf, ECS_DEPLOYMENT_CONFIGS, newApplicationId, OTHER_DEPLOYMENT_CONFIGS, requireApplication, requiredName } from './common';

const PLATFORMS = ['Server', 'Lambda', 'ECS'] as const;

export function createApplication(sim: Simulation, input: Input) {
  const name = requiredName(input, 'applicationName', 'ApplicationNameRequiredException', 'Application name');
  if (name.length > 100) throw new AwsError('InvalidApplicationNameException', 'The application name is too long. Application names can be at most 100 characters.');
  const platform = (optionalString(input, 'computePlatform', 'InvalidComputePlatformException') ?? 'Server') as (typeof PLATFORMS)[number];
  if (!PLATFORMS.includes(platform)) throw new AwsError('InvalidComputePlatformException', `Invalid compute platform: ${platform}. Valid values: Server, Lambda, ECS.`);
  const state = codeDeployOf(sim.world);
  if (state.applications[name]) throw new AwsError('ApplicationAlreadyExistsException', `The application ${name} already exists.`);
  const app = { applicationId: newApplicationId(sim), applicationName: name, computePlatform: platform, createTime: sim.now, tags: (Array.isArray(input.tags) ? input.tags : []) as { Key: string; Value: string }[] };
  state.applications[name] = app;
  sim.emit({ source: 'codedeploy', kind: 'codedeploy.application', resource: name, message: `CodeDeploy application ${name} created (compute platform ${platform}).` });
  return { applicationId: app.applicationId };
}

export function getApplication(sim: Simulation, input: Input) {
  const app = requireApplication(sim.world, input);
  return { application: { applicationId: app.applicationId, applicationName: app.applicationName, createTime: sim.date(app.createTime), linkedToGitHub: false, computePlatform: app.computePlatform } };
}

export function listApplications(sim: Simulation) {
  return { applications: Object.keys(codeDeployOf(sim.world).applications).sort() };
}

export function deleteApplication(sim: Simulation, input: Input) {
  const name = requiredName(input, 'applicationName', 'ApplicationNameRequiredException', 'Application name');
  const state = codeDeployOf(sim.world);
  if (!state.applications[name]) return {}; // AWS: deleting a missing application succeeds
  for (const [key, g] of Object.entries(state.deploymentGroups)) if (g.applicationName === name) delete state.deploymentGroups[key];
  delete state.applications[name];
  sim.emit({ source: 'codedeploy', kind: 'codedeploy.application', resource: name, message: `CodeDeploy application ${name} and its deployment groups deleted.` });
  return {};
}

export function getDeploymentConfig(sim: Simulation, input: Input) {
  const name = requiredName(input, 'deploymentConfigName', 'DeploymentConfigNameRequiredException', 'Deployment configuration name');
  const ecs = ECS_DEPLOYMENT_CONFIGS[name];
  const other = OTHER_DEPLOYMENT_CONFIGS[name];
  if (!ecs && !other) throw new AwsError('DeploymentConfigDoesNotExistException', `No deployment configuration found for name: ${name}`);
  return {
    deploymentConfigInfo: {
      deploymentConfigId: `00000000-0000-0000-0000-${String(Object.keys({ ...ECS_DEPLOYMENT_CONFIGS, ...OTHER_DEPLOYMENT_CONFIGS }).indexOf(name)).padStart(12, '0')}`,
      deploymentConfigName: name,
      createTime: sim.date(0),
      computePlatform: ecs ? 'ECS' : other,
      ...(ecs ? { trafficRoutingConfig: structuredClone(ecs) } : {}),
    },
  };
}

export function listDeploymentConfigs() {
  return { deploymentConfigsList: [...Object.keys(OTHER_DEPLOYMENT_CONFIGS), ...Object.keys(ECS_DEPLOYMENT_CONFIGS)].sort() };
}

export const applicationActions: Record<string, Action> = {
  'codedeploy:CreateApplication': createApplication,
  'codedeploy:GetApplication': getApplication,
  'codedeploy:ListApplications': listApplications,
  'codedeploy:DeleteApplication': deleteApplication,
  'codedeploy:GetDeploymentConfig': getDeploymentConfig,
  'codedeploy:ListDeploymentConfigs': listDeploymentConfigs,
};
