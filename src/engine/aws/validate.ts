/**
 * Input checks that answer like AWS's request validation. AWS's JSON APIs report shape errors as
 * "1 validation error detected: Value null at 'repositoryName' failed to satisfy constraint:
 * Member must not be null"; each service picks its exception name (ECS: ClientException or
 * InvalidParameterException; ECR: InvalidParameterException; EC2: MissingParameter/InvalidParameterValue).
 */
import { AwsError } from './errors';

export type Input = Record<string, unknown>;

export function asInput(input: unknown): Input {
  if (input === undefined || input === null) return {};
  if (typeof input !== 'object' || Array.isArray(input)) {
    throw new AwsError('SerializationException', 'The request input must be a JSON object.');
  }
  return input as Input;
}

const show = (v: unknown) => (v === undefined || v === null ? 'null' : `'${typeof v === 'string' ? v : JSON.stringify(v)}'`);

export function validationMessage(field: string, value: unknown, constraint: string): string {
  return `1 validation error detected: Value ${show(value)} at '${field}' failed to satisfy constraint: ${constraint}`;
}

/** A required string field; `code` is the exception the service uses. */
export function requireString(input: Input, field: string, code = 'InvalidParameterException'): string {
  const v = input[field];
  if (v === undefined || v === null) throw new AwsError(code, validationMessage(field, v, 'Member must not be null'));
  if (typeof v !== 'string') throw new AwsError(code, `Invalid type for parameter ${field}, value: ${JSON.stringify(v)}, type: ${typeof v}, valid types: <class 'str'>`);
  return v;
}

export function optionalString(input: Input, field: string, code = 'InvalidParameterException'): string | undefined {
  const v = input[field];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw new AwsError(code, `Invalid type for parameter ${field}, value: ${JSON.stringify(v)}, type: ${typeof v}, valid types: <class 'str'>`);
  return v;
}

export function optionalNumber(input: Input, field: string, code = 'InvalidParameterException'): number | undefined {
  const v = input[field];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new AwsError(code, `Invalid type for parameter ${field}, value: ${JSON.stringify(v)}, type: ${typeof v}, valid types: <class 'int'>`);
  return v;
}

export function optionalBoolean(input: Input, field: string, code = 'InvalidParameterException'): boolean | undefined {
  const v = input[field];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'boolean') throw new AwsError(code, `Invalid type for parameter ${field}, value: ${JSON.stringify(v)}, type: ${typeof v}, valid types: <class 'bool'>`);
  return v;
}

export function optionalArray<T = unknown>(input: Input, field: string, code = 'InvalidParameterException'): T[] | undefined {
  const v = input[field];
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v)) throw new AwsError(code, `Invalid type for parameter ${field}, value: ${JSON.stringify(v)}, type: ${typeof v}, valid types: <class 'list'>, <class 'tuple'>`);
  return v as T[];
}
