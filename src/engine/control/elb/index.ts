/** Elastic Load Balancing's control event handlers, registered in control/index.ts. */
import type { EventHandler } from '../../simulation';
import { DRAIN_COMPLETE_EVENT, HEALTH_CHECK_EVENT, onDrainComplete, onHealthCheck } from './health';
import { LOAD_BALANCER_ACTIVE_EVENT, onLoadBalancerActive } from './provisioning';

export const elbEventHandlers: Record<string, EventHandler> = {
  [LOAD_BALANCER_ACTIVE_EVENT]: onLoadBalancerActive,
  [HEALTH_CHECK_EVENT]: onHealthCheck,
  [DRAIN_COMPLETE_EVENT]: onDrainComplete,
};
