/** The traffic model's control event handlers, registered in control/index.ts. */
import type { EventHandler } from '../../simulation';
import { onTrafficTick, TRAFFIC_TICK_EVENT } from './tick';

export { ensureTrafficClock } from './tick';

export const trafficEventHandlers: Record<string, EventHandler> = {
  [TRAFFIC_TICK_EVENT]: onTrafficTick,
};
