/**
 * Why: the reasons behind what happened to the selected resource, from what the engine recorded.
 * A task: its placement table (every container instance with pass/fail and the detail, each
 * strategy step and what it kept, the winner and the summary; large clusters' counts), its status
 * history and stop reason. A service: deployment progress against its bounds and the circuit
 * breaker count against its threshold, and its service events. A scaling policy: the metric, its
 * alarms and each activity's cause. Anything else: its events from the log (e.g. a target group's
 * health checks).
 */
import type { World } from '../../engine/world/types';
import { formatElapsed as formatTime } from '../format';
import { circuitBreakerThreshold, deploymentBounds, deploymentProgress } from './derived';

const short = (arn: string) => arn.slice(arn.lastIndexOf('/') + 1);
const th = 'px-1 py-0.5 text-left font-medium text-slate-500';
const td = 'px-1 py-0.5 align-top';

function EventList({ world, resource, kinds, title }: { world: World; resource: string; kinds?: string; title: string }) {
  const events = world.events.filter((e) => e.resource === resource && (!kinds || e.kind.startsWith(kinds))).slice(-30).reverse();
  return (
    <section>
      <h3 className="mt-3 text-xs font-semibold text-slate-600">{title}</h3>
      {events.length === 0 && <p className="text-xs text-slate-500">Nothing recorded yet.</p>}
      <ul className="space-y-0.5 text-xs">
        {events.map((e, i) => (
          <li key={i}>
            <span className="font-mono text-slate-500">{formatTime(e.at)}</span> {e.message}
          </li>
        ))}
      </ul>
    </section>
  );
}

