/**
 * Listener and rule actions: `forward` (one target group, or weighted over up to 5 with
 * ForwardConfig.TargetGroups, weights 0-999), `fixed-response` (ALB; StatusCode 2XX/4XX/5XX) and
 * `redirect` (ALB; stored, the traffic model may use it). Authentication actions are not modelled.
 *
 * AWS facts followed: a target group can be used by one load balancer only
 * (TargetGroupAssociationLimit "The following target groups cannot be associated with more than
 * one load balancer: ..."); AWS answers a single-group forward with both TargetGroupArn and an
 * equivalent ForwardConfig, as we store it.
 *
 * Choice (AWS's wording not found): forwarding from an ALB to a TCP/TLS/UDP target group, or from
 * an NLB to an HTTP/HTTPS one, is an IncompatibleProtocolsException with our own message.
 */
import type { Action } from '@aws-sdk/client-elastic-load-balancing-v2';
import type { World } from '../../world/types';
import type { LoadBalancer } from '../../world/elb-types';
import { AwsError } from '../errors';
import { loadBalancersUsing } from '../../control/elb/usage';
import { validationError } from './common';
import { isAlbProtocol } from './health-check-settings';

const CONTENT_TYPES = ['text/plain', 'text/css', 'text/html', 'application/javascript', 'application/json'];

function targetGroupFor(world: World, lb: LoadBalancer, arn: unknown): string {
  if (typeof arn !== 'string' || !arn) throw validationError('A target group ARN must be specified for a forward action');
  const tg = world.targetGroups[arn];
  if (!tg) throw new AwsError('TargetGroupNotFoundException', `Target group '${arn}' not found`);
  if ((lb.Type === 'application') !== isAlbProtocol(tg.Protocol)) {
    throw new AwsError('IncompatibleProtocolsException', `Target group '${tg.TargetGroupName}' uses protocol ${tg.Protocol}, which ${lb.Type === 'application' ? 'an Application' : 'a Network'} Load Balancer cannot forward to`);
  }
  if (tg.VpcId !== lb.VpcId) throw validationError(`Target group '${arn}' is not in the same VPC as the load balancer`);
  const others = loadBalancersUsing(world, arn).filter((a) => a !== lb.LoadBalancerArn);
  if (others.length) throw new AwsError('TargetGroupAssociationLimitException', `The following target groups cannot be associated with more than one load balancer: ${arn}`);
  return arn;
}

function forwardAction(world: World, lb: LoadBalancer, a: Record<string, unknown>, index: number): Action {
  const config = a.ForwardConfig as { TargetGroups?: { TargetGroupArn?: unknown; Weight?: unknown }[]; TargetGroupStickinessConfig?: { Enabled?: unknown; DurationSeconds?: unknown } } | undefined;
  const groups = config?.TargetGroups ?? [];
  if (a.TargetGroupArn === undefined && groups.length === 0) throw validationError(`A target group ARN must be specified for the forward action at 'actions.${index}'`);
  if (groups.length > 5) throw validationError('A forward action can have at most 5 target groups');
  if (lb.Type === 'network' && groups.length > 1) throw validationError('Network Load Balancers forward to one target group per action');
  const weighted = groups.map((g) => {
    const weight = g.Weight ?? 1;
    if (typeof weight !== 'number' || !Number.isInteger(weight) || weight < 0 || weight > 999) throw validationError(`Target group weight '${String(weight)}' must be an integer from 0 to 999`);
    return { TargetGroupArn: targetGroupFor(world, lb, g.TargetGroupArn), Weight: weight };
  });
  if (new Set(weighted.map((g) => g.TargetGroupArn)).size !== weighted.length) throw validationError('A target group can appear only once in a forward action');
  if (a.TargetGroupArn !== undefined) {
    const arn = targetGroupFor(world, lb, a.TargetGroupArn);
    if (weighted.length && (weighted.length !== 1 || weighted[0].TargetGroupArn !== arn)) {
      throw validationError('You cannot specify both a target group ARN and a forward config with different target groups');
    }
    if (!weighted.length) weighted.push({ TargetGroupArn: arn, Weight: 1 });
  }
  if (weighted.length > 0 && weighted.every((g) => g.Weight === 0)) throw validationError('At least one target group in a forward action must have a weight greater than 0');
  const stickiness = config?.TargetGroupStickinessConfig;
  return {
    Type: 'forward',
    ...(weighted.length === 1 ? { TargetGroupArn: weighted[0].TargetGroupArn } : {}),
    ForwardConfig: {
      TargetGroups: weighted,
      TargetGroupStickinessConfig: { Enabled: stickiness?.Enabled === true, ...(typeof stickiness?.DurationSeconds === 'number' ? { DurationSeconds: stickiness.DurationSeconds } : {}) },
    },
  };
}

/** Checks and normalises an action list (DefaultActions, or a rule's Actions). */
export function validateActions(world: World, lb: LoadBalancer, raw: unknown, field = 'DefaultActions'): Action[] {
  if (!Array.isArray(raw) || raw.length === 0) throw validationError(`1 validation error detected: Value null at '${field.charAt(0).toLowerCase()}${field.slice(1)}' failed to satisfy constraint: Member must not be null`);
  if (raw.length > 1) throw validationError('Only one action can be specified: authentication actions, which would precede it, are not modelled by the simulator');
  return raw.map((a: Record<string, unknown>, i) => {
    const type = a?.Type;
    if (type === 'forward') return forwardAction(world, lb, a, i + 1);
    if (type === 'fixed-response' || type === 'redirect') {
      if (lb.Type !== 'application') throw validationError(`Action type '${type}' is supported only by Application Load Balancers`);
      if (type === 'redirect') {
        if (!a.RedirectConfig || typeof a.RedirectConfig !== 'object') throw validationError('A redirect config must be specified for a redirect action');
        return { Type: 'redirect', RedirectConfig: structuredClone(a.RedirectConfig) } as Action;
      }
      const config = (a.FixedResponseConfig ?? {}) as { StatusCode?: unknown; ContentType?: unknown; MessageBody?: unknown };
      const code = String(config.StatusCode ?? '');
      if (!/^(2|4|5)\d\d$/.test(code)) {
        throw validationError(`1 validation error detected: Value '${code}' at 'actions.${i + 1}.member.fixedResponseConfig.statusCode' failed to satisfy constraint: Member must satisfy regular expression pattern: ^(2|4|5)\\d\\d$`);
      }
      if (config.ContentType !== undefined && !CONTENT_TYPES.includes(String(config.ContentType))) {
        throw new AwsError('InvalidLoadBalancerActionException', `The ContentType must be one of: ${CONTENT_TYPES.map((c) => `'${c}'`).join(', ')}`);
      }
      return {
        Type: 'fixed-response',
        FixedResponseConfig: { StatusCode: code, ...(config.ContentType !== undefined ? { ContentType: String(config.ContentType) } : {}), ...(config.MessageBody !== undefined ? { MessageBody: String(config.MessageBody) } : {}) },
      };
    }
    if (typeof type === 'string' && type.startsWith('authenticate-')) throw validationError(`Action type '${type}' is not modelled by the simulator`);
    throw validationError(`1 validation error detected: Value '${String(type)}' at '${field.charAt(0).toLowerCase()}${field.slice(1)}.${i + 1}.member.type' failed to satisfy constraint: Member must satisfy enum value set: [forward, authenticate-oidc, authenticate-cognito, redirect, fixed-response]`);
  });
}
