/**
 * Checks RunTask / CreateService / UpdateService placementStrategy and placementConstraints.
 *
 * AWS facts (RunTask API reference, PlacementStrategy, PlacementConstraint): at most 5 strategy
 * rules and at most 10 constraints per task; strategy type random | spread | binpack; binpack's
 * field is cpu or memory; spread's is instanceId (or host) or an attribute such as
 * attribute:ecs.availability-zone; random takes no field; constraint type distinctInstance |
 * memberOf; memberOf needs a cluster query expression (at most 2,000 characters); distinctInstance
 * takes none. Enum and length problems read like AWS's request validation; the other messages
 * are written in the same style where we could not find AWS's exact text (our choice).
 */
import { invalidParameter } from '../../aws/errors';
import { validationMessage } from '../../aws/validate';
import { parseQuery } from './query/parser';

export const MAX_STRATEGIES = 5;
export const MAX_CONSTRAINTS = 10;
export const MAX_EXPRESSION_LENGTH = 2000;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function list(value: unknown, name: string): unknown[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    throw invalidParameter(`Invalid type for parameter ${name}, value: ${JSON.stringify(value)}, type: ${typeof value}, valid types: <class 'list'>, <class 'tuple'>`);
  }
  return value;
}

function optionalStringField(item: Record<string, unknown>, key: string, path: string): string | undefined {
  const v = item[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw invalidParameter(`Invalid type for parameter ${path}, value: ${JSON.stringify(v)}, type: ${typeof v}, valid types: <class 'str'>`);
  return v;
}

export function validateStrategies(strategy: unknown): void {
  const items = list(strategy, 'placementStrategy');
  if (items.length > MAX_STRATEGIES) {
    throw invalidParameter(`The maximum number of placement strategy rules is ${MAX_STRATEGIES}; the request has ${items.length}.`);
  }
  items.forEach((item, i) => {
    const path = `placementStrategy.${i + 1}.member`;
    if (!isObject(item)) throw invalidParameter(`Invalid type for parameter placementStrategy[${i}], value: ${JSON.stringify(item)}, valid types: <class 'dict'>`);
    const type = optionalStringField(item, 'type', `${path}.type`);
    const field = optionalStringField(item, 'field', `${path}.field`);
    if (type !== 'random' && type !== 'spread' && type !== 'binpack') {
      throw invalidParameter(validationMessage(`${path}.type`, type, 'Member must satisfy enum value set: [random, spread, binpack]'));
    }
    if (type === 'binpack' && !(field && ['cpu', 'memory'].includes(field.toLowerCase()))) {
      throw invalidParameter(`Invalid value for binpack field: ${field ?? 'null'}. Valid values are cpu and memory.`);
    }
    if (type === 'spread' && !(field === 'instanceId' || field === 'host' || /^attribute:\S+$/.test(field ?? ''))) {
      throw invalidParameter(`Invalid value for spread field: ${field ?? 'null'}. Valid values are instanceId, host, or attribute:NAME, such as attribute:ecs.availability-zone.`);
    }
    if (type === 'random' && field) throw invalidParameter(`Field is not valid for the random placement strategy: ${field}.`);
  });
}

export function validateConstraints(constraints: unknown): void {
  const items = list(constraints, 'placementConstraints');
  if (items.length > MAX_CONSTRAINTS) {
    throw invalidParameter(`The maximum number of placement constraints is ${MAX_CONSTRAINTS}; the request has ${items.length}.`);
  }
  items.forEach((item, i) => {
    const path = `placementConstraints.${i + 1}.member`;
    if (!isObject(item)) throw invalidParameter(`Invalid type for parameter placementConstraints[${i}], value: ${JSON.stringify(item)}, valid types: <class 'dict'>`);
    const type = optionalStringField(item, 'type', `${path}.type`);
    const expression = optionalStringField(item, 'expression', `${path}.expression`);
    if (type !== 'distinctInstance' && type !== 'memberOf') {
      throw invalidParameter(validationMessage(`${path}.type`, type, 'Member must satisfy enum value set: [distinctInstance, memberOf]'));
    }
    if (expression !== undefined && expression.length > MAX_EXPRESSION_LENGTH) {
      throw invalidParameter(validationMessage(`${path}.expression`, expression, `Member must have length less than or equal to ${MAX_EXPRESSION_LENGTH}`));
    }
    if (type === 'distinctInstance' && expression) throw invalidParameter('The distinctInstance placement constraint does not take an expression.');
    if (type === 'memberOf') {
      if (!expression) throw invalidParameter('The memberOf placement constraint requires an expression.');
      parseQuery(expression);
    }
  });
}
