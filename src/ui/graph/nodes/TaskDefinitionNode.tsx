import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { FileCode } from 'lucide-react';
import type { TaskDefinitionNode as TaskDefinitionNodeType } from '../types';
import { Card, Pill } from './parts';

/** A task definition revision: family:revision, network mode, task size and its containers' images. */
export const TaskDefinitionNode = memo(function TaskDefinitionNode({ data }: NodeProps<TaskDefinitionNodeType>) {
  const name = `${data.family}:${data.revision}`;
  return (
    <Card
      accent="taskDefinition"
      icon={FileCode}
      kind="Task definition"
      name={name}
      testId="task-definition"
      label={`task definition ${name}`}
      dashed={data.status !== 'ACTIVE'}
      status={<Pill tone={data.status === 'ACTIVE' ? 'green' : 'grey'}>{data.status}</Pill>}
    >
      <div className="text-[11px] text-slate-500">
        {data.networkMode}
        {data.cpu ? ` · ${data.cpu} CPU` : ''}
        {data.memory ? ` · ${data.memory} MiB` : ''}
        {data.requiresCompatibilities.length > 0 ? ` · ${data.requiresCompatibilities.join(', ')}` : ''}
      </div>
      {data.containers.map((c) => (
        <div key={c.name} className="truncate font-mono text-[10px] text-slate-600" title={c.image}>
          {c.name}: {c.image.slice(c.image.lastIndexOf('/') + 1)}
        </div>
      ))}
    </Card>
  );
});
