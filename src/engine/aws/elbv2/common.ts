/**
 * Shared pieces of the ELBv2 actions: errors, ARNs, lookups and input readers.
 *
 * Error codes: ELBv2 speaks the AWS Query protocol, whose wire codes are e.g. "DuplicateListener";
 * the SDK v3 raises them as DuplicateListenerException (the name we use, as DESIGN.md asks for
 * exception names). Request validation failures are "ValidationError", as on the wire (the SDK
 * has no class for it).
 */
import type { Simulation } from '../../simulation';
import type { World } from '../../world/types';
import type { Listener, ListenerRule, LoadBalancer, TargetGroup } from '../../world/elb-types';
import { arn } from '../../world/arn';
import { AwsError } from '../errors';
import { validationMessage, type Input } from '../validate';

export const validationError = (message: string) => new AwsError('ValidationError', message);

/** "1 validation error detected: Value '600' at 'healthCheckIntervalSeconds' failed to satisfy constraint: ..." */
export const invalidAt = (field: string, value: unknown, constraint: string) => validationError(validationMessage(field, value, constraint));

export const loadBalancerNotFound = () => new AwsError('LoadBalancerNotFoundException', 'One or more load balancers not found');
export const targetGroupNotFound = () => new AwsError('TargetGroupNotFoundException', 'One or more target groups not found');
export const listenerNotFound = () => new AwsError('ListenerNotFoundException', 'One or more listeners not found');
export const ruleNotFound = () => new AwsError('RuleNotFoundException', 'One or more rules not found');

const elbArn = (world: World, resource: string) => arn(world, 'elasticloadbalancing', resource);

export function newLoadBalancerArn(sim: Simulation, type: 'application' | 'network', name: string): string {
  return elbArn(sim.world, `loadbalancer/${type === 'application' ? 'app' : 'net'}/${name}/${sim.random.hex(16)}`);
}

export const newTargetGroupArn = (sim: Simulation, name: string) => elbArn(sim.world, `targetgroup/${name}/${sim.random.hex(16)}`);

/** listener/app/NAME/LBID/LISTENERID, from the load balancer's ARN. */
export const newListenerArn = (sim: Simulation, loadBalancerArn: string) =>
  `${loadBalancerArn.replace(':loadbalancer/', ':listener/')}/${sim.random.hex(16)}`;

/** listener-rule/app/NAME/LBID/LISTENERID/RULEID, from the listener's ARN. */
export const newRuleArn = (sim: Simulation, listenerArn: string) => `${listenerArn.replace(':listener/', ':listener-rule/')}/${sim.random.hex(16)}`;

export function getLoadBalancer(world: World, loadBalancerArn: string): LoadBalancer {
  const lb = world.loadBalancers[loadBalancerArn];
  if (!lb) throw loadBalancerNotFound();
  return lb;
}

export function getTargetGroup(world: World, targetGroupArn: string): TargetGroup {
  const tg = world.targetGroups[targetGroupArn];
  if (!tg) throw targetGroupNotFound();
  return tg;
}

export function getListener(world: World, listenerArn: string): Listener {
  const l = world.listeners[listenerArn];
  if (!l) throw listenerNotFound();
  return l;
}

export function getRule(world: World, ruleArn: string): ListenerRule {
  const r = world.listenerRules[ruleArn];
  if (!r) throw ruleNotFound();
  return r;
}

// ---------------------------------------------------------------- input readers (ValidationError)

export function requireField(input: Input, field: string): unknown {
  const v = input[field];
  if (v === undefined || v === null) throw invalidAt(field, v, 'Member must not be null');
  return v;
}

export function str(input: Input, field: string): string | undefined {
  const v = input[field];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw validationError(`Invalid type for parameter ${field}, value: ${JSON.stringify(v)}, valid types: string`);
  return v;
}

export function requireStr(input: Input, field: string): string {
  requireField(input, field);
  return str(input, field)!;
}

export function int(input: Input, field: string): number | undefined {
  const v = input[field];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v)) throw validationError(`Invalid type for parameter ${field}, value: ${JSON.stringify(v)}, valid types: integer`);
  return v;
}

export function intInRange(input: Input, field: string, min: number, max: number, apiName = field): number | undefined {
  const v = int(input, field);
  if (v === undefined) return undefined;
  if (v < min) throw invalidAt(apiName, v, `Member must have value greater than or equal to ${min}`);
  if (v > max) throw invalidAt(apiName, v, `Member must have value less than or equal to ${max}`);
  return v;
}

export function list<T = unknown>(input: Input, field: string): T[] | undefined {
  const v = input[field];
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v)) throw validationError(`Invalid type for parameter ${field}, value: ${JSON.stringify(v)}, valid types: list`);
  return v as T[];
}

export function strings(input: Input, field: string): string[] | undefined {
  const v = list(input, field);
  if (v && v.some((s) => typeof s !== 'string')) throw validationError(`Invalid type for parameter ${field}: every member must be a string`);
  return v as string[] | undefined;
}

export function oneOf<T extends string>(input: Input, field: string, allowed: readonly T[], apiName = field): T | undefined {
  const v = str(input, field);
  if (v === undefined) return undefined;
  if (!allowed.includes(v as T)) throw invalidAt(apiName, v, `Member must satisfy enum value set: [${allowed.join(', ')}]`);
  return v as T;
}

export function tagsOf(input: Input): { Key: string; Value?: string }[] {
  return (list<{ Key?: unknown; Value?: unknown }>(input, 'Tags') ?? []).map((t) => ({
    Key: String(t?.Key ?? ''),
    ...(t?.Value !== undefined ? { Value: String(t.Value) } : {}),
  }));
}

/**
 * Load balancer and target group names: at most 32 characters, alphanumerics and hyphens, not
 * beginning or ending with a hyphen (the ELB user guides' rules, in the API's error words).
 */
export function validateElbName(kind: 'Load balancer' | 'Target group', name: string): void {
  if (name.length === 0) throw validationError(`${kind} name cannot be empty`);
  if (name.length > 32) throw validationError(`${kind === 'Load balancer' ? 'The load balancer' : 'Target group'} name '${name}' cannot be longer than '32' characters`);
  if (!/^[A-Za-z0-9-]+$/.test(name)) throw validationError(`${kind} name '${name}' can only contain characters that are alphanumeric characters or hyphens(-)`);
  if (name.startsWith('-') || name.endsWith('-')) throw validationError(`${kind} name '${name}' cannot begin or end with '-'`);
  if (kind === 'Load balancer' && name.startsWith('internal-')) throw validationError(`Load balancer name '${name}' cannot begin with 'internal-'`);
}

/** "name" from a load balancer or target group ARN (…/app/NAME/ID or targetgroup/NAME/ID). */
export const nameOfArn = (a: string) => a.split('/').slice(-2, -1)[0] ?? a;
