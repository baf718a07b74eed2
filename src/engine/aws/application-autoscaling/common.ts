/**
 * Shared pieces of the Application Auto Scaling actions: its state in the world, its errors
 * (ValidationException, ObjectNotFoundException, as the service names them), keys, ids and ARNs,
 * and the checks of ServiceNamespace / ResourceId / ScalableDimension. Only ECS services are
 * simulated: other namespaces are answered with a ValidationException saying so.
 */
import type { Simulation } from '../../simulation';
import { emptyApplicationAutoScaling, type ApplicationAutoScalingState, type AppScalableTarget } from '../../world/app-autoscaling-types';
import { AwsError } from '../errors';
import { validationMessage, type Input } from '../validate';

export const ECS_DIMENSION = 'ecs:service:DesiredCount';

export const validation = (message: string) => new AwsError('ValidationException', message);
export const notFound = (message: string) => new AwsError('ObjectNotFoundException', message);

/** The world's Application Auto Scaling state (created on first use in worlds made before it existed). */
export function appState(sim: Simulation): ApplicationAutoScalingState {
  if (!sim.world.applicationAutoScaling) sim.world.applicationAutoScaling = emptyApplicationAutoScaling();
  return sim.world.applicationAutoScaling;
}

export const targetKey = (resourceId: string, dimension = ECS_DIMENSION) => `${resourceId}|${dimension}`;
export const childKey = (resourceId: string, name: string, dimension = ECS_DIMENSION) => `${resourceId}|${dimension}|${name}`;

/** A random UUID (version 4 layout) from the seeded generator. */
export function uuid(sim: Simulation): string {
  const h = sim.random.hex(32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export function requiredString(input: Input, field: string): string {
  const v = input[field];
  if (v === undefined || v === null) throw validation(validationMessage(field, v, 'Member must not be null'));
  if (typeof v !== 'string') throw validation(`Invalid type for parameter ${field}, value: ${JSON.stringify(v)}, valid types: <class 'str'>`);
  return v;
}

export function optionalString(input: Input, field: string): string | undefined {
  return input[field] === undefined || input[field] === null ? undefined : requiredString(input, field);
}

export function optionalInteger(input: Input, field: string, min = 0): number | undefined {
  const v = input[field];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v)) throw validation(`Invalid type for parameter ${field}, value: ${JSON.stringify(v)}, valid types: <class 'int'>`);
  if (v < min) throw validation(validationMessage(field, v, `Member must have value greater than or equal to ${min}`));
  return v;
}

export function optionalBoolean(input: Input, field: string): boolean | undefined {
  const v = input[field];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'boolean') throw validation(`Invalid type for parameter ${field}, value: ${JSON.stringify(v)}, valid types: <class 'bool'>`);
  return v;
}

export interface EcsResource {
  resourceId: string;
  cluster: string;
  service: string;
}

/** Checks ServiceNamespace (ecs), ScalableDimension (optional when `dimensionOptional`) and ResourceId. */
export function ecsResource(input: Input, options: { resourceOptional?: boolean; dimensionOptional?: boolean } = {}): EcsResource | undefined {
  checkNamespace(input);
  const dimension = options.dimensionOptional ? optionalString(input, 'ScalableDimension') : requiredString(input, 'ScalableDimension');
  const resourceId = options.resourceOptional ? optionalString(input, 'ResourceId') : requiredString(input, 'ResourceId');
  if (dimension !== undefined && dimension !== ECS_DIMENSION) {
    throw validation('Unsupported service namespace, resource type or scalable dimension');
  }
  if (resourceId === undefined) return undefined;
  return parseResourceId(resourceId);
}

export function checkNamespace(input: Input): void {
  const namespace = requiredString(input, 'ServiceNamespace');
  if (namespace !== 'ecs') {
    throw validation(`Unsupported service namespace, resource type or scalable dimension (the simulator models ServiceNamespace ecs only, not ${namespace}).`);
  }
}

/** service/CLUSTER/SERVICE */
export function parseResourceId(resourceId: string): EcsResource {
  const parts = resourceId.split('/');
  if (parts.length !== 3 || parts[0] !== 'service' || !parts[1] || !parts[2]) {
    throw validation('Unsupported service namespace, resource type or scalable dimension');
  }
  return { resourceId, cluster: parts[1], service: parts[2] };
}

export const targetMissing = (resourceId: string, dimension = ECS_DIMENSION) =>
  notFound(`No scalable target registered for service namespace: ecs, resource ID: ${resourceId}, scalable dimension: ${dimension}`);

export function requireTarget(sim: Simulation, resourceId: string): AppScalableTarget {
  const key = targetKey(resourceId);
  const target = Object.hasOwn(appState(sim).scalableTargets, key) ? appState(sim).scalableTargets[key] : undefined;
  if (!target) throw targetMissing(resourceId);
  return target;
}

/** MaxResults (1..50, default 50) and NextToken (an offset) of the Describe calls. */
export function page<T>(items: T[], input: Input): { items: T[]; NextToken?: string } {
  const max = optionalInteger(input, 'MaxResults', 1) ?? 50;
  if (max > 50) throw validation(validationMessage('maxResults', max, 'Member must have value less than or equal to 50'));
  const token = optionalString(input, 'NextToken');
  const offset = token === undefined ? 0 : Number(token);
  if (!Number.isInteger(offset) || offset < 0) throw validation('Invalid NextToken');
  const slice = items.slice(offset, offset + max);
  return offset + max < items.length ? { items: slice, NextToken: String(offset + max) } : { items: slice };
}

/** Optional string list filter (ResourceIds, PolicyNames, ScheduledActionNames). */
export function nameList(input: Input, field: string): string[] | undefined {
  const v = input[field];
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) throw validation(`Invalid type for parameter ${field}: expected a list of strings.`);
  return v.length === 0 ? undefined : (v as string[]);
}
