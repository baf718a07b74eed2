import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { MapPin } from 'lucide-react';
import type { AzLaneNode as AzLaneNodeType } from '../types';

/** One availability zone of a cluster (a lane): its container instances, then its Fargate tasks. */
export const AzLaneNode = memo(function AzLaneNode({ data }: NodeProps<AzLaneNodeType>) {
  const unplaced = data.availabilityZone === 'not placed';
  return (
    <div
      aria-label={unplaced ? 'tasks not placed on an instance' : `availability zone ${data.availabilityZone}`}
      data-testid="az-lane"
      className="h-full w-full rounded-lg border border-dashed border-slate-300 bg-white/50"
    >
      <div className="flex items-center gap-1 px-2 pt-1.5 text-[11px] text-slate-600">
        <MapPin aria-hidden="true" size={12} />
        <span className="font-semibold">{unplaced ? 'Not placed yet' : data.availabilityZone}</span>
        <span className="ml-auto">
          {data.instanceCount > 0 ? `${data.instanceCount} instance${data.instanceCount === 1 ? '' : 's'} · ` : ''}
          {data.taskCount} task{data.taskCount === 1 ? '' : 's'}
        </span>
      </div>
    </div>
  );
});
