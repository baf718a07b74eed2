import { describe, it, expect } from 'vitest';
import { sandbox } from '../../testing/harness';
import { SIM_EPOCH_MS } from '../../world/types';

const iso = (seconds: number) => new Date(SIM_EPOCH_MS + seconds * 1000).toISOString();
const DIMS = [{ Name: 'ServiceName', Value: 'web' }, { Name: 'ClusterName', Value: 'prod' }];

function withData() {
  const s = sandbox().advance(600);
  // minute 0: 10, 20 ; minute 1: 30 ; minute 2: nothing ; minute 3: statistic set
  s.call('cloudwatch:PutMetricData', {
    Namespace: 'App',
    MetricData: [
      { MetricName: 'Latency', Dimensions: DIMS, Timestamp: iso(5), Value: 10, Unit: 'Milliseconds' },
      { MetricName: 'Latency', Dimensions: DIMS, Timestamp: iso(30), Value: 20, Unit: 'Milliseconds' },
      { MetricName: 'Latency', Dimensions: DIMS, Timestamp: iso(70), Value: 30, Unit: 'Milliseconds' },
      { MetricName: 'Latency', Dimensions: DIMS, Timestamp: iso(190), StatisticValues: { SampleCount: 4, Sum: 100, Minimum: 5, Maximum: 60 }, Unit: 'Milliseconds' },
    ],
  });
  return s;
}

const stats = ['SampleCount', 'Average', 'Sum', 'Minimum', 'Maximum'];

describe('GetMetricStatistics', () => {
  it('aggregates the datapoints of each period into every statistic, skipping periods without data', () => {
    const out = withData().output('cloudwatch:GetMetricStatistics', {
      Namespace: 'App', MetricName: 'Latency', Dimensions: [...DIMS].reverse(), StartTime: iso(0), EndTime: iso(300), Period: 60, Statistics: stats,
    });
    expect(out.Label).toBe('Latency');
    expect(out.Datapoints.map((d: any) => [d.Timestamp.toISOString(), d.SampleCount, d.Average, d.Sum, d.Minimum, d.Maximum, d.Unit])).toEqual([
      [iso(0), 2, 15, 30, 10, 20, 'Milliseconds'],
      [iso(60), 1, 30, 30, 30, 30, 'Milliseconds'],
      [iso(180), 4, 25, 100, 5, 60, 'Milliseconds'],
    ]);
  });

  it('merges statistic sets exactly over a longer period', () => {
    const out = withData().output('cloudwatch:GetMetricStatistics', {
      Namespace: 'App', MetricName: 'Latency', Dimensions: DIMS, StartTime: iso(0), EndTime: iso(300), Period: 300, Statistics: stats,
    });
    expect(out.Datapoints).toHaveLength(1);
    expect(out.Datapoints[0]).toMatchObject({ SampleCount: 7, Sum: 160, Minimum: 5, Maximum: 60 });
    expect(out.Datapoints[0].Average).toBeCloseTo(160 / 7);
  });

  it('answers percentiles from raw values, and not for a statistic set that mixes values', () => {
    const out = withData().output('cloudwatch:GetMetricStatistics', {
      Namespace: 'App', MetricName: 'Latency', Dimensions: DIMS, StartTime: iso(0), EndTime: iso(240), Period: 60, ExtendedStatistics: ['p50', 'p100'],
    });
    expect(out.Datapoints.map((d: any) => d.ExtendedStatistics)).toEqual([{ p50: 10, p100: 20 }, { p50: 30, p100: 30 }, {}]);
  });

  it('does not mix series with other dimensions', () => {
    const out = withData().output('cloudwatch:GetMetricStatistics', {
      Namespace: 'App', MetricName: 'Latency', Dimensions: [DIMS[0]], StartTime: iso(0), EndTime: iso(300), Period: 60, Statistics: ['Sum'],
    });
    expect(out.Datapoints).toEqual([]);
  });

  const base = { Namespace: 'App', MetricName: 'Latency', StartTime: iso(0), EndTime: iso(300), Period: 60, Statistics: ['Sum'] };
  it('rejects a period that is not a multiple of 60', () => {
    sandbox().callExpectingError('cloudwatch:GetMetricStatistics', { ...base, Period: 90 }, 'InvalidParameterValueException', 'The parameter Period must be a multiple of 60.');
  });
  it('rejects a StartTime that is not before EndTime', () => {
    sandbox().callExpectingError('cloudwatch:GetMetricStatistics', { ...base, StartTime: iso(300) }, 'InvalidParameterValueException', 'The parameter StartTime must be less than the parameter EndTime.');
  });
  it('rejects an unknown statistic, naming the allowed set', () => {
    sandbox().callExpectingError('cloudwatch:GetMetricStatistics', { ...base, Statistics: ['Median'] }, 'InvalidParameterValueException', 'The parameter Statistics.member.1 must be a value in the set [ SampleCount, Average, Sum, Minimum, Maximum ].');
  });
  it('needs Statistics or ExtendedStatistics', () => {
    sandbox().callExpectingError('cloudwatch:GetMetricStatistics', { ...base, Statistics: undefined }, 'InvalidParameterCombinationException', 'Must specify either Statistics or ExtendedStatistics.');
  });
  it('needs StartTime', () => {
    sandbox().callExpectingError('cloudwatch:GetMetricStatistics', { ...base, StartTime: undefined }, 'MissingRequiredParameterException', 'The parameter StartTime is required.');
  });
  it('refuses more than 1,440 datapoints', () => {
    sandbox().callExpectingError('cloudwatch:GetMetricStatistics', { ...base, EndTime: iso(86400 + 60) }, 'InvalidParameterCombinationException', 'You have requested up to 1441 datapoints, which exceeds the limit of 1440.');
  });
});

