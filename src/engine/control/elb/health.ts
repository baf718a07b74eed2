/**
 * Target registration and health checking (ELB user guide, "Health checks for your target
 * groups"). The interface services use: registerTarget, deregisterTarget, targetHealth.
 *
 * A registered target of a target group that some listener uses starts `initial`
 * (Elb.RegistrationInProgress). Each target is probed every HealthCheckIntervalSeconds; after the
 * first probe it is `initial` with Elb.InitialHealthChecking until HealthyThresholdCount
 * consecutive successes make it `healthy` or UnhealthyThresholdCount consecutive failures make it
 * `unhealthy`. A healthy target turns unhealthy after UnhealthyThresholdCount failures in a row
 * and an unhealthy one healthy after HealthyThresholdCount successes in a row. With the ALB
 * defaults (30 s, 5, 2) a good target is healthy 150 s after registration, a bad one unhealthy
 * after 60 s.
 *
 * Choices where AWS does not say:
 *  - Registration takes one health check interval: the first probe goes out one interval after
 *    registration, and until then the reason is Elb.RegistrationInProgress.
 *  - A probe's outcome counts at the moment it is sent (the timeout wait is not modelled apart).
 *  - Probes count only while a load balancer that uses the group is `active`; before that the
 *    targets stay in Elb.RegistrationInProgress.
 *  - Deregistering from a group no listener uses removes the target at once (nothing to drain).
 *  - Registering a target again while it drains cancels the drain (it starts `initial` again);
 *    the onDrained event of that drain is then never sent.
 */
import type { KernelEvent } from '../../kernel/kernel';
import type { Simulation } from '../../simulation';
import type { World } from '../../world/types';
import type { RegisteredTarget, TargetGroup, TargetHealthState } from '../../world/elb-types';
import { targetGroupNotFound } from '../../aws/elbv2/common';
import { healthCheckPortOf, probeTarget } from './probe';
import { describeReason } from './reasons';
import { hasActiveLoadBalancer, isInUse } from './usage';
import { scheduleHealthCheck, takeHealthCheckBatch } from './check-batches';
import { markTargetGroupChanged } from '../services/changes';
import { parkTarget } from './parking';

export interface TargetInput {
  Id: string;
  /** Defaults to the target group's port. */
  Port?: number;
  AvailabilityZone?: string;
}

export interface TargetHealthView {
  State: TargetHealthState;
  Reason?: string;
  Description?: string;
}

export const HEALTH_CHECK_EVENT = 'elb.healthCheck';
export const DRAIN_COMPLETE_EVENT = 'elb.drainComplete';

export const targetKey = (id: string, port: number) => `${id}:${port}`;

function groupOf(world: World, targetGroupArn: string): TargetGroup {
  const tg = world.targetGroups[targetGroupArn];
  if (!tg) throw targetGroupNotFound();
  return tg;
}

const label = (tg: TargetGroup, t: RegisteredTarget) => `Target ${t.Id}:${t.Port} in target group ${tg.TargetGroupName}`;

/** Moves a target to a state (and reason), logging the change in AWS's words. */
function setState(sim: Simulation, tg: TargetGroup, t: RegisteredTarget, state: TargetHealthState, reason?: string, statusCode?: number): void {
  const description = reason ? describeReason(reason, statusCode) : undefined;
  if (t.State === state && t.Reason === reason && t.Description === description) return;
  const from = t.State;
  if (from !== state) markTargetGroupChanged(sim.world, tg.TargetGroupArn); // the scheduler reads the state only
  t.State = state;
  t.Reason = reason;
  t.Description = description;
  sim.emit({
    source: 'elbv2',
    kind: 'elb.target.health',
    resource: tg.TargetGroupArn,
    message: reason ? `${label(tg, t)} is now ${state} (${reason}: ${description}).` : `${label(tg, t)} is now ${state}.`,
    detail: { targetId: t.Id, port: t.Port, from, to: state, ...(reason ? { reason } : {}) },
  });
}

function newGeneration(tg: TargetGroup, t: RegisteredTarget): number {
  t.generation = tg.nextGeneration++;
  delete t.parkedAt; // a parked check belongs to the old generation
  t.consecutiveSuccesses = 0;
  t.consecutiveFailures = 0;
  return t.generation;
}

/** The target's next health check, one interval from now (in that second's batch: check-batches.ts). */
function scheduleCheck(sim: Simulation, tg: TargetGroup, t: RegisteredTarget): void {
  scheduleHealthCheck(sim, tg.HealthCheckIntervalSeconds, { targetGroupArn: tg.TargetGroupArn, key: targetKey(t.Id, t.Port), generation: t.generation });
}

function beginRegistration(sim: Simulation, tg: TargetGroup, t: RegisteredTarget): void {
  newGeneration(tg, t);
  setState(sim, tg, t, 'initial', 'Elb.RegistrationInProgress');
  scheduleCheck(sim, tg, t);
}

