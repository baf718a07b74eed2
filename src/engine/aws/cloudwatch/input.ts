/**
 * CloudWatch input checks, answering with CloudWatch's exception names (the SDK v3 names of its
 * Query-protocol codes InvalidParameterValue, InvalidParameterCombination, MissingParameter,
 * ResourceNotFound and ValidationError) and texts.
 */
import { AwsError } from '../errors';
import { validationMessage, type Input } from '../validate';
import { SIM_EPOCH_MS } from '../../world/types';
import type { MetricDimension } from '../../world/metrics-types';

export const invalidValue = (message: string) => new AwsError('InvalidParameterValueException', message);
export const invalidCombination = (message: string) => new AwsError('InvalidParameterCombinationException', message);
export const missingParameter = (name: string) => new AwsError('MissingRequiredParameterException', `The parameter ${name} is required.`);
export const validationError = (message: string) => new AwsError('ValidationError', message);

export function requiredString(input: Input, field: string): string {
  const v = input[field];
  if (v === undefined || v === null || v === '') throw missingParameter(field);
  if (typeof v !== 'string') throw invalidValue(`The parameter ${field} must be a string.`);
  return v;
}

export function optionalString(input: Input, field: string): string | undefined {
  const v = input[field];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw invalidValue(`The parameter ${field} must be a string.`);
  return v;
}

export function requiredNumber(input: Input, field: string): number {
  const v = input[field];
  if (v === undefined || v === null) throw missingParameter(field);
  if (typeof v !== 'number' || !Number.isFinite(v)) throw invalidValue(`The parameter ${field} must be a number.`);
  return v;
}

export function optionalNumber(input: Input, field: string): number | undefined {
  return input[field] === undefined || input[field] === null ? undefined : requiredNumber(input, field);
}

export function stringList(input: Input, field: string, max = Infinity): string[] {
  const v = input[field];
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) throw invalidValue(`The parameter ${field} must be a list of strings.`);
  if (v.length > max) throw validationError(validationMessage(field, v, `Member must have length less than or equal to ${max}`));
  return v as string[];
}

/**
 * A timestamp as the SDK sends it (Date), as JSON carries it (ISO-8601 string) or as the JSON
 * protocol encodes it (epoch seconds), turned into simulated seconds.
 */
export function toSimSeconds(v: unknown, field: string): number {
  let ms: number;
  if (v instanceof Date) ms = v.getTime();
  else if (typeof v === 'number') ms = v * 1000;
  else if (typeof v === 'string') ms = Date.parse(v);
  else throw invalidValue(`The parameter ${field} must be a timestamp.`);
  if (!Number.isFinite(ms)) throw invalidValue(`The parameter ${field} must be in ISO 8601 UTC format.`);
  return (ms - SIM_EPOCH_MS) / 1000;
}

export function requiredTime(input: Input, field: string): number {
  if (input[field] === undefined || input[field] === null) throw missingParameter(field);
  return toSimSeconds(input[field], field);
}

/** Dimensions: at most 30 (AWS), each with Name and Value; `prefix` names the list in errors. */
export function dimensions(v: unknown, prefix: string, requireValue = true): MetricDimension[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw invalidValue(`The parameter ${prefix} must be a list.`);
  if (v.length > 30) throw invalidValue(`The collection ${prefix} must not have a size greater than 30.`);
  return v.map((d, i) => {
    const o = (d ?? {}) as Record<string, unknown>;
    if (typeof o.Name !== 'string' || o.Name === '') throw missingParameter(`${prefix}.member.${i + 1}.Name`);
    if (requireValue && (typeof o.Value !== 'string' || o.Value === '')) throw missingParameter(`${prefix}.member.${i + 1}.Value`);
    return { Name: o.Name, Value: typeof o.Value === 'string' ? o.Value : '' };
  });
}
