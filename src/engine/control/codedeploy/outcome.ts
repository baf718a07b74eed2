/**
 * How a blue/green deployment ends: Succeeded, Failed or Stopped, and the rollback.
 *
 * AWS (CodeDeploy user guide "Redeploy and roll back a deployment with CodeDeploy", "Stop a
 * deployment"; API reference AutoRollbackConfiguration, RollbackInfo, ErrorInformation):
 *  - a deployment rolls back automatically when its group's autoRollbackConfiguration is enabled
 *    for the triggering event: DEPLOYMENT_FAILURE (it failed), DEPLOYMENT_STOP_ON_ALARM (an alarm
 *    of the group's alarmConfiguration went to ALARM), DEPLOYMENT_STOP_ON_REQUEST (StopDeployment);
 *    StopDeployment's autoRollbackEnabled decides for that call;
 *  - a rollback is a new deployment (creator codeDeployRollback); the failed one's rollbackInfo
 *    names it, and it names the deployment that triggered it;
 *  - for ECS, rolling back reroutes production (and test) traffic to the original task set and
 *    deletes the replacement task set.
 * Choices: the rollback happens at once (traffic back to blue in one ModifyListener, then the
 * green task set DRAINING), and the rollback deployment is Succeeded when it has done that.
 * Without a rollback, traffic and task sets stay as they were when the deployment ended.
 */
import type { Simulation } from '../../simulation';
import type { CodeDeployDeployment, CodeDeployDeploymentGroup, CodeDeployDeploymentStatus } from '../../world/codedeploy-types';
import { codeDeployOf, groupKey, newDeploymentId } from '../../aws/codedeploy/common';
import { deleteTaskSetRecord, setPrimaryTaskSet } from '../../aws/ecs/task-sets-store';
import { requestReconcile } from '../services/reconcile';
import { setProductionTraffic, setTestTraffic } from './traffic';

export const FINAL: CodeDeployDeploymentStatus[] = ['Succeeded', 'Failed', 'Stopped'];
export const isFinal = (d: CodeDeployDeployment) => FINAL.includes(d.status);

export const groupOf = (sim: Simulation, d: CodeDeployDeployment): CodeDeployDeploymentGroup | undefined =>
  codeDeployOf(sim.world).deploymentGroups[groupKey(d.applicationName, d.deploymentGroupName)];

export function say(sim: Simulation, d: CodeDeployDeployment, message: string, detail?: Record<string, unknown>): void {
  sim.emit({ source: 'codedeploy', kind: 'codedeploy.deployment', resource: d.deploymentId, message: `Deployment ${d.deploymentId}: ${message}`, ...(detail ? { detail } : {}) });
}

/** Moves a lifecycle event to a status (InProgress stamps startTime; an end status stamps endTime). */
export function lifecycle(sim: Simulation, d: CodeDeployDeployment, name: string, status: 'InProgress' | 'Succeeded' | 'Failed' | 'Skipped'): void {
  const e = d.lifecycleEvents.find((x) => x.lifecycleEventName === name);
  if (!e || e.status === status) return;
  e.status = status;
  e.startTime ??= sim.now;
  if (status !== 'InProgress') e.endTime = sim.now;
  sim.emit({ source: 'codedeploy', kind: 'codedeploy.lifecycleEvent', resource: d.deploymentId, message: `Deployment ${d.deploymentId}: lifecycle event ${name} ${status}.`, detail: { lifecycleEventName: name, status } });
}

function record(sim: Simulation, d: CodeDeployDeployment): void {
  const group = groupOf(sim, d);
  if (!group) return;
  const entry = { deploymentId: d.deploymentId, status: d.status, createTime: d.createTime, ...(d.completeTime !== undefined ? { endTime: d.completeTime } : {}) };
  group.lastAttemptedDeployment = entry;
  if (d.status === 'Succeeded') group.lastSuccessfulDeployment = entry;
}