function markNotInUse(sim: Simulation, tg: TargetGroup, t: RegisteredTarget): void {
  newGeneration(tg, t);
  setState(sim, tg, t, 'unused', 'Target.NotInUse');
}

/** Registers a target (RegisterTargets; services call it for their tasks). Idempotent. */
export function registerTarget(sim: Simulation, targetGroupArn: string, target: TargetInput): RegisteredTarget {
  const tg = groupOf(sim.world, targetGroupArn);
  const Port = target.Port ?? tg.Port;
  const key = targetKey(target.Id, Port);
  const existing = tg.targets[key];
  if (existing && existing.State !== 'draining') return existing;
  const t: RegisteredTarget = existing ?? {
    Id: target.Id,
    Port,
    ...(target.AvailabilityZone ? { AvailabilityZone: target.AvailabilityZone } : {}),
    State: 'unused',
    consecutiveSuccesses: 0,
    consecutiveFailures: 0,
    registeredAt: sim.now,
    generation: 0,
  };
  if (existing) {
    delete t.onDrained;
    delete t.drainEndsAt;
    t.registeredAt = sim.now;
  }
  tg.targets[key] = t;
  markTargetGroupChanged(sim.world, targetGroupArn);
  sim.emit({ source: 'elbv2', kind: 'elb.target.registered', resource: tg.TargetGroupArn, message: `Registered target ${t.Id}:${Port} in target group ${tg.TargetGroupName}.`, detail: { targetId: t.Id, port: Port } });
  if (isInUse(sim.world, targetGroupArn)) beginRegistration(sim, tg, t);
  else markNotInUse(sim, tg, t);
  return t;
}

/**
 * Deregisters a target: it drains for the group's deregistration_delay.timeout_seconds (no new
 * requests, in-flight ones finish), then it is gone. `onDrained` (a plain event, e.g.
 * `{ type: 'service.targetDrained', taskArn }`) is scheduled when the target is gone; it is also
 * scheduled at once when the target was not registered, so callers are never left waiting.
 */
export function deregisterTarget(sim: Simulation, targetGroupArn: string, target: TargetInput, onDrained?: KernelEvent): void {
  const tg = groupOf(sim.world, targetGroupArn);
  const key = targetKey(target.Id, target.Port ?? tg.Port);
  const t = tg.targets[key];
  if (!t) {
    if (onDrained) sim.schedule(0, onDrained);
    return;
  }
  if (t.State === 'draining') {
    if (onDrained && !t.onDrained) t.onDrained = structuredClone(onDrained);
    return;
  }
  if (onDrained) t.onDrained = structuredClone(onDrained);
  if (!isInUse(sim.world, targetGroupArn)) {
    removeTarget(sim, tg, key, `Deregistered target ${t.Id}:${t.Port} from target group ${tg.TargetGroupName} (the group is not used by a listener, so there was nothing to drain).`);
    return;
  }
  const delay = Number(tg.attributes['deregistration_delay.timeout_seconds'] ?? 300);
  newGeneration(tg, t);
  t.drainEndsAt = sim.now + delay;
  setState(sim, tg, t, 'draining', 'Target.DeregistrationInProgress');
  sim.schedule(delay, { type: DRAIN_COMPLETE_EVENT, targetGroupArn, key, generation: t.generation });
}

function removeTarget(sim: Simulation, tg: TargetGroup, key: string, message: string): void {
  const t = tg.targets[key];
  delete tg.targets[key];
  markTargetGroupChanged(sim.world, tg.TargetGroupArn);
  sim.emit({ source: 'elbv2', kind: 'elb.target.deregistered', resource: tg.TargetGroupArn, message, detail: { targetId: t.Id, port: t.Port } });
  if (t.onDrained) sim.schedule(0, t.onDrained);
}

/** The target's health as DescribeTargetHealth shows it. */
export function targetHealth(world: World, targetGroupArn: string, target: TargetInput): TargetHealthView {
  const tg = groupOf(world, targetGroupArn);
  const t = tg.targets[targetKey(target.Id, target.Port ?? tg.Port)];
  if (!t) return { State: 'unused', Reason: 'Target.NotRegistered', Description: describeReason('Target.NotRegistered') };
  if (tg.TargetType === 'instance' && t.State !== 'draining') {
    // A stopped or terminated instance: unused, Target.InvalidState (ELB user guide).
    const state = world.instances[t.Id]?.State.Name;
    if (state === 'stopped' || state === 'terminated') return { State: 'unused', Reason: 'Target.InvalidState', Description: `Target is in the ${state} state` };
  }
  return { State: t.State, ...(t.Reason ? { Reason: t.Reason } : {}), ...(t.Description ? { Description: t.Description } : {}) };
}

