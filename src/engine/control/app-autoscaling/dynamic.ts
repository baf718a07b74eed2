/**
 * Applying a dynamic scaling decision (target tracking or step) with Application Auto Scaling's
 * cooldown rules (TargetTrackingScalingPolicyConfiguration / StepScalingPolicyConfiguration,
 * "Cooldown period" in the user guide):
 *
 * - Scale out: after a scale-out the scale-out cooldown starts. While it runs, "the capacity added
 *   by the initiating scale-out activity is calculated as part of the desired capacity for the next
 *   scale-out": the new capacity is computed from the capacity before that scale-out (`base`), and
 *   the policy "won't increase the desired capacity again unless a larger scale out is triggered".
 *   Choice: a larger scale-out during the cooldown restarts the cooldown and keeps its base.
 * - Scale in: blocked while a scale-in cooldown runs, and while a scale-out cooldown runs (scale in
 *   conservatively). A scale-out during a scale-in cooldown happens at once and ends that cooldown.
 * - Always bounded by the target's MinCapacity and MaxCapacity; SuspendedState
 *   DynamicScalingOutSuspended / DynamicScalingInSuspended stop the direction.
 */
import type { Simulation } from '../../simulation';
import type { AppScalableTarget } from '../../world/app-autoscaling-types';
import { clamp, notScaled, setDesiredCount } from './capacity';

export interface Proposal {
  /** Unbounded new capacity computed from `from`. */
  compute: (from: number) => { capacity: number; why: string };
  cause: string;
  cooldown: number;
}

export function scaleOut(sim: Simulation, target: AppScalableTarget, current: number, p: Proposal): void {
  if (target.SuspendedState.DynamicScalingOutSuspended) {
    notScaled(sim, target, `Scale-out of ${target.ResourceId} is suspended (DynamicScalingOutSuspended), so ${p.cause} changed nothing.`);
    return;
  }
  const cd = target.cooldowns.scaleOut;
  const inCooldown = cd !== undefined && sim.now < cd.until;
  const base = inCooldown ? cd.base : current;
  const { capacity: raw, why } = p.compute(base);
  const capacity = clamp(target, raw);
  const bounded = capacity !== raw ? `, bounded by maximum capacity ${target.MaxCapacity}` : '';
  if (capacity <= current) {
    const reason = inCooldown
      ? `a scale-out cooldown runs until ${sim.date(cd.until).toISOString()} and ${why}${bounded} is not more than the ${current} already set (the tasks added by the last scale-out count)`
      : `${why}${bounded} is not more than the current ${current}`;
    notScaled(sim, target, `Not scaling out ${target.ResourceId}: ${reason}.`);
    return;
  }
  if (!setDesiredCount(sim, target, capacity, p.cause, `${why}${bounded}${inCooldown ? ` (computed from ${base}, the capacity before the scale-out whose cooldown is running)` : ''}`)) return;
  target.cooldowns.scaleOut = { until: sim.now + p.cooldown, base: inCooldown ? cd.base : current };
  delete target.cooldowns.scaleIn;
}

export function scaleIn(sim: Simulation, target: AppScalableTarget, current: number, p: Proposal): void {
  if (target.SuspendedState.DynamicScalingInSuspended) {
    notScaled(sim, target, `Scale-in of ${target.ResourceId} is suspended (DynamicScalingInSuspended), so ${p.cause} changed nothing.`);
    return;
  }
  const out = target.cooldowns.scaleOut;
  if (out && sim.now < out.until) {
    notScaled(sim, target, `Not scaling in ${target.ResourceId}: a scale-out cooldown runs until ${sim.date(out.until).toISOString()}.`);
    return;
  }
  const cin = target.cooldowns.scaleIn;
  if (cin && sim.now < cin.until) {
    notScaled(sim, target, `Not scaling in ${target.ResourceId}: the scale-in cooldown runs until ${sim.date(cin.until).toISOString()}.`);
    return;
  }
  const { capacity: raw, why } = p.compute(current);
  const capacity = clamp(target, raw);
  const bounded = capacity !== raw ? `, bounded by minimum capacity ${target.MinCapacity}` : '';
  if (capacity >= current) {
    notScaled(sim, target, `Not scaling in ${target.ResourceId}: ${why}${bounded} is not less than the current ${current}.`);
    return;
  }
  if (!setDesiredCount(sim, target, capacity, p.cause, `${why}${bounded}`)) return;
  target.cooldowns.scaleIn = { until: sim.now + p.cooldown };
}
