import { describe, it, expect } from 'vitest';
import { sandbox } from '../../testing/harness';
import { blueGreen } from '../../control/codedeploy/fixtures';
import { ECS_DEPLOYMENT_CONFIGS, greenPercentAt } from './common';
import { parseYamlSubset } from './appspec';

describe('the predefined ECS deployment configurations', () => {
  it('shift traffic all at once, in two canary steps, or in equal linear steps (percent on the replacement at each minute)', () => {
    const at = (name: string, minutes: number[]) => minutes.map((m) => greenPercentAt(ECS_DEPLOYMENT_CONFIGS[`CodeDeployDefault.${name}`], m * 60));
    expect(at('ECSAllAtOnce', [0, 1])).toEqual([100, 100]);
    expect(at('ECSCanary10Percent5Minutes', [0, 4.99, 5])).toEqual([10, 10, 100]);
    expect(at('ECSCanary10Percent15Minutes', [0, 14.99, 15])).toEqual([10, 10, 100]);
    expect(at('ECSLinear10PercentEvery1Minutes', [0, 1, 8, 9, 10])).toEqual([10, 20, 90, 100, 100]);
    expect(at('ECSLinear10PercentEvery3Minutes', [0, 2.99, 3, 24, 27])).toEqual([10, 10, 20, 90, 100]);
  });

  it('GetDeploymentConfig describes them with their trafficRoutingConfig; ListDeploymentConfigs lists them', () => {
    const s = sandbox();
    const out = s.output('codedeploy:GetDeploymentConfig', { deploymentConfigName: 'CodeDeployDefault.ECSLinear10PercentEvery3Minutes' }).deploymentConfigInfo;
    expect(out).toMatchObject({ computePlatform: 'ECS', trafficRoutingConfig: { type: 'TimeBasedLinear', timeBasedLinear: { linearPercentage: 10, linearInterval: 3 } } });
    expect(s.output('codedeploy:ListDeploymentConfigs').deploymentConfigsList).toContain('CodeDeployDefault.ECSCanary10Percent15Minutes');
    s.callExpectingError('codedeploy:GetDeploymentConfig', { deploymentConfigName: 'Nope' }, 'DeploymentConfigDoesNotExistException');
  });
});

