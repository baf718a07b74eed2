/**
 * Fault effects on tasks.
 *
 * TaskCrash: the task's first running essential container exits on its own with a non-zero code
 * (default 1, an application error; 137 is what a container killed by SIGKILL or the OOM killer
 * reports). It takes the agent's exit path (control/agent/exit.ts), so the task stops with
 * stopCode EssentialContainerExited, "Essential container in task exited". While the agent is
 * disconnected the exit is reported when it reconnects.
 *
 * SpotInterruption: Fargate reclaims a Fargate Spot task's capacity. AWS sends the two-minute
 * warning as a task state change event and, at the same moment, SIGTERM to the task's containers;
 * the task stops with stopCode SpotInterruption, "Your Spot Task was interrupted.". The containers
 * get their stopTimeout (at most 120 s on Fargate, so within the two minutes) to exit before
 * SIGKILL: the task therefore goes through the normal stop (control/tasks/stop.ts) at once, and is
 * STOPPED by the end of the two minutes at the latest.
 *
 * HealthCheckFailure: the task's application answers health checks badly until the fault ends:
 * its container health checks fail (control/agent/health.ts) and load balancer health checks get
 * HTTP 503 (Target.ResponseCodeMismatch; for a TCP health check the connection is not answered,
 * Target.FailedHealthChecks) (control/elb/probe.ts). Nothing else changes: the task keeps running
 * and, as on ECS, a standalone task is not replaced; a service replaces unhealthy tasks.
 */
import type { Simulation } from '../../simulation';
import type { Task } from '../../world/types';
import { onContainerExited } from '../agent/exit';
import { stopTask } from '../tasks/stop';
import { taskId } from '../tasks/status';

export const SPOT_WARNING_SECONDS = 120;
export const SPOT_INTERRUPTED_REASON = 'Your Spot Task was interrupted.';

/** The container TaskCrash ends: the first essential container that is RUNNING. */
export const crashableContainer = (task: Task) => task.containers.find((c) => c.essential && c.lastStatus === 'RUNNING');

export function crashTask(sim: Simulation, task: Task, exitCode: number): void {
  const c = crashableContainer(task);
  if (!c) return;
  sim.emit({
    source: 'sim',
    kind: 'fault.injected',
    resource: task.taskArn,
    message: `Fault TaskCrash: the process in essential container ${c.name} of task ${taskId(task.taskArn)} crashes with exit code ${exitCode}. An essential container exiting stops the task (EssentialContainerExited).`,
    detail: { type: 'TaskCrash', container: c.name, exitCode },
  });
  onContainerExited(sim, { type: 'agent.containerExited', taskArn: task.taskArn, container: c.name, exitCode });
}

export function interruptSpotTask(sim: Simulation, task: Task): void {
  const until = sim.date(sim.now + SPOT_WARNING_SECONDS).toISOString();
  sim.emit({
    source: 'ecs',
    kind: 'task.spotInterruption',
    resource: task.taskArn,
    message: `Spot interruption warning: Fargate needs the Spot capacity of task ${taskId(task.taskArn)} back and stops it by ${until} (two minutes). SIGTERM goes to its containers now; they have their stopTimeout (at most 120 s) to exit.`,
    detail: { type: 'SpotInterruption', stopsBy: sim.now + SPOT_WARNING_SECONDS },
  });
  stopTask(sim, task.taskArn, 'SpotInterruption', SPOT_INTERRUPTED_REASON);
}
