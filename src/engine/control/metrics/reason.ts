/**
 * StateReason and StateReasonData worded like CloudWatch's, e.g.
 *   Threshold Crossed: 3 out of the last 3 datapoints [85.2 (22/11/25 10:04:00), ...] were greater
 *   than the threshold (70.0) (minimum 3 datapoints for OK -> ALARM transition).
 *   Threshold Crossed: 1 datapoint [2.0 (28/01/19 12:34:00)] was greater than the threshold (1.0).
 *   Insufficient Data: 3 datapoints were unknown.
 *   Threshold Crossed: no datapoints were received for 3 periods and 3 missing datapoints were treated as [Breaching].
 * Datapoints are listed newest first as "value (dd/MM/yy HH:mm:ss)" in UTC; numbers print like
 * Java doubles (70 -> 70.0), as CloudWatch's do.
 */
import { SIM_EPOCH_MS } from '../../world/types';
import type { AlarmStateValue, ComparisonOperatorName, MetricAlarmRecord } from '../../world/metrics-types';
import { breaches, type Outcome, type WindowPoint } from './evaluate';

const OPERATOR_WORDS: Record<ComparisonOperatorName, string> = {
  GreaterThanOrEqualToThreshold: 'greater than or equal to',
  GreaterThanThreshold: 'greater than',
  LessThanThreshold: 'less than',
  LessThanOrEqualToThreshold: 'less than or equal to',
};

export const formatNumber = (v: number) => (Number.isInteger(v) ? v.toFixed(1) : String(v));

const pad = (n: number) => String(n).padStart(2, '0');

/** dd/MM/yy HH:mm:ss (UTC), as in CloudWatch's state reasons. */
export function reasonDate(seconds: number): string {
  const d = new Date(SIM_EPOCH_MS + seconds * 1000);
  return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCFullYear() % 100)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** ISO-8601 with milliseconds and +0000, as in StateReasonData. */
export function reasonDataDate(seconds: number): string {
  return new Date(SIM_EPOCH_MS + seconds * 1000).toISOString().replace('Z', '+0000');
}

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

export function stateReason(alarm: MetricAlarmRecord, outcome: Outcome, from: AlarmStateValue, to: AlarmStateValue): string {
  const N = alarm.EvaluationPeriods;
  const M = alarm.DatapointsToAlarm ?? N;
  const fillLabel = alarm.TreatMissingData === 'breaching' ? '[Breaching]' : '[NonBreaching]';
  if (to === 'INSUFFICIENT_DATA') return `Insufficient Data: ${N} ${plural(N, 'datapoint was', 'datapoints were')} unknown.`;
  if (outcome.evaluated.length === 0) {
    return `Threshold Crossed: no datapoints were received for ${N} ${plural(N, 'period', 'periods')} and ${outcome.filled} missing ${plural(outcome.filled, 'datapoint was', 'datapoints were')} treated as ${fillLabel}.`;
  }
  const toAlarm = to === 'ALARM';
  const op = OPERATOR_WORDS[alarm.ComparisonOperator];
  const isBreach = (p: WindowPoint) => breaches(alarm.ComparisonOperator, p.value!, alarm.Threshold);
  const listed = outcome.evaluated.filter((p) => isBreach(p) === toAlarm);
  const list = `[${listed.map((p) => `${formatNumber(p.value!)} (${reasonDate(p.t)})`).join(', ')}]`;
  const count = toAlarm ? outcome.breaching : listed.length + (alarm.TreatMissingData === 'notBreaching' ? outcome.filled : 0);
  const verb = `${count === 1 ? 'was' : 'were'} ${toAlarm ? '' : 'not '}${op} the threshold (${formatNumber(alarm.Threshold)})`;
  const fills =
    outcome.filled > 0 && alarm.TreatMissingData !== 'missing' && alarm.TreatMissingData !== 'ignore' && alarm.TreatMissingData !== undefined
      ? `, with ${outcome.filled} missing ${plural(outcome.filled, 'datapoint', 'datapoints')} treated as ${fillLabel}`
      : outcome.why === 'premature'
        ? `, and the ${plural(outcome.filled, 'other datapoint was', 'other datapoints were')} missing`
        : '';
  if (N === 1 && outcome.filled === 0) return `Threshold Crossed: 1 datapoint ${list} ${verb}.`;
  const minimum = toAlarm ? M : N - M + 1;
  return `Threshold Crossed: ${count} out of the last ${N} datapoints ${list} ${verb}${fills} (minimum ${minimum} ${plural(minimum, 'datapoint', 'datapoints')} for ${from} -> ${to} transition).`;
}

/** StateReasonData: CloudWatch's JSON with the datapoints the decision used. */
export function stateReasonData(alarm: MetricAlarmRecord, outcome: Outcome, now: number, windowStart: number): string {
  const oldestFirst = [...outcome.evaluated].reverse();
  return JSON.stringify({
    version: '1.0',
    queryDate: reasonDataDate(now),
    startDate: reasonDataDate(oldestFirst[0]?.t ?? windowStart),
    ...(alarm.ExtendedStatistic ? { statistic: alarm.ExtendedStatistic } : { statistic: alarm.Statistic }),
    ...(alarm.Unit ? { unit: alarm.Unit } : {}),
    period: alarm.Period,
    recentDatapoints: oldestFirst.map((p) => p.value),
    threshold: alarm.Threshold,
    evaluatedDatapoints: outcome.evaluated.map((p) => ({ timestamp: reasonDataDate(p.t), sampleCount: p.sampleCount, value: p.value })),
  });
}
