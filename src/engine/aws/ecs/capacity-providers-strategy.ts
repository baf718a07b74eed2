/**
 * Checking a capacity provider strategy (PutClusterCapacityProviders' default strategy, RunTask's
 * and CreateService's capacityProviderStrategy), as ECS does:
 *
 * - each item names a capacity provider (name or ARN) that exists: FARGATE, FARGATE_SPOT or an
 *   ACTIVE Auto Scaling group provider of the account;
 * - `weight` 0–1000 (default 0 through the API), `base` 0–100000 (default 0);
 * - at most 20 providers, none twice;
 * - only one item may have a base; at least one weight must be above zero (AWS: "any RunTask or
 *   CreateService actions using the capacity provider strategy will fail" when all are 0);
 * - Fargate providers and Auto Scaling group providers are never mixed in one strategy;
 * - (RunTask, CreateService, a cluster default) every provider must be associated with the cluster.
 *
 * AWS publishes the mixing and association messages; the others are worded after the API
 * reference's field descriptions (a choice: AWS does not publish those texts).
 */
import type { Cluster, World } from '../../world/types';
import type { CapacityProviderStrategyItem } from '../../world/capacity-types';
import { AwsError } from '../errors';
import { validationMessage } from '../validate';
import { isFargateProvider, providerName } from './capacity-providers-store';

const invalid = (message: string) => new AwsError('InvalidParameterException', message);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export const MAX_STRATEGY_ITEMS = 20;
export const MAX_WEIGHT = 1000;
export const MAX_BASE = 100000;

export const MIXED_STRATEGY =
  'A capacity provider strategy cannot contain a mix of capacity providers using Auto Scaling groups and Fargate providers. Specify one or the other and try again.';
export const NOT_ASSOCIATED =
  'The specified capacity provider strategy cannot contain a capacity provider that is not associated with the cluster. Associate the capacity provider with the cluster or specify a valid capacity provider and try again.';
export const PROVIDER_NOT_FOUND = 'The specified capacity provider does not exist. Specify a valid name or ARN and try again.';

/** Parses and checks a strategy; returns items with short provider names and defaults filled in. */
export function parseStrategy(world: World, raw: unknown, field: string): CapacityProviderStrategyItem[] {
  if (!Array.isArray(raw)) throw invalid(`Invalid type for parameter ${field}: expected a list of capacity provider strategy items.`);
  if (raw.length > MAX_STRATEGY_ITEMS) throw invalid(validationMessage(field, `${raw.length} items`, `Member must have length less than or equal to ${MAX_STRATEGY_ITEMS}`));
  const items = raw.map((item, i): CapacityProviderStrategyItem => {
    const at = `${field}.${i + 1}.member`;
    if (!isObject(item) || typeof item.capacityProvider !== 'string' || item.capacityProvider === '') {
      throw invalid(validationMessage(`${at}.capacityProvider`, isObject(item) ? item.capacityProvider : undefined, 'Member must not be null'));
    }
    const weight = item.weight ?? 0;
    const base = item.base ?? 0;
    if (typeof weight !== 'number' || !Number.isInteger(weight) || weight < 0 || weight > MAX_WEIGHT) {
      throw invalid(validationMessage(`${at}.weight`, weight, `Member must have value between 0 and ${MAX_WEIGHT}`));
    }
    if (typeof base !== 'number' || !Number.isInteger(base) || base < 0 || base > MAX_BASE) {
      throw invalid(validationMessage(`${at}.base`, base, `Member must have value between 0 and ${MAX_BASE}`));
    }
    const name = providerName(world, item.capacityProvider);
    if (!name) throw invalid(`${PROVIDER_NOT_FOUND} (${item.capacityProvider})`);
    return { capacityProvider: name, weight, base };
  });
  const names = items.map((i) => i.capacityProvider);
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice) throw invalid(`The capacity provider strategy contains ${twice} more than once. Each capacity provider can appear only once in a strategy.`);
  if (items.filter((i) => i.base > 0).length > 1) throw invalid('Only one capacity provider in a capacity provider strategy can have a base defined.');
  if (items.length > 0 && items.every((i) => i.weight === 0)) {
    throw invalid('At least one capacity provider in a capacity provider strategy must have a weight greater than zero.');
  }
  const fargate = items.filter((i) => isFargateProvider(i.capacityProvider)).length;
  if (fargate > 0 && fargate < items.length) throw invalid(MIXED_STRATEGY);
  return items;
}

/** Every provider of the strategy must be one of the cluster's capacity providers. */
export function requireAssociated(cluster: Pick<Cluster, 'capacityProviders'>, strategy: CapacityProviderStrategyItem[]): void {
  const missing = strategy.find((i) => !cluster.capacityProviders.includes(i.capacityProvider));
  if (missing) throw invalid(`${NOT_ASSOCIATED} (${missing.capacityProvider})`);
}

/** True when the strategy uses Fargate (FARGATE / FARGATE_SPOT) rather than Auto Scaling groups. */
export const isFargateStrategy = (strategy: CapacityProviderStrategyItem[]) => strategy.length > 0 && isFargateProvider(strategy[0].capacityProvider);
