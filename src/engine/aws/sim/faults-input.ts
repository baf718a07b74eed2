/**
 * Checking sim:InjectFault / sim:ClearFault input: the fault type, its target (which kind of
 * target each type takes, and that it exists and can take the fault now), durationSeconds and
 * exitCode. Errors are InvalidParameterException (sim: is our namespace; ECS's exception for a bad
 * parameter) and name what would be valid.
 */
import type { Simulation } from '../../simulation';
import type { Ec2Instance, Task } from '../../world/types';
import { FAULT_TYPES, LASTING_FAULT_TYPES, type FaultType } from '../../world/fault-types';
import { invalidParameter } from '../errors';
import { optionalNumber, requireString, type Input } from '../validate';
import { crashableContainer } from '../../control/faults/tasks';

/** What target each fault type takes, as the error messages say it. */
export const TARGET_KIND: Record<FaultType, string> = {
  TerminateInstance: 'an EC2 instance id (i-...) of a pending or running instance',
  AgentDisconnect: 'an EC2 instance id (i-...) of a running instance whose container agent has registered',
  AvailabilityZoneOutage: 'an Availability Zone name',
  SpotInterruption: 'the ARN of a Fargate Spot task that is not stopping',
  TaskCrash: 'the ARN of a task with a RUNNING essential container',
  HealthCheckFailure: 'the ARN of a task that is not stopped, or the name of a service',
};

/** Durations: at least 1 s, at most 7 days (choice: a bound that catches typos such as ms). */
export const MAX_FAULT_SECONDS = 7 * 24 * 3600;

export function readFaultType(input: Input): FaultType {
  const type = requireString(input, 'type');
  if (!(FAULT_TYPES as readonly string[]).includes(type)) {
    throw invalidParameter(`Unknown fault type '${type}'. Valid types: ${FAULT_TYPES.join(', ')}.`);
  }
  return type as FaultType;
}

export function readDuration(input: Input, type: FaultType): number | undefined {
  const d = optionalNumber(input, 'durationSeconds');
  if (d === undefined) return undefined;
  if (!LASTING_FAULT_TYPES.includes(type)) {
    throw invalidParameter(`durationSeconds does not apply to ${type}: it happens at once. Only ${LASTING_FAULT_TYPES.join(', ')} last.`);
  }
  if (d < 1 || d > MAX_FAULT_SECONDS) throw invalidParameter(`durationSeconds must be between 1 and ${MAX_FAULT_SECONDS} seconds (7 days); got ${d}.`);
  return d;
}

/** TaskCrash's exit code: default 1; 1-255 as a process's exit status (0 is not a crash). */
export function readExitCode(input: Input, type: FaultType): number {
  const code = optionalNumber(input, 'exitCode');
  if (code === undefined) return 1;
  if (type !== 'TaskCrash') throw invalidParameter(`exitCode applies only to TaskCrash.`);
  if (!Number.isInteger(code) || code < 1 || code > 255) throw invalidParameter(`exitCode must be an integer from 1 to 255 (a crash exits non-zero); got ${code}.`);
  return code;
}

const wrongTarget = (type: FaultType, target: string, why: string) =>
  invalidParameter(`Invalid target '${target}' for fault ${type}: ${why}. ${type} takes ${TARGET_KIND[type]}.`);

function instanceTarget(sim: Simulation, type: FaultType, target: string): Ec2Instance {
  if (!Object.hasOwn(sim.world.instances, target)) {
    const known = Object.keys(sim.world.instances);
    throw wrongTarget(type, target, known.length ? `no EC2 instance has that id (instances: ${known.slice(0, 10).join(', ')})` : 'there are no EC2 instances');
  }
  return sim.world.instances[target];
}

function taskTarget(sim: Simulation, type: FaultType, target: string): Task {
  if (!Object.hasOwn(sim.world.tasks, target)) throw wrongTarget(type, target, 'no task has that ARN (give the full task ARN)');
  return sim.world.tasks[target];
}

/** Checks the target of an injection and returns what it refers to. */
export function readInjectTarget(sim: Simulation, type: FaultType, target: string): { instance?: Ec2Instance; task?: Task } {
  const world = sim.world;
  switch (type) {
    case 'TerminateInstance': {
      const instance = instanceTarget(sim, type, target);
      if (instance.State.Name !== 'pending' && instance.State.Name !== 'running') throw wrongTarget(type, target, `the instance is already ${instance.State.Name}`);
      return { instance };
    }
    case 'AgentDisconnect': {
      const instance = instanceTarget(sim, type, target);
      if (instance.State.Name !== 'running') throw wrongTarget(type, target, `the instance is ${instance.State.Name}`);
      const ci = instance.containerInstanceArn ? world.containerInstances[instance.containerInstanceArn] : undefined;
      if (!ci || ci.status === 'INACTIVE') throw wrongTarget(type, target, 'no container agent on it is registered in a cluster');
      return { instance };
    }
    case 'AvailabilityZoneOutage':
      if (!world.availabilityZones.includes(target)) throw wrongTarget(type, target, `it is not an Availability Zone of ${world.region} (${world.availabilityZones.join(', ')})`);
      return {};
    case 'SpotInterruption': {
      const task = taskTarget(sim, type, target);
      if (task.launchType !== 'FARGATE') throw wrongTarget(type, target, `it is an ${task.launchType} task, not a Fargate task`);
      // Until tasks carry capacity providers every Fargate task may be interrupted; after, only FARGATE_SPOT ones.
      if (task.capacityProviderName !== undefined && task.capacityProviderName !== 'FARGATE_SPOT') throw wrongTarget(type, target, `it runs on capacity provider ${task.capacityProviderName}, not FARGATE_SPOT`);
      if (task.desiredStatus !== 'RUNNING') throw wrongTarget(type, target, `the task is already stopping (${task.lastStatus})`);
      return { task };
    }
    case 'TaskCrash': {
      const task = taskTarget(sim, type, target);
      if (task.desiredStatus !== 'RUNNING') throw wrongTarget(type, target, `the task is already stopping (${task.lastStatus})`);
      if (!crashableContainer(task)) throw wrongTarget(type, target, `no essential container of the task is RUNNING yet (task ${task.lastStatus})`);
      return { task };
    }
    case 'HealthCheckFailure': {
      if (target.startsWith('arn:')) {
        const task = taskTarget(sim, type, target);
        if (task.lastStatus === 'STOPPED') throw wrongTarget(type, target, 'the task is STOPPED');
        return { task };
      }
      const services = Object.values(world.services).filter((s) => s.status !== 'INACTIVE');
      if (!services.some((s) => s.serviceName === target)) {
        throw wrongTarget(type, target, services.length ? `no ACTIVE service has that name (services: ${services.map((s) => s.serviceName).join(', ')})` : 'it is not a task ARN and there are no services');
      }
      return {};
    }
  }
}

/** The type of a ClearFault: only lasting faults can be cleared. */
export function readClearType(input: Input): FaultType {
  const type = readFaultType(input);
  if (!LASTING_FAULT_TYPES.includes(type)) {
    throw invalidParameter(`${type} cannot be cleared: it happens at once and cannot be undone. Faults that last until cleared: ${LASTING_FAULT_TYPES.join(', ')}.`);
  }
  return type;
}
