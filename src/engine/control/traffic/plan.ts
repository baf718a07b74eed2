/**
 * A target group's plan: its routable targets (targets.ts) in routing order, who answers at each,
 * and classes of alike tasks, kept in the world (state.plans) and reused from tick to tick, so a
 * tick costs little per target: a group of 1,000 targets is not re-read every 10 s.
 *
 * When to rebuild: when the event log says something happened to the group's targets or a task
 * left RUNNING (invalidatePlans), and at least every PLAN_MAX_AGE seconds (for anything else, e.g. a non-essential
 * serving container that stopped, or the free CPU a task without a CPU reservation may use). Tasks are alike (one class) when they run the same task definition, serve from the
 * same container, have the same CPU capacity and the same images (behaviour comes with the image)
 * and container statuses: then they use the same resources for the same requests.
 */
import type { Task, World } from '../../world/types';
import type { TargetGroup } from '../../world/elb-types';
import type { TargetPlan, TrafficState } from '../../world/traffic-types';
import { answerAt, routableSet, type TaskIndex } from './targets';
import { cpuCapacity } from './load';

export const PLAN_MAX_AGE = 3600;

/**
 * Marks stale the plans of target groups the event log has news about since the last tick (target
 * registered, deregistered, draining, health changed: health.ts logs each with the group as the
 * resource), and the plans that route to a task that left RUNNING (until its target is unhealthy,
 * requests to it get 502) or to a task on the same container instance (a task reserving no CPU may
 * use what the instance has left, load.ts cpuCapacity). Other plans have nothing to forget.
 * Cheap: only the new events are read.
 */
export function invalidatePlans(world: World, state: TrafficState): void {
  const events = world.events;
  for (let i = Math.min(state.eventsSeen ?? 0, events.length); i < events.length; i++) {
    const e = events[i];
    if (Object.hasOwn(state.plans, e.resource)) state.plans[e.resource].stale = true;
    else if (e.kind === 'task.status' && e.detail?.from === 'RUNNING') markPlansRoutingTo(world, state, e.resource);
  }
  state.eventsSeen = events.length;
}

function markPlansRoutingTo(world: World, state: TrafficState, taskArn: string): void {
  const task = Object.hasOwn(world.tasks, taskArn) ? world.tasks[taskArn] : undefined;
  const ci = task?.containerInstanceArn ? world.containerInstances[task.containerInstanceArn] : undefined;
  const neighbours = ci?.taskArns ?? [];
  for (const plan of Object.values(state.plans)) {
    if (plan.stale) continue;
    if (plan.taskArns.includes(taskArn) || neighbours.some((arn) => plan.taskArns.includes(arn))) plan.stale = true;
  }
}

function classKey(world: World, task: Task, containerIndex: number): string {
  let containers = '';
  for (const c of task.containers) containers += `${c.lastStatus}:${c.imageDigest ?? c.image},`;
  return `${task.taskDefinitionArn}|${containerIndex}|${cpuCapacity(world, task)}|${containers}`;
}

export function buildPlan(world: World, tg: TargetGroup, now: number, index: () => TaskIndex): TargetPlan {
  const set = routableSet(world, tg);
  const plan: TargetPlan = {
    builtAt: now,
    healthy: set.healthy,
    unhealthy: set.unhealthy,
    failOpen: set.failOpen,
    taskArns: [],
    elb: [],
    classOf: [],
    classes: [],
    prefix: [],
    prefix502: [0],
    prefix504: [0],
    count502: 0,
    count504: 0,
  };
  const classIds = new Map<string, number>();
  for (const t of set.targets) {
    const answer = answerAt(world, tg, t, index);
    if ('elb' in answer) {
      plan.taskArns.push('');
      plan.elb.push(answer.elb);
      plan.classOf.push(-1);
      continue;
    }
    const containerIndex = answer.task.containers.indexOf(answer.container);
    const key = classKey(world, answer.task, containerIndex);
    let id = classIds.get(key);
    if (id === undefined) {
      id = plan.classes.length;
      classIds.set(key, id);
      plan.classes.push({ taskArn: answer.task.taskArn, containerIndex, size: 0 });
    }
    plan.taskArns.push(answer.task.taskArn);
    plan.elb.push(0);
    plan.classOf.push(id);
  }
  plan.classes.forEach((cls, c) => {
    const prefix = [0];
    for (const id of plan.classOf) prefix.push(prefix[prefix.length - 1] + (id === c ? 1 : 0));
    cls.size = prefix[prefix.length - 1];
    plan.prefix.push(prefix);
  });
  for (const code of plan.elb) {
    plan.prefix502.push(plan.prefix502[plan.prefix502.length - 1] + (code === 502 ? 1 : 0));
    plan.prefix504.push(plan.prefix504[plan.prefix504.length - 1] + (code === 504 ? 1 : 0));
  }
  plan.count502 = plan.prefix502[plan.prefix502.length - 1];
  plan.count504 = plan.prefix504[plan.prefix504.length - 1];
  return plan;
}

/** The group's plan, rebuilt when the world changed since it was made. */
export function planFor(world: World, plans: Record<string, TargetPlan>, tg: TargetGroup, now: number, index: () => TaskIndex): TargetPlan {
  const plan = plans[tg.TargetGroupArn];
  if (plan && !plan.stale && now - plan.builtAt < PLAN_MAX_AGE) return plan;
  return (plans[tg.TargetGroupArn] = buildPlan(world, tg, now, index));
}
