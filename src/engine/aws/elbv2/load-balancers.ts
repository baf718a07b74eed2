/**
 * CreateLoadBalancer, DescribeLoadBalancers, DeleteLoadBalancer (Application and Network Load
 * Balancers).
 *
 * AWS facts followed: an ALB needs subnets in at least two Availability Zones (ValidationError "At
 * least two subnets in two different Availability Zones must be specified"), at most one subnet
 * per AZ (InvalidConfigurationRequest "A load balancer cannot be attached to multiple subnets in
 * the same Availability Zone"); CreateLoadBalancer is idempotent: the same name with the same
 * settings returns the existing load balancer, with other settings it fails with
 * DuplicateLoadBalancerName. A new load balancer is `provisioning`, then `active`
 * (control/elb/provisioning.ts). DeleteLoadBalancer also deletes its listeners and rules, leaves
 * the target groups, and succeeds for a load balancer that is already gone.
 *
 * Choices: security groups are not modelled; an ALB given none gets its VPC's default security
 * group id (as AWS does), an NLB keeps none.
 */
import type { Simulation } from '../../simulation';
import type { LoadBalancer, LoadBalancerType } from '../../world/elb-types';
import { stableHex } from '../../world/create';
import { AwsError } from '../errors';
import type { Input } from '../validate';
import { scheduleActivation } from '../../control/elb/provisioning';
import { refreshTargetGroupUse } from '../../control/elb/health';
import { targetGroupsOfLoadBalancer } from '../../control/elb/usage';
import { loadBalancerNotFound, newLoadBalancerArn, oneOf, requireStr, strings, list, tagsOf, validateElbName, validationError } from './common';
import { loadBalancerOutput } from './shapes';

/** Route 53 hosted zone ids of ELB DNS names (ELB endpoints table); other regions use us-east-1's. */
const HOSTED_ZONES: Record<string, { application: string; network: string }> = {
  'us-east-1': { application: 'Z35SXDOTRQ7X7K', network: 'Z26RNL4JYFTOTI' },
  'us-east-2': { application: 'Z3AADJGX6KTTL2', network: 'ZLMOA37VPKANP' },
  'us-west-2': { application: 'Z1H1FL5HABSF5', network: 'Z18D5FSROUN65G' },
  'eu-west-1': { application: 'Z32O12XQLNTSW2', network: 'Z2IFOLAFXWLO4F' },
};

function subnetsOf(sim: Simulation, input: Input): string[] {
  const plain = strings(input, 'Subnets') ?? [];
  const mapped = (list<{ SubnetId?: unknown }>(input, 'SubnetMappings') ?? []).map((m) => String(m?.SubnetId ?? ''));
  if (plain.length && mapped.length) throw validationError('You can specify subnets or subnet mappings, not both');
  const ids = plain.length ? plain : mapped;
  for (const id of ids) {
    if (!sim.world.subnets[id]) throw new AwsError('SubnetNotFoundException', `The subnet ID '${id}' is not valid`);
  }
  return ids;
}

function dnsName(sim: Simulation, type: LoadBalancerType, name: string, scheme: string): string {
  const region = sim.world.region;
  const prefix = scheme === 'internal' ? 'internal-' : '';
  if (type === 'network') return `${prefix}${name}-${sim.random.hex(16)}.elb.${region}.amazonaws.com`;
  const digits = String(1_000_000_000 + sim.random.int(9_000_000_000));
  return `${prefix}${name}-${digits}.${region}.elb.amazonaws.com`;
}

const sameSettings = (a: LoadBalancer, b: Pick<LoadBalancer, 'Type' | 'Scheme' | 'IpAddressType' | 'AvailabilityZones' | 'SecurityGroups'>) =>
  a.Type === b.Type &&
  a.Scheme === b.Scheme &&
  a.IpAddressType === b.IpAddressType &&
  JSON.stringify(a.AvailabilityZones.map((z) => z.SubnetId).sort()) === JSON.stringify(b.AvailabilityZones.map((z) => z.SubnetId).sort()) &&
  JSON.stringify([...a.SecurityGroups].sort()) === JSON.stringify([...b.SecurityGroups].sort());

