/**
 * Task-level `cpu` and `memory` as RegisterTaskDefinition accepts them (API reference,
 * RegisterTaskDefinition): cpu "as an integer using CPU units (for example, 1024) or as a string
 * using vCPUs (for example, 1 vCPU or 1 vcpu)"; memory "as an integer using MiB (for example, 1024)
 * or as a string using GB (for example, 1GB or 1 GB)". "When the task definition is registered, a
 * vCPU value is converted to an integer indicating the CPU units" / "a GB value is converted to an
 * integer indicating the MiB" — the output carries them as strings of units and MiB ("1024").
 *
 * An unreadable value answers InvalidParameterException "Invalid 'cpu' setting for task." (the
 * code and text ECS returns, e.g. for an empty string).
 */
import { AwsError } from '../../errors';

const invalid = (field: 'cpu' | 'memory') => new AwsError('InvalidParameterException', `Invalid '${field}' setting for task.`);

/**
 * EC2 task-level cpu range (Developer Guide, task size): "between 128 CPU units (0.125 vCPUs) and
 * 196608 CPU units (192 vCPUs)". Fargate narrows this to its table (see fargate.ts).
 */
export const TASK_CPU_MIN = 128;
export const TASK_CPU_MAX = 196608;

function parseScaled(raw: unknown, field: 'cpu' | 'memory', units: Record<string, number>): number | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw === 'number') raw = String(raw);
  if (typeof raw !== 'string') throw invalid(field);
  const text = raw.trim().toLowerCase();
  const match = /^([0-9]+(?:\.[0-9]+)?)\s*([a-z]*)$/.exec(text);
  if (!match) throw invalid(field);
  const scale = units[match[2]];
  if (scale === undefined) throw invalid(field);
  const value = Number(match[1]) * scale;
  if (!Number.isInteger(value) || value <= 0) throw invalid(field);
  return value;
}

/** CPU units from "1024", "1 vCPU", "0.25 vcpu"; undefined when not given. */
export function parseTaskCpu(raw: unknown): number | undefined {
  const units = parseScaled(raw, 'cpu', { '': 1, vcpu: 1024, vcpus: 1024 });
  if (units !== undefined && (units < TASK_CPU_MIN || units > TASK_CPU_MAX)) throw invalid('cpu');
  return units;
}

/** MiB from "2048", "2 GB", "2gb", "0.5 GB"; undefined when not given. */
export function parseTaskMemory(raw: unknown): number | undefined {
  return parseScaled(raw, 'memory', { '': 1, mb: 1, mib: 1, gb: 1024, gib: 1024 });
}
