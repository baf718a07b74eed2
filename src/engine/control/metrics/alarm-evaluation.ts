/**
 * Alarm evaluation, once a minute per alarm.
 *
 * Timing (our choice, documented): an alarm is first evaluated at the first minute boundary after
 * it is created, then every 60 s (CloudWatch evaluates every minute, also alarms with longer
 * periods). The evaluation at T reads the periods ending at T: [T - P, T), [T - 2P, T - P), ...
 * It runs with priority ALARM_EVALUATION_PRIORITY, after every other event due at T, so a producer
 * that publishes the minute [T - 60, T) at T (stamping it T - 60) is seen at once.
 *
 * Each event carries the alarm's evaluationToken: deleting the alarm (or deleting and re-creating
 * it) makes the pending event stale, and it stops.
 */
import type { KernelEvent } from '../../kernel/kernel';
import type { Simulation } from '../../simulation';
import type { MetricAlarmRecord } from '../../world/metrics-types';
import { findSeries, readPeriod } from '../../aws/cloudwatch/store';
import { statisticValue, percentileOf } from '../../aws/cloudwatch/statistics';
import { evaluateWindow, evaluationRange, type WindowPoint } from './evaluate';
import { stateReason, stateReasonData } from './reason';
import { transitionAlarm } from './transition';
import { scheduleReinvocations } from './actions';

export const EVALUATE_ALARM_EVENT = 'cloudwatch.evaluateAlarm';
export const ALARM_EVALUATION_PRIORITY = 100;
const MINUTE = 60;

/** Starts the once-a-minute evaluation of a new alarm. */
export function scheduleFirstEvaluation(sim: Simulation, alarm: MetricAlarmRecord): void {
  const next = (Math.floor(sim.now / MINUTE) + 1) * MINUTE;
  sim.schedule(next - sim.now, { type: EVALUATE_ALARM_EVENT, alarmName: alarm.AlarmName, token: alarm.evaluationToken }, ALARM_EVALUATION_PRIORITY);
}

export function evaluateAlarmEvent(sim: Simulation, event: KernelEvent): void {
  const name = String(event.alarmName);
  const alarm = Object.hasOwn(sim.world.alarms, name) ? sim.world.alarms[name] : undefined;
  if (!alarm || alarm.evaluationToken !== event.token) return;
  evaluateAlarm(sim, alarm);
  sim.schedule(MINUTE, { ...event }, ALARM_EVALUATION_PRIORITY);
}

/** The evaluation range at `sim.now`, oldest first. */
export function alarmWindow(sim: Simulation, alarm: MetricAlarmRecord): WindowPoint[] {
  const stat = alarm.ExtendedStatistic ?? alarm.Statistic ?? 'Average';
  const series = findSeries(sim.world, alarm.Namespace, alarm.MetricName, alarm.Dimensions);
  const usable = series && (alarm.Unit === undefined || alarm.Unit === series.Unit);
  const end = Math.floor(sim.now / MINUTE) * MINUTE;
  const points: WindowPoint[] = [];
  for (let k = evaluationRange(alarm.EvaluationPeriods); k >= 1; k--) {
    const t = end - k * alarm.Period;
    const s = usable && t >= 0 ? readPeriod(series, t, alarm.Period, sim.now) : undefined;
    const value = s ? statisticValue(s, stat) : undefined;
    points.push(value === undefined ? { t } : { t, value, sampleCount: s!.SampleCount });
  }
  return points;
}

/**
 * Percentile alarms with EvaluateLowSampleCountPercentile "ignore" keep their state while a
 * datapoint has fewer samples than AWS's significance bound: 10/(1-p) for p >= 0.5, else 10/p.
 */
function lowSample(alarm: MetricAlarmRecord, evaluated: WindowPoint[]): boolean {
  const p = percentileOf(alarm.ExtendedStatistic);
  if (p === undefined || alarm.EvaluateLowSampleCountPercentile !== 'ignore') return false;
  const q = p / 100;
  const needed = q >= 0.5 ? 10 / (1 - q) : 10 / q;
  return evaluated.some((d) => (d.sampleCount ?? 0) < needed);
}

export function evaluateAlarm(sim: Simulation, alarm: MetricAlarmRecord): void {
  const range = alarmWindow(sim, alarm);
  const outcome = evaluateWindow(range, {
    evaluationPeriods: alarm.EvaluationPeriods,
    datapointsToAlarm: alarm.DatapointsToAlarm ?? alarm.EvaluationPeriods,
    threshold: alarm.Threshold,
    comparisonOperator: alarm.ComparisonOperator,
    treatMissingData: alarm.TreatMissingData ?? 'missing',
  });
  const metricValue = outcome.evaluated[0]?.value;
  const keep = outcome.state === 'retain' || lowSample(alarm, outcome.evaluated);
  if (!keep && outcome.state !== 'retain' && outcome.state !== alarm.StateValue) {
    const reason = stateReason(alarm, outcome, alarm.StateValue, outcome.state);
    transitionAlarm(sim, alarm, outcome.state, reason, stateReasonData(alarm, outcome, sim.now, range[0].t), metricValue);
    return;
  }
  if (alarm.StateValue === 'ALARM') scheduleReinvocations(sim, alarm, metricValue);
}
