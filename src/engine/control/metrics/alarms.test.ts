import { describe, it, expect } from 'vitest';
import { sandbox } from '../../testing/harness';
import { putDatapoint } from '../../aws/cloudwatch/store';
import type { Sandbox } from '../../testing/harness';

const SNS = 'arn:aws:sns:us-east-1:123456789012:ops';
const POLICY = 'arn:aws:autoscaling:us-east-1:123456789012:scalingPolicy:6d8972f3-efc8-437c-92d1-6270f29a66e7:resource/ecs/service/prod/web:policyName/scale-out';
const DIMS = [{ Name: 'ClusterName', Value: 'prod' }, { Name: 'ServiceName', Value: 'web' }];

const alarmInput = (extra: object = {}) => ({
  AlarmName: 'web-cpu-high',
  Namespace: 'AWS/ECS',
  MetricName: 'CPUUtilization',
  Dimensions: DIMS,
  Statistic: 'Average',
  Period: 60,
  EvaluationPeriods: 3,
  Threshold: 70,
  ComparisonOperator: 'GreaterThanThreshold',
  AlarmActions: [SNS],
  ...extra,
});

/** A producer publishing one value for the minute starting at `minute` * 60. */
const publish = (s: Sandbox, minute: number, value: number) =>
  putDatapoint(s.world, { namespace: 'AWS/ECS', metricName: 'CPUUtilization', dimensions: DIMS, at: minute * 60, value });

const alarm = (s: Sandbox, name = 'web-cpu-high') => s.output('cloudwatch:DescribeAlarms', { AlarmNames: [name] }).MetricAlarms[0];

describe('a new metric alarm', () => {
  it('starts in INSUFFICIENT_DATA with "Unchecked: Initial alarm creation" and stays there without data', () => {
    const s = sandbox().call('cloudwatch:PutMetricAlarm', alarmInput());
    expect([alarm(s).StateValue, alarm(s).StateReason]).toEqual(['INSUFFICIENT_DATA', 'Unchecked: Initial alarm creation']);
    s.advance(600);
    expect(alarm(s).StateValue).toBe('INSUFFICIENT_DATA');
    expect(alarm(s).StateReason).toBe('Unchecked: Initial alarm creation');
  });

  it('goes to ALARM when 3 of the last 3 datapoints breach, with CloudWatch\'s reason text and data', () => {
    const s = sandbox().advance(180);
    publish(s, 0, 85.2);
    publish(s, 1, 80);
    publish(s, 2, 75);
    s.call('cloudwatch:PutMetricAlarm', alarmInput()).advance(60);
    const a = alarm(s);
    expect(a.StateValue).toBe('ALARM');
    expect(a.StateReason).toBe(
      'Threshold Crossed: 3 out of the last 3 datapoints [75.0 (01/01/25 00:02:00), 80.0 (01/01/25 00:01:00), 85.2 (01/01/25 00:00:00)] were greater than the threshold (70.0) (minimum 3 datapoints for INSUFFICIENT_DATA -> ALARM transition).',
    );
    const data = JSON.parse(a.StateReasonData);
    expect(data).toMatchObject({ version: '1.0', statistic: 'Average', period: 60, threshold: 70, recentDatapoints: [85.2, 80, 75] });
    expect(a.StateUpdatedTimestamp.toISOString()).toBe('2025-01-01T00:04:00.000Z');
  });

  it('goes back to OK once one of the last 3 datapoints is not breaching (3 of 3 needs all 3)', () => {
    const s = sandbox().advance(180);
    [90, 90, 90].forEach((v, m) => publish(s, m, v));
    s.call('cloudwatch:PutMetricAlarm', alarmInput()).advance(60);
    publish(s, 3, 50);
    s.advance(60);
    const a = alarm(s);
    expect(a.StateValue).toBe('OK');
    expect(a.StateReason).toBe(
      'Threshold Crossed: 1 out of the last 3 datapoints [50.0 (01/01/25 00:03:00)] was not greater than the threshold (70.0) (minimum 1 datapoint for ALARM -> OK transition).',
    );
  });

  it('alarms on M of N: 2 breaching out of 3 is enough with DatapointsToAlarm 2', () => {
    const s = sandbox().advance(180);
    [90, 10, 90].forEach((v, m) => publish(s, m, v));
    s.call('cloudwatch:PutMetricAlarm', alarmInput({ DatapointsToAlarm: 2 })).advance(60);
    expect(alarm(s).StateValue).toBe('ALARM');
    expect(alarm(s).StateReason).toContain('2 out of the last 3 datapoints');
  });
});

