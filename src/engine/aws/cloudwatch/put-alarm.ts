/**
 * cloudwatch:PutMetricAlarm. Creating an alarm sets it to INSUFFICIENT_DATA ("Unchecked: Initial
 * alarm creation") and starts its once-a-minute evaluation; putting an existing name replaces the
 * whole configuration and leaves the state as it is (AWS). Alarms on metric math (Metrics) are not
 * simulated. Tags are taken on creation only, as AWS does.
 */
import type { Simulation } from '../../simulation';
import type { ComparisonOperatorName, MetricAlarmRecord, TreatMissingDataName } from '../../world/metrics-types';
import { validationMessage, type Input } from '../validate';
import { routeFor } from '../../control/metrics/actions';
import { scheduleFirstEvaluation } from '../../control/metrics/alarm-evaluation';
import { recordHistory } from './history';
import { dimensions, invalidCombination, invalidValue, optionalNumber, optionalString, requiredNumber, requiredString, stringList, validationError } from './input';
import { isStatistic, percentileOf, STATISTICS } from './statistics';

const OPERATORS: ComparisonOperatorName[] = ['GreaterThanOrEqualToThreshold', 'GreaterThanThreshold', 'LessThanThreshold', 'LessThanOrEqualToThreshold'];
const TREATMENTS: TreatMissingDataName[] = ['breaching', 'notBreaching', 'ignore', 'missing'];
/** AWS: at most 5 actions per state. */
const MAX_ACTIONS = 5;

export const alarmArn = (sim: Simulation, name: string) => `arn:aws:cloudwatch:${sim.world.region}:${sim.world.accountId}:alarm:${name}`;

function actions(input: Input, field: string): string[] {
  const arns = stringList(input, field, MAX_ACTIONS);
  for (const arn of arns) if (!routeFor(arn)) throw validationError(`Invalid arn syntax: ${arn}`);
  return arns;
}