export function createLoadBalancer(sim: Simulation, input: Input) {
  const world = sim.world;
  const name = requireStr(input, 'Name');
  validateElbName('Load balancer', name);
  const Type = oneOf(input, 'Type', ['application', 'network'] as const, 'type') ?? 'application';
  const Scheme = oneOf(input, 'Scheme', ['internet-facing', 'internal'] as const, 'scheme') ?? 'internet-facing';
  const IpAddressType = oneOf(input, 'IpAddressType', ['ipv4', 'dualstack'] as const, 'ipAddressType') ?? 'ipv4';
  const subnetIds = subnetsOf(sim, input);
  const zones = subnetIds.map((id) => ({ ZoneName: world.subnets[id].AvailabilityZone, SubnetId: id }));
  const distinctZones = new Set(zones.map((z) => z.ZoneName));
  if (distinctZones.size !== zones.length) throw new AwsError('InvalidConfigurationRequestException', 'A load balancer cannot be attached to multiple subnets in the same Availability Zone');
  if (Type === 'application' && distinctZones.size < 2) throw validationError('At least two subnets in two different Availability Zones must be specified');
  if (Type === 'network' && distinctZones.size < 1) throw validationError('At least one subnet must be specified');
  const vpcs = new Set(subnetIds.map((id) => world.subnets[id].VpcId));
  if (vpcs.size > 1) throw new AwsError('InvalidConfigurationRequestException', 'The subnets must all be in the same VPC');
  const VpcId = [...vpcs][0];
  const given = strings(input, 'SecurityGroups');
  const SecurityGroups = given ?? (Type === 'application' ? [`sg-${stableHex(`${VpcId}/default-security-group`, 17)}`] : []);
  zones.sort((a, b) => (a.ZoneName < b.ZoneName ? -1 : 1));

  const existing = Object.values(world.loadBalancers).find((lb) => lb.LoadBalancerName === name);
  if (existing) {
    if (sameSettings(existing, { Type, Scheme, IpAddressType, AvailabilityZones: zones, SecurityGroups })) return { LoadBalancers: [loadBalancerOutput(sim, existing)] };
    throw new AwsError('DuplicateLoadBalancerNameException', `A load balancer with the same name '${name}' exists, but with different settings`);
  }

  const lb: LoadBalancer = {
    LoadBalancerArn: newLoadBalancerArn(sim, Type, name),
    LoadBalancerName: name,
    DNSName: dnsName(sim, Type, name, Scheme),
    CanonicalHostedZoneId: (HOSTED_ZONES[world.region] ?? HOSTED_ZONES['us-east-1'])[Type],
    CreatedTime: sim.now,
    Scheme,
    VpcId,
    State: { Code: 'provisioning' },
    Type,
    AvailabilityZones: zones,
    SecurityGroups,
    IpAddressType,
    Tags: tagsOf(input),
  };
  world.loadBalancers[lb.LoadBalancerArn] = lb;
  const delay = scheduleActivation(sim, lb.LoadBalancerArn);
  sim.emit({
    source: 'elbv2',
    kind: 'elb.loadBalancer.created',
    resource: lb.LoadBalancerArn,
    message: `Created ${Type === 'application' ? 'Application' : 'Network'} Load Balancer ${name} (${Scheme}) in ${zones.map((z) => z.ZoneName).join(', ')}; it is provisioning and will be active in about ${delay} seconds.`,
  });
  return { LoadBalancers: [loadBalancerOutput(sim, lb)] };
}

export function describeLoadBalancers(sim: Simulation, input: Input) {
  const world = sim.world;
  const arns = strings(input, 'LoadBalancerArns');
  const names = strings(input, 'Names');
  if (arns?.length && names?.length) throw validationError('Load balancer names and load balancer ARNs cannot be specified at the same time');
  let found = Object.values(world.loadBalancers);
  if (arns?.length) {
    found = arns.map((a) => world.loadBalancers[a]);
    if (found.some((lb) => !lb)) throw loadBalancerNotFound();
  } else if (names?.length) {
    found = names.map((n) => Object.values(world.loadBalancers).find((lb) => lb.LoadBalancerName === n)!);
    if (found.some((lb) => !lb)) throw loadBalancerNotFound();
  } else {
    found.sort((a, b) => (a.LoadBalancerName < b.LoadBalancerName ? -1 : 1));
  }
  return { LoadBalancers: found.map((lb) => loadBalancerOutput(sim, lb)) };
}

export function deleteLoadBalancer(sim: Simulation, input: Input) {
  const world = sim.world;
  const arn = requireStr(input, 'LoadBalancerArn');
  const lb = world.loadBalancers[arn];
  if (!lb) return {};
  const groups = targetGroupsOfLoadBalancer(world, arn);
  for (const l of Object.values(world.listeners)) {
    if (l.LoadBalancerArn !== arn) continue;
    for (const r of Object.values(world.listenerRules)) if (r.ListenerArn === l.ListenerArn) delete world.listenerRules[r.RuleArn];
    delete world.listeners[l.ListenerArn];
  }
  delete world.loadBalancers[arn];
  sim.emit({ source: 'elbv2', kind: 'elb.loadBalancer.deleted', resource: arn, message: `Deleted load balancer ${lb.LoadBalancerName} and its listeners.` });
  groups.forEach((tg) => refreshTargetGroupUse(sim, tg));
  return {};
}
