/**
 * An alarm state change: new StateValue/StateReason/StateReasonData, a StateUpdate history item
 * ("Alarm updated from OK to ALARM"), a log event, and the new state's actions.
 */
import type { Simulation } from '../../simulation';
import type { AlarmStateValue, MetricAlarmRecord } from '../../world/metrics-types';
import { recordHistory } from '../../aws/cloudwatch/history';
import { scheduleTransitionActions } from './actions';

export function transitionAlarm(
  sim: Simulation,
  alarm: MetricAlarmRecord,
  to: AlarmStateValue,
  reason: string,
  reasonData: string | undefined,
  metricValue?: number,
): void {
  const from = alarm.StateValue;
  const parse = (s: string | undefined) => (s ? (JSON.parse(s) as unknown) : undefined);
  recordHistory(sim, alarm.AlarmName, 'StateUpdate', `Alarm updated from ${from} to ${to}`, {
    version: '1.0',
    oldState: { stateValue: from, stateReason: alarm.StateReason, stateReasonData: parse(alarm.StateReasonData) },
    newState: { stateValue: to, stateReason: reason, stateReasonData: parse(reasonData) },
  });
  alarm.StateValue = to;
  alarm.StateReason = reason;
  alarm.StateReasonData = reasonData;
  alarm.StateUpdatedTimestamp = sim.now;
  alarm.StateTransitionedTimestamp = sim.now;
  sim.emit({
    source: 'cloudwatch',
    kind: 'cloudwatch.alarmState',
    resource: alarm.AlarmArn,
    message: `Alarm "${alarm.AlarmName}" updated from ${from} to ${to}: ${reason}`,
    detail: { alarmName: alarm.AlarmName, from, to },
  });
  scheduleTransitionActions(sim, alarm, to, metricValue);
}
