/**
 * application-autoscaling:PutScheduledAction, DescribeScheduledActions, DeleteScheduledAction.
 * Expressions and their next run: control/app-autoscaling/schedule.ts; running one:
 * control/app-autoscaling/scheduled-run.ts. Putting an existing name replaces it (and its timer:
 * each version carries a new token, so the old version's pending event is ignored).
 * ARN: arn:aws:autoscaling:REGION:ACCOUNT:scheduledAction:UUID:resource/ecs/RESOURCE_ID:scheduledActionName/NAME.
 */
import type { DescribeScheduledActionsResponse, ScheduledAction } from '@aws-sdk/client-application-auto-scaling';
import type { Simulation } from '../../simulation';
import type { AppScheduledAction } from '../../world/app-autoscaling-types';
import type { Input } from '../validate';
import { SIM_EPOCH_MS } from '../../world/types';
import { SCHEDULED_ACTION_EVENT } from '../../control/app-autoscaling/events';
import { isTimeZone, nextRun, parseSchedule, ScheduleError } from '../../control/app-autoscaling/schedule';
import { appState, childKey, ecsResource, ECS_DIMENSION, nameList, notFound, optionalInteger, optionalString, page, requiredString, requireTarget, uuid, validation } from './common';

function timestamp(v: unknown, field: string): number | undefined {
  if (v === undefined || v === null) return undefined;
  const ms = v instanceof Date ? v.getTime() : typeof v === 'number' ? v * 1000 : typeof v === 'string' ? Date.parse(v) : NaN;
  if (!Number.isFinite(ms)) throw validation(`${field} must be a timestamp (ISO 8601 or epoch seconds).`);
  return (ms - SIM_EPOCH_MS) / 1000;
}

export function putScheduledAction(sim: Simulation, input: Input): Record<string, never> {
  const name = requiredString(input, 'ScheduledActionName');
  const r = ecsResource(input)!;
  const state = appState(sim);
  const key = childKey(r.resourceId, name);
  const existing = Object.hasOwn(state.scheduledActions, key) ? state.scheduledActions[key] : undefined;
  const Schedule = optionalString(input, 'Schedule') ?? existing?.Schedule;
  if (Schedule === undefined) throw validation('Schedule is required when creating a scheduled action.');
  const Timezone = optionalString(input, 'Timezone') ?? existing?.Timezone;
  if (Timezone !== undefined && !isTimeZone(Timezone)) throw validation(`Invalid timezone ${Timezone}: use an IANA time zone name such as Etc/GMT+9 or Pacific/Tahiti.`);
  let parsed;
  try {
    parsed = parseSchedule(Schedule);
  } catch (e) {
    if (e instanceof ScheduleError) throw validation(e.message);
    throw e;
  }
  const rawAction = (input.ScalableTargetAction ?? undefined) as Input | undefined;
  if (rawAction !== undefined && (typeof rawAction !== 'object' || Array.isArray(rawAction))) throw validation('ScalableTargetAction must be a structure.');
  const MinCapacity = rawAction ? optionalInteger(rawAction, 'MinCapacity') : existing?.ScalableTargetAction.MinCapacity;
  const MaxCapacity = rawAction ? optionalInteger(rawAction, 'MaxCapacity') : existing?.ScalableTargetAction.MaxCapacity;
  if (MinCapacity === undefined && MaxCapacity === undefined) throw validation('At least one of minimum capacity and maximum capacity should be provided');
  if (MinCapacity !== undefined && MaxCapacity !== undefined && MinCapacity > MaxCapacity) {
    throw validation('Minimum capacity cannot be greater than maximum capacity');
  }
  const StartTime = input.StartTime !== undefined ? timestamp(input.StartTime, 'StartTime') : existing?.StartTime;
  const EndTime = input.EndTime !== undefined ? timestamp(input.EndTime, 'EndTime') : existing?.EndTime;
  if (StartTime !== undefined && EndTime !== undefined && EndTime <= StartTime) throw validation('EndTime must be after StartTime.');
  requireTarget(sim, r.resourceId);

  state.tokenSequence += 1;
  const action: AppScheduledAction = {
    ScheduledActionName: name,
    ScheduledActionARN:
      existing?.ScheduledActionARN ??
      `arn:aws:autoscaling:${sim.world.region}:${sim.world.accountId}:scheduledAction:${uuid(sim)}:resource/ecs/${r.resourceId}:scheduledActionName/${name}`,
    ServiceNamespace: 'ecs',
    Schedule,
    ...(Timezone !== undefined ? { Timezone } : {}),
    ResourceId: r.resourceId,
    ScalableDimension: ECS_DIMENSION,
    ...(StartTime !== undefined ? { StartTime } : {}),
    ...(EndTime !== undefined ? { EndTime } : {}),
    ScalableTargetAction: { ...(MinCapacity !== undefined ? { MinCapacity } : {}), ...(MaxCapacity !== undefined ? { MaxCapacity } : {}) },
    CreationTime: existing?.CreationTime ?? sim.now,
    token: state.tokenSequence,
  };
  state.scheduledActions[key] = action;
  const next = nextRun(parsed, sim.now, { createdAt: sim.now, startTime: StartTime, endTime: EndTime, timeZone: Timezone });
  if (next !== undefined) sim.schedule(next - sim.now, { type: SCHEDULED_ACTION_EVENT, key, token: action.token, createdAt: sim.now });
  sim.emit({
    source: 'application-autoscaling',
    kind: 'appAutoScaling.scheduledAction',
    resource: action.ScheduledActionARN,
    message:
      `${existing ? 'Updated' : 'Created'} scheduled action ${name} for ${r.resourceId}: ${Schedule}${Timezone ? ` (${Timezone})` : ''} sets ` +
      `${MinCapacity !== undefined ? `min capacity ${MinCapacity}` : ''}${MinCapacity !== undefined && MaxCapacity !== undefined ? ' and ' : ''}${MaxCapacity !== undefined ? `max capacity ${MaxCapacity}` : ''}; ` +
      (next === undefined ? 'it will not run again.' : `next run at ${sim.date(next).toISOString()}.`),
  });
  return {};
}

