/**
 * OWNED BY: the placement work. Signature fixed.
 *
 * What one task needs from a container instance: CPU units, MiB (per container memoryReservation
 * if set else memory; task-level values when set), static host ports (TCP/UDP), how many dynamic
 * host ports (bridge mode, hostPort 0/omitted), and an ENI (awsvpc).
 *
 * AWS facts (ECS developer guide, "Task definition parameters"):
 * - Task size: when task-level `cpu`/`memory` are set they are what ECS reserves on the instance
 *   (container values are then limits inside the task); each one falls back to the containers'
 *   sum independently. RunTask overrides of cpu/memory replace the task definition's.
 * - Container memory: `memoryReservation` (soft limit) is what is reserved when set, else `memory`
 *   (hard limit). Container `cpu` unset is 0 units reserved.
 * - cpu may be written "1024" or "1 vCPU", memory "2048" or "2 GB" (ECS converts on registration;
 *   we accept both here too).
 * - Network modes: `bridge` (the Linux default when unset): hostPort 0 or omitted gets a dynamic
 *   host port; `host`: the container port is the host port (hostPort empty or equal); `awsvpc`:
 *   the task gets its own ENI, so it takes no instance host ports; `none`: no ports.
 * Choice: containerPortRange / hostPortRange mappings are not modelled (no host ports counted).
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
  /**
   * Per container port mapping, for networkBindings: hostPort 0 = a dynamic port. Optional so
   * requirements made by hand (tests, Fargate) need not list them.
   */
  portMappings?: { containerName: string; containerPort: number; hostPort: number; protocol: 'tcp' | 'udp' }[];
}

export function taskRequirements(taskDefinition: TaskDefinition, overrides?: { cpu?: string; memory?: string }): TaskRequirements {
  const containers = taskDefinition.containerDefinitions ?? [];
  const taskCpu = parseCpu(overrides?.cpu ?? taskDefinition.cpu);
  const taskMemory = parseMemory(overrides?.memory ?? taskDefinition.memory);
  const cpu = taskCpu ?? containers.reduce((sum, c) => sum + (c.cpu ?? 0), 0);
  const memory = taskMemory ?? containers.reduce((sum, c) => sum + (c.memoryReservation ?? c.memory ?? 0), 0);

  const networkMode = taskDefinition.networkMode ?? 'bridge';
  const req: TaskRequirements = { cpu, memory, tcpPorts: [], udpPorts: [], dynamicTcpPorts: 0, dynamicUdpPorts: 0, eni: networkMode === 'awsvpc', portMappings: [] };
  if (networkMode !== 'bridge' && networkMode !== 'host') return req;

  for (const container of containers) {
    for (const mapping of container.portMappings ?? []) {
      const containerPort = mapping.containerPort;
      if (containerPort === undefined) continue;
      const protocol = mapping.protocol === 'udp' ? 'udp' : 'tcp';
      const hostPort = networkMode === 'host' ? (mapping.hostPort || containerPort) : (mapping.hostPort ?? 0);
      req.portMappings!.push({ containerName: container.name ?? '', containerPort, hostPort, protocol });
      if (hostPort === 0) {
        if (protocol === 'tcp') req.dynamicTcpPorts++;
        else req.dynamicUdpPorts++;
      } else {
        (protocol === 'tcp' ? req.tcpPorts : req.udpPorts).push(hostPort);
      }
    }
  }
  return req;
}

/** "1024" -> 1024, "1 vCPU"/"0.5 vcpu" -> units (1,024 per vCPU). Undefined when unset or unreadable. */
export function parseCpu(value: string | undefined): number | undefined {
  if (value === undefined || value === null || value.trim() === '') return undefined;
  const m = /^\s*(\d+(?:\.\d+)?)\s*(vcpu)?\s*$/i.exec(value);
  if (!m) return undefined;
  return m[2] ? Math.round(Number(m[1]) * 1024) : Number(m[1]);
}

/** "2048" -> 2048 MiB, "2 GB"/"2GB" -> 2048 MiB. Undefined when unset or unreadable. */
export function parseMemory(value: string | undefined): number | undefined {
  if (value === undefined || value === null || value.trim() === '') return undefined;
  const m = /^\s*(\d+(?:\.\d+)?)\s*(gb|mb|mib|gib)?\s*$/i.exec(value);
  if (!m) return undefined;
  const unit = (m[2] ?? '').toLowerCase();
  return unit === 'gb' || unit === 'gib' ? Math.round(Number(m[1]) * 1024) : Number(m[1]);
}
