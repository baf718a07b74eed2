/**
 * CloudWatch's part of the world: metric series, metric alarms and alarm history, as plain data.
 *
 * A series is one metric: (Namespace, MetricName, Dimensions sorted by Name). Its datapoints are
 * statistic sets (SampleCount, Sum, Minimum, Maximum), so every statistic can be computed from them,
 * kept in per-resolution ring buffers ("tiers") of flat number arrays; see aws/cloudwatch/store.ts
 * for the retention choice. Times are simulated seconds.
 */

export interface MetricDimension {
  Name: string;
  Value: string;
}

/** One resolution of a series: a ring of `capacity` buckets of `resolution` seconds. */
export interface MetricTier {
  resolution: number;
  capacity: number;
  /** Index (bucket start / resolution) of the newest bucket written; -1 before the first. */
  latest: number;
  /**
   * Ring slots, indexed by (bucket index % capacity), grown lazily up to capacity: BUCKET_FIELDS (5)
   * numbers per slot, side by side: bucket start (-1 = empty), SampleCount, Sum, Minimum, Maximum.
   * One array per tier rather than one per statistic, so a datum touches one place in memory per
   * tier (with a thousand series written every minute, that is most of the store's cost).
   */
  buckets: number[];
  /**
   * Raw values for percentiles (finest tier only): per slot a flat [value, count, value, count, ...]
   * list, or null once the values of that bucket are unknown (a statistic set that is not one
   * repeated value, or more distinct values than the store keeps), or 'single' when the bucket holds
   * one value repeated: its Minimum, SampleCount times (the common case, so no list is kept for it:
   * a thousand series a minute for 24 hours made those lists a third of a large world's memory).
   */
  values?: (number[] | null | 'single')[];
}

export interface MetricSeries {
  Namespace: string;
  MetricName: string;
  Dimensions: MetricDimension[];
  /** The unit of the most recent datum (CloudWatch's StandardUnit; "None" when not given). */
  Unit: string;
  firstAt: number;
  lastAt: number;
  tiers: MetricTier[];
}

export type AlarmStateValue = 'OK' | 'ALARM' | 'INSUFFICIENT_DATA';

export type ComparisonOperatorName =
  | 'GreaterThanOrEqualToThreshold'
  | 'GreaterThanThreshold'
  | 'LessThanThreshold'
  | 'LessThanOrEqualToThreshold';

export type TreatMissingDataName = 'missing' | 'notBreaching' | 'breaching' | 'ignore';

/** The SDK's MetricAlarm with times as simulated seconds (DescribeAlarms copies it out). */
export interface MetricAlarmRecord {
  AlarmName: string;
  AlarmArn: string;
  AlarmDescription?: string;
  AlarmConfigurationUpdatedTimestamp: number;
  ActionsEnabled: boolean;
  OKActions: string[];
  AlarmActions: string[];
  InsufficientDataActions: string[];
  StateValue: AlarmStateValue;
  StateReason: string;
  StateReasonData?: string;
  StateUpdatedTimestamp: number;
  StateTransitionedTimestamp: number;
  MetricName: string;
  Namespace: string;
  Statistic?: string;
  ExtendedStatistic?: string;
  Dimensions: MetricDimension[];
  Period: number;
  Unit?: string;
  EvaluationPeriods: number;
  DatapointsToAlarm?: number;
  Threshold: number;
  ComparisonOperator: ComparisonOperatorName;
  TreatMissingData?: TreatMissingDataName;
  EvaluateLowSampleCountPercentile?: 'evaluate' | 'ignore';
  Tags: { Key: string; Value: string }[];
  /** Not an AWS field: identifies this alarm's evaluation chain, so a deleted alarm's timer stops. */
  evaluationToken: number;
}

export type AlarmHistoryItemType = 'ConfigurationUpdate' | 'StateUpdate' | 'Action';

export interface AlarmHistoryRecord {
  AlarmName: string;
  AlarmType: 'MetricAlarm';
  Timestamp: number;
  HistoryItemType: AlarmHistoryItemType;
  HistorySummary: string;
  HistoryData: string;
}