/** The target's state alone, as targetHealth gives it (without building the description; the scheduler asks per task per pass). */
export function targetState(world: World, targetGroupArn: string, target: TargetInput): TargetHealthState {
  const tg = groupOf(world, targetGroupArn);
  const t = tg.targets[targetKey(target.Id, target.Port ?? tg.Port)];
  if (!t) return 'unused';
  if (tg.TargetType === 'instance' && t.State !== 'draining') {
    const state = world.instances[t.Id]?.State.Name;
    if (state === 'stopped' || state === 'terminated') return 'unused';
  }
  return t.State;
}

/** The port health checks go to, as DescribeTargetHealth's HealthCheckPort (a string). */
export const healthCheckPortFor = (tg: TargetGroup, t: RegisteredTarget) => String(healthCheckPortOf(tg, t));

/**
 * After listeners or rules changed: targets of a group that became used start registration,
 * targets of a group no longer used become unused (Target.NotInUse) and are no longer probed.
 */
export function refreshTargetGroupUse(sim: Simulation, targetGroupArn: string): void {
  const tg = sim.world.targetGroups[targetGroupArn];
  if (!tg) return;
  const used = isInUse(sim.world, targetGroupArn);
  for (const t of Object.values(tg.targets)) {
    if (t.State === 'draining') continue;
    if (used && t.State === 'unused') beginRegistration(sim, tg, t);
    else if (!used && t.State !== 'unused') markNotInUse(sim, tg, t);
  }
}

/** Which target a check is for: a batch entry or a (pre-batch) check event. */
type CheckRef = { targetGroupArn?: unknown; key?: unknown; generation?: unknown };

function liveTarget(sim: Simulation, event: CheckRef): { tg: TargetGroup; t: RegisteredTarget } | undefined {
  const tg = sim.world.targetGroups[String(event.targetGroupArn)];
  const t = tg?.targets[String(event.key)];
  return tg && t && t.generation === event.generation ? { tg, t } : undefined;
}

/** The checks due now, in the order they were scheduled (check-batches.ts). */
export function onHealthChecks(sim: Simulation, event: KernelEvent): void {
  // Whether a group has an active load balancer cannot change during the batch: asked once per group.
  const active = new Map<string, boolean>();
  const batch = takeHealthCheckBatch(sim, event.at);
  for (let i = 0; i < batch.length; i++) healthCheck(sim, batch[i], active);
}

/** One check scheduled as its own event (worlds saved before the batches). */
export function onHealthCheck(sim: Simulation, event: KernelEvent): void {
  healthCheck(sim, event as CheckRef, new Map());
}

function healthCheck(sim: Simulation, due: CheckRef, active: Map<string, boolean>): void {
  const live = liveTarget(sim, due);
  if (!live) return; // stale: the target was deregistered, re-registered or its group changed use
  const { tg, t } = live;
  if (t.State === 'draining' || t.State === 'unused') return;
  let lbActive = active.get(tg.TargetGroupArn);
  if (lbActive === undefined) active.set(tg.TargetGroupArn, (lbActive = hasActiveLoadBalancer(sim.world, tg.TargetGroupArn)));
  if (!lbActive) {
    scheduleCheck(sim, tg, t);
    return;
  }
  const result = probeTarget(sim.world, tg, t);
  if (result.ok) {
    t.consecutiveSuccesses++;
    t.consecutiveFailures = 0;
  } else {
    t.consecutiveFailures++;
    t.consecutiveSuccesses = 0;
  }
  const healthyNow = result.ok && t.consecutiveSuccesses >= tg.HealthyThresholdCount;
  const unhealthyNow = !result.ok && t.consecutiveFailures >= tg.UnhealthyThresholdCount;
  if (t.State === 'initial') {
    if (healthyNow) setState(sim, tg, t, 'healthy');
    else if (unhealthyNow) setState(sim, tg, t, 'unhealthy', result.reason, result.statusCode);
    else setState(sim, tg, t, 'initial', 'Elb.InitialHealthChecking');
  } else if (t.State === 'healthy') {
    if (unhealthyNow) setState(sim, tg, t, 'unhealthy', result.reason, result.statusCode);
  } else if (t.State === 'unhealthy') {
    if (healthyNow) setState(sim, tg, t, 'healthy');
    else if (!result.ok) setState(sim, tg, t, 'unhealthy', result.reason, result.statusCode);
  }
  // Healthy and passing: the next checks would pass too until something at the target changes (parking.ts).
  if (t.State === 'healthy' && result.ok) parkTarget(sim.world, tg, t, sim.now + tg.HealthCheckIntervalSeconds);
  else scheduleCheck(sim, tg, t);
}

export function onDrainComplete(sim: Simulation, event: KernelEvent): void {
  const live = liveTarget(sim, event as CheckRef);
  if (!live || live.t.State !== 'draining') return;
  const { tg, t } = live;
  removeTarget(sim, tg, String(event.key), `Target ${t.Id}:${t.Port} finished draining and is deregistered from target group ${tg.TargetGroupName}.`);
}
