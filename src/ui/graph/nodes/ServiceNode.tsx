import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { Layers } from 'lucide-react';
import type { CodeDeployBadge, DeploymentRow, ServiceNode as ServiceNodeType, TaskSetRow } from '../types';
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

const STATUS_BADGE: Record<string, string> = { PRIMARY: 'bg-indigo-600 text-white', ACTIVE: 'bg-slate-500 text-white', DRAINING: 'bg-orange-500 text-white' };
const CODE_DEPLOY_TONE: Record<string, PillTone> = { Succeeded: 'green', Failed: 'red', Stopped: 'red', InProgress: 'blue', Baking: 'blue', Ready: 'amber' };

/** A task set (blue/green): status, revision, scale, the target group its tasks register in. */
function TaskSet({ t }: { t: TaskSetRow }) {
  return (
    <li
      data-testid="task-set"
      title={`task set ${t.id}\nscale ${t.scale}% of desiredCount = ${t.computedDesiredCount} tasks\n${t.stabilityStatus}`}
      className={`rounded border px-1.5 py-0.5 text-[10px] ${t.status === 'PRIMARY' ? 'border-indigo-300 bg-indigo-50' : 'border-slate-200 bg-slate-50'}`}
    >
      <div className="flex items-center gap-1">
        <span className={`rounded px-1 text-[9px] font-bold ${STATUS_BADGE[t.status] ?? STATUS_BADGE.ACTIVE}`}>{t.status}</span>
        <span className="truncate font-semibold text-slate-800">{t.taskDefinition}</span>
        <span className="text-slate-600">scale {t.scale}%</span>
        <span className="ml-auto truncate text-fuchsia-700">→ {t.targetGroups.join(', ') || 'no target group'}</span>
      </div>
      <div className="text-slate-600">
        {t.runningCount} running · {t.pendingCount} pending of {t.computedDesiredCount} · {t.stabilityStatus}
      </div>
    </li>
  );
}

function CodeDeploy({ d }: { d: CodeDeployBadge }) {
  return (
    <div data-testid="code-deploy" title={`${d.deploymentId}\n${d.deploymentConfigName}`} className="mt-1 flex items-center gap-1 text-[10px] text-slate-700">
      <span className="font-semibold">CodeDeploy</span>
      <Pill tone={CODE_DEPLOY_TONE[d.status] ?? 'grey'}>{d.status}</Pill>
      <span className="truncate">{d.greenWeight}% of production traffic on the replacement</span>
    </div>
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
      {data.taskSets && (
        <ul className="mt-1 space-y-1" aria-label="task sets">
          {data.taskSets.map((t) => (
            <TaskSet key={t.id} t={t} />
          ))}
        </ul>
      )}
      {data.codeDeploy && <CodeDeploy d={data.codeDeploy} />}
    </Card>
  );
});
