/**
 * The metric producers, run by the traffic clock (control/traffic/tick.ts) at every minute
 * boundary T: they publish the minute [T - 60, T) that just closed, stamped T - 60, as CloudWatch's
 * one-minute datapoints (choice: with no publishing delay; CloudWatch shows AWS metrics a minute
 * or two late), so the alarm evaluation at T (aws/cloudwatch alarms, priority 100) already sees it.
 */
import type { Simulation } from '../../simulation';
import { trafficState } from '../traffic/state';
import { publishEcsMetrics } from './ecs';
import { publishElbMetrics } from './elb';

export const PUBLISH_OFFSET_SECONDS = 60;

/** Publishes the minute that closed at sim.now. Returns how many tasks are not STOPPED (the clock stops at 0). */
export function publishMinute(sim: Simulation): { liveTasks: number } {
  const at = sim.now - PUBLISH_OFFSET_SECONDS;
  if (at < 0) return { liveTasks: Object.keys(sim.world.tasks).length };
  const liveTasks = publishEcsMetrics(sim, at);
  publishElbMetrics(sim, trafficState(sim.world), at);
  return { liveTasks };
}
