/**
 * CreateTargetGroup, DescribeTargetGroups, ModifyTargetGroup, DeleteTargetGroup and the target
 * group attributes (DescribeTargetGroupAttributes, ModifyTargetGroupAttributes).
 *
 * AWS facts followed: names as for load balancers (32 characters, alphanumerics and hyphens);
 * instance and ip target groups need Protocol, Port and VpcId; CreateTargetGroup is idempotent
 * for the same settings and fails with DuplicateTargetGroupName otherwise; a group a listener or
 * rule uses cannot be deleted (ResourceInUse); deregistration_delay.timeout_seconds defaults to
 * 300 and ranges 0-3600. Lambda and alb target types and GENEVE are not modelled.
 */
import type { Simulation } from '../../simulation';
import type { TargetGroup, TargetGroupProtocol } from '../../world/elb-types';
import { AwsError } from '../errors';
import type { Input } from '../validate';
import { isInUse, loadBalancersUsing } from '../../control/elb/usage';
import { getLoadBalancer, getTargetGroup, intInRange, list, newTargetGroupArn, oneOf, requireStr, str, strings, tagsOf, targetGroupNotFound, validateElbName, validationError } from './common';
import { applyHealthCheckInput, isAlbProtocol } from './health-check-settings';
import { targetGroupOutput } from './shapes';
import { markTargetGroupChanged } from '../../control/services/changes';
import { wakeAllParkedTargets } from '../../control/elb/parking';

const PROTOCOLS = ['HTTP', 'HTTPS', 'TCP', 'TLS', 'UDP', 'TCP_UDP'] as const;

/** Default attributes (ALB and NLB user guides, "Target group attributes"). */
function defaultAttributes(protocol: TargetGroupProtocol): Record<string, string> {
  const common = { 'deregistration_delay.timeout_seconds': '300', 'stickiness.enabled': 'false' };
  if (isAlbProtocol(protocol)) {
    return {
      ...common,
      'stickiness.type': 'lb_cookie',
      'stickiness.lb_cookie.duration_seconds': '86400',
      'slow_start.duration_seconds': '0',
      'load_balancing.algorithm.type': 'round_robin',
      'load_balancing.cross_zone.enabled': 'use_load_balancer_configuration',
    };
  }
  return { ...common, 'stickiness.type': 'source_ip', 'deregistration_delay.connection_termination.enabled': 'false', 'proxy_protocol_v2.enabled': 'false' };
}

/** Attributes that may be set though they have no default (stored as given). */
const EXTRA_ATTRIBUTE_KEYS = ['stickiness.app_cookie.cookie_name', 'stickiness.app_cookie.duration_seconds', 'preserve_client_ip.enabled', 'load_balancing.algorithm.anomaly_mitigation'];

export function createTargetGroup(sim: Simulation, input: Input) {
  const world = sim.world;
  const name = requireStr(input, 'Name');
  validateElbName('Target group', name);
  const TargetType = str(input, 'TargetType') ?? 'instance';
  if (TargetType !== 'instance' && TargetType !== 'ip') {
    if (TargetType === 'lambda' || TargetType === 'alb') throw validationError(`Target type '${TargetType}' is not modelled by the simulator; use 'instance' or 'ip'`);
    throw validationError(`1 validation error detected: Value '${TargetType}' at 'targetType' failed to satisfy constraint: Member must satisfy enum value set: [instance, ip, lambda, alb]`);
  }
  if (input.Protocol === undefined || input.Protocol === null) throw validationError('A protocol must be specified');
  if (input.Protocol === 'GENEVE') throw validationError('GENEVE target groups (Gateway Load Balancers) are not modelled by the simulator');
  const Protocol = oneOf(input, 'Protocol', PROTOCOLS, 'protocol')!;
  if (input.Port === undefined || input.Port === null) throw validationError('A port must be specified');
  const Port = intInRange(input, 'Port', 1, 65535, 'port')!;
  const VpcId = str(input, 'VpcId');
  if (!VpcId) throw validationError('A VPC ID must be specified');
  if (!world.vpcs[VpcId]) throw validationError(`The VPC ID '${VpcId}' is not found`);
  const ProtocolVersion = isAlbProtocol(Protocol) ? (oneOf(input, 'ProtocolVersion', ['HTTP1', 'HTTP2', 'GRPC'] as const, 'protocolVersion') ?? 'HTTP1') : undefined;
  const health = applyHealthCheckInput(Protocol, undefined, input);

  const existing = Object.values(world.targetGroups).find((tg) => tg.TargetGroupName === name);
  if (existing) {
    const same = existing.Protocol === Protocol && existing.Port === Port && existing.VpcId === VpcId && existing.TargetType === TargetType &&
      (Object.keys(health) as (keyof typeof health)[]).every((k) => JSON.stringify(existing[k]) === JSON.stringify(health[k]));
    if (same) return { TargetGroups: [targetGroupOutput(sim, existing)] };
    throw new AwsError('DuplicateTargetGroupNameException', `A target group with the same name '${name}' exists, but with different settings`);
  }
  const tg: TargetGroup = {
    TargetGroupArn: newTargetGroupArn(sim, name),
    TargetGroupName: name,
    Protocol,
    Port,
    VpcId,
    TargetType,
    ...(ProtocolVersion ? { ProtocolVersion } : {}),
    IpAddressType: 'ipv4',
    ...health,
    attributes: defaultAttributes(Protocol),
    targets: {},
    nextGeneration: 1,
    Tags: tagsOf(input),
  };
  world.targetGroups[tg.TargetGroupArn] = tg;
  sim.emit({
    source: 'elbv2',
    kind: 'elb.targetGroup.created',
    resource: tg.TargetGroupArn,
    message: `Created target group ${name} (${Protocol}:${Port}, ${TargetType} targets); health checks ${tg.HealthCheckProtocol}${tg.HealthCheckPath ? ` ${tg.HealthCheckPath}` : ''} every ${tg.HealthCheckIntervalSeconds} s, healthy after ${tg.HealthyThresholdCount}, unhealthy after ${tg.UnhealthyThresholdCount}.`,
  });
  return { TargetGroups: [targetGroupOutput(sim, tg)] };
}

