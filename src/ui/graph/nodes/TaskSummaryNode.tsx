import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { ChevronsUpDown } from 'lucide-react';
import type { TaskSummaryNode as TaskSummaryNodeType } from '../types';
import { taskStatusLook } from '../../status';
import { useEditor } from '../../../store/editor-hooks';

/** Tasks folded into counts by lastStatus ("12 RUNNING · 2 PENDING"); a click shows every chip. */
export const TaskSummaryNode = memo(function TaskSummaryNode({ data }: NodeProps<TaskSummaryNodeType>) {
  const toggle = useEditor((s) => s.toggleExpanded);
  const text = data.counts.map((c) => `${c.count} ${c.status}`).join(' · ');
  return (
    <button
      type="button"
      data-testid="task-summary"
      aria-label={`${data.total} tasks: ${text}. Show every task`}
      title={`${data.total} tasks, folded into counts. Click to show each task.`}
      onClick={(e) => {
        e.stopPropagation();
        toggle(data.parentId);
      }}
      className="nodrag flex h-full w-full flex-col justify-center rounded-md border border-slate-300 bg-slate-50 px-2 text-left hover:bg-slate-100"
    >
      <Handle type="target" position={Position.Left} isConnectable={false} className="sb-handle-hidden" />
      <div className="flex flex-wrap items-center gap-x-2 text-[11px] font-semibold">
        {data.counts.map((c) => {
          const look = taskStatusLook(c.status);
          return (
            <span key={c.status} className="flex items-center gap-0.5">
              <span aria-hidden="true" className={`inline-block h-2 w-2 rounded-full ${look.dot}`} />
              {c.count} {c.status}
            </span>
          );
        })}
      </div>
      <div className="flex items-center gap-1 text-[10px] text-slate-500">
        <ChevronsUpDown aria-hidden="true" size={11} /> {data.total} tasks · show each task
      </div>
    </button>
  );
});
