/**
 * Lasting faults (AgentDisconnect, AvailabilityZoneOutage, HealthCheckFailure): start, end by
 * sim:ClearFault, or end by themselves when durationSeconds runs out (a faults.end event carrying
 * the faultId; an event for a fault that was cleared or replaced meanwhile is stale and ignored).
 *
 * Injecting a fault that is already active on the same target replaces it: a new faultId and a
 * new end time counted from now (choice: the simplest rule a learner can predict).
 */
import type { KernelEvent } from '../../kernel/kernel';
import type { Simulation } from '../../simulation';
import type { ActiveFault, FaultType } from '../../world/fault-types';
import { beginOutage, endOutage } from './outage';
import { disconnectAgent, reconnectAgentIfFree } from './instances';
import { faultState, findFault } from './state';
import { wakeAllParkedTargets } from '../elb/parking';

export const FAULT_END_EVENT = 'faults.end';

const EFFECT: Record<string, (target: string) => string> = {
  AgentDisconnect: (id) => `the ECS container agent on ${id} is disconnected: its containers keep running, placement skips the instance (AGENT), task changes wait until it reconnects`,
  AvailabilityZoneOutage: (az) =>
    `${az} is impaired: instances there stay running but are unreachable (agents disconnected, load balancer health checks time out), Fargate tasks there stop, and nothing new launches there (RunInstances: InsufficientInstanceCapacity; Fargate uses the other AZs)`,
  HealthCheckFailure: (t) => `${t.startsWith('arn:') ? 'the task' : `every task of service ${t}, current and future,`} fails its container health checks and answers load balancer health checks with HTTP 503`,
};

export function startLastingFault(sim: Simulation, type: FaultType, target: string, durationSeconds: number | undefined): ActiveFault {
  const state = faultState(sim.world);
  const previous = findFault(sim.world, type, target);
  if (previous) delete state.active[previous.faultId];
  state.sequence += 1;
  const fault: ActiveFault = {
    faultId: `fault-${state.sequence}`,
    type,
    target,
    injectedAt: sim.now,
    ...(durationSeconds !== undefined ? { endsAt: sim.now + durationSeconds } : {}),
  };
  state.active[fault.faultId] = fault;
  wakeAllParkedTargets(sim); // faults change what load balancer health checks get (faults/probe.ts)
  if (durationSeconds !== undefined) sim.schedule(durationSeconds, { type: FAULT_END_EVENT, faultId: fault.faultId });
  const until = durationSeconds !== undefined ? `for ${durationSeconds} s` : 'until sim:ClearFault';
  sim.emit({
    source: 'sim',
    kind: 'fault.injected',
    resource: target,
    message: `Fault ${type} ${previous ? `replaced (${previous.faultId} -> ${fault.faultId})` : `(${fault.faultId})`} ${until}: ${EFFECT[type](target)}.`,
    detail: { faultId: fault.faultId, type, target, ...(fault.endsAt !== undefined ? { endsAt: fault.endsAt } : {}) },
  });
  applyEffect(sim, fault);
  return fault;
}

function applyEffect(sim: Simulation, fault: ActiveFault): void {
  if (fault.type === 'AgentDisconnect') {
    const instance = sim.world.instances[fault.target];
    if (instance) disconnectAgent(sim, instance, `fault ${fault.faultId}: AgentDisconnect`);
  } else if (fault.type === 'AvailabilityZoneOutage') {
    beginOutage(sim, fault.target);
  }
  // HealthCheckFailure is read where health checks run (agent/health.ts, elb/probe.ts).
}

/** Ends a fault: removes it and undoes what it held (agents reconnect when nothing else holds them). */
export function endFault(sim: Simulation, fault: ActiveFault, how: 'cleared' | 'expired'): void {
  const state = faultState(sim.world);
  if (!state.active[fault.faultId]) return;
  delete state.active[fault.faultId];
  wakeAllParkedTargets(sim);
  sim.emit({
    source: 'sim',
    kind: 'fault.cleared',
    resource: fault.target,
    message: `Fault ${fault.type} on ${fault.target} (${fault.faultId}) ${how === 'cleared' ? 'cleared' : 'ended: its duration is over'}. ${RECOVERY[fault.type]}`,
    detail: { faultId: fault.faultId, type: fault.type, target: fault.target, how },
  });
  if (fault.type === 'AgentDisconnect') {
    const instance = sim.world.instances[fault.target];
    if (instance) reconnectAgentIfFree(sim, instance);
  } else if (fault.type === 'AvailabilityZoneOutage') {
    endOutage(sim, fault.target);
  }
}

const RECOVERY: Record<string, string> = {
  AgentDisconnect: 'The agent reconnects (unless its AZ is out or the instance is gone).',
  AvailabilityZoneOutage: 'Agents there reconnect and health checks reach the targets again; Fargate tasks lost there stay stopped, and new instances and tasks may launch there again.',
  HealthCheckFailure: 'Health checks pass again from the next check on (when the image is healthy).',
};

export function onFaultEnd(sim: Simulation, event: KernelEvent): void {
  const fault = faultState(sim.world).active[String(event.faultId)];
  if (fault) endFault(sim, fault, 'expired');
}
