/**
 * The scenario the app opens with (UI.md "First minute"): a cluster "prod" of three EC2 container
 * instances in three AZs, a service "web" of four tasks behind an Application Load Balancer with
 * traffic flowing, and, about half a minute after every target is healthy, a new task definition
 * revision rolling out within the deployment's bounds (minimumHealthyPercent 50, maximumPercent
 * 200: never fewer than 2 healthy tasks, never more than 8).
 *
 * It is plain data in the scenario file format (schema.ts), so the headless runner runs it too
 * (scenarios/default.json). The ARNs ELB makes up are read while building (gallery/builder.ts).
 */
import type { Scenario } from './schema';
import { ACCOUNT, REGION, ScenarioBuilder } from './gallery/builder';
import { applicationLoadBalancer, containerInstances, ecrImage, ECS_OPTIMIZED_AMI as AMI, userData, userDataScript, ZONES } from './gallery/common';

export const DEFAULT_REGION = REGION;
export const DEFAULT_ACCOUNT = ACCOUNT;
export const CLUSTER = 'prod';
export const SERVICE = 'web';
export const REPOSITORY = 'web';
export const AVAILABILITY_ZONES = ZONES;
export const ECS_OPTIMIZED_AMI = AMI;
export const USER_DATA_SCRIPT = userDataScript(CLUSTER);
export const USER_DATA = userData(CLUSTER);
export const DESIRED_COUNT = 4;
export const DEPLOYMENT_CONFIGURATION = { minimumHealthyPercent: 50, maximumPercent: 200 };

/** Instances are ACTIVE 30–60 s after launch (control/ec2/timing.ts); the service starts then. */
export const BOOT_WAIT_SECONDS = 60;
/** The new revision rolls out this long after every target is healthy (the ALB is active 120–180 s after it is created). */
export const ROLLOUT_AFTER_HEALTHY_SECONDS = 30;

const webContainer = (tag: string) => ({
  name: 'web',
  image: ecrImage(REPOSITORY, tag),
  essential: true,
  cpu: 256,
  memory: 512,
  // hostPort 0 in bridge mode: ECS picks a free host port from the ephemeral range for each task.
  portMappings: [{ containerPort: 80, hostPort: 0, protocol: 'tcp' }],
});

function build(): { scenario: Scenario; rolloutAt: number } {
  const b = new ScenarioBuilder(1);
  // Load balancer first: its ARNs are then the same whatever the engine draws for later steps.
  const alb = applicationLoadBalancer(b, 'web-alb', ['web-tg']);
  b.call('ecr:CreateRepository', { repositoryName: REPOSITORY })
    .call('sim:PushImage', { repositoryName: REPOSITORY, imageTag: 'v1', behavior: { startupSeconds: 3, cpuUnitsIdle: 20, cpuUnitsPerRequest: 2 } })
    .call('sim:PushImage', { repositoryName: REPOSITORY, imageTag: 'v2', behavior: { startupSeconds: 3, cpuUnitsIdle: 20, cpuUnitsPerRequest: 2 } })
    .call('ecs:CreateCluster', { clusterName: CLUSTER });
  containerInstances(b, CLUSTER, ZONES);
  b.call('ecs:RegisterTaskDefinition', { family: SERVICE, networkMode: 'bridge', requiresCompatibilities: ['EC2'], containerDefinitions: [webContainer('v1')] })
    .advance(BOOT_WAIT_SECONDS)
    .call('ecs:CreateService', {
      cluster: CLUSTER,
      serviceName: SERVICE,
      taskDefinition: SERVICE,
      desiredCount: DESIRED_COUNT,
      launchType: 'EC2',
      deploymentConfiguration: DEPLOYMENT_CONFIGURATION,
      loadBalancers: [{ targetGroupArn: alb.targetGroupArns[0], containerName: 'web', containerPort: 80 }],
      placementStrategy: [
        { type: 'spread', field: 'attribute:ecs.availability-zone' },
        { type: 'spread', field: 'instanceId' },
      ],
    })
    .call('sim:SetTraffic', { loadBalancerName: 'web-alb', requestsPerSecond: 40 })
    .advanceUntil((sim) => Object.values(sim.world.targetGroups[alb.targetGroupArns[0]].targets).filter((t) => t.State === 'healthy').length === DESIRED_COUNT)
    .advance(ROLLOUT_AFTER_HEALTHY_SECONDS);
  const rolloutAt = b.now;
  b.call('ecs:RegisterTaskDefinition', { family: SERVICE, networkMode: 'bridge', requiresCompatibilities: ['EC2'], containerDefinitions: [webContainer('v2')] })
    .call('ecs:UpdateService', { cluster: CLUSTER, service: SERVICE, taskDefinition: SERVICE });
  const scenario = b.build({
    name: 'Rolling update behind a load balancer',
    description:
      'Four tasks of service web run on three EC2 instances in three AZs behind an Application Load Balancer. About half a minute after every target is healthy, revision 2 rolls out: with minimumHealthyPercent 50 and maximumPercent 200 ECS keeps at least 2 healthy tasks and at most 8 while it replaces them.',
  });
  return { scenario, rolloutAt };
}

const built = build();
export const defaultScenario: Scenario = built.scenario;
/** When revision 2 rolls out, in simulated seconds (found while building). */
export const ROLLOUT_AT_SECONDS = built.rolloutAt;
