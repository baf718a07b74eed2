/**
 * Running and pending task counts over time, derived from the event log (so they are exact at
 * any playhead, after a seek too): task.created starts a task on its way (ECS counts PROVISIONING,
 * PENDING and ACTIVATING as pendingCount), task.status moves it, RUNNING counts as runningCount,
 * anything after RUNNING (DEACTIVATING, STOPPING, STOPPED) counts as neither, as DescribeServices
 * and DescribeClusters count them.
 */
import type { SimEvent } from '../../engine/world/types';

const PENDING = new Set(['PROVISIONING', 'PENDING', 'ACTIVATING']);

/** Which tasks to count: by the task's cluster name and group ("service:web" for a service's tasks). */
export type TaskScope = { clusterName: string; group?: string };

/** "arn:...:task/CLUSTER/ID" -> CLUSTER. */
const clusterOfTask = (arn: string) => arn.slice(arn.indexOf(':task/') + 6, arn.lastIndexOf('/'));

export interface TaskCounts {
  running: number[];
  pending: number[];
}

/** The counts right after every event at or before each of `times` (ascending) has happened. */
export function taskCounts(events: readonly SimEvent[], scope: TaskScope, times: readonly number[]): TaskCounts {
  const status = new Map<string, string>();
  let running = 0;
  let pending = 0;
  const bump = (s: string | undefined, by: number) => {
    if (s === 'RUNNING') running += by;
    else if (s !== undefined && PENDING.has(s)) pending += by;
  };
  const out: TaskCounts = { running: [], pending: [] };
  let i = 0;
  for (const t of times) {
    for (; i < events.length && events[i].at <= t; i++) {
      const e = events[i];
      if (e.kind === 'task.created') {
        if (clusterOfTask(e.resource) !== scope.clusterName) continue;
        if (scope.group !== undefined && e.detail?.group !== scope.group) continue;
        status.set(e.resource, 'PROVISIONING');
        bump('PROVISIONING', 1);
      } else if (e.kind === 'task.status' && status.has(e.resource)) {
        bump(status.get(e.resource), -1);
        const to = String(e.detail?.to ?? '');
        status.set(e.resource, to);
        bump(to, 1);
      }
    }
    out.running.push(running);
    out.pending.push(pending);
  }
  return out;
}