export function describeTargetGroups(sim: Simulation, input: Input) {
  const world = sim.world;
  const arns = strings(input, 'TargetGroupArns');
  const names = strings(input, 'Names');
  const lbArn = str(input, 'LoadBalancerArn');
  let found: TargetGroup[];
  if (arns?.length) {
    found = arns.map((a) => world.targetGroups[a]);
  } else if (names?.length) {
    found = names.map((n) => Object.values(world.targetGroups).find((tg) => tg.TargetGroupName === n)!);
  } else if (lbArn) {
    getLoadBalancer(world, lbArn);
    found = Object.values(world.targetGroups).filter((tg) => loadBalancersUsing(world, tg.TargetGroupArn).includes(lbArn));
  } else {
    found = Object.values(world.targetGroups);
  }
  if (found.some((tg) => !tg)) throw targetGroupNotFound();
  if (!arns?.length && !names?.length) found.sort((a, b) => (a.TargetGroupName < b.TargetGroupName ? -1 : 1));
  return { TargetGroups: found.map((tg) => targetGroupOutput(sim, tg)) };
}

export function modifyTargetGroup(sim: Simulation, input: Input) {
  const tg = getTargetGroup(sim.world, requireStr(input, 'TargetGroupArn'));
  const settings = applyHealthCheckInput(tg.Protocol, tg, input);
  wakeAllParkedTargets(sim); // parked checks resume on the old settings, as checks already scheduled do
  Object.assign(tg, settings);
  if (!settings.HealthCheckPath) delete tg.HealthCheckPath;
  if (!settings.Matcher) delete tg.Matcher;
  sim.emit({
    source: 'elbv2',
    kind: 'elb.targetGroup.modified',
    resource: tg.TargetGroupArn,
    message: `Modified the health checks of target group ${tg.TargetGroupName}: ${tg.HealthCheckProtocol} every ${tg.HealthCheckIntervalSeconds} s, timeout ${tg.HealthCheckTimeoutSeconds} s, healthy after ${tg.HealthyThresholdCount}, unhealthy after ${tg.UnhealthyThresholdCount}.`,
  });
  return { TargetGroups: [targetGroupOutput(sim, tg)] };
}

export function deleteTargetGroup(sim: Simulation, input: Input) {
  const arn = requireStr(input, 'TargetGroupArn');
  const tg = getTargetGroup(sim.world, arn);
  if (isInUse(sim.world, arn)) throw new AwsError('ResourceInUseException', `Target group '${arn}' is currently in use by a listener or a rule`);
  delete sim.world.targetGroups[arn];
  markTargetGroupChanged(sim.world, arn);
  // Targets still draining are gone with the group: tell whoever waits for them now.
  for (const t of Object.values(tg.targets)) if (t.onDrained) sim.schedule(0, t.onDrained);
  sim.emit({ source: 'elbv2', kind: 'elb.targetGroup.deleted', resource: arn, message: `Deleted target group ${tg.TargetGroupName}.` });
  return {};
}

const attributesOutput = (tg: TargetGroup) => ({ Attributes: Object.entries(tg.attributes).sort(([a], [b]) => (a < b ? -1 : 1)).map(([Key, Value]) => ({ Key, Value })) });

export function describeTargetGroupAttributes(sim: Simulation, input: Input) {
  return attributesOutput(getTargetGroup(sim.world, requireStr(input, 'TargetGroupArn')));
}

export function modifyTargetGroupAttributes(sim: Simulation, input: Input) {
  const tg = getTargetGroup(sim.world, requireStr(input, 'TargetGroupArn'));
  const attributes = list<{ Key?: unknown; Value?: unknown }>(input, 'Attributes');
  if (!attributes) throw validationError(`1 validation error detected: Value null at 'attributes' failed to satisfy constraint: Member must not be null`);
  const known = new Set([...Object.keys(defaultAttributes(tg.Protocol)), ...EXTRA_ATTRIBUTE_KEYS]);
  const next = { ...tg.attributes };
  for (const a of attributes) {
    const key = String(a?.Key ?? '');
    const value = String(a?.Value ?? '');
    if (!known.has(key)) throw validationError(`Target group attribute key '${key}' is not recognized`);
    if (key === 'deregistration_delay.timeout_seconds' && !(/^\d+$/.test(value) && Number(value) <= 3600)) {
      throw validationError(`'${key}' value must be between '0' and '3600'`);
    }
    if (key.endsWith('.enabled') && key !== 'load_balancing.cross_zone.enabled' && value !== 'true' && value !== 'false') throw validationError(`'${key}' must be 'true' or 'false'`);
    next[key] = value;
  }
  tg.attributes = next;
  sim.emit({
    source: 'elbv2',
    kind: 'elb.targetGroup.attributes',
    resource: tg.TargetGroupArn,
    message: `Modified attributes of target group ${tg.TargetGroupName}: ${attributes.map((a) => `${String(a?.Key)}=${String(a?.Value)}`).join(', ')}.`,
  });
  return attributesOutput(tg);
}
