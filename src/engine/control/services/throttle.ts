/**
 * The service scheduler's start-failure throttle (ECS developer guide, "Amazon ECS service
 * throttle logic"): when a service's tasks repeatedly stop before reaching RUNNING, ECS waits
 * longer and longer before launching more, up to 15 minutes, and writes the service event
 * "(service NAME) is unable to consistently start tasks successfully.". Updating the service
 * (a new deployment with a new task definition) resets it.
 *
 * Choice (AWS publishes no curve): the first 2 failures in a row do not throttle; from the 3rd the
 * wait after the latest failure is 15 s, doubling each further failure (15, 30, 60, ... s), capped
 * at 900 s (15 minutes). A task of the service reaching RUNNING after the latest failure ends the
 * run of failures.
 */
import type { Simulation } from '../../simulation';
import type { Service } from '../../world/service-types';
import { serviceEvent, svc, TROUBLESHOOTING } from './events';

export const THROTTLE_FREE_FAILURES = 2;
export const THROTTLE_BASE_SECONDS = 15;
export const THROTTLE_MAX_SECONDS = 900;

export function throttleDelay(consecutiveFailures: number): number {
  if (consecutiveFailures <= THROTTLE_FREE_FAILURES) return 0;
  return Math.min(THROTTLE_MAX_SECONDS, THROTTLE_BASE_SECONDS * 2 ** (consecutiveFailures - THROTTLE_FREE_FAILURES - 1));
}

export function recordStartFailure(sim: Simulation, service: Service): void {
  service.throttle.consecutiveFailures += 1;
  service.throttle.lastFailureAt = sim.now;
}

export function resetThrottle(service: Service): void {
  service.throttle = { consecutiveFailures: 0 };
}

/** Seconds left before the scheduler may launch again (0 when it may now); writes the event once per level. */
export function throttleWait(sim: Simulation, service: Service): number {
  const { consecutiveFailures: n, lastFailureAt } = service.throttle;
  const delay = throttleDelay(n);
  if (delay === 0 || lastFailureAt === undefined) return 0;
  const left = lastFailureAt + delay - sim.now;
  if (left <= 0) return 0;
  if (service.throttle.notedLevel !== n) {
    service.throttle.notedLevel = n;
    serviceEvent(sim, service, `${svc(service)} is unable to consistently start tasks successfully. ${TROUBLESHOOTING}`, 'service.throttled', {
      consecutiveFailures: n,
      waitSeconds: delay,
    });
  }
  return left;
}