function toScheduledAction(sim: Simulation, a: AppScheduledAction): ScheduledAction {
  const { token: _t, CreationTime, StartTime, EndTime, ...rest } = a;
  return {
    ...rest,
    ScalableTargetAction: { ...a.ScalableTargetAction },
    CreationTime: sim.date(CreationTime),
    ...(StartTime !== undefined ? { StartTime: sim.date(StartTime) } : {}),
    ...(EndTime !== undefined ? { EndTime: sim.date(EndTime) } : {}),
  };
}

export function describeScheduledActions(sim: Simulation, input: Input): DescribeScheduledActionsResponse {
  const r = ecsResource(input, { resourceOptional: true, dimensionOptional: true });
  const names = nameList(input, 'ScheduledActionNames');
  const all = Object.values(appState(sim).scheduledActions)
    .filter((a) => (!r || a.ResourceId === r.resourceId) && (!names || names.includes(a.ScheduledActionName)))
    .sort((a, b) => a.CreationTime - b.CreationTime || (a.ScheduledActionName < b.ScheduledActionName ? -1 : 1));
  const { items, NextToken } = page(all, input);
  return { ScheduledActions: items.map((a) => toScheduledAction(sim, a)), ...(NextToken ? { NextToken } : {}) };
}

export function deleteScheduledAction(sim: Simulation, input: Input): Record<string, never> {
  const name = requiredString(input, 'ScheduledActionName');
  const r = ecsResource(input)!;
  const key = childKey(r.resourceId, name);
  const state = appState(sim);
  if (!Object.hasOwn(state.scheduledActions, key)) {
    throw notFound(`No scheduled action found for service namespace: ecs, resource ID: ${r.resourceId}, scalable dimension: ${ECS_DIMENSION}, scheduled action name: ${name}`);
  }
  const arn = state.scheduledActions[key].ScheduledActionARN;
  delete state.scheduledActions[key];
  sim.emit({ source: 'application-autoscaling', kind: 'appAutoScaling.scheduledAction', resource: arn, message: `Deleted scheduled action ${name} of ${r.resourceId}.` });
  return {};
}
