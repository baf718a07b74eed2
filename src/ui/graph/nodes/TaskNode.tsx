import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { TaskNode as TaskNodeType } from '../types';
import { taskStatusLook } from '../../status';

/** A task chip: its status as colour, marker and text, with the task id and definition. */
export const TaskNode = memo(function TaskNode({ data }: NodeProps<TaskNodeType>) {
  const look = taskStatusLook(data.lastStatus);
  const ports = data.hostPorts.length > 0 ? ` · host port ${data.hostPorts.join(', ')}` : '';
  return (
    <div
      role="group"
      aria-label={`task ${data.taskId} ${data.lastStatus}`}
      data-testid="task"
      data-status={data.lastStatus}
      title={`${data.taskArn}\n${data.taskDefinition} · ${data.launchType}${ports}\nlastStatus ${data.lastStatus}, desiredStatus ${data.desiredStatus}${data.stoppedReason ? `\n${data.stoppedReason}` : ''}`}
      className={`h-full w-full rounded-md border px-2 py-1 ${look.chip}`}
    >
      <div className="flex items-center gap-1 text-[11px] font-semibold leading-tight">
        <span aria-hidden="true">{look.glyph}</span>
        <span data-testid="task-status">{data.lastStatus}</span>
      </div>
      <div className="truncate font-mono text-[10px] leading-tight opacity-80">
        {data.taskId} · {data.taskDefinition}
      </div>
    </div>
  );
});
