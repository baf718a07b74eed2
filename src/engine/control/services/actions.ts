/**
 * The scheduler's two moves, each with the service event ECS writes:
 *  - start: "(service web) has started 2 tasks: (task 1a2b...) (task 3c4d...)."; a task that cannot
 *    be placed: "(service web) was unable to place a task because no container instance met all
 *    of its requirements. The closest matching (container-instance ID) has insufficient memory
 *    available. For more information, see the Troubleshooting section of the Amazon ECS Developer
 *    Guide." (retried on the next reconcile);
 *  - stop: "(service web) has stopped 1 running tasks: (task ...)." (stopCode
 *    ServiceSchedulerInitiated; ECS's words as the task's stoppedReason, e.g. "Scaling activity
 *    initiated by (deployment ecs-svc/...)").
 */
import type { Simulation } from '../../simulation';
import type { Service, ServiceDeployment } from '../../world/service-types';
import type { Task } from '../../world/types';
import { NO_CONTAINER_INSTANCES, type PlacementDecision } from '../placement/place';
import { closestProblem } from '../placement/filter';
import { stopTask } from '../tasks/stop';
import { serviceEvent, svc, taskList, TROUBLESHOOTING } from './events';
import { launchServiceTask } from './launch';
import { deregisterTaskTargets } from './drain';

export interface PlacementProblem {
  reason: string;
  message: string;
}

const shortId = (arn: string) => arn.slice(arn.lastIndexOf('/') + 1);

/** The service event for a task that could not be placed, in ECS's words. */
export function placementProblem(service: Service, decision: PlacementDecision): PlacementProblem {
  const reason = decision.failureReason ?? 'RESOURCE';
  const head = `${svc(service)} was unable to place a task because no container instance met all of its requirements.`;
  if (reason === NO_CONTAINER_INSTANCES) return { reason, message: `${head} Reason: ${NO_CONTAINER_INSTANCES} ${TROUBLESHOOTING}` };
  const rows = decision.explanation.candidates.filter((c) => c.rejectedBy === reason);
  const closest = rows[0];
  const what = closest ? ` The closest matching (container-instance ${shortId(closest.containerInstanceArn)}) ${closestProblem(reason)}.` : '';
  return { reason, message: `${head}${what} ${TROUBLESHOOTING}` };
}

export function reportPlacementProblem(sim: Simulation, service: Service, problem: PlacementProblem, decision?: PlacementDecision): void {
  serviceEvent(sim, service, problem.message, 'service.placementFailed', { reason: problem.reason, ...(decision ? { summary: decision.explanation.summary } : {}) });
}

/** Starts up to `count` tasks of the deployment; stops at the first that cannot be placed. */
export function launchTasks(sim: Simulation, service: Service, deployment: ServiceDeployment, count: number, onInstance?: string): { started: Task[]; problem?: PlacementProblem } {
  const started: Task[] = [];
  let problem: PlacementProblem | undefined;
  for (let i = 0; i < count; i++) {
    const result = launchServiceTask(sim, service, deployment, onInstance);
    if (!result.task) {
      problem = placementProblem(service, result.decision);
      reportPlacementProblem(sim, service, problem, result.decision);
      break;
    }
    started.push(result.task);
  }
  if (started.length > 0) {
    serviceEvent(sim, service, `${svc(service)} has started ${started.length} tasks: ${taskList(started.map((t) => t.taskArn))}.`, 'service.tasksStarted', {
      deploymentId: deployment.id,
    });
  }
  return { started, ...(problem ? { problem } : {}) };
}

/** Stops tasks; those registered in target groups first drain there (drain.ts), in one batch of events. */
export function stopServiceTasks(sim: Simulation, service: Service, tasks: Task[], stoppedReason: string): void {
  if (tasks.length === 0) return;
  deregisterTaskTargets(sim, service, tasks.filter((t) => t.lastStatus === 'RUNNING'), true);
  for (const t of tasks) stopTask(sim, t.taskArn, 'ServiceSchedulerInitiated', stoppedReason);
  serviceEvent(sim, service, `${svc(service)} has stopped ${tasks.length} running tasks: ${taskList(tasks.map((t) => t.taskArn))}.`, 'service.tasksStopped');
}
