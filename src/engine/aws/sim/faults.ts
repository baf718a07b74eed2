/**
 * sim:InjectFault, sim:ClearFault, sim:ListFaults: breaking things on purpose, to see what ECS
 * does about it (AWS has no such API; AWS Fault Injection Service is the nearest real thing).
 *
 *   {type: 'TerminateInstance', target: 'i-...'}                 at once
 *   {type: 'AgentDisconnect', target: 'i-...', durationSeconds?}  lasting
 *   {type: 'AvailabilityZoneOutage', target: 'us-east-1a', durationSeconds?}  lasting
 *   {type: 'SpotInterruption', target: taskArn}                   at once (two-minute warning)
 *   {type: 'TaskCrash', target: taskArn, exitCode?}               at once
 *   {type: 'HealthCheckFailure', target: taskArn | serviceName, durationSeconds?}  lasting
 *
 * Lasting faults stay until sim:ClearFault {type, target} or until durationSeconds ends; the
 * effects are described in control/faults/*.ts.
 */
import type { Simulation } from '../../simulation';
import type { ActiveFault } from '../../world/fault-types';
import { AwsError } from '../errors';
import { requireString, type Input } from '../validate';
import { terminateAsEc2 } from '../../control/faults/instances';
import { crashTask, interruptSpotTask, SPOT_WARNING_SECONDS } from '../../control/faults/tasks';
import { endFault, startLastingFault } from '../../control/faults/lasting';
import { activeFaults, findFault } from '../../control/faults/state';
import { readClearType, readDuration, readExitCode, readFaultType, readInjectTarget } from './faults-input';

function faultOutput(sim: Simulation, f: ActiveFault) {
  return {
    faultId: f.faultId,
    type: f.type,
    target: f.target,
    injectedAt: sim.date(f.injectedAt),
    ...(f.endsAt !== undefined ? { endsAt: sim.date(f.endsAt), remainingSeconds: Math.max(0, f.endsAt - sim.now) } : {}),
  };
}

export function injectFault(sim: Simulation, input: Input) {
  const type = readFaultType(input);
  const target = requireString(input, 'target');
  const durationSeconds = readDuration(input, type);
  const exitCode = readExitCode(input, type);
  const { instance, task } = readInjectTarget(sim, type, target);
  switch (type) {
    case 'TerminateInstance':
      terminateAsEc2(sim, instance!);
      return { fault: { type, target, lasting: false, effect: 'The instance is shutting-down and will be terminated; its tasks stop with TerminationNotice.' } };
    case 'TaskCrash':
      crashTask(sim, task!, exitCode);
      return { fault: { type, target, lasting: false, exitCode, effect: 'Its essential container exited; the task stops with EssentialContainerExited.' } };
    case 'SpotInterruption':
      interruptSpotTask(sim, task!);
      return { fault: { type, target, lasting: false, stopsBy: sim.date(sim.now + SPOT_WARNING_SECONDS), effect: 'Two-minute warning sent with SIGTERM; the task stops with SpotInterruption.' } };
    default: {
      const fault = startLastingFault(sim, type, target, durationSeconds);
      return { fault: { ...faultOutput(sim, fault), lasting: true } };
    }
  }
}

export function clearFault(sim: Simulation, input: Input) {
  const type = readClearType(input);
  const target = requireString(input, 'target');
  const fault = findFault(sim.world, type, target);
  if (!fault) {
    const active = activeFaults(sim.world).map((f) => `${f.type} ${f.target}`);
    throw new AwsError('ResourceNotFoundException', `No active ${type} fault on ${target}. Active faults: ${active.length ? active.join('; ') : 'none'}.`);
  }
  endFault(sim, fault, 'cleared');
  return { fault: { ...faultOutput(sim, fault), clearedAt: sim.date(sim.now) } };
}

export function listFaults(sim: Simulation) {
  return { faults: activeFaults(sim.world).map((f) => faultOutput(sim, f)) };
}

export const faultActions = {
  'sim:InjectFault': injectFault,
  'sim:ClearFault': clearFault,
  'sim:ListFaults': listFaults,
};
