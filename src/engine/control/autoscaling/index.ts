/** Control event handlers of EC2 Auto Scaling groups: the reconcile pass and the periodic health check. */
import type { EventHandler } from '../../simulation';
import { reconcileEvent, tickEvent } from './reconcile';

export const autoScalingEventHandlers: Record<string, EventHandler> = {
  'autoscaling.reconcile': reconcileEvent,
  'autoscaling.tick': tickEvent,
};
