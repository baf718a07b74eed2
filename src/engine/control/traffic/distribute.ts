/**
 * Step 2 of a tick: each target group's requests spread round robin over its routable targets
 * (equal shares; the remainder goes to the `extra` targets after the group's cursor, which then
 * moves on), each target answered by its task (plan.ts) or by the load balancer (502/504 when
 * nothing answers there).
 *
 * Cost: a tick works per class of alike tasks, not per target: a tick's shares differ by at most
 * one request, so each class's load is computed for `base` and `base + 1` requests, and how many of
 * its targets got the extra request is read from the plan's per-class prefix counts. The plan
 * keeps the tick's share (base, extra, start) and the class loads (plan.tick); a task's own usage
 * is read from them (taskUsageNow) and written to task.usage every minute by the ECS publisher.
 * Choice: a task behind two target groups that both get requests is measured with the load of
 * one of them (the last in routing order).
 */
import type { Task, World } from '../../world/types';
import type { TargetGroupCounts, TargetPlan, TrafficState, TaskUsage } from '../../world/traffic-types';
import type { TickRouting } from './route';
import { TICK_SECONDS } from './route';
import { idleUsage, resolvedBehaviors, taskLoad } from './load';
import { invalidatePlans, planFor } from './plan';
import { indexTasks, type TaskIndex } from './targets';
import { combineMin, emptyTargetGroupCounts } from './state';

export interface GroupOutcome {
  plan?: TargetPlan;
  /** The usage of an overloaded task of the group (the first class that is), if any. */
  overloaded?: TaskUsage;
}

export interface Distribution {
  targetGroups: Record<string, TargetGroupCounts>;
  outcomes: Map<string, GroupOutcome>;
}

/** How many of the targets [start, start + extra) (circular over k) are counted in `prefix`. */
function inWindow(prefix: number[], start: number, extra: number, k: number): number {
  if (extra <= 0) return 0;
  const end = start + extra;
  if (end <= k) return prefix[end] - prefix[start];
  return prefix[k] - prefix[start] + prefix[end - k];
}

export function distribute(world: World, state: TrafficState, routing: TickRouting, now: number): Distribution {
  const out: Distribution = { targetGroups: {}, outcomes: new Map() };
  let index: TaskIndex | undefined;
  const taskIndex = () => (index ??= indexTasks(world));
  invalidatePlans(world, state);
  for (const [arn, plan] of Object.entries(state.plans)) {
    if (Object.hasOwn(world.targetGroups, arn)) delete plan.tick;
    else delete state.plans[arn]; // the target group was deleted
  }
  for (const [tgArn, { loadBalancerArn, requests: n }] of routing.groups) {
    const lb = routing.loadBalancers[loadBalancerArn];
    const tg = world.targetGroups[tgArn];
    const plan = tg ? planFor(world, state.plans, tg, now, taskIndex) : undefined;
    const outcome: GroupOutcome = { plan };
    out.outcomes.set(tgArn, outcome);
    const k = plan?.taskArns.length ?? 0;
    if (!plan || k === 0) {
      lb.elb503 += n;
      continue;
    }
    const group = (out.targetGroups[tgArn] = emptyTargetGroupCounts(loadBalancerArn));
    group.requests = n;
    lb.requests += n;
    const base = Math.floor(n / k);
    const extra = n - base * k;
    const start = (((state.roundRobin[tgArn] ?? 0) % k) + k) % k;
    state.roundRobin[tgArn] = (start + extra) % k;
    plan.tick = { at: now, base, extra, start, usage: [] };
    const elb502 = inWindow(plan.prefix502, start, extra, k);
    const elb504 = inWindow(plan.prefix504, start, extra, k);
    lb.elb502 += plan.count502 * base + elb502;
    lb.elb504 += plan.count504 * base + elb504;
    plan.classes.forEach((cls, c) => {
      const plusTargets = inWindow(plan.prefix[c], start, extra, k);
      const usage: TaskUsage[] = [];
      const rep = world.tasks[cls.taskArn];
      const behaviors = resolvedBehaviors(rep);
      for (const plus of [0, 1]) {
        const share = base + plus;
        const targets = plus ? plusTargets : cls.size - plusTargets;
        const load = taskLoad(world, rep, rep.containers.map((_, i) => (i === cls.containerIndex ? share / TICK_SECONDS : 0)), now, behaviors);
        usage.push(load.usage);
        if (targets === 0 || share === 0) continue;
        const failed = targets * Math.round(share * load.errorRate[cls.containerIndex]);
        const seconds = load.latencyMs[cls.containerIndex] / 1000;
        for (const counter of [lb, group]) {
          counter.target5xx += failed;
          counter.target2xx += targets * share - failed;
          counter.responseTimeSum += targets * share * seconds;
          counter.responseTimeMin = combineMin(counter.responseTimeMin, seconds);
          counter.responseTimeMax = Math.max(counter.responseTimeMax, seconds);
        }
        if (!outcome.overloaded && load.usage.cpuDemand > load.usage.cpuCapacity) outcome.overloaded = load.usage;
      }
      plan.tick!.usage.push(usage);
    });
  }
  return out;
}

/** The usage of one task right now: from the last tick's plans when it got requests, else undefined. */
export function taskUsageNow(state: TrafficState, task: Task): TaskUsage | undefined {
  for (const plan of Object.values(state.plans)) {
    const tick = plan.tick;
    if (!tick) continue;
    const i = plan.taskArns.indexOf(task.taskArn);
    if (i < 0) continue;
    const k = plan.taskArns.length;
    return tick.usage[plan.classOf[i]][(i - tick.start + k) % k < tick.extra ? 1 : 0];
  }
  return undefined;
}

/** What a task uses now (UI and tests): its load from the last tick, else its measured or idle use; undefined unless RUNNING. */
export function currentUsage(world: World, task: Task, at: number): TaskUsage | undefined {
  if (task.lastStatus !== 'RUNNING') return undefined;
  const loaded = world.traffic ? taskUsageNow(world.traffic, task) : undefined;
  if (loaded) return loaded;
  return task.usage && task.usage.requestsPerSecond === 0 ? task.usage : idleUsage(world, task, at);
}
