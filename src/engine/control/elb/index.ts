/** Elastic Load Balancing's control event handlers, registered in control/index.ts. */
import type { EventHandler } from '../../simulation';
import { DRAIN_COMPLETE_EVENT, HEALTH_CHECK_EVENT, onDrainComplete, onHealthCheck, onHealthChecks } from './health';
import { HEALTH_CHECKS_EVENT } from './check-batches';
import { LOAD_BALANCER_ACTIVE_EVENT, onLoadBalancerActive } from './provisioning';

export const elbEventHandlers: Record<string, EventHandler> = {
  [LOAD_BALANCER_ACTIVE_EVENT]: onLoadBalancerActive,
  [HEALTH_CHECK_EVENT]: onHealthCheck,
  [HEALTH_CHECKS_EVENT]: onHealthChecks,
  [DRAIN_COMPLETE_EVENT]: onDrainComplete,
};
