import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import type { TaskDefinitionNode as TaskDefinitionNodeType } from '../types';

/** A task definition revision: family:revision, network mode and its containers' images. */
export const TaskDefinitionNode = memo(function TaskDefinitionNode({ data }: NodeProps<TaskDefinitionNodeType>) {
  const name = `${data.family}:${data.revision}`;
  return (
    <div
      aria-label={`task definition ${name}`}
      data-testid="task-definition"
      className={`h-full w-full rounded-lg border bg-white px-3 py-2 shadow-sm ${data.status === 'ACTIVE' ? 'border-violet-300' : 'border-dashed border-slate-300 opacity-70'}`}
    >
      <Handle type="target" position={Position.Left} isConnectable={false} className="!bg-slate-400" />
      <div className="flex items-baseline justify-between">
        <span className="text-[10px] font-semibold uppercase tracking-wide text-violet-700">Task definition</span>
        <span className="text-[10px] text-slate-500">{data.status}</span>
      </div>
      <div className="font-semibold text-slate-900">{name}</div>
      <div className="text-[11px] text-slate-500">
        {data.networkMode}
        {data.cpu ? ` · ${data.cpu} CPU` : ''}
        {data.memory ? ` · ${data.memory} MiB` : ''}
      </div>
      {data.containers.map((c) => (
        <div key={c.name} className="truncate font-mono text-[10px] text-slate-600" title={c.image}>
          {c.name} · image {c.image.slice(c.image.lastIndexOf('/') + 1)}
        </div>
      ))}
    </div>
  );
});
