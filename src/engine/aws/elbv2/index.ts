/** Elastic Load Balancing v2's API actions, registered in aws/index.ts. */
import type { Action } from '../../simulation';
import { createListener, deleteListener, describeListeners, modifyListener } from './listeners';
import { createLoadBalancer, deleteLoadBalancer, describeLoadBalancers } from './load-balancers';
import { createRule, deleteRule, describeRules, modifyRule } from './rules';
import {
  createTargetGroup,
  deleteTargetGroup,
  describeTargetGroupAttributes,
  describeTargetGroups,
  modifyTargetGroup,
  modifyTargetGroupAttributes,
} from './target-groups';
import { deregisterTargets, describeTargetHealth, registerTargets } from './targets';

export const elbv2Actions: Record<string, Action> = {
  'elbv2:CreateLoadBalancer': createLoadBalancer,
  'elbv2:DescribeLoadBalancers': describeLoadBalancers,
  'elbv2:DeleteLoadBalancer': deleteLoadBalancer,
  'elbv2:CreateTargetGroup': createTargetGroup,
  'elbv2:DescribeTargetGroups': describeTargetGroups,
  'elbv2:ModifyTargetGroup': modifyTargetGroup,
  'elbv2:DeleteTargetGroup': deleteTargetGroup,
  'elbv2:DescribeTargetGroupAttributes': describeTargetGroupAttributes,
  'elbv2:ModifyTargetGroupAttributes': modifyTargetGroupAttributes,
  'elbv2:RegisterTargets': registerTargets,
  'elbv2:DeregisterTargets': deregisterTargets,
  'elbv2:DescribeTargetHealth': describeTargetHealth,
  'elbv2:CreateListener': createListener,
  'elbv2:DescribeListeners': describeListeners,
  'elbv2:ModifyListener': modifyListener,
  'elbv2:DeleteListener': deleteListener,
  'elbv2:CreateRule': createRule,
  'elbv2:DescribeRules': describeRules,
  'elbv2:ModifyRule': modifyRule,
  'elbv2:DeleteRule': deleteRule,
};
