/** CloudWatch's control event handlers (alarm evaluation and actions), registered in control/index.ts. */
import type { EventHandler } from '../../simulation';
import { ALARM_ACTION_EVENT, alarmAction } from './actions';
import { EVALUATE_ALARM_EVENT, evaluateAlarmEvent } from './alarm-evaluation';

export const metricsEventHandlers: Record<string, EventHandler> = {
  [EVALUATE_ALARM_EVENT]: evaluateAlarmEvent,
  [ALARM_ACTION_EVENT]: alarmAction,
};
