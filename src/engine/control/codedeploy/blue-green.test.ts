import { describe, it, expect } from 'vitest';
import { blueGreen, deploy, greenShare, info, status, taskSets, type BlueGreenFixture } from './fixtures';
import { listenerWeights } from './traffic';

const CANARY_5 = 'CodeDeployDefault.ECSCanary10Percent5Minutes';
const LINEAR_1 = 'CodeDeployDefault.ECSLinear10PercentEvery1Minutes';

/** Advances until production traffic starts moving; returns the time it did. */
function untilShiftStarts(f: BlueGreenFixture): number {
  f.s.advanceUntil(() => greenShare(f) > 0, 900);
  return f.s.now;
}

const target = (f: BlueGreenFixture, id: string) => f.s.output('codedeploy:GetDeploymentTarget', { deploymentId: id, targetId: 'prod:web' }).deploymentTarget.ecsTarget;

describe('a CODE_DEPLOY service before any deployment', () => {
  it('runs its tasks in one PRIMARY task set at 100% behind the first target group, which the production listener serves', () => {
    const f = blueGreen();
    const [primary, ...others] = taskSets(f.s);
    expect(others).toEqual([]);
    expect(primary).toMatchObject({ status: 'PRIMARY', computedDesiredCount: 2, runningCount: 2, stabilityStatus: 'STEADY_STATE', taskDefinition: f.v1 });
    expect(primary.loadBalancers[0].targetGroupArn).toBe(f.blueTg);
    expect(listenerWeights(f.s.sim, f.prodListener)).toEqual({ [f.blueTg]: 100 });
  });
});

describe('CodeDeployDefault.ECSAllAtOnce', () => {
  it('installs the replacement task set, shifts all production traffic at once, then keeps the original for the termination wait before deleting it', () => {
    const f = blueGreen();
    const id = deploy(f);
    const shiftedAt = untilShiftStarts(f);
    expect(greenShare(f)).toBe(100);
    const sets = taskSets(f.s);
    expect(sets.map((t) => [t.taskDefinition, t.status])).toEqual([
      [f.v2, 'PRIMARY'],
      [f.v1, 'ACTIVE'],
    ]);
    expect(info(f, id)).toMatchObject({ status: 'InProgress', instanceTerminationWaitTimeStarted: true });
    f.s.advance(5 * 60 - 1 - (f.s.now - shiftedAt));
    expect(taskSets(f.s)).toHaveLength(2);
    f.s.advance(2);
    expect(status(f, id)).toBe('Succeeded');
    expect(taskSets(f.s).find((t) => t.taskDefinition === f.v1)?.status).toBe('DRAINING');
    f.s.advanceUntil(() => taskSets(f.s).length === 1, 900, 5);
    const service = f.s.output('ecs:DescribeServices', { cluster: 'prod', services: ['web'] }).services[0];
    expect(service.taskDefinition).toBe(f.v2);
    expect(service.runningCount).toBe(2);
    expect(target(f, id).lifecycleEvents.map((e: { status: string }) => e.status)).toEqual(Array(8).fill('Succeeded'));
  });

  it('routes the test listener to the replacement task set before production traffic moves, and starts the next deployment from the other target group', () => {
    const f = blueGreen({ group: { deploymentConfigName: CANARY_5 } });
    const first = deploy(f);
    untilShiftStarts(f);
    expect(listenerWeights(f.s.sim, f.testListener)).toEqual({ [f.greenTg]: 100 });
    f.s.callExpectingError('codedeploy:ContinueDeployment', { deploymentId: first, deploymentWaitType: 'TERMINATION_WAIT' }, 'DeploymentIsNotInReadyStateException');
    f.s.advanceUntil(() => status(f, first) === 'Succeeded', 1800, 5);
    const second = deploy(f, {}, f.v1);
    f.s.advanceUntil(() => listenerWeights(f.s.sim, f.prodListener)[f.blueTg] === 10, 900);
    expect(status(f, second)).toBe('InProgress');
  });
});

describe('canary and linear traffic shifting', () => {
  it('ECSCanary10Percent5Minutes sends 10% for five minutes, then 100%', () => {
    const f = blueGreen({ group: { deploymentConfigName: CANARY_5 } });
    deploy(f);
    const t0 = untilShiftStarts(f);
    expect(greenShare(f)).toBe(10);
    f.s.advance(299);
    expect(greenShare(f)).toBe(10);
    f.s.advance(1);
    expect(f.s.now - t0).toBe(300);
    expect(greenShare(f)).toBe(100);
  });

  it('ECSLinear10PercentEvery1Minutes adds 10% every minute and reaches 100% after nine minutes', () => {
    const f = blueGreen({ group: { deploymentConfigName: LINEAR_1 } });
    deploy(f);
    untilShiftStarts(f);
    const samples = [greenShare(f)];
    for (let minute = 1; minute <= 10; minute++) {
      f.s.advance(60);
      samples.push(greenShare(f));
    }
    expect(samples).toEqual([10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 100]);
  });

  it('a deployment may override the group configuration', () => {
    const f = blueGreen();
    deploy(f, { deploymentConfigName: CANARY_5 });
    untilShiftStarts(f);
    expect(greenShare(f)).toBe(10);
  });
});

