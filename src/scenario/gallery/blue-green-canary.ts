/**
 * Blue/green with CodeDeploy: a CODE_DEPLOY service behind two target groups; a deployment with
 * CodeDeployDefault.ECSCanary10Percent5Minutes starts a replacement (green) task set, sends it 10%
 * of production traffic for 5 minutes, then 100%, and keeps the original (blue) task set for the
 * termination wait before removing it.
 */
import type { Scenario } from '../schema';
import { ScenarioBuilder } from './builder';
import { applicationLoadBalancer, containerInstances, webTaskDefinition, ZONES } from './common';

export const DEPLOY_AT_SECONDS = 300;
/** Choice: a 5-minute termination wait (the console's default is 1 hour) so the scenario ends soon. */
export const TERMINATION_WAIT_MINUTES = 5;

const appSpec = (taskDefinitionArn: string) =>
  JSON.stringify({
    version: 0.0,
    Resources: [{ TargetService: { Type: 'AWS::ECS::Service', Properties: { TaskDefinition: taskDefinitionArn, LoadBalancerInfo: { ContainerName: 'web', ContainerPort: 80 } } } }],
  });

function build(): Scenario {
  const b = new ScenarioBuilder(5);
  const alb = applicationLoadBalancer(b, 'web-alb', ['web-blue', 'web-green'], [80, 8080]);
  const [prodListener, testListener] = alb.listenerArns;
  b.call('ecr:CreateRepository', { repositoryName: 'web' });
  for (const tag of ['v1', 'v2']) b.call('sim:PushImage', { repositoryName: 'web', imageTag: tag });
  b.call('ecs:CreateCluster', { clusterName: 'prod' });
  containerInstances(b, 'prod', ZONES);
  b.call('ecs:RegisterTaskDefinition', webTaskDefinition('v1')).advance(60);
  b.call('ecs:CreateService', {
    cluster: 'prod',
    serviceName: 'web',
    taskDefinition: 'web:1',
    desiredCount: 3,
    launchType: 'EC2',
    deploymentController: { type: 'CODE_DEPLOY' },
    loadBalancers: [{ targetGroupArn: alb.targetGroupArns[0], containerName: 'web', containerPort: 80 }],
  })
    .call('codedeploy:CreateApplication', { applicationName: 'web-app', computePlatform: 'ECS' })
    .call('codedeploy:CreateDeploymentGroup', {
      applicationName: 'web-app',
      deploymentGroupName: 'web-dg',
      serviceRoleArn: 'arn:aws:iam::123456789012:role/ecsCodeDeployRole',
      deploymentConfigName: 'CodeDeployDefault.ECSCanary10Percent5Minutes',
      ecsServices: [{ serviceName: 'web', clusterName: 'prod' }],
      loadBalancerInfo: {
        targetGroupPairInfoList: [
          {
            targetGroups: [{ name: 'web-blue' }, { name: 'web-green' }],
            prodTrafficRoute: { listenerArns: [prodListener] },
            testTrafficRoute: { listenerArns: [testListener] },
          },
        ],
      },
      deploymentStyle: { deploymentType: 'BLUE_GREEN', deploymentOption: 'WITH_TRAFFIC_CONTROL' },
      blueGreenDeploymentConfiguration: {
        deploymentReadyOption: { actionOnTimeout: 'CONTINUE_DEPLOYMENT' },
        terminateBlueInstancesOnDeploymentSuccess: { action: 'TERMINATE', terminationWaitTimeInMinutes: TERMINATION_WAIT_MINUTES },
      },
    })
    .call('sim:SetTraffic', { loadBalancerName: 'web-alb', requestsPerSecond: 50 })
    .advance(DEPLOY_AT_SECONDS - 60);
  const v2 = b.output('ecs:RegisterTaskDefinition', webTaskDefinition('v2')).taskDefinition.taskDefinitionArn as string;
  b.call('codedeploy:CreateDeployment', {
    applicationName: 'web-app',
    deploymentGroupName: 'web-dg',
    revision: { revisionType: 'AppSpecContent', appSpecContent: { content: appSpec(v2) } },
  });
  return b.advance(900).build({
    name: 'Blue/green canary with CodeDeploy',
    description:
      'Service web is deployed by CodeDeploy. CodeDeployDefault.ECSCanary10Percent5Minutes starts a green task set behind the second target group, shifts 10% of production traffic to it for 5 minutes, then the rest; the blue task set is kept for the termination wait (here 5 minutes) in case you roll back, then removed.',
  });
}

export const blueGreenCanary: Scenario = build();
