/**
 * The blue/green process of an ECS deployment, one `codedeploy.tick` event at a time.
 *
 * AWS (CodeDeploy user guide "What happens during an Amazon ECS deployment", "AppSpec 'hooks'
 * section for an Amazon ECS deployment"; API reference DeploymentReadyOption,
 * BlueInstanceTerminationOption, ContinueDeployment): lifecycle events BeforeInstall, Install
 * (the replacement task set is created at 100% behind the second target group and must become
 * healthy), AfterInstall, AllowTestTraffic (the test listener serves the replacement),
 * AfterAllowTestTraffic, BeforeAllowTraffic, AllowTraffic (production traffic shifts by the
 * deployment configuration), AfterAllowTraffic. With deploymentReadyOption STOP_DEPLOYMENT the
 * deployment is Ready and waits for ContinueDeployment; if nobody continues within
 * waitTimeInMinutes it is Stopped. With CONTINUE_DEPLOYMENT and a wait time it reroutes by itself
 * when the wait ends (ContinueDeployment reroutes earlier). After the shift the replacement is the
 * PRIMARY task set; the original is deleted after terminationWaitTimeInMinutes (ContinueDeployment
 * with TERMINATION_WAIT ends the wait early) and then the deployment is Succeeded. The group's
 * CloudWatch alarms are polled throughout; one in ALARM stops the deployment (ALARM_ACTIVE).
 *
 * Choices: the deployment starts on the tick after CreateDeployment (same simulated second);
 * Lambda hooks are not modelled, so hook events succeed at once; the process polls every
 * POLL_SECONDS (5 s) and also wakes exactly when a traffic step or wait is due; the replacement
 * must be STEADY_STATE within INSTALL_TIMEOUT_SECONDS (60 minutes), else the deployment Fails with
 * the error CodeDeploy reports for it; an alarm that does not exist counts as a failed poll
 * (the deployment stops unless ignorePollAlarmFailure); a task set left by an earlier deployment
 * that failed without rollback is deleted when the next deployment starts.
 */
import type { KernelEvent } from '../../kernel/kernel';
import type { Simulation } from '../../simulation';
import type { CodeDeployDeployment } from '../../world/codedeploy-types';
import { codeDeployOf, ECS_DEPLOYMENT_CONFIGS, greenPercentAt, nextShiftAt } from '../../aws/codedeploy/common';
import { createTaskSetRecord, deleteTaskSetRecord, primaryTaskSet, setPrimaryTaskSet, taskSetsOfService } from '../../aws/ecs/task-sets-store';
import { AwsError } from '../../aws/errors';
import { requestReconcile } from '../services/reconcile';
import { endUnsuccessfully, groupOf, isFinal, lifecycle, say, setStatus } from './outcome';
import { setProductionTraffic, setTestTraffic } from './traffic';

export const TICK_EVENT = 'codedeploy.tick';
export const POLL_SECONDS = 5;
export const INSTALL_TIMEOUT_SECONDS = 3600;
export const INSTALL_TIMEOUT_MESSAGE = 'The deployment timed out while waiting for the replacement task set to become healthy. This time out period is 60 minutes.';

export function requestTick(sim: Simulation, d: CodeDeployDeployment, delay = 0): void {
  const at = sim.now + delay;
  if (d.nextTickAt !== undefined && d.nextTickAt >= sim.now && d.nextTickAt <= at) return;
  d.nextTickAt = at;
  sim.schedule(delay, { type: TICK_EVENT, deploymentId: d.deploymentId, at });
}

export function onTick(sim: Simulation, event: KernelEvent): void {
  const d = codeDeployOf(sim.world).deployments[String(event.deploymentId)];
  if (!d || d.nextTickAt !== event.at || isFinal(d)) return;
  d.nextTickAt = undefined;
  let next: number | undefined = 0;
  try {
    for (let guard = 0; next === 0 && guard < 10 && !isFinal(d); guard++) next = step(sim, d);
  } catch (e) {
    if (!(e instanceof AwsError)) throw e;
    // A listener or target group the deployment needs was changed or deleted under it.
    endUnsuccessfully(sim, d, 'Failed', { code: 'ELASTIC_LOAD_BALANCING_INVALID', message: `The load balancer configuration could not be changed: ${e.message}` }, 'DEPLOYMENT_FAILURE');
    return;
  }
  if (!isFinal(d)) requestTick(sim, d, Math.max(1, Math.min(POLL_SECONDS, next ?? POLL_SECONDS)));
}