describe('deploymentReadyOption', () => {
  it('STOP_DEPLOYMENT: the deployment is Ready and production traffic waits for ContinueDeployment', () => {
    const f = blueGreen({ group: { blueGreenDeploymentConfiguration: { deploymentReadyOption: { actionOnTimeout: 'STOP_DEPLOYMENT', waitTimeInMinutes: 30 } } } });
    const id = deploy(f);
    f.s.advanceUntil(() => status(f, id) === 'Ready', 900);
    f.s.advance(600);
    expect(greenShare(f)).toBe(0);
    expect(listenerWeights(f.s.sim, f.testListener)).toEqual({ [f.greenTg]: 100 });
    f.s.call('codedeploy:ContinueDeployment', { deploymentId: id });
    f.s.advance(1);
    expect(greenShare(f)).toBe(100);
    // The group gave no terminateBlueInstancesOnDeploymentSuccess: the wait is 0 minutes, so it is done.
    expect(status(f, id)).toBe('Succeeded');
  });

  it('STOP_DEPLOYMENT: nobody continues within the wait time, so the deployment is Stopped and the replacement removed', () => {
    const f = blueGreen({ group: { blueGreenDeploymentConfiguration: { deploymentReadyOption: { actionOnTimeout: 'STOP_DEPLOYMENT', waitTimeInMinutes: 10 } } } });
    const id = deploy(f);
    f.s.advanceUntil(() => status(f, id) === 'Ready', 900);
    f.s.advanceUntil(() => status(f, id) === 'Stopped', 11 * 60);
    expect(info(f, id).errorInformation.code).toBe('TIMEOUT');
    expect(listenerWeights(f.s.sim, f.testListener)).toEqual({ [f.blueTg]: 100 });
    f.s.advanceUntil(() => taskSets(f.s).length === 1, 900, 5);
    expect(taskSets(f.s)[0].taskDefinition).toBe(f.v1);
  });

  it('CONTINUE_DEPLOYMENT with a wait reroutes by itself when the wait ends', () => {
    const f = blueGreen({ group: { blueGreenDeploymentConfiguration: { deploymentReadyOption: { actionOnTimeout: 'CONTINUE_DEPLOYMENT', waitTimeInMinutes: 3 } } } });
    const id = deploy(f);
    f.s.advanceUntil(() => status(f, id) === 'Ready', 900);
    const readyAt = f.s.now;
    untilShiftStarts(f);
    expect(f.s.now - readyAt).toBe(180);
  });

  it('ContinueDeployment on a deployment that is not Ready is refused', () => {
    const f = blueGreen();
    const id = deploy(f);
    f.s.callExpectingError('codedeploy:ContinueDeployment', { deploymentId: id }, 'DeploymentIsNotInReadyStateException');
  });
});

describe('the termination wait', () => {
  it('ContinueDeployment with TERMINATION_WAIT deletes the original task set at once', () => {
    const f = blueGreen({ group: { blueGreenDeploymentConfiguration: { terminateBlueInstancesOnDeploymentSuccess: { action: 'TERMINATE', terminationWaitTimeInMinutes: 2880 } } } });
    const id = deploy(f);
    untilShiftStarts(f);
    f.s.advance(3600);
    expect(status(f, id)).toBe('InProgress');
    f.s.call('codedeploy:ContinueDeployment', { deploymentId: id, deploymentWaitType: 'TERMINATION_WAIT' });
    f.s.advance(1);
    expect(status(f, id)).toBe('Succeeded');
    f.s.callExpectingError('codedeploy:StopDeployment', { deploymentId: id }, 'DeploymentAlreadyCompletedException');
  });
});

