/** Control event handlers of injected faults, registered in control/index.ts. */
import type { EventHandler } from '../../simulation';
import { FAULT_END_EVENT, onFaultEnd } from './lasting';
import { FARGATE_SWEEP_EVENT, onFargateSweep } from './outage';

export const faultEventHandlers: Record<string, EventHandler> = {
  [FAULT_END_EVENT]: onFaultEnd,
  [FARGATE_SWEEP_EVENT]: onFargateSweep,
};