/** The group's alarms: the first in ALARM (or that cannot be read), if any. */
function alarmProblem(sim: Simulation, d: CodeDeployDeployment): { code: string; message: string } | undefined {
  const config = groupOf(sim, d)?.alarmConfiguration;
  if (!config?.enabled) return undefined;
  const active = config.alarms.filter((a) => sim.world.alarms[a.name]?.StateValue === 'ALARM').map((a) => a.name);
  if (active.length > 0) {
    return { code: 'ALARM_ACTIVE', message: `One or more alarms have been activated according to the Amazon CloudWatch metrics you selected, and the affected deployments have been stopped. Activated alarms: ${active.join(', ')}` };
  }
  const missing = config.alarms.filter((a) => !sim.world.alarms[a.name]).map((a) => a.name);
  if (missing.length > 0 && !config.ignorePollAlarmFailure) return { code: 'ALARM_ACTIVE', message: `The state of alarms could not be retrieved from Amazon CloudWatch: ${missing.join(', ')} not found.` };
  return undefined;
}

/** One step of the process; returns seconds until the next step is due (0: now). */
function step(sim: Simulation, d: CodeDeployDeployment): number | undefined {
  const service = sim.world.services[d.serviceArn];
  if (!service || service.status !== 'ACTIVE') {
    endUnsuccessfully(sim, d, 'Failed', { code: 'INVALID_ECS_SERVICE', message: `The ECS service ${d.targetId} is not ACTIVE.` }, 'DEPLOYMENT_FAILURE');
    return undefined;
  }
  const alarm = d.phase !== 'Start' ? alarmProblem(sim, d) : undefined;
  if (alarm) {
    endUnsuccessfully(sim, d, 'Stopped', alarm, 'DEPLOYMENT_STOP_ON_ALARM');
    return undefined;
  }
  const taskSets = sim.world.taskSets ?? {};
  switch (d.phase) {
    case 'Start': {
      const blue = primaryTaskSet(sim.world, service.serviceArn);
      for (const leftover of taskSetsOfService(sim.world, service.serviceArn)) {
        if (leftover !== blue && leftover.status === 'ACTIVE') deleteTaskSetRecord(sim, service, leftover, 'left by an earlier deployment');
      }
      d.startTime = sim.now;
      d.blueTaskSetArn = blue?.taskSetArn;
      setStatus(sim, d, 'InProgress', `Deploying ${d.appSpec.taskDefinition.split('/').pop()} to ${d.targetId}.`);
      lifecycle(sim, d, 'BeforeInstall', 'Succeeded');
      lifecycle(sim, d, 'Install', 'InProgress');
      const green = createTaskSetRecord(sim, service, {
        taskDefinition: d.appSpec.taskDefinition,
        launchType: service.launchType,
        ...(service.launchType === 'FARGATE' ? { platformVersion: d.appSpec.platformVersion ?? service.platformVersion ?? 'LATEST' } : {}),
        ...((d.appSpec.networkConfiguration ?? service.networkConfiguration) ? { networkConfiguration: d.appSpec.networkConfiguration ?? service.networkConfiguration } : {}),
        loadBalancers: [{ targetGroupArn: d.greenTargetGroupArn, containerName: d.appSpec.containerName, containerPort: d.appSpec.containerPort }],
        scale: 100,
        status: 'ACTIVE',
        startedBy: 'CodeDeploy',
        externalId: d.deploymentId,
      });
      d.greenTaskSetArn = green.taskSetArn;
      d.installStartedAt = sim.now;
      d.phase = 'Install';
      say(sim, d, `Install: replacement task set ${green.id} created with ${d.appSpec.taskDefinition.split('/').pop()} at 100% behind the replacement target group; waiting for its tasks to be healthy.`);
      requestReconcile(sim, service, 0);
      return POLL_SECONDS;
    }
    case 'Install': {
      const green = d.greenTaskSetArn ? taskSets[d.greenTaskSetArn] : undefined;
      if (green?.stabilityStatus === 'STEADY_STATE' && green.status !== 'DRAINING') {
        lifecycle(sim, d, 'Install', 'Succeeded');
        lifecycle(sim, d, 'AfterInstall', 'Succeeded');
        if (d.testListenerArns.length > 0) {
          setTestTraffic(sim, d, d.greenTargetGroupArn);
          say(sim, d, 'AllowTestTraffic: the test listener now routes to the replacement task set.');
        }
        lifecycle(sim, d, 'AllowTestTraffic', 'Succeeded');
        lifecycle(sim, d, 'AfterAllowTestTraffic', 'Succeeded');
        const { actionOnTimeout, waitTimeInMinutes } = d.readyOption;
        if (actionOnTimeout === 'STOP_DEPLOYMENT' || waitTimeInMinutes > 0) {
          d.phase = 'Ready';
          d.readyWaitEndsAt = sim.now + waitTimeInMinutes * 60;
          setStatus(sim, d, 'Ready', `The replacement task set is ready; ${actionOnTimeout === 'STOP_DEPLOYMENT' ? `waiting up to ${waitTimeInMinutes} minutes for ContinueDeployment before the deployment is stopped` : `production traffic is rerouted in ${waitTimeInMinutes} minutes, or at ContinueDeployment`}.`);
          return waitTimeInMinutes * 60;
        }
        return beginTraffic(sim, d);
      }
      if (sim.now - (d.installStartedAt ?? sim.now) >= INSTALL_TIMEOUT_SECONDS) {
        endUnsuccessfully(sim, d, 'Failed', { code: 'ECS_UPDATE_ERROR', message: INSTALL_TIMEOUT_MESSAGE }, 'DEPLOYMENT_FAILURE');
        return undefined;
      }
      return POLL_SECONDS;
    }
    case 'Ready': {
      const left = (d.readyWaitEndsAt ?? sim.now) - sim.now;
      if (left > 0) return left;
      if (d.readyOption.actionOnTimeout === 'STOP_DEPLOYMENT') {
        endUnsuccessfully(sim, d, 'Stopped', { code: 'TIMEOUT', message: `The deployment was stopped because traffic was not rerouted within ${d.readyOption.waitTimeInMinutes} minutes (deploymentReadyOption STOP_DEPLOYMENT).` }, 'DEPLOYMENT_FAILURE', true);
        return undefined;
      }
      return beginTraffic(sim, d);
    }
    case 'Traffic':
      return shiftTraffic(sim, d);
    case 'TerminationWait': {
      const left = (d.terminationEndsAt ?? sim.now) - sim.now;
      if (left > 0) return left;
      const blue = d.blueTaskSetArn ? taskSets[d.blueTaskSetArn] : undefined;
      if (blue) deleteTaskSetRecord(sim, service, blue, `original task set of deployment ${d.deploymentId}`);
      requestReconcile(sim, service, 0);
      setStatus(sim, d, 'Succeeded', 'The original task set was deleted after the termination wait.');
      return undefined;
    }
    default:
      return undefined;
  }
}