describe('rollback', () => {
  it('StopDeployment with autoRollbackEnabled puts production traffic back on the original and deletes the replacement', () => {
    const f = blueGreen({ group: { deploymentConfigName: CANARY_5 } });
    const id = deploy(f);
    untilShiftStarts(f);
    expect(greenShare(f)).toBe(10);
    const out = f.s.output('codedeploy:StopDeployment', { deploymentId: id, autoRollbackEnabled: true });
    expect(out.status).toBe('Succeeded');
    expect(greenShare(f)).toBe(0);
    const stopped = info(f, id);
    expect(stopped).toMatchObject({ status: 'Stopped', errorInformation: { code: 'MANUAL_STOP' } });
    const rollback = info(f, stopped.rollbackInfo.rollbackDeploymentId);
    expect(rollback).toMatchObject({ status: 'Succeeded', creator: 'codeDeployRollback', rollbackInfo: { rollbackTriggeringDeploymentId: id } });
    f.s.advanceUntil(() => taskSets(f.s).length === 1, 900, 5);
    expect(taskSets(f.s)[0]).toMatchObject({ status: 'PRIMARY', taskDefinition: f.v1 });
  });

  it('StopDeployment without rollback leaves traffic where it was', () => {
    const f = blueGreen({ group: { deploymentConfigName: CANARY_5 } });
    const id = deploy(f);
    untilShiftStarts(f);
    f.s.call('codedeploy:StopDeployment', { deploymentId: id, autoRollbackEnabled: false });
    expect(status(f, id)).toBe('Stopped');
    expect(greenShare(f)).toBe(10);
  });

  it('fails after 60 minutes when the replacement tasks never become healthy, and rolls back on DEPLOYMENT_FAILURE', () => {
    const f = blueGreen({ group: { autoRollbackConfiguration: { enabled: true, events: ['DEPLOYMENT_FAILURE'] } } });
    const repo = f.s.output('ecr:CreateRepository', { repositoryName: 'sick' }).repository;
    f.s.call('sim:PushImage', { repositoryName: 'sick', imageTag: 'v1', behavior: { healthy: false } });
    const healthCheck = { command: ['CMD-SHELL', 'curl -f http://localhost/ || exit 1'], interval: 5, timeout: 2, retries: 2 };
    const bad = f.s.output('ecs:RegisterTaskDefinition', {
      family: 'web',
      containerDefinitions: [{ name: 'app', image: `${repo.repositoryUri}:v1`, memory: 256, cpu: 256, essential: true, healthCheck, portMappings: [{ containerPort: 80, hostPort: 0 }] }],
    }).taskDefinition.taskDefinitionArn;
    const id = deploy(f, {}, bad);
    f.s.advance(3599);
    expect(status(f, id)).toBe('InProgress');
    expect(greenShare(f)).toBe(0);
    f.s.advanceUntil(() => status(f, id) !== 'InProgress', 60, 1);
    const failed = info(f, id);
    expect(failed.status).toBe('Failed');
    expect(failed.errorInformation.message).toContain('replacement task set to become healthy');
    expect(failed.rollbackInfo.rollbackDeploymentId).toMatch(/^d-[A-Z0-9]{9}$/);
    expect(target(f, id).lifecycleEvents.find((e: { lifecycleEventName: string }) => e.lifecycleEventName === 'Install').status).toBe('Failed');
    f.s.advanceUntil(() => taskSets(f.s).length === 1, 900, 5);
    expect(taskSets(f.s)[0].taskDefinition).toBe(f.v1);
  });

  it('stops and rolls back when an alarm of the group goes to ALARM (DEPLOYMENT_STOP_ON_ALARM)', () => {
    const f = blueGreen({
      group: {
        deploymentConfigName: LINEAR_1,
        alarmConfiguration: { enabled: true, alarms: [{ name: 'web-5xx' }] },
        autoRollbackConfiguration: { enabled: true, events: ['DEPLOYMENT_STOP_ON_ALARM'] },
      },
    });
    f.s.call('cloudwatch:PutMetricAlarm', { AlarmName: 'web-5xx', Namespace: 'AWS/ApplicationELB', MetricName: 'HTTPCode_Target_5XX_Count', Statistic: 'Sum', Period: 60, EvaluationPeriods: 1, Threshold: 10, ComparisonOperator: 'GreaterThanThreshold' });
    const id = deploy(f);
    untilShiftStarts(f);
    f.s.advance(120);
    expect(greenShare(f)).toBe(30);
    f.s.call('cloudwatch:SetAlarmState', { AlarmName: 'web-5xx', StateValue: 'ALARM', StateReason: 'test' });
    f.s.advance(5);
    expect(info(f, id)).toMatchObject({ status: 'Stopped', errorInformation: { code: 'ALARM_ACTIVE' } });
    expect(greenShare(f)).toBe(0);
  });

  it('a second deployment while one is active is refused with DeploymentLimitExceededException', () => {
    const f = blueGreen();
    const id = deploy(f);
    f.s.callExpectingError(
      'codedeploy:CreateDeployment',
      { applicationName: 'web-app', deploymentGroupName: 'web-dg', revision: { revisionType: 'AppSpecContent', appSpecContent: { content: '{}' } } },
      'DeploymentLimitExceededException',
      `already has an active Deployment '${id}'`,
    );
  });
});
