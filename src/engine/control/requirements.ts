/**
 * OWNED BY: the placement work. Signature fixed; body to be written.
 *
 * What one task needs from a container instance: CPU units, MiB (per container memoryReservation
 * if set else memory; task-level values when set), static host ports (TCP/UDP), how many dynamic
 * host ports (bridge mode, hostPort 0/omitted), and an ENI (awsvpc).
 */
import type { TaskDefinition } from '../world/types';

export interface TaskRequirements {
  cpu: number;
  memory: number;
  tcpPorts: number[];
  udpPorts: number[];
  dynamicTcpPorts: number;
  dynamicUdpPorts: number;
  eni: boolean;
}

export function taskRequirements(taskDefinition: TaskDefinition, overrides?: { cpu?: string; memory?: string }): TaskRequirements {
  void taskDefinition;
  void overrides;
  throw new Error('taskRequirements: not written yet');
}
