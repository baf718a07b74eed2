/**
 * CreateListener, DescribeListeners, ModifyListener, DeleteListener.
 *
 * AWS facts followed: ALB listeners are HTTP or HTTPS, NLB listeners TCP, TLS, UDP or TCP_UDP;
 * ports 1-65535, one listener per port and load balancer (DuplicateListener "A listener already
 * exists on this port for this load balancer 'ARN'"); HTTPS and TLS listeners need a certificate
 * and get the ELBSecurityPolicy-2016-08 policy by default; deleting a listener deletes its rules.
 * Listeners may be created while the load balancer is still provisioning.
 */
import type { Simulation } from '../../simulation';
import type { Listener, LoadBalancer } from '../../world/elb-types';
import { AwsError } from '../errors';
import type { Input } from '../validate';
import { refreshTargetGroupUse } from '../../control/elb/health';
import { forwardedTargetGroups } from '../../control/elb/usage';
import { getListener, getLoadBalancer, intInRange, list, listenerNotFound, newListenerArn, newRuleArn, requireStr, str, strings, validationError } from './common';
import { validateActions } from './actions';
import { listenerOutput } from './shapes';

const ALB_PROTOCOLS = ['HTTP', 'HTTPS'];
const NLB_PROTOCOLS = ['TCP', 'TLS', 'UDP', 'TCP_UDP'];
const DEFAULT_SSL_POLICY = 'ELBSecurityPolicy-2016-08';

function protocolFor(lb: LoadBalancer, value: string): string {
  const allowed = lb.Type === 'application' ? ALB_PROTOCOLS : NLB_PROTOCOLS;
  if (!allowed.includes(value)) throw validationError(`Listener protocol '${value}' must be one of '${[...allowed].reverse().join(', ')}'`);
  return value;
}

function certificatesOf(input: Input, protocol: string): { CertificateArn?: string }[] | undefined {
  const certs = list<{ CertificateArn?: unknown }>(input, 'Certificates')?.map((c) => ({ CertificateArn: String(c?.CertificateArn ?? '') }));
  if ((protocol === 'HTTPS' || protocol === 'TLS') && !certs?.length) throw new AwsError('CertificateNotFoundException', `A certificate must be specified for ${protocol} listeners`);
  return certs;
}

function refreshAll(sim: Simulation, arns: Iterable<string>): void {
  for (const arn of [...new Set(arns)].sort()) refreshTargetGroupUse(sim, arn);
}

function ensurePortFree(sim: Simulation, lb: LoadBalancer, port: number, except?: string): void {
  const taken = Object.values(sim.world.listeners).some((l) => l.LoadBalancerArn === lb.LoadBalancerArn && l.Port === port && l.ListenerArn !== except);
  if (taken) throw new AwsError('DuplicateListenerException', `A listener already exists on this port for this load balancer '${lb.LoadBalancerArn}'`);
}

export function createListener(sim: Simulation, input: Input) {
  const world = sim.world;
  const lb = getLoadBalancer(world, requireStr(input, 'LoadBalancerArn'));
  const rawProtocol = str(input, 'Protocol');
  if (!rawProtocol) throw validationError('A listener protocol must be specified');
  const Protocol = protocolFor(lb, rawProtocol);
  if (input.Port === undefined || input.Port === null) throw validationError('A listener port must be specified');
  const Port = intInRange(input, 'Port', 1, 65535, 'port')!;
  const Certificates = certificatesOf(input, Protocol);
  const DefaultActions = validateActions(world, lb, input.DefaultActions);
  ensurePortFree(sim, lb, Port);
  const ListenerArn = newListenerArn(sim, lb.LoadBalancerArn);
  const listener: Listener = {
    ListenerArn,
    LoadBalancerArn: lb.LoadBalancerArn,
    Port,
    Protocol,
    DefaultActions,
    ...(Certificates ? { Certificates } : {}),
    ...(Protocol === 'HTTPS' || Protocol === 'TLS' ? { SslPolicy: str(input, 'SslPolicy') ?? DEFAULT_SSL_POLICY } : {}),
    defaultRuleArn: newRuleArn(sim, ListenerArn),
  };
  world.listeners[ListenerArn] = listener;
  sim.emit({ source: 'elbv2', kind: 'elb.listener.created', resource: ListenerArn, message: `Created ${Protocol}:${Port} listener on load balancer ${lb.LoadBalancerName}; default action: ${describeActions(sim, DefaultActions)}.` });
  refreshAll(sim, forwardedTargetGroups(DefaultActions));
  return { Listeners: [listenerOutput(listener)] };
}

