/**
 * Test fixtures for blue/green tests: a CODE_DEPLOY service "web" (2 tasks, bridge mode, container
 * "app" port 80) on cluster "prod" behind an ALB with two target groups (blue-tg serving, green-tg
 * spare), a production listener on 80 and a test listener on 8080, and a CodeDeploy application
 * "web-app" with deployment group "web-dg".
 *
 *   const f = blueGreen({ group: { deploymentConfigName: 'CodeDeployDefault.ECSCanary10Percent5Minutes' } });
 *   const id = deploy(f);                     // deploys task definition web:2
 *   f.s.advanceUntil(() => status(f, id) === 'Succeeded', 3600, 5);
 */
import { sandbox, type Sandbox } from '../../testing/harness';
import { createService, serviceCluster, webTaskDefinition } from '../../testing/service-fixtures';
import { listenerWeights } from './traffic';

export interface BlueGreenFixture {
  s: Sandbox;
  blueTg: string;
  greenTg: string;
  prodListener: string;
  testListener: string;
  v1: string;
  v2: string;
}

/** Fast health checks (5 s, 2 in a row) so targets are healthy ~10 s after registration. */
const FAST = { HealthCheckIntervalSeconds: 5, HealthyThresholdCount: 2, UnhealthyThresholdCount: 2, HealthCheckTimeoutSeconds: 2 };

export function blueGreen(options: { seed?: number; group?: Record<string, unknown>; testListener?: boolean; desiredCount?: number; v2Container?: Record<string, unknown> } = {}): BlueGreenFixture {
  const s = sandbox({ seed: options.seed ?? 31 });
  serviceCluster(s, { instances: 2 });
  const v1 = webTaskDefinition(s);
  const v2 = webTaskDefinition(s, { image: 'nginx:1.27', ...options.v2Container });
  const subnets = Object.keys(s.world.subnets).slice(0, 2);
  const vpc = Object.keys(s.world.vpcs)[0];
  const lb = s.output('elbv2:CreateLoadBalancer', { Name: 'web', Subnets: subnets }).LoadBalancers[0].LoadBalancerArn;
  const tg = (name: string) => s.output('elbv2:CreateTargetGroup', { Name: name, Protocol: 'HTTP', Port: 80, VpcId: vpc, TargetType: 'instance', ...FAST }).TargetGroups[0].TargetGroupArn as string;
  const blueTg = tg('blue-tg');
  const greenTg = tg('green-tg');
  const listener = (port: number) => s.output('elbv2:CreateListener', { LoadBalancerArn: lb, Protocol: 'HTTP', Port: port, DefaultActions: [{ Type: 'forward', TargetGroupArn: blueTg }] }).Listeners[0].ListenerArn as string;
  const prodListener = listener(80);
  const testListener = listener(8080);
  s.advanceUntil(() => s.world.loadBalancers[lb].State.Code === 'active', 600);
  createService(s, {
    serviceName: 'web',
    taskDefinition: v1,
    desiredCount: options.desiredCount ?? 2,
    deploymentController: { type: 'CODE_DEPLOY' },
    loadBalancers: [{ targetGroupArn: blueTg, containerName: 'app', containerPort: 80 }],
  });
  s.call('codedeploy:CreateApplication', { applicationName: 'web-app', computePlatform: 'ECS' });
  s.call('codedeploy:CreateDeploymentGroup', {
    applicationName: 'web-app',
    deploymentGroupName: 'web-dg',
    serviceRoleArn: 'arn:aws:iam::123456789012:role/ecsCodeDeployRole',
    ecsServices: [{ serviceName: 'web', clusterName: 'prod' }],
    loadBalancerInfo: {
      targetGroupPairInfoList: [
        {
          targetGroups: [{ name: 'blue-tg' }, { name: 'green-tg' }],
          prodTrafficRoute: { listenerArns: [prodListener] },
          ...(options.testListener === false ? {} : { testTrafficRoute: { listenerArns: [testListener] } }),
        },
      ],
    },
    deploymentStyle: { deploymentType: 'BLUE_GREEN', deploymentOption: 'WITH_TRAFFIC_CONTROL' },
    blueGreenDeploymentConfiguration: { terminateBlueInstancesOnDeploymentSuccess: { action: 'TERMINATE', terminationWaitTimeInMinutes: 5 } },
    ...options.group,
  });
  s.advanceUntil(() => taskSets(s).every((t) => t.stabilityStatus === 'STEADY_STATE'), 600, 5);
  return { s, blueTg, greenTg, prodListener, testListener, v1, v2 };
}

export const APPSPEC = (taskDefinition: string, containerName = 'app', containerPort = 80) =>
  JSON.stringify({
    version: 0.0,
    Resources: [{ TargetService: { Type: 'AWS::ECS::Service', Properties: { TaskDefinition: taskDefinition, LoadBalancerInfo: { ContainerName: containerName, ContainerPort: containerPort } } } }],
  });

export function deploy(f: BlueGreenFixture, extra: Record<string, unknown> = {}, taskDefinition = f.v2): string {
  return f.s.output('codedeploy:CreateDeployment', {
    applicationName: 'web-app',
    deploymentGroupName: 'web-dg',
    revision: { revisionType: 'AppSpecContent', appSpecContent: { content: APPSPEC(taskDefinition) } },
    ...extra,
  }).deploymentId;
}

export const info = (f: BlueGreenFixture, id: string) => f.s.output('codedeploy:GetDeployment', { deploymentId: id }).deploymentInfo;
export const status = (f: BlueGreenFixture, id: string) => info(f, id).status as string;

export function taskSets(s: Sandbox) {
  return s.output('ecs:DescribeTaskSets', { cluster: 'prod', service: 'web' }).taskSets as { id: string; status: string; taskDefinition: string; stabilityStatus: string; computedDesiredCount: number; runningCount: number; loadBalancers: { targetGroupArn: string }[] }[];
}

/** Production traffic share (%) of the replacement target group. */
export const greenShare = (f: BlueGreenFixture) => listenerWeights(f.s.sim, f.prodListener)[f.greenTg] ?? 0;
