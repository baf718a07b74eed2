import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { Cloud, Hourglass } from 'lucide-react';
import type { FargateAreaNode as FargateAreaNodeType } from '../types';
import { useEditor } from '../../../store/editor-hooks';

/** A cluster's Fargate tasks in one AZ (no instance to show: AWS runs them), or tasks waiting for capacity. */
export const FargateAreaNode = memo(function FargateAreaNode({ id, data }: NodeProps<FargateAreaNodeType>) {
  const fargate = data.kind === 'FARGATE';
  const expanded = useEditor((s) => !!s.expanded[id]);
  const toggle = useEditor((s) => s.toggleExpanded);
  const Icon = fargate ? Cloud : Hourglass;
  return (
    <div
      aria-label={fargate ? `Fargate tasks in ${data.availabilityZone}` : 'EC2 tasks waiting for a container instance'}
      data-testid="fargate-area"
      className={`h-full w-full rounded-lg border bg-white/70 ${fargate ? 'border-sky-300' : 'border-dashed border-amber-400'}`}
    >
      <div className="flex items-center gap-1 px-2 pt-1 text-[11px] text-slate-600">
        <Icon aria-hidden="true" size={12} className={fargate ? 'text-sky-600' : 'text-amber-600'} />
        <span className="font-semibold">{fargate ? 'AWS Fargate' : 'Waiting for capacity'}</span>
        <span>· {data.taskCount} tasks</span>
        {expanded && (
          <button type="button" className="nodrag ml-auto underline" onClick={() => toggle(id)} >
            fold tasks into counts
          </button>
        )}
      </div>
    </div>
  );
});
