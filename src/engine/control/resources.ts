/**
 * A container instance's resource accounting: does a task fit, take what it needs, give it back.
 *
 * AWS facts: ECS tracks CPU units, MiB, TCP and UDP host ports and (for awsvpc tasks on EC2) ENI
 * attachments per container instance; `registeredResources` is what the agent registered
 * (ports: the reserved Linux ports 22, 2375, 2376, 51678, 51679), `remainingResources` what is left
 * (ports: every port in use). A task that does not fit fails with RESOURCE:CPU, RESOURCE:MEMORY,
 * RESOURCE:PORTS or RESOURCE:ENI ("API failure reasons"). Bridge-mode mappings with hostPort 0
 * or omitted get a port from the ephemeral range 49153-65535.
 *
 * Choices: the checks run in the order CPU, memory, ports, ENI and the first failure is the
 * reason; a dynamic port is the lowest free one in 49153-65535 (Docker hands out ephemeral ports
 * in its own order; lowest-first is deterministic and easy to read). The instance's `version`
 * goes up by one on every reserve and release, as ECS bumps it when a container instance changes.
 */
import type { ContainerInstance, Task, World } from '../world/types';
import type { TaskRequirements } from './requirements';
import { addInstanceTask, removeInstanceTask } from '../world/task-index';

export const DYNAMIC_PORT_FIRST = 49153;
export const DYNAMIC_PORT_LAST = 65535;
const DYNAMIC_PORT_COUNT = DYNAMIC_PORT_LAST - DYNAMIC_PORT_FIRST + 1;

export type ResourceReason = 'RESOURCE:CPU' | 'RESOURCE:MEMORY' | 'RESOURCE:PORTS' | 'RESOURCE:ENI';

export interface Shortfall {
  reason: ResourceReason;
  /** For a learner, e.g. "needs 512 MiB, 256 MiB left". */
  detail: string;
}

/** Undefined when the task fits, else the AWS reason why not. */
export function fits(containerInstance: ContainerInstance, req: TaskRequirements): ResourceReason | undefined {
  return shortfall(containerInstance, req)?.reason;
}

/** Like fits(), with a sentence saying what is missing. */
export function shortfall(ci: ContainerInstance, req: TaskRequirements): Shortfall | undefined {
  const left = ci.remainingResources;
  if (req.cpu > left.cpu) return { reason: 'RESOURCE:CPU', detail: `needs ${req.cpu} CPU units, ${left.cpu} left` };
  if (req.memory > left.memory) return { reason: 'RESOURCE:MEMORY', detail: `needs ${req.memory} MiB, ${left.memory} MiB left` };
  const ports = portShortfall(left.ports, req.tcpPorts, req.dynamicTcpPorts, 'TCP') ?? portShortfall(left.portsUdp, req.udpPorts, req.dynamicUdpPorts, 'UDP');
  if (ports) return { reason: 'RESOURCE:PORTS', detail: ports };
  if (req.eni && ci.enisInUse >= ci.eniLimit) {
    return { reason: 'RESOURCE:ENI', detail: `needs a network interface for awsvpc, all ${ci.eniLimit} available to tasks are attached` };
  }
  return undefined;
}

function portShortfall(used: number[], wanted: number[], dynamic: number, protocol: string): string | undefined {
  for (let i = 0; i < wanted.length; i++) {
    const port = wanted[i];
    if (used.includes(port)) return `needs host port ${port}/${protocol}, already in use`;
    if (wanted.indexOf(port) !== i) return `needs host port ${port}/${protocol} twice`;
  }
  // Quick accept: even if every used port were in the dynamic range, enough would be free.
  if (dynamic > 0 && used.length + wanted.length + dynamic > DYNAMIC_PORT_COUNT) {
    let inRange = 0;
    for (const p of used) if (p >= DYNAMIC_PORT_FIRST && p <= DYNAMIC_PORT_LAST) inRange++;
    for (const p of wanted) if (p >= DYNAMIC_PORT_FIRST && p <= DYNAMIC_PORT_LAST) inRange++;
    if (DYNAMIC_PORT_COUNT - inRange < dynamic) return `needs ${dynamic} dynamic ${protocol} host ports, ${DYNAMIC_PORT_COUNT - inRange} free`;
  }
  return undefined;
}

/**
 * Places `task` on `containerInstance`: takes CPU, memory, host ports (static and dynamic) and an
 * ENI, records them in task.reserved and the containers' networkBindings, and counts the task in
 * the instance's taskGroupCounts. Throws if the task does not fit or already holds resources:
 * callers check fits() first (placeTask does).
 */