describe('PutMetricData', () => {
  it('rejects Value and StatisticValues together', () => {
    sandbox().callExpectingError(
      'cloudwatch:PutMetricData',
      { Namespace: 'App', MetricData: [{ MetricName: 'X', Value: 1, StatisticValues: { SampleCount: 1, Sum: 1, Minimum: 1, Maximum: 1 } }] },
      'InvalidParameterCombinationException',
      'The parameters MetricData.member.1.Value and MetricData.member.1.StatisticValues are mutually exclusive and you have specified both.',
    );
  });
  it('reserves the AWS/ namespaces for AWS services', () => {
    sandbox().callExpectingError('cloudwatch:PutMetricData', { Namespace: 'AWS/ECS', MetricData: [{ MetricName: 'X', Value: 1 }] }, 'InvalidParameterValueException', 'AWS/');
  });
  it('takes Values with Counts as repeated samples', () => {
    const s = sandbox();
    s.call('cloudwatch:PutMetricData', { Namespace: 'App', MetricData: [{ MetricName: 'X', Values: [1, 5], Counts: [3, 1] }] });
    const out = s.output('cloudwatch:GetMetricStatistics', { Namespace: 'App', MetricName: 'X', StartTime: iso(0), EndTime: iso(60), Period: 60, Statistics: ['SampleCount', 'Sum'], ExtendedStatistics: ['p75'] });
    expect(out.Datapoints[0]).toMatchObject({ SampleCount: 4, Sum: 8, ExtendedStatistics: { p75: 1 } });
  });
});

describe('GetMetricData', () => {
  it('returns each MetricStat query newest first, and leaves out queries with ReturnData false', () => {
    const out = withData().output('cloudwatch:GetMetricData', {
      StartTime: iso(0),
      EndTime: iso(300),
      MetricDataQueries: [
        { Id: 'max', MetricStat: { Metric: { Namespace: 'App', MetricName: 'Latency', Dimensions: DIMS }, Period: 60, Stat: 'Maximum' } },
        { Id: 'hidden', ReturnData: false, MetricStat: { Metric: { Namespace: 'App', MetricName: 'Latency', Dimensions: DIMS }, Period: 60, Stat: 'Sum' } },
      ],
    });
    expect(out.MetricDataResults).toHaveLength(1);
    const r = out.MetricDataResults[0];
    expect([r.Id, r.Label, r.StatusCode, r.Values]).toEqual(['max', 'Latency', 'Complete', [60, 30, 20]]);
    expect(r.Timestamps.map((d: Date) => d.toISOString())).toEqual([iso(180), iso(60), iso(0)]);
  });
  it('answers metric math with a clear error', () => {
    sandbox().callExpectingError('cloudwatch:GetMetricData', { StartTime: iso(0), EndTime: iso(60), MetricDataQueries: [{ Id: 'e1', Expression: 'm1 * 2' }] }, 'InvalidParameterValueException', 'metric math');
  });
});

describe('ListMetrics', () => {
  it('filters by namespace, metric name and dimension (a dimension filter without Value matches any value)', () => {
    const s = withData();
    s.call('cloudwatch:PutMetricData', { Namespace: 'App', MetricData: [{ MetricName: 'Errors', Value: 1 }, { MetricName: 'Latency', Value: 1, Dimensions: [{ Name: 'ServiceName', Value: 'api' }] }] });
    s.call('cloudwatch:PutMetricData', { Namespace: 'Other', MetricData: [{ MetricName: 'Latency', Value: 1 }] });
    const names = (input: object) => s.output('cloudwatch:ListMetrics', input).Metrics.map((m: any) => `${m.Namespace}/${m.MetricName}/${m.Dimensions.map((d: any) => d.Value).join(',')}`);
    expect(names({ Namespace: 'App', MetricName: 'Latency' }).sort()).toEqual(['App/Latency/api', 'App/Latency/prod,web']);
    expect(names({ Dimensions: [{ Name: 'ClusterName' }] })).toEqual(['App/Latency/prod,web']);
    expect(names({ Namespace: 'Other' })).toEqual(['Other/Latency/']);
  });
});
