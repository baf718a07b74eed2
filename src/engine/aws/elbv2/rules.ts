/**
 * CreateRule, DescribeRules, ModifyRule, DeleteRule (ALB listener rules).
 *
 * AWS facts followed: Priority 1-50000, unique per listener (PriorityInUse "Priority 'N' is
 * currently in use"); conditions `path-pattern` and `host-header` (at most one of each per rule,
 * at most 5 values in all, each value up to 128 characters), given as Values or as
 * PathPatternConfig/HostHeaderConfig and answered with both; every listener has a default rule
 * (Priority "default", IsDefault true, its actions are the listener's DefaultActions) that
 * DescribeRules lists last and that cannot be deleted (OperationNotPermitted). Rules are for
 * Application Load Balancers only. Other condition fields are not modelled.
 */
import type { RuleCondition } from '@aws-sdk/client-elastic-load-balancing-v2';
import type { Simulation } from '../../simulation';
import type { Listener, ListenerRule } from '../../world/elb-types';
import { AwsError } from '../errors';
import type { Input } from '../validate';
import { refreshTargetGroupUse } from '../../control/elb/health';
import { forwardedTargetGroups } from '../../control/elb/usage';
import { getListener, getLoadBalancer, int, list, newRuleArn, requireStr, ruleNotFound, str, strings, validationError } from './common';
import { validateActions } from './actions';
import { describeActions } from './listeners';
import { defaultRuleOutput, ruleOutput } from './shapes';

const CONFIG_OF: Record<string, 'PathPatternConfig' | 'HostHeaderConfig'> = { 'path-pattern': 'PathPatternConfig', 'host-header': 'HostHeaderConfig' };

function validateConditions(raw: unknown): RuleCondition[] {
  if (!Array.isArray(raw) || raw.length === 0) throw validationError(`1 validation error detected: Value null at 'conditions' failed to satisfy constraint: Member must not be null`);
  const seen = new Set<string>();
  let total = 0;
  const out = raw.map((c: Record<string, unknown>) => {
    const field = String(c?.Field ?? '');
    const configKey = CONFIG_OF[field];
    if (!configKey) {
      throw validationError(`Condition field '${field}' is not modelled by the simulator; use path-pattern or host-header`);
    }
    if (seen.has(field)) throw validationError(`A rule can only have one '${field}' condition`);
    seen.add(field);
    const plain = c.Values as unknown[] | undefined;
    const config = (c[configKey] as { Values?: unknown[] } | undefined)?.Values;
    if (plain?.length && config?.length) throw validationError(`You cannot specify both 'Values' and '${configKey}' for the '${field}' condition`);
    const values = (plain?.length ? plain : config) ?? [];
    if (values.length === 0) throw validationError('A condition value must be specified');
    for (const v of values) {
      if (typeof v !== 'string' || v.length === 0 || v.length > 128) throw validationError(`Condition value '${String(v)}' must be a string of 1 to 128 characters`);
    }
    total += values.length;
    return { Field: field, Values: values as string[], [configKey]: { Values: values as string[] } } as RuleCondition;
  });
  if (total > 5) throw validationError(`A rule can have at most '5' condition values, but '${total}' were specified`);
  return out;
}

function priorityOf(input: Input): number {
  if (input.Priority === undefined || input.Priority === null) throw validationError(`1 validation error detected: Value null at 'priority' failed to satisfy constraint: Member must not be null`);
  const p = int(input, 'Priority')!;
  if (p < 1 || p > 50000) throw validationError(`1 validation error detected: Value '${p}' at 'priority' failed to satisfy constraint: Member must have value between 1 and 50000`);
  return p;
}

function albListener(sim: Simulation, listenerArn: string): Listener {
  const listener = getListener(sim.world, listenerArn);
  if (getLoadBalancer(sim.world, listener.LoadBalancerArn).Type !== 'application') throw validationError('Listener rules are supported only by Application Load Balancers');
  return listener;
}

const rulesOf = (sim: Simulation, listenerArn: string) =>
  Object.values(sim.world.listenerRules).filter((r) => r.ListenerArn === listenerArn).sort((a, b) => a.Priority - b.Priority);

