/** The service scheduler's event handlers, registered in control/index.ts. */
import type { EventHandler } from '../../simulation';
import { onReconcile, RECONCILE_EVENT } from './reconcile';

export const serviceEventHandlers: Record<string, EventHandler> = {
  [RECONCILE_EVENT]: onReconcile,
};
