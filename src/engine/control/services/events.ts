/**
 * Service events: what DescribeServices returns in `events` (newest first, at most 100, as ECS
 * keeps them) and the same line in the simulation's event log. Messages are worded like ECS's own,
 * e.g. "(service web) has reached a steady state.".
 *
 * Choice (ECS does the same in practice): a warning identical to the newest event (a task that
 * stays unplaceable, a blocked deployment, the throttle) is not repeated every reconcile.
 */
import type { Simulation } from '../../simulation';
import type { Service } from '../../world/service-types';
import { uuid } from '../fargate/network';

export const MAX_SERVICE_EVENTS = 100;
export const TROUBLESHOOTING = 'For more information, see the Troubleshooting section of the Amazon ECS Developer Guide.';

const NOT_REPEATED = ['service.placementFailed', 'service.deploymentBlocked', 'service.throttled'];

export function serviceEvent(sim: Simulation, service: Service, message: string, kind = 'service.event', detail?: Record<string, unknown>): void {
  if (NOT_REPEATED.includes(kind) && service.events[0]?.message === message) return;
  service.events.unshift({ id: uuid(sim), createdAt: sim.now, message });
  if (service.events.length > MAX_SERVICE_EVENTS) service.events.length = MAX_SERVICE_EVENTS;
  sim.emit({ source: 'ecs', kind, resource: service.serviceArn, message, ...(detail ? { detail } : {}) });
}

/** "(service web)" */
export const svc = (service: Service) => `(service ${service.serviceName})`;

/** The task's id, as service events show it. */
export const shortTask = (taskArn: string) => taskArn.slice(taskArn.lastIndexOf('/') + 1);

/** "(task a) (task b)" */
export const taskList = (taskArns: string[]) => taskArns.map((a) => `(task ${shortTask(a)})`).join(' ');
