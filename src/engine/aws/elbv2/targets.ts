/**
 * RegisterTargets, DeregisterTargets, DescribeTargetHealth. The health state machine lives in
 * control/elb/health.ts; these check the input and call it.
 *
 * AWS facts followed: an instance target must be a running instance in the target group's VPC
 * ("The following targets are not in a running state and cannot be registered"), an ip target an
 * IPv4 address inside the VPC's CIDR; the port defaults to the target group's. DescribeTargetHealth
 * of a target that is not registered answers `unused` / Target.NotRegistered.
 */
import type { TargetHealth, TargetHealthDescription } from '@aws-sdk/client-elastic-load-balancing-v2';
import type { Simulation } from '../../simulation';
import type { TargetGroup } from '../../world/elb-types';
import type { World } from '../../world/types';
import { AwsError } from '../errors';
import type { Input } from '../validate';
import { deregisterTarget, healthCheckPortFor, registerTarget, targetHealth, targetKey, type TargetInput } from '../../control/elb/health';
import { healthCheckPortOf } from '../../control/elb/probe';
import { getTargetGroup, list, requireStr, validationError } from './common';

function ipv4ToInt(ip: string): number | undefined {
  const parts = ip.split('.');
  if (parts.length !== 4 || parts.some((p) => !/^\d{1,3}$/.test(p) || Number(p) > 255)) return undefined;
  return parts.reduce((n, p) => n * 256 + Number(p), 0);
}

function inCidr(ip: string, cidr: string): boolean {
  const [base, bits] = cidr.split('/');
  const a = ipv4ToInt(ip);
  const b = ipv4ToInt(base);
  if (a === undefined || b === undefined) return false;
  const size = 2 ** (32 - Number(bits));
  return Math.floor(a / size) === Math.floor(b / size);
}

function targetsOf(input: Input, required: boolean): TargetInput[] | undefined {
  const raw = list<{ Id?: unknown; Port?: unknown; AvailabilityZone?: unknown }>(input, 'Targets');
  if (!raw) {
    if (required) throw validationError(`1 validation error detected: Value null at 'targets' failed to satisfy constraint: Member must not be null`);
    return undefined;
  }
  return raw.map((t, i) => {
    if (typeof t?.Id !== 'string' || !t.Id) throw validationError(`1 validation error detected: Value null at 'targets.${i + 1}.member.id' failed to satisfy constraint: Member must not be null`);
    if (t.Port !== undefined && (typeof t.Port !== 'number' || !Number.isInteger(t.Port) || t.Port < 1 || t.Port > 65535)) {
      throw validationError(`1 validation error detected: Value '${String(t.Port)}' at 'targets.${i + 1}.member.port' failed to satisfy constraint: Member must have value between 1 and 65535`);
    }
    return { Id: t.Id, ...(t.Port !== undefined ? { Port: t.Port as number } : {}), ...(typeof t.AvailabilityZone === 'string' ? { AvailabilityZone: t.AvailabilityZone } : {}) };
  });
}

function checkTargets(world: World, tg: TargetGroup, targets: TargetInput[]): void {
  if (tg.TargetType === 'instance') {
    const unknown = targets.filter((t) => !world.instances[t.Id]);
    if (unknown.length) throw new AwsError('InvalidTargetException', `The following targets are not valid instances: ${unknown.map((t) => `'${t.Id}'`).join(', ')}`);
    const notRunning = targets.filter((t) => world.instances[t.Id].State.Name !== 'running');
    if (notRunning.length) throw new AwsError('InvalidTargetException', `The following targets are not in a running state and cannot be registered: ${notRunning.map((t) => `'${t.Id}'`).join(', ')}`);
    const otherVpc = targets.filter((t) => world.instances[t.Id].VpcId !== tg.VpcId);
    if (otherVpc.length) throw new AwsError('InvalidTargetException', `The following targets are not in the target group VPC '${tg.VpcId}': ${otherVpc.map((t) => `'${t.Id}'`).join(', ')}`);
    return;
  }
  const cidr = world.vpcs[tg.VpcId]?.CidrBlock;
  for (const t of targets) {
    if (ipv4ToInt(t.Id) === undefined) throw validationError(`The IP address '${t.Id}' is not a valid IPv4 address`);
    if (cidr && !inCidr(t.Id, cidr)) throw new AwsError('InvalidTargetException', `The IP address '${t.Id}' is not within the CIDR block of the target group's VPC '${tg.VpcId}' (${cidr})`);
  }
}

export function registerTargets(sim: Simulation, input: Input) {
  const arn = requireStr(input, 'TargetGroupArn');
  const tg = getTargetGroup(sim.world, arn);
  const targets = targetsOf(input, true)!;
  checkTargets(sim.world, tg, targets);
  for (const t of targets) {
    const AvailabilityZone = t.AvailabilityZone ?? (tg.TargetType === 'instance' ? sim.world.instances[t.Id]?.Placement.AvailabilityZone : undefined);
    registerTarget(sim, arn, { ...t, ...(AvailabilityZone ? { AvailabilityZone } : {}) });
  }
  return {};
}

export function deregisterTargets(sim: Simulation, input: Input) {
  const arn = requireStr(input, 'TargetGroupArn');
  const tg = getTargetGroup(sim.world, arn);
  const targets = targetsOf(input, true)!;
  const missing = targets.filter((t) => !tg.targets[targetKey(t.Id, t.Port ?? tg.Port)]);
  if (missing.length) {
    throw new AwsError('InvalidTargetException', `The following targets are not registered in target group '${tg.TargetGroupName}': ${missing.map((t) => `'${t.Id}:${t.Port ?? tg.Port}'`).join(', ')}`);
  }
  for (const t of targets) deregisterTarget(sim, arn, t);
  return {};
}

export function describeTargetHealth(sim: Simulation, input: Input) {
  const arn = requireStr(input, 'TargetGroupArn');
  const tg = getTargetGroup(sim.world, arn);
  const asked = targetsOf(input, false);
  const targets = asked ?? Object.values(tg.targets).map((t) => ({ Id: t.Id, Port: t.Port, ...(t.AvailabilityZone ? { AvailabilityZone: t.AvailabilityZone } : {}) }));
  const TargetHealthDescriptions: TargetHealthDescription[] = targets.map((t) => {
    const Port = t.Port ?? tg.Port;
    const registered = tg.targets[targetKey(t.Id, Port)];
    return {
      Target: { Id: t.Id, Port, ...(registered?.AvailabilityZone ? { AvailabilityZone: registered.AvailabilityZone } : {}) },
      HealthCheckPort: registered ? healthCheckPortFor(tg, registered) : String(healthCheckPortOf(tg, { Port })),
      TargetHealth: targetHealth(sim.world, arn, { Id: t.Id, Port }) as TargetHealth,
    };
  });
  return { TargetHealthDescriptions };
}
