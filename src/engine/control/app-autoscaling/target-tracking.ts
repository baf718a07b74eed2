/**
 * Target tracking: what a policy's AlarmHigh / AlarmLow invocation does.
 *
 * The new capacity is proportional, as Application Auto Scaling computes it ("adds capacity
 * proportional to the metric value"): capacity x metric / target. AWS does not publish its exact
 * rounding; our choice, documented: always round up (ceil), both ways. Out, that is "at least
 * enough"; in, it is the conservative rounding (remove only whole tasks the metric says are idle),
 * and the AlarmLow threshold of 90% of the target keeps in and out apart.
 *
 * Several target tracking policies on one target (ECS developer guide): scale out if any is ready
 * to scale out, scale in only if all (with scale-in enabled) are ready to scale in; either way the
 * largest capacity any policy computes wins. "Ready" = its AlarmHigh / AlarmLow is in ALARM; the
 * other policies' metric values are read from their alarms' newest datapoint.
 */
import type { Simulation } from '../../simulation';
import type { AppScalableTarget, AppScalingPolicy } from '../../world/app-autoscaling-types';
import { appState } from '../../aws/application-autoscaling/common';
import { trackedMetric } from '../../aws/application-autoscaling/policies-store';
import { alarmWindow } from '../metrics/alarm-evaluation';
import { notScaled } from './capacity';
import { scaleIn, scaleOut } from './dynamic';

const DEFAULT_COOLDOWN = 300;
const round2 = (n: number) => Math.round(n * 100) / 100;

interface Vote {
  policy: AppScalingPolicy;
  alarmName: string;
  metric: number;
}

function trackingPolicies(sim: Simulation, target: AppScalableTarget): AppScalingPolicy[] {
  return Object.values(appState(sim).scalingPolicies).filter((p) => p.ResourceId === target.ResourceId && p.PolicyType === 'TargetTrackingScaling');
}

function newestValue(sim: Simulation, alarmName: string): number | undefined {
  const alarm = Object.hasOwn(sim.world.alarms, alarmName) ? sim.world.alarms[alarmName] : undefined;
  if (!alarm) return undefined;
  return alarmWindow(sim, alarm)
    .reverse()
    .find((p) => p.value !== undefined)?.value;
}

function vote(sim: Simulation, policy: AppScalingPolicy, index: 0 | 1, trigger: { policy: AppScalingPolicy; metric?: number }): Vote | undefined {
  const alarm = policy.Alarms[index];
  if (!alarm || sim.world.alarms[alarm.AlarmName]?.StateValue !== 'ALARM') return undefined;
  const metric = policy === trigger.policy && trigger.metric !== undefined ? trigger.metric : newestValue(sim, alarm.AlarmName);
  return metric === undefined ? undefined : { policy, alarmName: alarm.AlarmName, metric };
}

function compute(v: Vote, from: number): { capacity: number; why: string } {
  const target = v.policy.TargetTrackingScalingPolicyConfiguration!.TargetValue!;
  const name = trackedMetric(v.policy).MetricName;
  const exact = (from * v.metric) / target;
  const capacity = Math.ceil(exact - 1e-9);
  const cmp = v.metric > target ? '>' : v.metric < target ? '<' : '=';
  return { capacity, why: `${name} ${round2(v.metric)} ${cmp} target ${target}: ${from} x ${round2(v.metric)} / ${target} = ${round2(exact)} -> ${capacity} tasks` };
}

const causeOf = (v: Vote) => `monitor alarm ${v.alarmName} in state ALARM triggered policy ${v.policy.PolicyName}`;

/** The largest capacity among the votes wins. */
function largest(votes: Vote[], from: number): Vote {
  return votes.reduce((best, v) => (compute(v, from).capacity > compute(best, from).capacity ? v : best));
}

export function targetTrackingInvoked(sim: Simulation, target: AppScalableTarget, policy: AppScalingPolicy, alarmName: string, current: number, metric?: number): void {
  const config = policy.TargetTrackingScalingPolicyConfiguration!;
  const policies = trackingPolicies(sim, target);
  const trigger = { policy, metric };
  if (alarmName === policy.Alarms[0]?.AlarmName) {
    const votes = policies.map((p) => vote(sim, p, 0, trigger)).filter((v): v is Vote => v !== undefined);
    if (votes.length === 0) return;
    const cdOf = (v: Vote) => v.policy.TargetTrackingScalingPolicyConfiguration!.ScaleOutCooldown ?? DEFAULT_COOLDOWN;
    const base = target.cooldowns.scaleOut && sim.now < target.cooldowns.scaleOut.until ? target.cooldowns.scaleOut.base : current;
    const winner = largest(votes, base);
    scaleOut(sim, target, current, { compute: (from) => compute(winner, from), cause: causeOf(winner), cooldown: cdOf(winner) });
    return;
  }
  if (alarmName !== policy.Alarms[1]?.AlarmName || config.DisableScaleIn) return;
  const enabled = policies.filter((p) => !p.TargetTrackingScalingPolicyConfiguration!.DisableScaleIn);
  const votes = enabled.map((p) => vote(sim, p, 1, trigger));
  const holdouts = enabled.filter((_, i) => votes[i] === undefined).map((p) => p.PolicyName);
  if (holdouts.length > 0) {
    notScaled(sim, target, `Not scaling in ${target.ResourceId}: policy ${policy.PolicyName} is ready to scale in but ${holdouts.join(', ')} ${holdouts.length > 1 ? 'are' : 'is'} not (all target tracking policies must agree to scale in).`);
    return;
  }
  const ready = votes as Vote[];
  const winner = largest(ready, current);
  scaleIn(sim, target, current, {
    compute: (from) => compute(winner, from),
    cause: causeOf(ready.find((v) => v.policy === policy) ?? winner),
    cooldown: winner.policy.TargetTrackingScalingPolicyConfiguration!.ScaleInCooldown ?? DEFAULT_COOLDOWN,
  });
}
