/**
 * Alarm actions. On every state change CloudWatch runs the actions listed for the new state
 * (AlarmActions / OKActions / InsufficientDataActions) when ActionsEnabled is true. Here each
 * action is a kernel event
 *
 *   { type: 'cloudwatch.alarmAction', alarmName, actionArn, state, reinvocation, metricValue?, threshold }
 *
 * scheduled with delay 0, handled by `alarmAction` below, which routes on the ARN through
 * ALARM_ACTION_ROUTES: a route with an `eventType` gets the same fields as an event of that type
 * (e.g. a later Application Auto Scaling module sets eventType on its route and registers a
 * handler, which then applies its step adjustments using metricValue and threshold); a route
 * without one is only logged, worded as the service would act.
 *
 * Re-invocation while in ALARM: Application Auto Scaling (and EC2 Auto Scaling) keep applying a
 * step scaling policy "for additional alarm breaches until the alarm state returns to OK". So on
 * each evaluation that leaves an alarm in ALARM, the evaluator schedules the same event with
 * `reinvocation: true` for the ALARM actions whose route has `reinvokeWhileInAlarm` (scaling
 * policies only: SNS is notified once per transition). Cooldowns are the policy's business.
 */
import type { KernelEvent } from '../../kernel/kernel';
import type { Simulation } from '../../simulation';
import type { AlarmStateValue, MetricAlarmRecord } from '../../world/metrics-types';
import { recordHistory } from '../../aws/cloudwatch/history';

export const ALARM_ACTION_EVENT = 'cloudwatch.alarmAction';

export interface AlarmActionRoute {
  /** What the ARN names, in AWS's words. */
  target: string;
  pattern: RegExp;
  /** Kernel event type to forward to; undefined = the simulator only logs the action. */
  eventType?: string;
  reinvokeWhileInAlarm: boolean;
}

const ARN = 'arn:aws[a-z-]*';

/** ARN routes, first match wins. A module that simulates a target sets its eventType here. */
export const ALARM_ACTION_ROUTES: readonly AlarmActionRoute[] = [
  {
    target: 'Application Auto Scaling scaling policy',
    pattern: new RegExp(`^${ARN}:autoscaling:[^:]+:\\d{12}:scalingPolicy:[^:]+:resource/`),
    eventType: 'appAutoScaling.policyInvoked', // control/app-autoscaling/events.ts POLICY_INVOKED_EVENT
    reinvokeWhileInAlarm: true,
  },
  {
    target: 'EC2 Auto Scaling scaling policy',
    pattern: new RegExp(`^${ARN}:autoscaling:[^:]+:\\d{12}:scalingPolicy:[^:]+:autoScalingGroupName/`),
    reinvokeWhileInAlarm: true,
  },
  { target: 'Amazon SNS topic', pattern: new RegExp(`^${ARN}:sns:[^:]+:\\d{12}:[^:]+$`), reinvokeWhileInAlarm: false },
  { target: 'EC2 instance action', pattern: new RegExp(`^${ARN}:automate:[^:]+:ec2:(stop|terminate|reboot|recover)$`), reinvokeWhileInAlarm: false },
  { target: 'AWS Lambda function', pattern: new RegExp(`^${ARN}:lambda:[^:]+:\\d{12}:function:`), reinvokeWhileInAlarm: false },
  { target: 'Systems Manager action', pattern: new RegExp(`^${ARN}:ssm(-incidents)?:`), reinvokeWhileInAlarm: false },
];

export const routeFor = (arn: string): AlarmActionRoute | undefined => ALARM_ACTION_ROUTES.find((r) => r.pattern.test(arn));

export const actionsFor = (alarm: MetricAlarmRecord, state: AlarmStateValue): string[] =>
  state === 'ALARM' ? alarm.AlarmActions : state === 'OK' ? alarm.OKActions : alarm.InsufficientDataActions;

/** Schedules the actions of a transition into `state` (nothing when actions are disabled). */
export function scheduleTransitionActions(sim: Simulation, alarm: MetricAlarmRecord, state: AlarmStateValue, metricValue?: number): void {
  const arns = actionsFor(alarm, state);
  if (arns.length === 0) return;
  if (!alarm.ActionsEnabled) {
    sim.emit({
      source: 'cloudwatch',
      kind: 'cloudwatch.alarmAction',
      resource: alarm.AlarmArn,
      message: `Alarm "${alarm.AlarmName}" has actions disabled, so its ${state} actions were not executed: ${arns.join(', ')}.`,
    });
    return;
  }
  for (const actionArn of arns) sim.schedule(0, actionEvent(alarm, actionArn, state, false, metricValue));
}

/** While an alarm stays in ALARM: re-invoke the ALARM actions whose targets want it (scaling policies). */
export function scheduleReinvocations(sim: Simulation, alarm: MetricAlarmRecord, metricValue?: number): void {
  if (!alarm.ActionsEnabled) return;
  for (const actionArn of alarm.AlarmActions) {
    if (routeFor(actionArn)?.reinvokeWhileInAlarm) sim.schedule(0, actionEvent(alarm, actionArn, 'ALARM', true, metricValue));
  }
}

function actionEvent(alarm: MetricAlarmRecord, actionArn: string, state: AlarmStateValue, reinvocation: boolean, metricValue?: number): KernelEvent {
  return {
    type: ALARM_ACTION_EVENT,
    alarmName: alarm.AlarmName,
    alarmArn: alarm.AlarmArn,
    actionArn,
    state,
    reinvocation,
    threshold: alarm.Threshold,
    ...(metricValue === undefined ? {} : { metricValue }),
  };
}

/** The default handler of 'cloudwatch.alarmAction': route on the ARN, log, record history. */
export function alarmAction(sim: Simulation, event: KernelEvent): void {
  const alarmName = String(event.alarmName);
  const actionArn = String(event.actionArn);
  const route = routeFor(actionArn);
  const again = event.reinvocation === true;
  const what = route ? `${route.target} ${actionArn}` : actionArn;
  const message = again
    ? `Alarm "${alarmName}" is still in ALARM: invoking ${what} again.`
    : `Alarm "${alarmName}" entered ${String(event.state)}: executing action ${what}.`;
  const unsimulated = route?.eventType ? '' : ' (The simulator does not model this target yet: the action is only recorded.)';
  sim.emit({ source: 'cloudwatch', kind: 'cloudwatch.alarmAction', resource: String(event.alarmArn ?? alarmName), message: message + unsimulated, detail: { ...event } });
  if (!again) {
    recordHistory(sim, alarmName, 'Action', `Successfully executed action ${actionArn}`, {
      actionState: 'Succeeded',
      stateUpdateTimestamp: sim.date(sim.now).getTime(),
      notificationResource: actionArn,
    });
  }
  if (route?.eventType) sim.schedule(0, { ...event, type: route.eventType });
}
