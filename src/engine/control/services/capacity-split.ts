/**
 * Scale-in under a capacity provider strategy: which provider's task to stop first.
 *
 * AWS documents how base and weight share the tasks a service launches, not which provider loses
 * a task on scale-in. Choice: keep the split. The ideal split of N - 1 tasks is what launching
 * them one by one would give (control/capacity/strategy.ts nextProvider); the task to stop comes
 * from the provider that holds the most tasks above its ideal. So a service with base 2 on
 * FARGATE and FARGATE:FARGATE_SPOT 1:1 at 12 tasks (7:5) goes back to 5:3 at 8 tasks.
 */
import type { Service } from '../../world/service-types';
import type { Task } from '../../world/types';
import { nextProvider, providerCounts } from '../capacity/strategy';

/** The candidates from the provider furthest above its share, or all of them when no strategy applies. */
export function keepCapacitySplit(service: Service, candidates: Task[], liveTasks: Task[]): Task[] {
  const deploymentId = candidates[0]?.deploymentId;
  if (!deploymentId || candidates.some((t) => t.deploymentId !== deploymentId)) return candidates;
  const strategy = service.deployments.find((d) => d.id === deploymentId)?.capacityProviderStrategy;
  if (!strategy?.length) return candidates;
  const counts = providerCounts(liveTasks.filter((t) => t.deploymentId === deploymentId));
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const ideal: Record<string, number> = {};
  for (let i = 0; i < total - 1; i++) {
    const name = nextProvider(strategy, ideal).capacityProvider;
    ideal[name] = (ideal[name] ?? 0) + 1;
  }
  const excess = (t: Task) => (counts[t.capacityProviderName ?? ''] ?? 0) - (ideal[t.capacityProviderName ?? ''] ?? 0);
  const most = Math.max(...candidates.map(excess));
  return candidates.filter((t) => excess(t) === most);
}