/** ContinueDeployment: READY_WAIT reroutes now; TERMINATION_WAIT deletes the original now. */
export function continueDeployment(sim: Simulation, d: CodeDeployDeployment, wait: 'READY_WAIT' | 'TERMINATION_WAIT'): void {
  say(sim, d, `ContinueDeployment (${wait}).`);
  if (wait === 'READY_WAIT') beginTraffic(sim, d);
  else d.terminationEndsAt = sim.now;
  d.nextTickAt = undefined;
  requestTick(sim, d, 0);
}

function beginTraffic(sim: Simulation, d: CodeDeployDeployment): number {
  if (d.status !== 'InProgress') setStatus(sim, d, 'InProgress', 'Rerouting production traffic.');
  lifecycle(sim, d, 'BeforeAllowTraffic', 'Succeeded');
  lifecycle(sim, d, 'AllowTraffic', 'InProgress');
  d.phase = 'Traffic';
  d.trafficShiftStartedAt = sim.now;
  return 0;
}

function shiftTraffic(sim: Simulation, d: CodeDeployDeployment): number | undefined {
  const config = ECS_DEPLOYMENT_CONFIGS[d.deploymentConfigName] ?? ECS_DEPLOYMENT_CONFIGS['CodeDeployDefault.ECSAllAtOnce'];
  const elapsed = sim.now - (d.trafficShiftStartedAt ?? sim.now);
  const percent = greenPercentAt(config, elapsed);
  if (percent !== d.greenWeight) {
    setProductionTraffic(sim, d, percent);
    say(sim, d, `AllowTraffic: ${percent}% of production traffic to the replacement task set, ${100 - percent}% to the original (${d.deploymentConfigName}).`, { greenPercent: percent });
  }
  if (percent < 100) return (nextShiftAt(config, elapsed) ?? elapsed) - elapsed;
  const service = sim.world.services[d.serviceArn];
  const green = d.greenTaskSetArn ? sim.world.taskSets?.[d.greenTaskSetArn] : undefined;
  lifecycle(sim, d, 'AllowTraffic', 'Succeeded');
  lifecycle(sim, d, 'AfterAllowTraffic', 'Succeeded');
  if (service && green) setPrimaryTaskSet(sim, service, green);
  if (!d.terminateBlue) {
    setStatus(sim, d, 'Succeeded', 'All production traffic is on the replacement task set; the original task set is kept (KEEP_ALIVE).');
    return undefined;
  }
  d.phase = 'TerminationWait';
  d.instanceTerminationWaitTimeStarted = true;
  d.terminationEndsAt = sim.now + d.terminationWaitTimeInMinutes * 60;
  say(sim, d, `All production traffic is on the replacement task set, now PRIMARY; the original task set is deleted in ${d.terminationWaitTimeInMinutes} minutes.`);
  return d.terminationWaitTimeInMinutes * 60;
}
