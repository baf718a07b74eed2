/**
 * Alarm history (DescribeAlarmHistory): configuration updates, state updates and actions.
 * CloudWatch keeps alarm history for two weeks, also after the alarm is deleted. Choice: besides
 * the two weeks we keep at most MAX_HISTORY_ITEMS items (oldest dropped first) to bound memory.
 */
import type { DescribeAlarmHistoryOutput } from '@aws-sdk/client-cloudwatch';
import type { Simulation } from '../../simulation';
import type { AlarmHistoryItemType, AlarmHistoryRecord } from '../../world/metrics-types';
import type { Input } from '../validate';
import { invalidValue, optionalNumber, optionalString, toSimSeconds } from './input';

export const HISTORY_RETENTION_SECONDS = 14 * 86400;
export const MAX_HISTORY_ITEMS = 10000;

export function recordHistory(sim: Simulation, alarmName: string, type: AlarmHistoryItemType, summary: string, data: unknown): void {
  const history = sim.world.alarmHistory;
  history.push({
    AlarmName: alarmName,
    AlarmType: 'MetricAlarm',
    Timestamp: sim.now,
    HistoryItemType: type,
    HistorySummary: summary,
    HistoryData: JSON.stringify(data),
  });
  let drop = 0;
  while (drop < history.length && (history[drop].Timestamp < sim.now - HISTORY_RETENTION_SECONDS || history.length - drop > MAX_HISTORY_ITEMS)) drop++;
  if (drop > 0) history.splice(0, drop);
}

const TYPES: AlarmHistoryItemType[] = ['ConfigurationUpdate', 'StateUpdate', 'Action'];

export function describeAlarmHistory(sim: Simulation, input: Input): DescribeAlarmHistoryOutput {
  const alarmName = optionalString(input, 'AlarmName');
  const type = optionalString(input, 'HistoryItemType');
  if (type !== undefined && !TYPES.includes(type as AlarmHistoryItemType)) {
    throw invalidValue(`The value ${type} for parameter HistoryItemType is invalid: use ${TYPES.join(', ')}.`);
  }
  const start = input.StartDate === undefined ? -Infinity : toSimSeconds(input.StartDate, 'StartDate');
  const end = input.EndDate === undefined ? Infinity : toSimSeconds(input.EndDate, 'EndDate');
  const scanBy = optionalString(input, 'ScanBy') ?? 'TimestampDescending';
  const max = optionalNumber(input, 'MaxRecords') ?? 100;
  if (max < 1 || max > 100) throw invalidValue('The parameter MaxRecords must be between 1 and 100.');
  const offset = input.NextToken === undefined ? 0 : Number(input.NextToken);
  if (!Number.isInteger(offset) || offset < 0) throw invalidValue('The parameter NextToken is invalid.');
  const matching: AlarmHistoryRecord[] = sim.world.alarmHistory.filter(
    (h) => (alarmName === undefined || h.AlarmName === alarmName) && (type === undefined || h.HistoryItemType === type) && h.Timestamp >= start && h.Timestamp <= end,
  );
  if (scanBy === 'TimestampDescending') matching.reverse();
  const page = matching.slice(offset, offset + max);
  return {
    AlarmHistoryItems: page.map((h) => ({ ...h, Timestamp: sim.date(h.Timestamp) })),
    ...(offset + max < matching.length ? { NextToken: String(offset + max) } : {}),
  };
}
