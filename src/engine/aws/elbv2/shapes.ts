/** World records -> the SDK's output shapes (times as Dates, computed fields filled in). */
import type {
  Listener as SdkListener,
  LoadBalancer as SdkLoadBalancer,
  Rule as SdkRule,
  TargetGroup as SdkTargetGroup,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import type { Simulation } from '../../simulation';
import type { Listener, ListenerRule, LoadBalancer, TargetGroup } from '../../world/elb-types';
import { loadBalancersUsing } from '../../control/elb/usage';

export function loadBalancerOutput(sim: Simulation, lb: LoadBalancer): SdkLoadBalancer {
  const { Tags: _tags, CreatedTime, ...rest } = lb;
  return structuredClone({ ...rest, CreatedTime: sim.date(CreatedTime) }) as SdkLoadBalancer;
}

export function targetGroupOutput(sim: Simulation, tg: TargetGroup): SdkTargetGroup {
  const { attributes: _a, targets: _t, nextGeneration: _n, Tags: _tags, ...rest } = tg;
  return structuredClone({ ...rest, LoadBalancerArns: loadBalancersUsing(sim.world, tg.TargetGroupArn) }) as SdkTargetGroup;
}

export function listenerOutput(listener: Listener): SdkListener {
  const { defaultRuleArn: _d, ...rest } = listener;
  return structuredClone(rest) as SdkListener;
}

export function ruleOutput(rule: ListenerRule): SdkRule {
  return structuredClone({ RuleArn: rule.RuleArn, Priority: String(rule.Priority), Conditions: rule.Conditions, Actions: rule.Actions, IsDefault: false });
}

export function defaultRuleOutput(listener: Listener): SdkRule {
  return structuredClone({ RuleArn: listener.defaultRuleArn, Priority: 'default', Conditions: [], Actions: listener.DefaultActions, IsDefault: true });
}