describe('CodeDeploy applications and deployment groups', () => {
  it('refuse a duplicate application and a deployment group for an unknown application', () => {
    const s = sandbox();
    s.call('codedeploy:CreateApplication', { applicationName: 'a', computePlatform: 'ECS' });
    s.callExpectingError('codedeploy:CreateApplication', { applicationName: 'a', computePlatform: 'ECS' }, 'ApplicationAlreadyExistsException');
    s.callExpectingError('codedeploy:CreateDeploymentGroup', { applicationName: 'b', deploymentGroupName: 'g' }, 'ApplicationDoesNotExistException', 'No application found for name: b');
  });

  it('check the group: duplicate name, service controller, target group pair, termination wait (at most 2,880 minutes), NLB all at once', () => {
    const f = blueGreen();
    const group = f.s.output('codedeploy:GetDeploymentGroup', { applicationName: 'web-app', deploymentGroupName: 'web-dg' }).deploymentGroupInfo;
    expect(group).toMatchObject({ deploymentConfigName: 'CodeDeployDefault.ECSAllAtOnce', computePlatform: 'ECS', deploymentStyle: { deploymentType: 'BLUE_GREEN' } });
    const base = {
      applicationName: 'web-app',
      deploymentGroupName: 'other',
      serviceRoleArn: 'arn:aws:iam::123456789012:role/r',
      ecsServices: [{ serviceName: 'web', clusterName: 'prod' }],
      loadBalancerInfo: group.loadBalancerInfo,
    };
    f.s.callExpectingError('codedeploy:CreateDeploymentGroup', { ...base, deploymentGroupName: 'web-dg' }, 'DeploymentGroupAlreadyExistsException');
    f.s.callExpectingError('codedeploy:CreateDeploymentGroup', base, 'ECSServiceMappingLimitExceededException');
    f.s.call('ecs:CreateService', { cluster: 'prod', serviceName: 'rolling', taskDefinition: f.v1, desiredCount: 0 });
    f.s.callExpectingError('codedeploy:CreateDeploymentGroup', { ...base, ecsServices: [{ serviceName: 'rolling', clusterName: 'prod' }] }, 'InvalidECSServiceException', 'CODE_DEPLOY');
    f.s.call('ecs:CreateService', { cluster: 'prod', serviceName: 'api', taskDefinition: f.v1, desiredCount: 0, deploymentController: { type: 'CODE_DEPLOY' } });
    const api = { ...base, ecsServices: [{ serviceName: 'api', clusterName: 'prod' }] };
    f.s.callExpectingError('codedeploy:CreateDeploymentGroup', { ...api, serviceRoleArn: undefined }, 'RoleRequiredException');
    const pair = group.loadBalancerInfo.targetGroupPairInfoList[0];
    f.s.callExpectingError('codedeploy:CreateDeploymentGroup', { ...api, loadBalancerInfo: { targetGroupPairInfoList: [{ ...pair, targetGroups: [{ name: 'blue-tg' }] }] } }, 'InvalidTargetGroupPairException');
    const wait = (m: number) => ({ ...api, blueGreenDeploymentConfiguration: { terminateBlueInstancesOnDeploymentSuccess: { action: 'TERMINATE', terminationWaitTimeInMinutes: m } } });
    f.s.callExpectingError('codedeploy:CreateDeploymentGroup', wait(2881), 'InvalidBlueGreenDeploymentConfigurationException');
    f.s.callExpectingError('codedeploy:CreateDeploymentGroup', { ...api, deploymentConfigName: 'CodeDeployDefault.OneAtATime' }, 'InvalidDeploymentConfigNameException');
    f.s.call('codedeploy:CreateDeploymentGroup', wait(2880));
    expect(f.s.output('codedeploy:ListDeploymentGroups', { applicationName: 'web-app' }).deploymentGroups).toEqual(['other', 'web-dg']);
  });
});

describe('CreateDeployment', () => {
  it('reads a YAML AppSpec as well as JSON, and refuses an AppSpec whose container port is not mapped', () => {
    const f = blueGreen();
    const yaml = `version: 0.0\nResources:\n  - TargetService:\n      Type: AWS::ECS::Service\n      Properties:\n        TaskDefinition: "${f.v2}"\n        LoadBalancerInfo:\n          ContainerName: "app"\n          ContainerPort: 80\n`;
    expect(parseYamlSubset(yaml)).toEqual({ version: 0, Resources: [{ TargetService: { Type: 'AWS::ECS::Service', Properties: { TaskDefinition: f.v2, LoadBalancerInfo: { ContainerName: 'app', ContainerPort: 80 } } } }] });
    const input = (content: string) => ({ applicationName: 'web-app', deploymentGroupName: 'web-dg', revision: { revisionType: 'AppSpecContent', appSpecContent: { content } } });
    f.s.callExpectingError('codedeploy:CreateDeployment', input(yaml.replace('ContainerPort: 80', 'ContainerPort: 8080')), 'InvalidRevisionException', 'container port 8080');
    f.s.callExpectingError('codedeploy:CreateDeployment', { ...input(yaml), revision: undefined }, 'RevisionRequiredException');
    const id = f.s.output('codedeploy:CreateDeployment', input(yaml)).deploymentId;
    expect(id).toMatch(/^d-[A-Z0-9]{9}$/);
    expect(f.s.output('codedeploy:GetDeployment', { deploymentId: id }).deploymentInfo).toMatchObject({ status: 'Created', computePlatform: 'ECS', creator: 'user', deploymentOverview: { Pending: 1 } });
    expect(f.s.output('codedeploy:ListDeployments', { applicationName: 'web-app', deploymentGroupName: 'web-dg' }).deploymentIds).toEqual([id]);
    f.s.callExpectingError('codedeploy:GetDeployment', { deploymentId: 'd-AAAAAAAAA' }, 'DeploymentDoesNotExistException');
  });
});