export function reserve(world: World, task: Task, containerInstance: ContainerInstance, req: TaskRequirements): void {
  void world;
  const ci = containerInstance;
  if (task.reservationReleased === false) throw new Error(`task ${task.taskArn} already holds resources on ${task.containerInstanceArn}`);
  const reason = fits(ci, req);
  if (reason) throw new Error(`task ${task.taskArn} does not fit on ${ci.containerInstanceArn}: ${reason}`);

  const left = ci.remainingResources;
  left.cpu -= req.cpu;
  left.memory -= req.memory;
  const tcp = [...req.tcpPorts];
  const udp = [...req.udpPorts];
  left.ports.push(...req.tcpPorts);
  left.portsUdp.push(...req.udpPorts);

  const mappings = req.portMappings ?? [];
  const assigned = new Map<object, number>();
  const takeDynamic = (protocol: 'tcp' | 'udp') => {
    const used = protocol === 'tcp' ? left.ports : left.portsUdp;
    const port = lowestFree(used);
    used.push(port);
    (protocol === 'tcp' ? tcp : udp).push(port);
    return port;
  };
  for (const m of mappings) if (m.hostPort === 0) assigned.set(m, takeDynamic(m.protocol));
  // Requirements made without portMappings still get their dynamic ports.
  const listedTcp = mappings.filter((m) => m.hostPort === 0 && m.protocol === 'tcp').length;
  const listedUdp = mappings.filter((m) => m.hostPort === 0 && m.protocol === 'udp').length;
  for (let i = listedTcp; i < req.dynamicTcpPorts; i++) takeDynamic('tcp');
  for (let i = listedUdp; i < req.dynamicUdpPorts; i++) takeDynamic('udp');

  if (req.eni) ci.enisInUse++;
  const counts = (ci.taskGroupCounts ??= {});
  counts[task.group] = (counts[task.group] ?? 0) + 1;
  addInstanceTask(ci, task.taskArn);
  ci.version++;

  task.containerInstanceArn = ci.containerInstanceArn;
  task.ec2InstanceId = ci.ec2InstanceId;
  task.reserved = { cpu: req.cpu, memory: req.memory, ports: tcp, portsUdp: udp, eni: req.eni };
  task.reservationReleased = false;
  for (const m of mappings) {
    const container = task.containers.find((c) => c.name === m.containerName);
    if (!container) continue;
    container.networkBindings.push({ bindIP: '0.0.0.0', containerPort: m.containerPort, hostPort: assigned.get(m) ?? m.hostPort, protocol: m.protocol });
  }
}

function lowestFree(used: number[]): number {
  const taken = new Set(used);
  for (let p = DYNAMIC_PORT_FIRST; p <= DYNAMIC_PORT_LAST; p++) if (!taken.has(p)) return p;
  throw new Error('no free dynamic host port (fits() should have said RESOURCE:PORTS)');
}

/**
 * Gives back what `task` holds on its container instance. Does nothing for a task that holds
 * nothing (never placed, or already released): safe to call from every path that stops a task.
 */
export function release(world: World, task: Task): void {
  if (task.reservationReleased !== false) return;
  task.reservationReleased = true;
  const ci = task.containerInstanceArn ? world.containerInstances[task.containerInstanceArn] : undefined;
  if (!ci) return;
  const left = ci.remainingResources;
  const held = task.reserved;
  left.cpu += held.cpu;
  left.memory += held.memory;
  left.ports = withoutOnce(left.ports, held.ports);
  left.portsUdp = withoutOnce(left.portsUdp, held.portsUdp);
  if (held.eni) ci.enisInUse = Math.max(0, ci.enisInUse - 1);
  const counts = ci.taskGroupCounts;
  if (counts && counts[task.group] !== undefined) {
    if (counts[task.group] <= 1) delete counts[task.group];
    else counts[task.group]--;
  }
  removeInstanceTask(ci, task.taskArn);
  ci.version++;
}

function withoutOnce(list: number[], remove: number[]): number[] {
  const out = [...list];
  for (const p of remove) {
    const i = out.indexOf(p);
    if (i >= 0) out.splice(i, 1);
  }
  return out;
}

/** The reserved Linux host ports every container instance registers with (ECS agent defaults). */
export const RESERVED_LINUX_PORTS: readonly number[] = [22, 2375, 2376, 51678, 51679];
