import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { Layers } from 'lucide-react';
import type { DeploymentRow, ServiceNode as ServiceNodeType } from '../types';
import { Card, Pill, type PillTone } from './parts';

const ROLLOUT_TONE: Record<string, PillTone> = { COMPLETED: 'green', IN_PROGRESS: 'blue', FAILED: 'red' };

function Deployment({ d }: { d: DeploymentRow }) {
  return (
    <li
      data-testid="deployment"
      title={`${d.id}\n${d.rolloutStateReason}${d.failedTasks ? `\nfailedTasks ${d.failedTasks}` : ''}`}
      className={`rounded border px-1.5 py-0.5 text-[10px] ${d.status === 'PRIMARY' ? 'border-indigo-300 bg-indigo-50' : 'border-slate-200 bg-slate-50'}`}
    >
      <div className="flex items-center gap-1">
        <span className={`rounded px-1 text-[9px] font-bold ${d.status === 'PRIMARY' ? 'bg-indigo-600 text-white' : 'bg-slate-500 text-white'}`}>{d.status}</span>
        <span className="truncate font-semibold text-slate-800">{d.taskDefinition}</span>
        <span className="ml-auto">
          <Pill tone={ROLLOUT_TONE[d.rolloutState] ?? 'grey'}>{d.rolloutState}</Pill>
        </span>
      </div>
      <div className="text-slate-600">
        {d.runningCount} running · {d.pendingCount} pending{d.failedTasks > 0 ? ` · ${d.failedTasks} failed` : ''}
      </div>
    </li>
  );
}

/** An ECS service: desired vs running, its deployment bounds, and each deployment's progress. */
export const ServiceNode = memo(function ServiceNode({ data }: NodeProps<ServiceNodeType>) {
  return (
    <Card
      accent="ecs"
      icon={Layers}
      kind="ECS service"
      name={data.serviceName}
      testId="service"
      label={`service ${data.serviceName}`}
      title={data.serviceArn}
      dashed={data.status !== 'ACTIVE'}
      status={
        <>
          {data.status !== 'ACTIVE' && <Pill tone="orange">{data.status}</Pill>}
          <Pill tone={data.steady ? 'green' : 'blue'} title={data.steady ? 'The service has reached a steady state.' : 'Tasks are being started or stopped.'}>
            {data.steady ? 'steady state' : 'changing'}
          </Pill>
        </>
      }
    >
      <div className="text-[11px] text-slate-600">
        desired {data.desiredCount} · running {data.runningCount} · pending {data.pendingCount}
      </div>
      <div className="text-[10px] text-slate-500">
        {data.schedulingStrategy} · {data.launchType} · min {data.minimumHealthyPercent}% / max {data.maximumPercent}%
      </div>
      <ul className="mt-1 space-y-1" aria-label="deployments">
        {data.deployments.map((d) => (
          <Deployment key={d.id} d={d} />
        ))}
      </ul>
    </Card>
  );
});
