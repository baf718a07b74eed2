/**
 * cloudwatch:DescribeAlarms, DescribeAlarmsForMetric, DeleteAlarms, SetAlarmState,
 * EnableAlarmActions and DisableAlarmActions.
 */
import type { DescribeAlarmsForMetricOutput, DescribeAlarmsOutput, MetricAlarm } from '@aws-sdk/client-cloudwatch';
import type { Simulation } from '../../simulation';
import type { AlarmStateValue, MetricAlarmRecord } from '../../world/metrics-types';
import { AwsError } from '../errors';
import { validationMessage, type Input } from '../validate';
import { transitionAlarm } from '../../control/metrics/transition';
import { dimensions, invalidCombination, invalidValue, optionalNumber, optionalString, requiredString, stringList, validationError } from './input';
import { seriesKey } from './store';

const STATES: AlarmStateValue[] = ['INSUFFICIENT_DATA', 'ALARM', 'OK'];

export function toMetricAlarm(sim: Simulation, a: MetricAlarmRecord): MetricAlarm {
  const { evaluationToken: _token, Tags: _tags, AlarmConfigurationUpdatedTimestamp, StateUpdatedTimestamp, StateTransitionedTimestamp, ...rest } = a;
  const out: Record<string, unknown> = {
    ...rest,
    AlarmConfigurationUpdatedTimestamp: sim.date(AlarmConfigurationUpdatedTimestamp),
    StateUpdatedTimestamp: sim.date(StateUpdatedTimestamp),
    StateTransitionedTimestamp: sim.date(StateTransitionedTimestamp),
  };
  for (const k of Object.keys(out)) if (out[k] === undefined) delete out[k];
  return out as MetricAlarm;
}

const sortedAlarms = (sim: Simulation) =>
  Object.keys(sim.world.alarms)
    .sort()
    .map((n) => sim.world.alarms[n]);

export function describeAlarms(sim: Simulation, input: Input): DescribeAlarmsOutput {
  const names = stringList(input, 'AlarmNames', 100);
  const prefix = optionalString(input, 'AlarmNamePrefix');
  if (names.length > 0 && prefix !== undefined) throw invalidCombination('AlarmNamePrefix and AlarmNames cannot be used together.');
  const state = optionalString(input, 'StateValue');
  if (state !== undefined && !STATES.includes(state as AlarmStateValue)) {
    throw validationError(validationMessage('stateValue', state, `Member must satisfy enum value set: [${STATES.join(', ')}]`));
  }
  const actionPrefix = optionalString(input, 'ActionPrefix');
  const types = stringList(input, 'AlarmTypes');
  const max = optionalNumber(input, 'MaxRecords') ?? 50;
  if (max < 1 || max > 100) throw invalidValue('The parameter MaxRecords must be between 1 and 100.');
  const offset = input.NextToken === undefined ? 0 : Number(input.NextToken);
  if (!Number.isInteger(offset) || offset < 0) throw invalidValue('The parameter NextToken is invalid.');
  // Only metric alarms are simulated; AlarmTypes without MetricAlarm lists none.
  const wantMetric = types.length === 0 || types.includes('MetricAlarm');
  const matching = sortedAlarms(sim).filter(
    (a) =>
      wantMetric &&
      (names.length === 0 || names.includes(a.AlarmName)) &&
      (prefix === undefined || a.AlarmName.startsWith(prefix)) &&
      (state === undefined || a.StateValue === state) &&
      (actionPrefix === undefined || [...a.AlarmActions, ...a.OKActions, ...a.InsufficientDataActions].some((arn) => arn.startsWith(actionPrefix))),
  );
  const page = matching.slice(offset, offset + max);
  return {
    MetricAlarms: page.map((a) => toMetricAlarm(sim, a)),
    CompositeAlarms: [],
    ...(offset + max < matching.length ? { NextToken: String(offset + max) } : {}),
  };
}

