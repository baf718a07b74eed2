/**
 * Running a scheduled action (event appAutoScaling.scheduledAction {key, token}): set the target's
 * MinCapacity / MaxCapacity as the action says (an activity with AWS's texts: Description "Setting
 * min capacity to 1 and max capacity to 5", Cause "scheduled action name NAME was triggered"),
 * then move the desired count into the new bounds if it is outside (bounds.ts), and schedule the
 * next run. A replaced or deleted action's event carries a stale token and does nothing.
 * ScheduledScalingSuspended skips the run (the schedule goes on).
 */
import type { KernelEvent } from '../../kernel/kernel';
import type { Simulation } from '../../simulation';
import type { AppScheduledAction } from '../../world/app-autoscaling-types';
import { appState, targetKey } from '../../aws/application-autoscaling/common';
import { enforceBounds } from './bounds';
import { recordActivity } from './capacity';
import { nextRun, parseSchedule } from './schedule';

function describeBounds(a: AppScheduledAction['ScalableTargetAction']): string {
  const parts = [];
  if (a.MinCapacity !== undefined) parts.push(`min capacity to ${a.MinCapacity}`);
  if (a.MaxCapacity !== undefined) parts.push(`max capacity to ${a.MaxCapacity}`);
  return parts.join(' and ');
}

export function scheduledActionEvent(sim: Simulation, event: KernelEvent): void {
  const state = appState(sim);
  const key = String(event.key);
  const action = Object.hasOwn(state.scheduledActions, key) ? state.scheduledActions[key] : undefined;
  if (!action || action.token !== event.token) return;
  const next = nextRun(parseSchedule(action.Schedule), sim.now, {
    createdAt: Number(event.createdAt ?? action.CreationTime),
    startTime: action.StartTime,
    endTime: action.EndTime,
    timeZone: action.Timezone,
  });
  if (next !== undefined) sim.schedule(next - sim.now, { ...event });
  const target = state.scalableTargets[targetKey(action.ResourceId)];
  if (!target) return;
  if (target.SuspendedState.ScheduledScalingSuspended) {
    sim.emit({
      source: 'application-autoscaling',
      kind: 'appAutoScaling.notScaled',
      resource: action.ScheduledActionARN,
      message: `Scheduled action ${action.ScheduledActionName} is due but scheduled scaling of ${action.ResourceId} is suspended (ScheduledScalingSuspended).`,
    });
    return;
  }
  const a = action.ScalableTargetAction;
  let min = a.MinCapacity ?? target.MinCapacity;
  let max = a.MaxCapacity ?? target.MaxCapacity;
  // Choice: only one bound given and it crosses the other -> the other follows it.
  if (a.MinCapacity === undefined && min > max) min = max;
  if (a.MaxCapacity === undefined && max < min) max = min;
  target.MinCapacity = min;
  target.MaxCapacity = max;
  const what = describeBounds(a);
  recordActivity(sim, target, {
    Description: `Setting ${what}`,
    Cause: `scheduled action name ${action.ScheduledActionName} was triggered`,
    StatusCode: 'Successful',
    StatusMessage: `Successfully set ${what}`,
  });
  sim.emit({
    source: 'application-autoscaling',
    kind: 'appAutoScaling.activity',
    resource: action.ResourceId,
    message: `Scheduled action ${action.ScheduledActionName} (${action.Schedule}) set ${what} for ${action.ResourceId}` + (next === undefined ? '; it will not run again.' : `; next run at ${sim.date(next).toISOString()}.`),
  });
  enforceBounds(sim, target);
}