function TaskWhy({ world, id }: { world: World; id: string }) {
  const t = world.tasks[id];
  if (!t) return <p className="text-sm text-slate-500">This task no longer exists at this time.</p>;
  const p = t.placement;
  return (
    <div>
      {t.stopCode && (
        <p className="mb-2 rounded border border-slate-200 bg-slate-50 p-2 text-xs">
          <b>stopCode</b> {t.stopCode}: {t.stoppedReason}
        </p>
      )}
      {!p && <p className="text-xs text-slate-500">{t.launchType === 'FARGATE' ? 'Fargate places tasks itself: spread over the Availability Zones of the subnets given (no strategies or constraints).' : 'No placement recorded for this task.'}</p>}
      {p && (
        <section aria-label="placement">
          <h3 className="text-xs font-semibold text-slate-600">Placement</h3>
          <p className="text-xs">{p.summary}</p>
          {p.rejectedCounts && (
            <p className="text-xs text-slate-600">
              Rejected by reason: {Object.entries(p.rejectedCounts).map(([r, n]) => `${r} ${n}`).join(', ') || 'none'}
              {p.candidatesOmitted ? ` (${p.candidatesOmitted} more instances not listed)` : ''}
            </p>
          )}
          <table className="mt-1 w-full text-xs" data-testid="placement-table">
            <thead>
              <tr>
                <th className={th}>instance</th>
                <th className={th}>AZ</th>
                <th className={th}>resources &amp; constraints</th>
              </tr>
            </thead>
            <tbody>
              {p.candidates.map((c) => (
                <tr key={c.containerInstanceArn} className={c.containerInstanceArn === p.chosen ? 'bg-emerald-50 font-medium' : ''}>
                  <td className={`${td} font-mono`}>
                    {c.ec2InstanceId}
                    {c.containerInstanceArn === p.chosen && ' ★ chosen'}
                  </td>
                  <td className={td}>{c.availabilityZone.slice(-2)}</td>
                  <td className={td}>{c.rejectedBy ? <span className="text-red-700">✕ {c.rejectedBy}{c.detail ? `: ${c.detail}` : ''}</span> : <span className="text-emerald-700">✓ fits{c.detail ? `: ${c.detail}` : ''}</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {p.strategy.length > 0 && (
            <ol className="mt-2 list-decimal pl-4 text-xs">
              {p.strategy.map((s, i) => (
                <li key={i}>
                  <b>
                    {s.type}
                    {s.field ? `(${s.field})` : ''}
                  </b>{' '}
                  kept {s.keptCount ?? s.kept.length}: {s.note}
                </li>
              ))}
            </ol>
          )}
        </section>
      )}
      <EventList world={world} resource={id} title="Status history" />
    </div>
  );
}

function ServiceWhy({ world, id }: { world: World; id: string }) {
  const s = world.services[id];
  if (!s) return <p className="text-sm text-slate-500">This service no longer exists at this time.</p>;
  const dc = s.deploymentConfiguration;
  const b = deploymentBounds(s.desiredCount, dc.minimumHealthyPercent, dc.maximumPercent);
  const threshold = circuitBreakerThreshold(s.desiredCount);
  const rows = deploymentProgress(world, s);
  const primary = s.deployments.find((d) => d.status === 'PRIMARY');
  return (
    <div>
      <section aria-label="deployment bounds" className="text-xs">
        <h3 className="font-semibold text-slate-600">Deployment bounds</h3>
        <p>
          desiredCount <b>{b.desired}</b>; lower bound ⌈{b.desired} × {dc.minimumHealthyPercent}%⌉ = <b>{b.lower}</b> RUNNING; upper bound ⌊{b.desired} × {dc.maximumPercent}%⌋ = <b>{b.upper}</b> RUNNING or PENDING.
        </p>
        <table className="mt-1 w-full">
          <thead>
            <tr>
              <th className={th}>deployment</th>
              <th className={th}>taskDefinition</th>
              <th className={th}>running</th>
              <th className={th}>pending</th>
              <th className={th}>rollout</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td className={td}>{r.status}</td>
                <td className={`${td} font-mono`}>{r.taskDefinition}</td>
                <td className={td}>{r.running}</td>
                <td className={td}>{r.pending}</td>
                <td className={td} title={r.rolloutStateReason}>
                  {r.rolloutState}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="mt-1">
          Total {rows.reduce((n, r) => n + r.running, 0)} running + {rows.reduce((n, r) => n + r.pending, 0)} pending, within [{b.lower}, {b.upper}].
        </p>
        <h3 className="mt-2 font-semibold text-slate-600">Circuit breaker</h3>
        <p>
          {dc.deploymentCircuitBreaker.enable
            ? `${primary?.circuitBreakerFailures ?? 0} of ${threshold} failures (threshold ⌈0.5 × ${s.desiredCount}⌉ clamped to 3..200)${dc.deploymentCircuitBreaker.rollback ? '; at the threshold the deployment fails and rolls back.' : '; at the threshold the deployment fails.'}`
            : 'Not enabled: a failing deployment keeps retrying.'}
        </p>
        {primary?.rolloutStateReason && <p className="text-slate-600">{primary.rolloutStateReason}</p>}
      </section>
      <section>
        <h3 className="mt-3 text-xs font-semibold text-slate-600">Service events</h3>
        <ul className="space-y-0.5 text-xs">
          {s.events.slice(0, 20).map((e) => (
            <li key={e.id}>
              <span className="font-mono text-slate-500">{formatTime(e.createdAt)}</span> {e.message}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

function ScalingWhy({ world, id }: { world: World; id: string }) {
  const state = world.applicationAutoScaling;
  const p = Object.values(state?.scalingPolicies ?? {}).find((x) => x.PolicyARN === id);
  if (!p) return <p className="text-sm text-slate-500">This policy no longer exists at this time.</p>;
  const metric = p.TargetTrackingScalingPolicyConfiguration?.PredefinedMetricSpecification?.PredefinedMetricType ?? p.PolicyType;
  const activities = (state?.activities ?? []).filter((a) => a.ResourceId === p.ResourceId).slice(-15).reverse();
  return (
    <div className="text-xs">
      <p>
        <b>{metric}</b>
        {p.TargetTrackingScalingPolicyConfiguration ? ` target ${p.TargetTrackingScalingPolicyConfiguration.TargetValue}` : ''} for {p.ResourceId}
      </p>
      <h3 className="mt-2 font-semibold text-slate-600">Alarms</h3>
      <ul>
        {p.Alarms.map((a) => {
          const alarm = world.alarms[a.AlarmName];
          return (
            <li key={a.AlarmName}>
              <span className="font-mono">{a.AlarmName}</span> {alarm ? `${alarm.StateValue}: ${alarm.StateReason}` : ''}
            </li>
          );
        })}
      </ul>
      <h3 className="mt-2 font-semibold text-slate-600">Scaling activities</h3>
      {activities.length === 0 && <p className="text-slate-500">None yet.</p>}
      <ul className="space-y-1">
        {activities.map((a) => (
          <li key={a.ActivityId}>
            <span className="font-mono text-slate-500">{formatTime(a.StartTime)}</span> {a.Description} <i>({a.StatusCode})</i>
            <br />
            <span className="text-slate-600">Cause: {a.Cause}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function WhyTab({ kind, id, world }: { kind: string; id: string; world: World }) {
  let body;
  if (kind === 'task') body = <TaskWhy world={world} id={id} />;
  else if (kind === 'service') body = <ServiceWhy world={world} id={id} />;
  else if (kind === 'scalingPolicy') body = <ScalingWhy world={world} id={id} />;
  else if (kind === 'targetGroup') body = <EventList world={world} resource={id} kinds="elb.target" title="Health checks and registrations" />;
  else if (kind === 'containerInstance') body = <EventList world={world} resource={world.instances[id]?.containerInstanceArn ?? id} title={`Events of ${short(id)}`} />;
  else body = <EventList world={world} resource={id} title="Events" />;
  return <div className="p-3">{body}</div>;
}
