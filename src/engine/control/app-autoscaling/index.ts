/** Application Auto Scaling's control event handlers, registered in control/index.ts. */
import type { EventHandler } from '../../simulation';
import { enforceBoundsEvent } from './bounds';
import { ENFORCE_BOUNDS_EVENT, POLICY_INVOKED_EVENT, SCHEDULED_ACTION_EVENT } from './events';
import { policyInvoked } from './policy-invoked';
import { scheduledActionEvent } from './scheduled-run';

export const appAutoScalingEventHandlers: Record<string, EventHandler> = {
  [POLICY_INVOKED_EVENT]: policyInvoked,
  [SCHEDULED_ACTION_EVENT]: scheduledActionEvent,
  [ENFORCE_BOUNDS_EVENT]: enforceBoundsEvent,
};