/** "forward to web-tg", "forward to blue (90) and green (10)", "fixed-response 404". */
export function describeActions(sim: Simulation, actions: Listener['DefaultActions']): string {
  return actions
    .map((a) => {
      if (a.Type === 'fixed-response') return `fixed-response ${a.FixedResponseConfig?.StatusCode}`;
      if (a.Type === 'redirect') return 'redirect';
      const groups = a.ForwardConfig?.TargetGroups ?? [];
      const name = (arn?: string) => sim.world.targetGroups[arn ?? '']?.TargetGroupName ?? arn;
      if (groups.length <= 1) return `forward to ${name(a.TargetGroupArn ?? groups[0]?.TargetGroupArn)}`;
      return `forward to ${groups.map((g) => `${name(g.TargetGroupArn)} (weight ${g.Weight})`).join(' and ')}`;
    })
    .join(', ');
}

export function describeListeners(sim: Simulation, input: Input) {
  const world = sim.world;
  const arns = strings(input, 'ListenerArns');
  const lbArn = str(input, 'LoadBalancerArn');
  if (arns?.length && lbArn) throw validationError('Listener ARNs and a load balancer ARN cannot be specified at the same time');
  if (!arns?.length && !lbArn) throw validationError('You must specify either listener ARNs or a load balancer ARN');
  let found: Listener[];
  if (arns?.length) {
    found = arns.map((a) => world.listeners[a]);
    if (found.some((l) => !l)) throw listenerNotFound();
  } else {
    getLoadBalancer(world, lbArn!);
    found = Object.values(world.listeners).filter((l) => l.LoadBalancerArn === lbArn).sort((a, b) => a.Port - b.Port);
  }
  return { Listeners: found.map(listenerOutput) };
}

export function modifyListener(sim: Simulation, input: Input) {
  const world = sim.world;
  const listener = getListener(world, requireStr(input, 'ListenerArn'));
  const lb = getLoadBalancer(world, listener.LoadBalancerArn);
  const Protocol = str(input, 'Protocol') !== undefined ? protocolFor(lb, str(input, 'Protocol')!) : listener.Protocol;
  const Port = intInRange(input, 'Port', 1, 65535, 'port') ?? listener.Port;
  const Certificates = input.Certificates !== undefined ? certificatesOf(input, Protocol) : listener.Certificates;
  if ((Protocol === 'HTTPS' || Protocol === 'TLS') && !Certificates?.length) throw new AwsError('CertificateNotFoundException', `A certificate must be specified for ${Protocol} listeners`);
  const DefaultActions = input.DefaultActions !== undefined ? validateActions(world, lb, input.DefaultActions) : listener.DefaultActions;
  ensurePortFree(sim, lb, Port, listener.ListenerArn);
  const before = forwardedTargetGroups(listener.DefaultActions);
  Object.assign(listener, { Protocol, Port, DefaultActions, ...(Certificates ? { Certificates } : {}) });
  if (Protocol === 'HTTPS' || Protocol === 'TLS') listener.SslPolicy = str(input, 'SslPolicy') ?? listener.SslPolicy ?? DEFAULT_SSL_POLICY;
  else {
    delete listener.SslPolicy;
    delete listener.Certificates;
  }
  sim.emit({ source: 'elbv2', kind: 'elb.listener.modified', resource: listener.ListenerArn, message: `Modified listener ${Protocol}:${Port} of load balancer ${lb.LoadBalancerName}; default action: ${describeActions(sim, DefaultActions)}.` });
  refreshAll(sim, [...before, ...forwardedTargetGroups(DefaultActions)]);
  return { Listeners: [listenerOutput(listener)] };
}

export function deleteListener(sim: Simulation, input: Input) {
  const world = sim.world;
  const listener = getListener(world, requireStr(input, 'ListenerArn'));
  const groups = forwardedTargetGroups(listener.DefaultActions);
  for (const r of Object.values(world.listenerRules)) {
    if (r.ListenerArn !== listener.ListenerArn) continue;
    groups.push(...forwardedTargetGroups(r.Actions));
    delete world.listenerRules[r.RuleArn];
  }
  delete world.listeners[listener.ListenerArn];
  const lbName = world.loadBalancers[listener.LoadBalancerArn]?.LoadBalancerName ?? listener.LoadBalancerArn;
  sim.emit({ source: 'elbv2', kind: 'elb.listener.deleted', resource: listener.ListenerArn, message: `Deleted listener ${listener.Protocol}:${listener.Port} of load balancer ${lbName} and its rules.` });
  refreshAll(sim, groups);
  return {};
}
