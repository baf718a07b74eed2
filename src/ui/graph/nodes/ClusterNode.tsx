import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { Boxes } from 'lucide-react';
import type { ClusterNode as ClusterNodeType } from '../types';
import { Handles, Pill } from './parts';

/** An ECS cluster: a group holding one lane per availability zone in use. */
export const ClusterNode = memo(function ClusterNode({ data }: NodeProps<ClusterNodeType>) {
  // Instances still booting are drawn in their lanes: the cluster is only "empty" with no lane.
  const empty = data.laneCount === 0;
  return (
    <section
      aria-label={`cluster ${data.clusterName}`}
      data-testid="cluster"
      className="h-full w-full rounded-xl border-2 border-indigo-200 bg-indigo-50/40"
    >
      <Handles />
      <header className="flex items-center gap-2 px-3 pt-2">
        <Boxes aria-hidden="true" size={15} className="text-indigo-600" />
        <span className="text-[11px] font-semibold uppercase tracking-wide text-indigo-700">ECS cluster</span>
        <span className="font-semibold text-slate-900">{data.clusterName}</span>
        <Pill tone={data.status === 'ACTIVE' ? 'green' : 'grey'}>{data.status}</Pill>
        <span className="ml-auto text-[11px] text-slate-600">
          {data.registeredContainerInstancesCount} container instance{data.registeredContainerInstancesCount === 1 ? '' : 's'} · {data.runningTasksCount} running · {data.pendingTasksCount} pending
          {data.activeServicesCount > 0 ? ` · ${data.activeServicesCount} services` : ''}
        </span>
      </header>
      {empty && <p className="px-3 pt-3 text-xs text-slate-500">No container instances registered and no tasks yet.</p>}
    </section>
  );
});
