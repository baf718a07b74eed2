/**
 * The traffic clock: every TICK_SECONDS (10 s) of simulated time, on multiples of 10 s, the tick
 *  1. at a minute boundary T, first publishes the minute [T - 60, T) that just closed (ECS and
 *     ALB metrics, control/publish; stamped T - 60 so the alarm evaluation at T sees it),
 *  2. routes the next 10 s of requests (route.ts, distribute.ts) and computes the load of the
 *     tasks behind each target group (load.ts; task.usage is written every minute, see
 *     distribute.ts),
 *  3. counts responses into the open minute and tells the event log what changed (notices.ts).
 * It runs with priority TICK_PRIORITY: after the ordinary events due at the same second (a health
 * check that just marked a target healthy counts), before the alarm evaluation (priority 100).
 *
 * One clock per world (state.clockRunning). It starts with sim:SetTraffic or ensureTrafficClock
 * (call it when something starts that ECS or ELB would report on), and stops itself at a minute
 * boundary when there is no traffic source, no load balancer and no task that is not STOPPED.
 */
import type { KernelEvent } from '../../kernel/kernel';
import type { Simulation } from '../../simulation';
import { addCounts, emptyLoadBalancerCounts, emptyTargetGroupCounts, trafficState } from './state';
import { routeSources, TICK_SECONDS } from './route';
import { distribute } from './distribute';
import { announce } from './notices';
import { publishMinute } from '../publish';

export const TRAFFIC_TICK_EVENT = 'traffic.tick';
export const TICK_PRIORITY = 50;
const MINUTE = 60;

/** Starts the traffic clock if it is not running (idempotent). */
export function ensureTrafficClock(sim: Simulation): void {
  const state = trafficState(sim.world);
  if (state.clockRunning) return;
  state.clockRunning = true;
  state.minute = { start: Math.floor(sim.now / MINUTE) * MINUTE, loadBalancers: {}, targetGroups: {} };
  const next = (Math.floor(sim.now / TICK_SECONDS) + 1) * TICK_SECONDS;
  sim.schedule(next - sim.now, { type: TRAFFIC_TICK_EVENT }, TICK_PRIORITY);
}

export function onTrafficTick(sim: Simulation, _event: KernelEvent): void {
  const world = sim.world;
  const state = trafficState(world);
  if (sim.now % MINUTE === 0) {
    const { liveTasks } = publishMinute(sim);
    state.minute = { start: sim.now, loadBalancers: {}, targetGroups: {} };
    if (liveTasks === 0 && Object.keys(state.sources).length === 0 && Object.keys(world.loadBalancers).length === 0) {
      state.clockRunning = false;
      return;
    }
  }
  const routing = routeSources(world, state, sim.now);
  const distribution = distribute(world, state, routing, sim.now);
  state.lastTick = { at: sim.now, loadBalancers: routing.loadBalancers, targetGroups: distribution.targetGroups };
  for (const [arn, c] of Object.entries(routing.loadBalancers)) addCounts((state.minute.loadBalancers[arn] ??= emptyLoadBalancerCounts()), c);
  for (const [arn, c] of Object.entries(distribution.targetGroups)) addCounts((state.minute.targetGroups[arn] ??= emptyTargetGroupCounts(c.loadBalancerArn)), c);
  announce(sim, state, routing, distribution);
  sim.schedule(TICK_SECONDS, { type: TRAFFIC_TICK_EVENT }, TICK_PRIORITY);
}