describe('TreatMissingData', () => {
  const silentFor = (treat: string) => sandbox().call('cloudwatch:PutMetricAlarm', alarmInput({ TreatMissingData: treat })).advance(60);
  it('breaching: no data at all is ALARM, worded as missing datapoints treated as [Breaching]', () => {
    const a = alarm(silentFor('breaching'));
    expect(a.StateValue).toBe('ALARM');
    expect(a.StateReason).toBe('Threshold Crossed: no datapoints were received for 3 periods and 3 missing datapoints were treated as [Breaching].');
  });
  it('notBreaching: no data at all is OK', () => {
    expect(alarm(silentFor('notBreaching')).StateValue).toBe('OK');
  });
  it('missing: no data at all is INSUFFICIENT_DATA', () => {
    expect(alarm(silentFor('missing')).StateValue).toBe('INSUFFICIENT_DATA');
  });
  it('ignore: keeps ALARM while the metric stops reporting, where missing would go INSUFFICIENT_DATA', () => {
    const run = (treat: string) => {
      const s = sandbox().advance(180);
      [90, 90, 90].forEach((v, m) => publish(s, m, v));
      s.call('cloudwatch:PutMetricAlarm', alarmInput({ TreatMissingData: treat })).advance(60);
      expect(alarm(s).StateValue).toBe('ALARM');
      return alarm(s.advance(600)).StateValue;
    };
    expect([run('ignore'), run('missing')]).toEqual(['ALARM', 'INSUFFICIENT_DATA']);
  });
});

describe('alarm history and actions', () => {
  function breachingAlarm(extra: object = {}) {
    const s = sandbox().advance(180);
    [90, 90, 90].forEach((v, m) => publish(s, m, v));
    return s.call('cloudwatch:PutMetricAlarm', alarmInput(extra)).advance(60);
  }

  it('records the creation and each state change in DescribeAlarmHistory, newest first', () => {
    const s = breachingAlarm();
    const items = s.output('cloudwatch:DescribeAlarmHistory', { AlarmName: 'web-cpu-high' }).AlarmHistoryItems;
    expect(items.map((i: any) => [i.HistoryItemType, i.HistorySummary])).toEqual([
      ['Action', `Successfully executed action ${SNS}`],
      ['StateUpdate', 'Alarm updated from INSUFFICIENT_DATA to ALARM'],
      ['ConfigurationUpdate', 'Alarm "web-cpu-high" created'],
    ]);
    expect(JSON.parse(items[1].HistoryData).newState.stateValue).toBe('ALARM');
  });

  it('runs the ALARM actions once on the transition, not on every evaluation that stays in ALARM', () => {
    const s = breachingAlarm();
    for (let m = 3; m < 10; m++) publish(s, m, 90);
    s.advance(420);
    expect(alarm(s).StateValue).toBe('ALARM');
    expect(s.messages('cloudwatch.alarmAction').filter((m) => m.includes(SNS))).toHaveLength(1);
  });

  it('re-invokes a scaling policy every minute while the alarm stays in ALARM, with the latest datapoint', () => {
    const s = breachingAlarm({ AlarmActions: [POLICY] });
    for (let m = 3; m < 6; m++) publish(s, m, 95);
    s.advance(180);
    const events = s.world.events.filter((e) => e.kind === 'cloudwatch.alarmAction');
    expect(events.map((e) => e.detail?.reinvocation)).toEqual([false, true, true, true]);
    expect(events[0].message).toContain('entered ALARM: executing action Application Auto Scaling scaling policy');
    expect(events[3].detail).toMatchObject({ metricValue: 95, threshold: 70, actionArn: POLICY });
  });

  it('does not run actions while they are disabled, but still changes state', () => {
    const s = sandbox().advance(180);
    [90, 90, 90].forEach((v, m) => publish(s, m, v));
    s.call('cloudwatch:PutMetricAlarm', alarmInput()).call('cloudwatch:DisableAlarmActions', { AlarmNames: ['web-cpu-high'] }).advance(60);
    expect(alarm(s).StateValue).toBe('ALARM');
    expect(alarm(s).ActionsEnabled).toBe(false);
    expect(s.world.alarmHistory.some((h) => h.HistoryItemType === 'Action')).toBe(false);
    expect(s.messages('cloudwatch.alarmAction')[0]).toContain('has actions disabled');
  });

  it('SetAlarmState changes the state and runs its actions until the next evaluation sets it back', () => {
    const s = sandbox().call('cloudwatch:PutMetricAlarm', alarmInput({ TreatMissingData: 'notBreaching' })).advance(60);
    expect(alarm(s).StateValue).toBe('OK');
    s.call('cloudwatch:SetAlarmState', { AlarmName: 'web-cpu-high', StateValue: 'ALARM', StateReason: 'testing the pager' });
    expect([alarm(s).StateValue, alarm(s).StateReason]).toEqual(['ALARM', 'testing the pager']);
    s.advance(0);
    expect(s.messages('cloudwatch.alarmAction')).toHaveLength(1);
    s.advance(60);
    expect(alarm(s).StateValue).toBe('OK');
  });

  it('DeleteAlarms stops the evaluation; a missing name fails with ResourceNotFound and deletes nothing', () => {
    const s = sandbox().call('cloudwatch:PutMetricAlarm', alarmInput({ TreatMissingData: 'breaching' }));
    s.callExpectingError('cloudwatch:DeleteAlarms', { AlarmNames: ['web-cpu-high', 'nope'] }, 'ResourceNotFound', 'nope');
    s.call('cloudwatch:DeleteAlarms', { AlarmNames: ['web-cpu-high'] }).advance(300);
    expect(s.output('cloudwatch:DescribeAlarms', {}).MetricAlarms).toEqual([]);
    expect(s.messages('cloudwatch.alarmState')).toEqual([]);
  });
});

