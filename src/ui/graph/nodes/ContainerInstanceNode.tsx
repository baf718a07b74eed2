import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { ContainerInstanceNode as ContainerInstanceNodeType, ResourceBar } from '../types';
import { percent } from '../../format';

function Bar({ label, unit, bar }: { label: string; unit: string; bar: ResourceBar }) {
  const used = bar.registered - bar.remaining;
  return (
    <div className="text-[10px] text-slate-600">
      <div className="flex justify-between">
        <span>{label}</span>
        <span>
          {bar.remaining} of {bar.registered} {unit} remaining
        </span>
      </div>
      <div
        role="meter"
        aria-label={`${label} reserved`}
        aria-valuemin={0}
        aria-valuemax={bar.registered}
        aria-valuenow={used}
        className="mt-0.5 h-1.5 overflow-hidden rounded bg-slate-200"
      >
        <div className="h-full rounded bg-indigo-500" style={{ width: `${percent(used, bar.registered)}%` }} />
      </div>
    </div>
  );
}

function statusText(data: ContainerInstanceNodeType['data']): string {
  if (data.status) return data.agentConnected ? data.status : `${data.status} · agent disconnected`;
  if (data.ec2State === 'pending') return 'EC2 pending · booting';
  if (data.ec2State === 'running') return 'EC2 running · agent not registered yet';
  return `EC2 ${data.ec2State}`;
}

/** A container instance (an EC2 instance in the cluster) with its reserved CPU and memory. */
export const ContainerInstanceNode = memo(function ContainerInstanceNode({ data }: NodeProps<ContainerInstanceNodeType>) {
  const active = data.status === 'ACTIVE' && data.agentConnected;
  return (
    <div
      aria-label={`container instance ${data.ec2InstanceId}`}
      data-testid="container-instance"
      className={`h-full w-full rounded-lg border bg-white px-3 py-2 shadow-sm ${active ? 'border-slate-300' : 'border-dashed border-slate-400'}`}
    >
      <div className="flex items-baseline justify-between gap-2">
        <span className="truncate font-mono text-xs font-semibold text-slate-900">{data.ec2InstanceId}</span>
        <span className="shrink-0 text-[11px] text-slate-600">{data.instanceType}</span>
      </div>
      <div className="flex justify-between text-[11px] text-slate-500">
        <span>{data.availabilityZone}</span>
        <span className={active ? 'font-medium text-emerald-700' : 'font-medium text-amber-700'}>{statusText(data)}</span>
      </div>
      <div className="mt-1.5 space-y-1">
        {data.cpu && <Bar label="CPU" unit="units" bar={data.cpu} />}
        {data.memory && <Bar label="Memory" unit="MiB" bar={data.memory} />}
        {!data.cpu && <p className="pt-2 text-[11px] italic text-slate-400">Resources appear when the ECS agent registers.</p>}
      </div>
      {data.cpu && data.taskCount === 0 && (
        <p className="absolute bottom-4 left-3 text-[11px] italic text-slate-400">No tasks</p>
      )}
    </div>
  );
});
