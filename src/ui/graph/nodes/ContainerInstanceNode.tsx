import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { Server } from 'lucide-react';
import type { ContainerInstanceData, ContainerInstanceNode as ContainerInstanceNodeType } from '../types';
import { useEditor } from '../../../store/editor-hooks';
import { Meter, Pill, type PillTone } from './parts';
import { useCompact } from './detail';

function statusOf(data: ContainerInstanceData): { text: string; tone: PillTone; why: string } {
  if (data.status === 'DRAINING') return { text: 'DRAINING', tone: 'orange', why: 'DRAINING: no new tasks are placed here; service tasks are replaced elsewhere.' };
  if (data.status && !data.agentConnected) return { text: `${data.status} · agent disconnected`, tone: 'red', why: 'The ECS container agent is not connected.' };
  if (data.status) return { text: data.status, tone: data.status === 'ACTIVE' ? 'green' : 'grey', why: `Container instance status ${data.status}.` };
  if (data.ec2State === 'pending') return { text: 'EC2 pending', tone: 'amber', why: 'The EC2 instance is booting; the ECS agent registers it once it is running.' };
  if (data.ec2State === 'running') return { text: 'registering', tone: 'amber', why: 'The EC2 instance is running; the ECS agent has not registered it yet.' };
  return { text: `EC2 ${data.ec2State}`, tone: 'grey', why: `EC2 instance state ${data.ec2State}.` };
}

/** A container instance: an EC2 instance in the cluster, with what its tasks reserve, and its task chips. */
export const ContainerInstanceNode = memo(function ContainerInstanceNode({ id, data }: NodeProps<ContainerInstanceNodeType>) {
  const status = statusOf(data);
  const expanded = useEditor((s) => !!s.expanded[id]);
  const toggle = useEditor((s) => s.toggleExpanded);
  const active = data.status === 'ACTIVE' && data.agentConnected;
  const compact = useCompact();
  // What every instance carries, drawn whole or compact (nodes/detail.ts): its role, name, state and tooltip.
  const identity = {
    role: 'group',
    'aria-label': `container instance ${data.ec2InstanceId} ${status.text}`,
    'data-testid': 'container-instance',
    'data-status': data.status ?? data.ec2State,
    title: `${data.containerInstanceArn ?? 'not registered yet'}\nEC2 ${data.ec2InstanceId} (${data.instanceType}) in ${data.availabilityZone}\n${status.why}`,
  };
  const border = active ? 'border-slate-300' : 'border-dashed border-slate-400';
  const handle = <Handle type="target" position={Position.Left} isConnectable={false} className="sb-handle-hidden" />;
  if (compact) {
    return (
      <div {...identity} className={`h-full w-full cursor-pointer rounded-lg border-2 bg-white px-2.5 py-1.5 ${border}`}>
        {handle}
        <div className="truncate font-mono text-[17px] font-semibold text-slate-700">{data.ec2InstanceId}</div>
      </div>
    );
  }
  return (
    <div {...identity} className={`h-full w-full cursor-pointer rounded-lg border bg-white px-2.5 py-1.5 shadow-sm ${border}`}>
      {handle}
      <div className="flex items-center gap-1.5">
        <Server aria-hidden="true" size={13} className="text-indigo-600" />
        <span className="truncate font-mono text-xs font-semibold text-slate-900">{data.ec2InstanceId}</span>
        <span className="ml-auto">
          <Pill tone={status.tone}>{status.text}</Pill>
        </span>
      </div>
      <div className="flex justify-between text-[11px] text-slate-500">
        <span>
          {data.instanceType} · {data.availabilityZone}
        </span>
        <span>{data.capacityProviderName ?? ''}</span>
      </div>
      <div className="mt-1 space-y-0.5">
        {data.cpu && <Meter label="CPU" unit="units" bar={data.cpu} />}
        {data.memory && <Meter label="Memory" unit="MiB" bar={data.memory} />}
        {data.enis && <Meter label="ENIs (awsvpc)" unit="" bar={data.enis} />}
        {data.cpu ? (
          <div className="truncate text-[10px] text-slate-600" title="Host ports held by tasks (the agent's reserved ports 22, 2375, 2376, 51678, 51679 not shown)">
            Host ports: {data.taskHostPorts.length > 0 ? data.taskHostPorts.join(', ') : 'none in use'}
          </div>
        ) : (
          <p className="pt-2 text-[11px] italic text-slate-400">CPU and memory appear when the ECS agent registers.</p>
        )}
      </div>
      {data.cpu && data.taskCount === 0 && !expanded && <p className="text-[11px] italic text-slate-400">No tasks</p>}
      {expanded && (
        <button type="button" className="nodrag text-[10px] text-slate-500 underline" onClick={() => toggle(id)}>
          fold tasks into counts
        </button>
      )}
    </div>
  );
});