describe('PutMetricAlarm validation', () => {
  it('rejects DatapointsToAlarm above EvaluationPeriods', () => {
    sandbox().callExpectingError('cloudwatch:PutMetricAlarm', alarmInput({ DatapointsToAlarm: 4 }), 'ValidationError', 'DatapointsToAlarm must be less than or equal to EvaluationPeriods');
  });
  it('rejects more than one day of evaluation for periods under an hour', () => {
    sandbox().callExpectingError('cloudwatch:PutMetricAlarm', alarmInput({ Period: 300, EvaluationPeriods: 289 }), 'ValidationError', 'one day');
  });
  it('rejects an unknown comparison operator with the enum list', () => {
    sandbox().callExpectingError('cloudwatch:PutMetricAlarm', alarmInput({ ComparisonOperator: 'Above' }), 'ValidationError', "Value 'Above' at 'comparisonOperator' failed to satisfy constraint");
  });
  it('rejects an action that is not an ARN CloudWatch can act on', () => {
    sandbox().callExpectingError('cloudwatch:PutMetricAlarm', alarmInput({ AlarmActions: ['page-me'] }), 'ValidationError', 'Invalid arn syntax: page-me');
  });
  it('keeps the state of an existing alarm when it is put again', () => {
    const s = sandbox().call('cloudwatch:PutMetricAlarm', alarmInput({ TreatMissingData: 'breaching' })).advance(60);
    s.call('cloudwatch:PutMetricAlarm', alarmInput({ Threshold: 80, TreatMissingData: 'breaching' }));
    expect([alarm(s).StateValue, alarm(s).Threshold]).toEqual(['ALARM', 80]);
  });
});

describe('DescribeAlarms and DescribeAlarmsForMetric', () => {
  it('filter by name prefix, state and metric', () => {
    const s = sandbox()
      .call('cloudwatch:PutMetricAlarm', alarmInput({ AlarmName: 'web-high', TreatMissingData: 'breaching' }))
      .call('cloudwatch:PutMetricAlarm', alarmInput({ AlarmName: 'web-low', ComparisonOperator: 'LessThanThreshold', TreatMissingData: 'notBreaching' }))
      .call('cloudwatch:PutMetricAlarm', alarmInput({ AlarmName: 'api-high', Dimensions: [{ Name: 'ServiceName', Value: 'api' }] }))
      .advance(60);
    const names = (out: any) => out.MetricAlarms.map((a: any) => a.AlarmName);
    expect(names(s.output('cloudwatch:DescribeAlarms', { AlarmNamePrefix: 'web-' }))).toEqual(['web-high', 'web-low']);
    expect(names(s.output('cloudwatch:DescribeAlarms', { StateValue: 'ALARM' }))).toEqual(['web-high']);
    expect(names(s.output('cloudwatch:DescribeAlarmsForMetric', { Namespace: 'AWS/ECS', MetricName: 'CPUUtilization', Dimensions: [...DIMS].reverse() }))).toEqual(['web-high', 'web-low']);
  });
});
