/**
 * Container definitions: the checks RegisterTaskDefinition makes on each container, and the
 * defaults ECS fills in before it stores them (what DescribeTaskDefinition then shows).
 *
 * Messages marked (AWS) are the texts ECS returns (ClientException); the others are worded by us
 * in the same style where we could not find AWS's exact text.
 */
import type { ContainerDefinition, HealthCheck, PortMapping } from '@aws-sdk/client-ecs';
import { clientException } from '../../errors';

/** Service quota "Containers per task definition": 10. */
export const MAX_CONTAINERS = 10;

/** Container names: "Up to 255 letters (uppercase and lowercase), numbers, underscores, and hyphens". */
const NAME = /^[A-Za-z0-9_-]{1,255}$/;

/** Log drivers ECS accepts (LogConfiguration.logDriver). */
export const LOG_DRIVERS = ['json-file', 'syslog', 'journald', 'gelf', 'fluentd', 'awslogs', 'splunk', 'awsfirelens'];

/**
 * HealthCheck (API reference): interval 5-300 s, default 30; timeout 2-60 s, default 5; retries
 * 1-10, default 3; startPeriod 0-300 s, off by default (we leave it unset: treat as 0).
 */
export const HEALTH_CHECK_LIMITS = {
  interval: { min: 5, max: 300, default: 30 },
  timeout: { min: 2, max: 60, default: 5 },
  retries: { min: 1, max: 10, default: 3 },
  startPeriod: { min: 0, max: 300 },
} as const;

export interface TaskLevel {
  networkMode: string;
  cpu?: number;
  memory?: number;
}

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

function optionalInt(c: Record<string, unknown>, field: string, name: string): number | undefined {
  const v = c[field];
  if (v === undefined || v === null) return undefined;
  if (!isInt(v)) throw clientException(`Invalid setting for container '${name}'. '${field}' must be an integer.`);
  return v;
}

/** Validates the list and each container, and returns them with ECS's defaults filled in. */
export function normalizeContainers(raw: unknown, task: TaskLevel): ContainerDefinition[] {
  if (raw === undefined || raw === null || (Array.isArray(raw) && raw.length === 0)) throw clientException('Container list cannot be empty.'); // (AWS)
  if (!Array.isArray(raw)) throw clientException('containerDefinitions must be a list of container definitions.');
  if (raw.length > MAX_CONTAINERS) {
    throw clientException(`Too many containers: a task definition can have at most ${MAX_CONTAINERS} containers (it has ${raw.length}).`);
  }
  const names = new Set<string>();
  const out = raw.map((entry) => {
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) throw clientException('Each container definition must be an object.');
    const c = normalizeContainer(entry as Record<string, unknown>, task);
    if (names.has(c.name!)) throw clientException('Container names must be unique within a Task Definition.'); // (AWS)
    names.add(c.name!);
    return c;
  });
  checkTaskTotals(out, task);
  return out;
}

function normalizeContainer(c: Record<string, unknown>, task: TaskLevel): ContainerDefinition {
  const name = c.name;
  if (typeof name !== 'string' || name === '') throw clientException('Container.name should not be null or empty.'); // (AWS)
  if (!NAME.test(name)) throw clientException('Container.name contains invalid characters.'); // (AWS)
  const image = c.image;
  if (typeof image !== 'string' || image.trim() === '') throw clientException('Container.image should not be null or empty.'); // (AWS)

  const cpu = optionalInt(c, 'cpu', name) ?? 0;
  if (cpu < 0) throw clientException(`Invalid setting for container '${name}'. 'cpu' must not be negative.`);
  const memory = optionalInt(c, 'memory', name);
  const memoryReservation = optionalInt(c, 'memoryReservation', name);
  if (memory === undefined && memoryReservation === undefined && task.memory === undefined) {
    throw clientException(`Invalid setting for container '${name}'. At least one of 'memory' or 'memoryReservation' must be specified.`); // (AWS)
  }
  if ((memory !== undefined && memory <= 0) || (memoryReservation !== undefined && memoryReservation <= 0)) {
    throw clientException(`Invalid setting for container '${name}'. 'memory' and 'memoryReservation' must be greater than 0.`);
  }
  // The API reference says memory "must be greater than" memoryReservation; ECS in practice
  // accepts them equal (a hard limit equal to the soft one), so only a smaller hard limit fails.
  if (memory !== undefined && memoryReservation !== undefined && memory < memoryReservation) {
    throw clientException(`Invalid setting for container '${name}'. 'memory' must be greater than or equal to 'memoryReservation'.`);
  }
  if (memory !== undefined && task.memory !== undefined && memory > task.memory) {
    throw clientException(`The 'memory' setting for container '${name}' is greater than for the task.`); // (AWS)
  }

  const essential = c.essential === undefined || c.essential === null ? true : c.essential;
  if (typeof essential !== 'boolean') throw clientException(`Invalid setting for container '${name}'. 'essential' must be true or false.`);

  if (task.networkMode === 'awsvpc' && c.hostname !== undefined && c.hostname !== null) {
    throw clientException('hostname is not supported on container when networkMode=awsvpc.'); // (AWS)
  }
  // Links: "only supported if the network mode of a task definition is bridge".
  if (Array.isArray(c.links) && c.links.length > 0 && task.networkMode !== 'bridge') {
    throw clientException(`Links are not supported when networkMode=${task.networkMode}.`);
  }

  const logDriver = (c.logConfiguration as { logDriver?: unknown } | undefined)?.logDriver;
  if (c.logConfiguration !== undefined && c.logConfiguration !== null && (typeof logDriver !== 'string' || !LOG_DRIVERS.includes(logDriver))) {
    throw clientException(`Invalid setting for container '${name}'. logConfiguration.logDriver must be one of: ${LOG_DRIVERS.join(', ')}.`);
  }

  const stopTimeout = optionalInt(c, 'stopTimeout', name);
  const startTimeout = optionalInt(c, 'startTimeout', name);
  if ((stopTimeout !== undefined && stopTimeout < 0) || (startTimeout !== undefined && startTimeout < 0)) {
    throw clientException(`Invalid setting for container '${name}'. 'startTimeout' and 'stopTimeout' must not be negative.`);
  }

  const out: ContainerDefinition = {
    ...(c as ContainerDefinition),
    name,
    image,
    cpu,
    essential,
    portMappings: normalizePortMappings(c.portMappings, name, task.networkMode),
    environment: (c.environment as ContainerDefinition['environment']) ?? [],
    mountPoints: (c.mountPoints as ContainerDefinition['mountPoints']) ?? [],
    volumesFrom: (c.volumesFrom as ContainerDefinition['volumesFrom']) ?? [],
  };
  if (c.healthCheck !== undefined && c.healthCheck !== null) out.healthCheck = normalizeHealthCheck(c.healthCheck, name);
  return out;
}

