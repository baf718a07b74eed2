/**
 * Keeping the desired count within a target's bounds. When RegisterScalableTarget or a scheduled
 * action moves MinCapacity above, or MaxCapacity below, the service's desired count, Application
 * Auto Scaling sets the desired count to the bound, as its own activity with AWS's cause
 * "minimum capacity was set to 3" / "maximum capacity was set to 4". Not a dynamic scaling
 * decision: no cooldown applies and none starts.
 */
import type { KernelEvent } from '../../kernel/kernel';
import type { Simulation } from '../../simulation';
import type { AppScalableTarget } from '../../world/app-autoscaling-types';
import { appState, targetKey } from '../../aws/application-autoscaling/common';
import { currentCapacity, setDesiredCount } from './capacity';

export function enforceBounds(sim: Simulation, target: AppScalableTarget): void {
  const current = currentCapacity(sim, target);
  if (current === undefined) return;
  if (current < target.MinCapacity) {
    setDesiredCount(sim, target, target.MinCapacity, `minimum capacity was set to ${target.MinCapacity}`, `the desired count ${current} is below the new minimum capacity ${target.MinCapacity}`);
  } else if (current > target.MaxCapacity) {
    setDesiredCount(sim, target, target.MaxCapacity, `maximum capacity was set to ${target.MaxCapacity}`, `the desired count ${current} is above the new maximum capacity ${target.MaxCapacity}`);
  }
}

export function enforceBoundsEvent(sim: Simulation, event: KernelEvent): void {
  const key = targetKey(String(event.resourceId));
  const target = Object.hasOwn(appState(sim).scalableTargets, key) ? appState(sim).scalableTargets[key] : undefined;
  if (target) enforceBounds(sim, target);
}