export function putMetricAlarm(sim: Simulation, input: Input): Record<string, never> {
  const AlarmName = requiredString(input, 'AlarmName');
  if (AlarmName.length > 255) throw validationError(validationMessage('alarmName', AlarmName, 'Member must have length less than or equal to 255'));
  if (input.Metrics !== undefined && input.Metrics !== null) {
    throw invalidValue('The simulator does not evaluate alarms on metric math (Metrics); give MetricName, Namespace, Statistic and Period instead.');
  }
  const MetricName = requiredString(input, 'MetricName');
  const Namespace = requiredString(input, 'Namespace');
  const Statistic = optionalString(input, 'Statistic');
  const ExtendedStatistic = optionalString(input, 'ExtendedStatistic');
  if ((Statistic === undefined) === (ExtendedStatistic === undefined)) {
    throw invalidCombination('Exactly one of Statistic and ExtendedStatistic must be specified.');
  }
  if (Statistic !== undefined && !isStatistic(Statistic)) {
    throw validationError(validationMessage('statistic', Statistic, `Member must satisfy enum value set: [${STATISTICS.join(', ')}]`));
  }
  if (ExtendedStatistic !== undefined && percentileOf(ExtendedStatistic) === undefined) {
    throw invalidValue(`The value ${ExtendedStatistic} for parameter ExtendedStatistic is not supported.`);
  }
  const Period = requiredNumber(input, 'Period');
  if (Period === 10 || Period === 20 || Period === 30) {
    throw invalidValue('The simulator has no high-resolution metrics: use a Period that is a multiple of 60.');
  }
  if (!Number.isInteger(Period) || Period <= 0 || Period % 60 !== 0) throw invalidValue('The parameter Period must be 10, 20, 30 or a multiple of 60.');
  const EvaluationPeriods = requiredNumber(input, 'EvaluationPeriods');
  if (!Number.isInteger(EvaluationPeriods) || EvaluationPeriods < 1) {
    throw validationError(validationMessage('evaluationPeriods', EvaluationPeriods, 'Member must have value greater than or equal to 1'));
  }
  const total = Period * EvaluationPeriods;
  if (Period < 3600 && total > 86400) {
    throw validationError('For alarms with a period of less than one hour, Period * EvaluationPeriods must not be more than one day (86,400 seconds).');
  }
  if (total > 604800) throw validationError("An alarm's total evaluation period can be no longer than seven days: Period * EvaluationPeriods must not be more than 604,800 seconds.");
  const DatapointsToAlarm = optionalNumber(input, 'DatapointsToAlarm');
  if (DatapointsToAlarm !== undefined && (!Number.isInteger(DatapointsToAlarm) || DatapointsToAlarm < 1)) {
    throw validationError(validationMessage('datapointsToAlarm', DatapointsToAlarm, 'Member must have value greater than or equal to 1'));
  }
  if (DatapointsToAlarm !== undefined && DatapointsToAlarm > EvaluationPeriods) {
    throw validationError('DatapointsToAlarm must be less than or equal to EvaluationPeriods');
  }
  const Threshold = requiredNumber(input, 'Threshold');
  const op = requiredString(input, 'ComparisonOperator');
  if (!OPERATORS.includes(op as ComparisonOperatorName)) {
    throw validationError(validationMessage('comparisonOperator', op, `Member must satisfy enum value set: [${OPERATORS.join(', ')}]`));
  }
  const treat = optionalString(input, 'TreatMissingData');
  if (treat !== undefined && !TREATMENTS.includes(treat as TreatMissingDataName)) {
    throw validationError('Supported values for TreatMissingData are breaching, notBreaching, ignore, and missing.');
  }
  const low = optionalString(input, 'EvaluateLowSampleCountPercentile');
  if (low !== undefined && low !== 'evaluate' && low !== 'ignore') {
    throw validationError(`Option ${low} is not supported. Supported options for parameter EvaluateLowSampleCountPercentile are evaluate and ignore.`);
  }
  if (low !== undefined && ExtendedStatistic === undefined) {
    throw invalidCombination('EvaluateLowSampleCountPercentile can only be used with an ExtendedStatistic (percentile) alarm.');
  }
  const ActionsEnabled = input.ActionsEnabled === undefined || input.ActionsEnabled === null ? true : input.ActionsEnabled;
  if (typeof ActionsEnabled !== 'boolean') throw invalidValue('The parameter ActionsEnabled must be a boolean.');

  const config = {
    AlarmName,
    AlarmDescription: optionalString(input, 'AlarmDescription'),
    ActionsEnabled,
    OKActions: actions(input, 'OKActions'),
    AlarmActions: actions(input, 'AlarmActions'),
    InsufficientDataActions: actions(input, 'InsufficientDataActions'),
    MetricName,
    Namespace,
    Statistic,
    ExtendedStatistic,
    Dimensions: dimensions(input.Dimensions, 'Dimensions'),
    Period,
    Unit: optionalString(input, 'Unit'),
    EvaluationPeriods,
    DatapointsToAlarm,
    Threshold,
    ComparisonOperator: op as ComparisonOperatorName,
    TreatMissingData: treat as TreatMissingDataName | undefined,
    EvaluateLowSampleCountPercentile: low as 'evaluate' | 'ignore' | undefined,
  };
  const existing = Object.hasOwn(sim.world.alarms, AlarmName) ? sim.world.alarms[AlarmName] : undefined;
  if (existing) {
    Object.assign(existing, config, { AlarmConfigurationUpdatedTimestamp: sim.now });
    recordHistory(sim, AlarmName, 'ConfigurationUpdate', `Alarm "${AlarmName}" updated`, { version: '1.0', type: 'Update', updatedAlarm: config });
    sim.emit({ source: 'cloudwatch', kind: 'cloudwatch.alarmConfiguration', resource: existing.AlarmArn, message: `Alarm "${AlarmName}" updated; its state (${existing.StateValue}) is unchanged.` });
    return {};
  }
  const token = (sim.world.alarmTokenSequence ?? 0) + 1;
  sim.world.alarmTokenSequence = token;
  const alarm: MetricAlarmRecord = {
    ...config,
    AlarmArn: alarmArn(sim, AlarmName),
    AlarmConfigurationUpdatedTimestamp: sim.now,
    StateValue: 'INSUFFICIENT_DATA',
    StateReason: 'Unchecked: Initial alarm creation',
    StateUpdatedTimestamp: sim.now,
    StateTransitionedTimestamp: sim.now,
    Tags: Array.isArray(input.Tags) ? (input.Tags as { Key: string; Value: string }[]).map((t) => ({ Key: String(t.Key), Value: String(t.Value) })) : [],
    evaluationToken: token,
  };
  sim.world.alarms[AlarmName] = alarm;
  recordHistory(sim, AlarmName, 'ConfigurationUpdate', `Alarm "${AlarmName}" created`, { version: '1.0', type: 'Create', createdAlarm: config });
  sim.emit({
    source: 'cloudwatch',
    kind: 'cloudwatch.alarmConfiguration',
    resource: alarm.AlarmArn,
    message: `Alarm "${AlarmName}" created in INSUFFICIENT_DATA; CloudWatch evaluates it every minute.`,
  });
  scheduleFirstEvaluation(sim, alarm);
  return {};
}