/**
 * Port mappings: protocol defaults to tcp; in awsvpc and host mode hostPort may be left out (ECS
 * fills in the containerPort) or must equal containerPort; in bridge mode an omitted hostPort is
 * stored as 0, meaning a dynamic host port (49153-65535 on Linux) is chosen at placement.
 */
function normalizePortMappings(raw: unknown, name: string, networkMode: string): PortMapping[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) throw clientException(`Invalid setting for container '${name}'. 'portMappings' must be a list.`);
  return raw.map((p: Record<string, unknown>) => {
    const containerPort = p?.containerPort;
    if (!isInt(containerPort) || containerPort < 1 || containerPort > 65535) {
      throw clientException(`Invalid setting for container '${name}'. Port mappings need a 'containerPort' between 1 and 65535.`);
    }
    const protocol = p.protocol ?? 'tcp';
    if (protocol !== 'tcp' && protocol !== 'udp') throw clientException(`Invalid setting for container '${name}'. Port mapping protocol must be tcp or udp.`);
    let hostPort = p.hostPort;
    if (hostPort !== undefined && hostPort !== null && (!isInt(hostPort) || hostPort < 0 || hostPort > 65535)) {
      throw clientException(`Invalid setting for container '${name}'. 'hostPort' must be between 0 and 65535.`);
    }
    if (networkMode === 'awsvpc' || networkMode === 'host') {
      if (hostPort === undefined || hostPort === null) hostPort = containerPort;
      if (hostPort !== containerPort) {
        throw clientException(`When networkMode=${networkMode}, the host ports and container ports in port mappings must match.`); // (AWS)
      }
    } else if (hostPort === undefined || hostPort === null) {
      hostPort = 0;
    }
    return { ...(p as PortMapping), containerPort, hostPort: hostPort as number, protocol };
  });
}

function normalizeHealthCheck(raw: unknown, name: string): HealthCheck {
  const h = raw as Record<string, unknown>;
  const command = h.command;
  if (!Array.isArray(command) || command.length === 0 || !command.every((s) => typeof s === 'string')) {
    throw clientException(`Invalid setting for container '${name}'. healthCheck.command must be a non-empty list of strings, e.g. ["CMD-SHELL", "curl -f http://localhost/ || exit 1"].`);
  }
  const out: HealthCheck = { ...(h as unknown as HealthCheck), command: command as string[] };
  for (const field of ['interval', 'timeout', 'retries', 'startPeriod'] as const) {
    const limit = HEALTH_CHECK_LIMITS[field];
    const v = h[field];
    if (v === undefined || v === null) {
      if ('default' in limit) out[field] = limit.default;
      continue;
    }
    if (!isInt(v) || v < limit.min || v > limit.max) {
      const unit = field === 'retries' ? '' : ' seconds';
      throw clientException(`Invalid setting for container '${name}'. healthCheck.${field} must be between ${limit.min} and ${limit.max}${unit}.`);
    }
    out[field] = v;
  }
  return out;
}

/** Task-level totals: container cpu and memoryReservation must fit in the task's cpu and memory. */
function checkTaskTotals(containers: ContainerDefinition[], task: TaskLevel): void {
  if (task.cpu !== undefined) {
    const sum = containers.reduce((s, c) => s + (c.cpu ?? 0), 0);
    if (sum > task.cpu) throw clientException("The sum of all container 'cpu' values cannot be greater than the value of the task 'cpu'."); // (AWS)
  }
  if (task.memory !== undefined) {
    const sum = containers.reduce((s, c) => s + (c.memoryReservation ?? 0), 0);
    if (sum > task.memory) throw clientException("The sum of all container 'memoryReservation' values cannot be greater than the value of the task 'memory'."); // (AWS)
  }
}
