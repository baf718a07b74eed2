/**
 * Fault effects on EC2 container instances.
 *
 * TerminateInstance: EC2 terminates the instance itself, as after a failure of the underlying
 * host. It takes the same path as ec2:TerminateInstances (control/ec2/terminate.ts): shutting-down
 * at once (the agent disconnects, tasks stop with TerminationNotice "Host EC2 (instance i-...)
 * terminated."), terminated 20-40 s later, when ECS marks the container instance INACTIVE. Only the
 * StateReason differs. Choice (EC2 documents no code for a host failure): Server.InternalError,
 * "Server.InternalError: Internal error", with StateTransitionReason "Server initiated (time)".
 *
 * AgentDisconnect: the ECS container agent loses its connection to ECS (agentConnected false).
 * As on ECS the containers keep running; the agent's steps wait (control/agent/connection.ts),
 * placement skips the instance with reason AGENT, and StopTask only records desiredStatus
 * STOPPED until the agent is back. The agent reconnects when no fault holds it any more (the
 * fault is cleared or its duration ends, and its AZ is not out) and the instance still runs.
 */
import type { Simulation } from '../../simulation';
import type { ContainerInstance, Ec2Instance } from '../../world/types';
import { beginShutdown } from '../ec2/terminate';
import { BOOT_SECONDS } from '../ec2/timing';
import { disconnectHeldBy } from './state';
import { markAllServicesChanged } from '../services/changes';

export function containerInstanceOfInstance(sim: Simulation, instance: Ec2Instance): ContainerInstance | undefined {
  const arn = instance.containerInstanceArn;
  return arn && Object.hasOwn(sim.world.containerInstances, arn) ? sim.world.containerInstances[arn] : undefined;
}

/** EC2 terminates a pending or running instance on its own (a host failure). */
export function terminateAsEc2(sim: Simulation, instance: Ec2Instance): void {
  const id = instance.InstanceId;
  sim.emit({
    source: 'sim',
    kind: 'fault.injected',
    resource: id,
    message: `Fault TerminateInstance: EC2 terminates ${id} as after a failure of its underlying host. It goes shutting-down now and terminated shortly; its tasks stop (TerminationNotice) and ECS deregisters its container instance. A service or Auto Scaling group would replace what it lost.`,
    detail: { type: 'TerminateInstance' },
  });
  beginShutdown(sim, instance);
  instance.StateTransitionReason = `Server initiated (${sim.date(sim.now).toISOString().slice(0, 19).replace('T', ' ')} GMT)`;
  instance.StateReason = { Code: 'Server.InternalError', Message: 'Server.InternalError: Internal error' };
  sim.schedule(sim.random.between(BOOT_SECONDS.terminated[0], BOOT_SECONDS.terminated[1]), { type: 'ec2.instanceTerminated', instanceId: id });
}

/** Disconnects the agent on an instance (if it is connected), with the reason in the log. */
export function disconnectAgent(sim: Simulation, instance: Ec2Instance, why: string): void {
  const ci = containerInstanceOfInstance(sim, instance);
  if (!ci || ci.status === 'INACTIVE' || !ci.agentConnected) return;
  ci.agentConnected = false;
  markAllServicesChanged(sim.world);
  ci.version += 1;
  sim.emit({
    source: 'ecs',
    kind: 'agent.disconnected',
    resource: ci.containerInstanceArn,
    message: `The ECS container agent on ${instance.InstanceId} disconnected (${why}). Its containers keep running, but ECS sees no changes from it: placement skips it (AGENT) and task state changes wait until it reconnects.`,
    detail: { ec2InstanceId: instance.InstanceId },
  });
}

/** Reconnects the agent on an instance unless a fault still holds it or the host is gone. */
export function reconnectAgentIfFree(sim: Simulation, instance: Ec2Instance): void {
  const ci = containerInstanceOfInstance(sim, instance);
  if (!ci || ci.status === 'INACTIVE' || ci.agentConnected || instance.State.Name !== 'running') return;
  const held = disconnectHeldBy(sim.world, instance);
  if (held) return;
  ci.agentConnected = true;
  markAllServicesChanged(sim.world);
  ci.version += 1;
  sim.emit({
    source: 'ecs',
    kind: 'agent.connected',
    resource: ci.containerInstanceArn,
    message: `The ECS container agent on ${instance.InstanceId} reconnected. It reports what happened meanwhile and carries out what waited (starts, stops, health checks); placement can use the instance again.`,
    detail: { ec2InstanceId: instance.InstanceId },
  });
}
