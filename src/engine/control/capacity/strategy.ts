/**
 * Which capacity provider of a strategy the next task goes to: base first, then weight.
 *
 * AWS (ECS guide, "Capacity provider strategies"): `base` is the minimum number of tasks on that
 * provider; only one item may have one. After the base is met, the remaining tasks are shared in
 * proportion to `weight` (weight 0 gets none). E.g. base 2 on A and weights A 1 : B 3, ten tasks:
 * A runs 2 for the base, then the other 8 go 1:3, so A 2 + 2 = 4 and B 6.
 *
 * Model: tasks are assigned one at a time. `counts` is how many tasks each provider already has
 * under this strategy (RunTask: the tasks of this call; a service: its non-STOPPED tasks). The base
 * provider takes tasks until it holds `base`; then each task goes to the provider furthest below
 * its weighted share of the tasks beyond the base (share = weight / total weight x (those tasks +
 * 1)). Ties go to the first in strategy order (a choice: AWS does not say), so the split is exact
 * and deterministic.
 */
import type { CapacityProviderStrategyItem } from '../../world/capacity-types';
import type { Task } from '../../world/types';

export interface ProviderChoice {
  capacityProvider: string;
  /** In words, for the event log: why this provider. */
  reason: string;
}

export function nextProvider(strategy: CapacityProviderStrategyItem[], counts: Record<string, number>): ProviderChoice {
  const count = (name: string) => counts[name] ?? 0;
  const baseItem = strategy.find((i) => i.base > 0);
  if (baseItem && count(baseItem.capacityProvider) < baseItem.base) {
    return {
      capacityProvider: baseItem.capacityProvider,
      reason: `its base is ${baseItem.base} and it has ${count(baseItem.capacityProvider)} task(s)`,
    };
  }
  const beyondBase = (i: CapacityProviderStrategyItem) => count(i.capacityProvider) - (i === baseItem ? baseItem.base : 0);
  const weighted = strategy.filter((i) => i.weight > 0);
  const totalWeight = weighted.reduce((sum, i) => sum + i.weight, 0);
  const totalBeyond = strategy.reduce((sum, i) => sum + Math.max(0, beyondBase(i)), 0);
  let best = weighted[0];
  let bestGap = -Infinity;
  for (const item of weighted) {
    const gap = (item.weight / totalWeight) * (totalBeyond + 1) - beyondBase(item);
    if (gap > bestGap + 1e-9) {
      best = item;
      bestGap = gap;
    }
  }
  const shares = weighted.map((i) => `${i.capacityProvider} ${i.weight}`).join(' : ');
  return {
    capacityProvider: best.capacityProvider,
    reason: `after the base, tasks are shared by weight (${shares}) and it is furthest below its share`,
  };
}

/** Non-STOPPED tasks per capacity provider among `tasks` (the counts a service passes). */
export function providerCounts(tasks: Iterable<Task>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const t of tasks) {
    if (t.lastStatus === 'STOPPED' || !t.capacityProviderName) continue;
    counts[t.capacityProviderName] = (counts[t.capacityProviderName] ?? 0) + 1;
  }
  return counts;
}