export function describeAlarmsForMetric(sim: Simulation, input: Input): DescribeAlarmsForMetricOutput {
  const metricName = requiredString(input, 'MetricName');
  const namespace = requiredString(input, 'Namespace');
  const statistic = optionalString(input, 'Statistic');
  const extended = optionalString(input, 'ExtendedStatistic');
  const period = optionalNumber(input, 'Period');
  const unit = optionalString(input, 'Unit');
  const key = seriesKey(namespace, metricName, dimensions(input.Dimensions, 'Dimensions'));
  const MetricAlarms = sortedAlarms(sim)
    .filter(
      (a) =>
        seriesKey(a.Namespace, a.MetricName, a.Dimensions) === key &&
        (statistic === undefined || a.Statistic === statistic) &&
        (extended === undefined || a.ExtendedStatistic === extended) &&
        (period === undefined || a.Period === period) &&
        (unit === undefined || a.Unit === unit),
    )
    .map((a) => toMetricAlarm(sim, a));
  return { MetricAlarms };
}

function alarmNames(input: Input): string[] {
  const names = stringList(input, 'AlarmNames', 100);
  if (input.AlarmNames === undefined || input.AlarmNames === null) throw new AwsError('MissingRequiredParameterException', 'The parameter AlarmNames is required.');
  return names;
}

/** Deletes alarms; if any name does not exist nothing is deleted (AWS: ResourceNotFound). */
export function deleteAlarms(sim: Simulation, input: Input): Record<string, never> {
  const names = alarmNames(input);
  const missing = names.filter((n) => !Object.hasOwn(sim.world.alarms, n));
  if (missing.length > 0) throw new AwsError('ResourceNotFound', `Alarms not found: ${missing.join(', ')}`);
  for (const name of names) {
    const arn = sim.world.alarms[name].AlarmArn;
    delete sim.world.alarms[name];
    sim.emit({ source: 'cloudwatch', kind: 'cloudwatch.alarmConfiguration', resource: arn, message: `Alarm "${name}" deleted.` });
  }
  return {};
}

function setActionsEnabled(sim: Simulation, input: Input, enabled: boolean): Record<string, never> {
  // Names that do not exist are skipped, as CloudWatch does.
  for (const name of alarmNames(input)) {
    const alarm = Object.hasOwn(sim.world.alarms, name) ? sim.world.alarms[name] : undefined;
    if (!alarm || alarm.ActionsEnabled === enabled) continue;
    alarm.ActionsEnabled = enabled;
    sim.emit({ source: 'cloudwatch', kind: 'cloudwatch.alarmConfiguration', resource: alarm.AlarmArn, message: `Alarm "${name}" actions ${enabled ? 'enabled' : 'disabled'}.` });
  }
  return {};
}

export const enableAlarmActions = (sim: Simulation, input: Input) => setActionsEnabled(sim, input, true);
export const disableAlarmActions = (sim: Simulation, input: Input) => setActionsEnabled(sim, input, false);

/**
 * Sets an alarm's state, e.g. to test its actions. A change runs the new state's actions; the next
 * evaluation (within a minute) sets the state the data says again.
 */
export function setAlarmState(sim: Simulation, input: Input): Record<string, never> {
  const name = requiredString(input, 'AlarmName');
  const state = requiredString(input, 'StateValue');
  if (!STATES.includes(state as AlarmStateValue)) {
    throw validationError(validationMessage('stateValue', state, `Member must satisfy enum value set: [${STATES.join(', ')}]`));
  }
  const reason = requiredString(input, 'StateReason');
  if (reason.length > 1023) throw validationError(validationMessage('stateReason', reason, 'Member must have length less than or equal to 1023'));
  const data = optionalString(input, 'StateReasonData');
  if (data !== undefined) {
    try {
      JSON.parse(data);
    } catch {
      throw new AwsError('InvalidFormat', 'StateReasonData is not valid JSON.');
    }
  }
  const alarm = Object.hasOwn(sim.world.alarms, name) ? sim.world.alarms[name] : undefined;
  if (!alarm) throw new AwsError('ResourceNotFound', `Alarm ${name} not found`);
  if (alarm.StateValue !== state) {
    transitionAlarm(sim, alarm, state as AlarmStateValue, reason, data);
  } else {
    alarm.StateReason = reason;
    alarm.StateReasonData = data;
    alarm.StateUpdatedTimestamp = sim.now;
  }
  return {};
}
