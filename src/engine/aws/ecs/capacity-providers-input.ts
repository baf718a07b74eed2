/**
 * CreateCapacityProvider / UpdateCapacityProvider input: the name and the autoScalingGroupProvider.
 *
 * AWS facts (API reference, CreateCapacityProvider and ManagedScaling):
 * - name: up to 255 letters, digits, underscores and hyphens; it can't be prefixed with "aws",
 *   "ecs" or "fargate" (case-insensitive here, a choice).
 * - managedScaling: status ENABLED | DISABLED, targetCapacity 1–100 (default 100),
 *   minimumScalingStepSize 1–10000 (default 1), maximumScalingStepSize 1–10000 (default 10000),
 *   instanceWarmupPeriod 0–10000 s (default 300). Choice: managedScaling omitted, or given without
 *   status, is DISABLED (the API's default; the console turns it on).
 * - managedTerminationProtection ENABLED | DISABLED (default DISABLED); it needs managed scaling and
 *   the group's NewInstancesProtectedFromScaleIn ("... the Auto Scaling group must have instance
 *   protection from scale in enabled.").
 * - managedDraining ENABLED | DISABLED (default ENABLED) is stored and returned only.
 */
import type { AutoScalingGroup } from '../../world/autoscaling-types';
import type { AutoScalingGroupProvider, ManagedScaling } from '../../world/capacity-types';
import { AwsError } from '../errors';
import { validationMessage, type Input } from '../validate';

const invalid = (message: string) => new AwsError('InvalidParameterException', message);
const client = (message: string) => new AwsError('ClientException', message);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export const CAPACITY_PROVIDER_NAME = /^[a-zA-Z0-9_-]{1,255}$/;

export function checkProviderName(name: string): void {
  if (!CAPACITY_PROVIDER_NAME.test(name)) {
    throw client('The capacity provider name can have up to 255 characters. Valid characters are letters (uppercase and lowercase), numbers, underscores, and hyphens.');
  }
  if (/^(aws|ecs|fargate)/i.test(name)) throw client(`The capacity provider name ${name} is invalid: a capacity provider name can't be prefixed with "aws", "ecs", or "fargate".`);
}

export const DEFAULT_MANAGED_SCALING: ManagedScaling = {
  status: 'DISABLED',
  targetCapacity: 100,
  minimumScalingStepSize: 1,
  maximumScalingStepSize: 10000,
  instanceWarmupPeriod: 300,
};

function intIn(raw: Record<string, unknown>, field: string, min: number, max: number, fallback: number): number {
  const v = raw[field];
  if (v === undefined || v === null) return fallback;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
    throw invalid(validationMessage(`autoScalingGroupProvider.managedScaling.${field}`, v, `Member must have value between ${min} and ${max}`));
  }
  return v;
}

function onOff(v: unknown, field: string, fallback: 'ENABLED' | 'DISABLED'): 'ENABLED' | 'DISABLED' {
  if (v === undefined || v === null) return fallback;
  if (v !== 'ENABLED' && v !== 'DISABLED') throw invalid(validationMessage(field, v, 'Member must satisfy enum value set: [ENABLED, DISABLED]'));
  return v;
}

/** managedScaling over `base` (the defaults, or the provider's current settings for Update). */
export function parseManagedScaling(raw: unknown, base: ManagedScaling = DEFAULT_MANAGED_SCALING): ManagedScaling {
  if (raw === undefined || raw === null) return { ...base };
  if (!isObject(raw)) throw invalid('managedScaling must be an object.');
  const out: ManagedScaling = {
    status: onOff(raw.status, 'autoScalingGroupProvider.managedScaling.status', base.status),
    targetCapacity: intIn(raw, 'targetCapacity', 1, 100, base.targetCapacity),
    minimumScalingStepSize: intIn(raw, 'minimumScalingStepSize', 1, 10000, base.minimumScalingStepSize),
    maximumScalingStepSize: intIn(raw, 'maximumScalingStepSize', 1, 10000, base.maximumScalingStepSize),
    instanceWarmupPeriod: intIn(raw, 'instanceWarmupPeriod', 0, 10000, base.instanceWarmupPeriod),
  };
  if (out.minimumScalingStepSize > out.maximumScalingStepSize) {
    throw invalid(`The minimumScalingStepSize (${out.minimumScalingStepSize}) must be less than or equal to the maximumScalingStepSize (${out.maximumScalingStepSize}).`);
  }
  return out;
}

/** The provider's settings from `raw` over `current`, checked against the group. */
export function parseProviderSettings(
  raw: Record<string, unknown>,
  group: AutoScalingGroup,
  current?: AutoScalingGroupProvider,
): Omit<AutoScalingGroupProvider, 'autoScalingGroupArn'> {
  const managedScaling = parseManagedScaling(raw.managedScaling, current?.managedScaling);
  const managedTerminationProtection = onOff(raw.managedTerminationProtection, 'autoScalingGroupProvider.managedTerminationProtection', current?.managedTerminationProtection ?? 'DISABLED');
  const managedDraining = onOff(raw.managedDraining, 'autoScalingGroupProvider.managedDraining', current?.managedDraining ?? 'ENABLED');
  if (managedTerminationProtection === 'ENABLED') {
    if (managedScaling.status !== 'ENABLED') {
      throw invalid('The managed termination protection setting for the capacity provider is invalid. To enable managed termination protection for a capacity provider, managed scaling must also be enabled.');
    }
    if (!group.NewInstancesProtectedFromScaleIn) {
      throw invalid(
        'The managed termination protection setting for the capacity provider is invalid. To enable managed termination protection for a capacity provider, the Auto Scaling group must have instance protection from scale in enabled.',
      );
    }
  }
  return { managedScaling, managedTerminationProtection, managedDraining };
}

export function readProviderTags(input: Input): { key: string; value: string }[] {
  const raw = input.tags;
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) throw invalid('tags must be a list.');
  if (raw.length > 50) throw invalid('Too many tags: a resource can have at most 50 tags.');
  return raw.map((t) => {
    if (!isObject(t) || typeof t.key !== 'string' || t.key.length < 1 || t.key.length > 128) throw invalid('Tag keys must be between 1 and 128 characters.');
    if (t.key.toLowerCase().startsWith('aws:')) throw invalid(`Tag key ${t.key} uses the reserved prefix aws:.`);
    return { key: t.key, value: typeof t.value === 'string' ? t.value : '' };
  });
}
