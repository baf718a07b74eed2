import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import type { TaskData, TaskNode as TaskNodeType } from '../types';
import { taskStatusLook } from '../../status';
import { formatElapsed } from '../../format';
import { useEditor } from '../../../store/editor-hooks';
import { TARGET_LOOK } from './health';
import { useCompact } from './detail';

function tooltip(data: TaskData): string {
  const lines = [
    `Task ${data.taskArn}`,
    `Task definition ${data.taskDefinition} · ${data.launchType}`,
    `lastStatus ${data.lastStatus} (${data.phase}) · desiredStatus ${data.desiredStatus}`,
  ];
  if (data.hostPorts.length > 0) lines.push(`Host ports ${data.hostPorts.join(', ')}`);
  if (data.startedAt !== undefined) lines.push(`startedAt ${formatElapsed(data.startedAt)}`);
  if (data.deployment) lines.push(`Service ${data.deployment.serviceName}, ${data.deployment.status} ${data.deployment.taskSet ? 'task set' : 'deployment'}`);
  if (data.targetHealth) {
    lines.push(`Target health in ${data.targetHealth.targetGroupName}: ${data.targetHealth.state}${data.targetHealth.reason ? ` (${data.targetHealth.reason})` : ''}`);
  }
  if (data.stopCode) lines.push(`stopCode ${data.stopCode}`);
  if (data.stoppedReason) lines.push(`stoppedReason ${data.stoppedReason}`);
  return lines.join('\n');
}

/**
 * A task chip: lastStatus as colour, marker and text; a fill showing how far it got towards
 * RUNNING; its deployment (PRIMARY/ACTIVE) and, as a ring, its target health.
 */
export const TaskNode = memo(function TaskNode({ data }: NodeProps<TaskNodeType>) {
  const look = taskStatusLook(data.lastStatus);
  const ofSelectedService = useEditor((s) => !!data.serviceArn && s.selection?.kind === 'service' && s.selection.id === data.serviceArn);
  const ring = data.targetHealth ? `ring-2 ring-offset-1 ${TARGET_LOOK[data.targetHealth.state].ring}` : '';
  const compact = useCompact();
  // What every chip carries, drawn whole or compact (nodes/detail.ts): its role, name, state and tooltip.
  const identity = {
    role: 'group',
    'aria-label': `task ${data.taskId} ${data.lastStatus}`,
    'data-testid': 'task',
    'data-status': data.lastStatus,
    'data-target-health': data.targetHealth?.state,
    title: tooltip(data),
  };
  const handle = <Handle type="target" position={Position.Left} isConnectable={false} className="sb-handle-hidden" />;
  if (compact) {
    return (
      <div {...identity} className={`sb-task h-full w-full cursor-pointer rounded-md border ${look.chip} ${ring}`}>
        {handle}
      </div>
    );
  }
  return (
    <div
      {...identity}
      className={`sb-task relative h-full w-full cursor-pointer overflow-hidden rounded-md border px-1.5 pt-0.5 ${look.chip} ${ring} ${ofSelectedService ? 'outline-2 outline-offset-2 outline-sky-500' : ''}`}
    >
      {handle}
      <div className="flex items-center gap-1 text-[11px] font-semibold leading-tight">
        <span aria-hidden="true" className={data.lastStatus === 'PENDING' || data.lastStatus === 'PROVISIONING' ? 'sb-pulse' : ''}>
          {look.glyph}
        </span>
        <span data-testid="task-status">{data.lastStatus}</span>
        {data.deployment && (
          <span
            data-testid="deployment-badge"
            title={`${data.deployment.status} ${data.deployment.taskSet ? 'task set' : 'deployment'} of service ${data.deployment.serviceName}`}
            className={`ml-auto rounded px-1 text-[9px] font-bold leading-tight ${data.deployment.status === 'PRIMARY' ? 'bg-indigo-600 text-white' : 'bg-slate-500 text-white'}`}
          >
            {data.deployment.status}
          </span>
        )}
      </div>
      <div className="truncate font-mono text-[10px] leading-tight opacity-80">
        {data.taskId} · {data.taskDefinition}
      </div>
      <div className="flex items-center gap-1 text-[9px] leading-tight opacity-80">
        <span className="truncate">{data.targetHealth ? `${TARGET_LOOK[data.targetHealth.state].glyph} target ${data.targetHealth.state}` : data.phase}</span>
      </div>
      <div className="absolute inset-x-0 bottom-0 h-1 bg-black/5" aria-hidden="true">
        <div className="sb-fill h-full bg-current opacity-50" style={{ width: `${Math.round(data.progress * 100)}%` }} />
      </div>
    </div>
  );
});
