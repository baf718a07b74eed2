import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { ClusterNode as ClusterNodeType } from '../types';

/** An ECS cluster: a group holding its container instances (and tasks not on one). */
export const ClusterNode = memo(function ClusterNode({ data }: NodeProps<ClusterNodeType>) {
  const empty = data.registeredContainerInstancesCount === 0 && data.runningTasksCount === 0;
  return (
    <section
      aria-label={`cluster ${data.clusterName}`}
      data-testid="cluster"
      className="h-full w-full rounded-xl border-2 border-slate-300 bg-slate-100/70"
    >
      <header className="flex items-baseline gap-3 px-3 pt-2">
        <span className="text-[11px] font-semibold uppercase tracking-wide text-slate-500">ECS cluster</span>
        <span className="font-semibold text-slate-900">{data.clusterName}</span>
        <span className="text-[11px] text-slate-500">{data.status}</span>
        <span className="ml-auto text-[11px] text-slate-600">
          {data.registeredContainerInstancesCount} instances · {data.runningTasksCount} running · {data.pendingTasksCount} pending
        </span>
      </header>
      {empty && <p className="px-3 pt-3 text-xs text-slate-500">No container instances registered yet.</p>}
    </section>
  );
});