export function setStatus(sim: Simulation, d: CodeDeployDeployment, status: CodeDeployDeploymentStatus, why: string): void {
  d.status = status;
  if (isFinal(d)) {
    d.completeTime = sim.now;
    d.phase = 'Done';
    for (const e of d.lifecycleEvents) {
      if (e.status === 'InProgress') lifecycle(sim, d, e.lifecycleEventName, status === 'Succeeded' ? 'Succeeded' : 'Failed');
      else if (e.status === 'Pending') lifecycle(sim, d, e.lifecycleEventName, 'Skipped');
    }
  }
  record(sim, d);
  say(sim, d, `${status}. ${why}`, { status });
}

/** Traffic back to the original task set, the replacement deleted; returns the rollback deployment. */
function rollBack(sim: Simulation, d: CodeDeployDeployment, why: string): CodeDeployDeployment {
  const service = sim.world.services[d.serviceArn];
  const taskSets = sim.world.taskSets ?? {};
  const blue = d.blueTaskSetArn ? taskSets[d.blueTaskSetArn] : undefined;
  const green = d.greenTaskSetArn ? taskSets[d.greenTaskSetArn] : undefined;
  if (d.greenWeight > 0) setProductionTraffic(sim, d, 0);
  if (d.testListenerArns.length > 0 && d.lifecycleEvents.find((e) => e.lifecycleEventName === 'AllowTestTraffic')?.status !== 'Pending') setTestTraffic(sim, d, d.blueTargetGroupArn);
  if (service && blue && blue.status !== 'PRIMARY' && blue.status !== 'DRAINING') setPrimaryTaskSet(sim, service, blue);
  if (service && green) deleteTaskSetRecord(sim, service, green, `rollback of deployment ${d.deploymentId}`);
  if (service) requestReconcile(sim, service, 0);
  const id = newDeploymentId(sim);
  const rollback: CodeDeployDeployment = {
    ...structuredClone(d),
    deploymentId: id,
    creator: 'codeDeployRollback',
    status: 'Succeeded',
    createTime: sim.now,
    startTime: sim.now,
    completeTime: sim.now,
    appSpec: { ...d.appSpec, taskDefinition: blue?.taskDefinition ?? d.appSpec.taskDefinition },
    rollbackInfo: { rollbackTriggeringDeploymentId: d.deploymentId, rollbackMessage: `Rollback of deployment ${d.deploymentId}: ${why}` },
    deploymentStatusMessages: [],
    phase: 'Done',
    greenWeight: 0,
    lifecycleEvents: d.lifecycleEvents.map((e) => ({ lifecycleEventName: e.lifecycleEventName, status: 'Succeeded' as const, startTime: sim.now, endTime: sim.now })),
  };
  delete rollback.errorInformation;
  delete rollback.nextTickAt;
  codeDeployOf(sim.world).deployments[id] = rollback;
  d.rollbackInfo = { rollbackDeploymentId: id, rollbackMessage: `Deployment ${d.deploymentId} was rolled back by deployment ${id}: ${why}` };
  say(sim, rollback, `rollback of ${d.deploymentId} Succeeded: production traffic is back on the original task set${blue ? ` ${blue.id}` : ''} and the replacement task set is deleted.`, { status: 'Succeeded' });
  return rollback;
}

export type EndTrigger = 'DEPLOYMENT_FAILURE' | 'DEPLOYMENT_STOP_ON_ALARM' | 'DEPLOYMENT_STOP_ON_REQUEST';

/** Ends a deployment as Failed or Stopped with CodeDeploy's error, and rolls back when configured. */
export function endUnsuccessfully(sim: Simulation, d: CodeDeployDeployment, status: 'Failed' | 'Stopped', error: { code: string; message: string }, trigger: EndTrigger, rollbackOverride?: boolean): void {
  const rollbackConfig = groupOf(sim, d)?.autoRollbackConfiguration;
  const rollback = rollbackOverride ?? (!!rollbackConfig?.enabled && rollbackConfig.events.includes(trigger));
  d.errorInformation = error;
  setStatus(sim, d, status, `${error.code}: ${error.message}${rollback ? ' Rolling back.' : ' No rollback: traffic and task sets stay as they are.'}`);
  if (rollback) rollBack(sim, d, error.message);
}