export function createRule(sim: Simulation, input: Input) {
  const listener = albListener(sim, requireStr(input, 'ListenerArn'));
  const lb = getLoadBalancer(sim.world, listener.LoadBalancerArn);
  const Priority = priorityOf(input);
  const Conditions = validateConditions(input.Conditions);
  const Actions = validateActions(sim.world, lb, input.Actions, 'Actions');
  if (rulesOf(sim, listener.ListenerArn).some((r) => r.Priority === Priority)) throw new AwsError('PriorityInUseException', `Priority '${Priority}' is currently in use`);
  const rule: ListenerRule = { RuleArn: newRuleArn(sim, listener.ListenerArn), ListenerArn: listener.ListenerArn, Priority, Conditions, Actions };
  sim.world.listenerRules[rule.RuleArn] = rule;
  sim.emit({ source: 'elbv2', kind: 'elb.rule.created', resource: rule.RuleArn, message: `Created rule ${Priority} on listener ${listener.Protocol}:${listener.Port} of ${lb.LoadBalancerName}: ${conditionText(Conditions)} -> ${describeActions(sim, Actions)}.` });
  forwardedTargetGroups(Actions).forEach((tg) => refreshTargetGroupUse(sim, tg));
  return { Rules: [ruleOutput(rule)] };
}

const conditionText = (conditions: RuleCondition[]) => conditions.map((c) => `${c.Field} ${c.Values?.join(' or ')}`).join(' and ');

export function describeRules(sim: Simulation, input: Input) {
  const world = sim.world;
  const listenerArn = str(input, 'ListenerArn');
  const ruleArns = strings(input, 'RuleArns');
  if (listenerArn && ruleArns?.length) throw validationError('Listener rule ARNs and a listener ARN cannot be specified at the same time');
  if (!listenerArn && !ruleArns?.length) throw validationError('You must specify either listener rule ARNs or a listener ARN');
  if (listenerArn) {
    const listener = getListener(world, listenerArn);
    return { Rules: [...rulesOf(sim, listenerArn).map(ruleOutput), defaultRuleOutput(listener)] };
  }
  const defaults = new Map(Object.values(world.listeners).map((l) => [l.defaultRuleArn, l]));
  return {
    Rules: ruleArns!.map((arn) => {
      const rule = world.listenerRules[arn];
      if (rule) return ruleOutput(rule);
      const listener = defaults.get(arn);
      if (listener) return defaultRuleOutput(listener);
      throw ruleNotFound();
    }),
  };
}

function isDefaultRule(sim: Simulation, ruleArn: string): boolean {
  return Object.values(sim.world.listeners).some((l) => l.defaultRuleArn === ruleArn);
}

export function modifyRule(sim: Simulation, input: Input) {
  const arn = requireStr(input, 'RuleArn');
  if (isDefaultRule(sim, arn)) throw new AwsError('OperationNotPermittedException', `Default rule '${arn}' cannot be modified: change the listener's default actions with ModifyListener`);
  const rule = sim.world.listenerRules[arn];
  if (!rule) throw ruleNotFound();
  const lb = getLoadBalancer(sim.world, getListener(sim.world, rule.ListenerArn).LoadBalancerArn);
  if (list(input, 'Conditions') === undefined && list(input, 'Actions') === undefined) throw validationError('Either conditions or actions must be specified');
  const Conditions = input.Conditions !== undefined ? validateConditions(input.Conditions) : rule.Conditions;
  const Actions = input.Actions !== undefined ? validateActions(sim.world, lb, input.Actions, 'Actions') : rule.Actions;
  const before = forwardedTargetGroups(rule.Actions);
  rule.Conditions = Conditions;
  rule.Actions = Actions;
  sim.emit({ source: 'elbv2', kind: 'elb.rule.modified', resource: arn, message: `Modified rule ${rule.Priority}: ${conditionText(Conditions)} -> ${describeActions(sim, Actions)}.` });
  [...new Set([...before, ...forwardedTargetGroups(Actions)])].sort().forEach((tg) => refreshTargetGroupUse(sim, tg));
  return { Rules: [ruleOutput(rule)] };
}

export function deleteRule(sim: Simulation, input: Input) {
  const arn = requireStr(input, 'RuleArn');
  if (isDefaultRule(sim, arn)) throw new AwsError('OperationNotPermittedException', `Default rule '${arn}' cannot be deleted`);
  const rule = sim.world.listenerRules[arn];
  if (!rule) throw ruleNotFound();
  delete sim.world.listenerRules[arn];
  sim.emit({ source: 'elbv2', kind: 'elb.rule.deleted', resource: arn, message: `Deleted rule ${rule.Priority}.` });
  forwardedTargetGroups(rule.Actions).forEach((tg) => refreshTargetGroupUse(sim, tg));
  return {};
}
