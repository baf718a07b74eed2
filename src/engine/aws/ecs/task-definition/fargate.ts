/**
 * What Fargate accepts in a task definition (Developer Guide, "Amazon ECS task definition
 * differences for Fargate" and "Task CPU and memory"), checked when `requiresCompatibilities`
 * includes FARGATE, and used to compute `compatibilities` in the output.
 *
 * Messages marked (AWS) are the texts ECS returns; the others are worded by us in the same style
 * where we could not find AWS's exact text.
 */
import type { ContainerDefinition } from '@aws-sdk/client-ecs';
import { clientException } from '../../errors';

/** Valid task cpu -> memory (MiB) pairs: min, max and step of memory for each cpu value. */
const FARGATE_SIZES: Record<number, { min: number; max: number; step: number; also?: number[] }> = {
  256: { min: 512, max: 512, step: 1024, also: [1024, 2048] },
  512: { min: 1024, max: 4096, step: 1024 },
  1024: { min: 2048, max: 8192, step: 1024 },
  2048: { min: 4096, max: 16384, step: 1024 },
  4096: { min: 8192, max: 30720, step: 1024 },
  8192: { min: 16384, max: 61440, step: 4096 },
  16384: { min: 32768, max: 122880, step: 8192 },
};

export function isValidFargateSize(cpu: number, memory: number): boolean {
  const size = FARGATE_SIZES[cpu];
  if (!size) return false;
  if (size.also?.includes(memory)) return true;
  return memory >= size.min && memory <= size.max && (memory - size.min) % size.step === 0;
}

/** The memory values Fargate allows with a cpu value (for a learner-facing hint). */
export function fargateMemoryChoices(cpu: number): number[] {
  const size = FARGATE_SIZES[cpu];
  if (!size) return [];
  const out = new Set<number>(size.also ?? []);
  for (let m = size.min; m <= size.max; m += size.step) out.add(m);
  return [...out].sort((a, b) => a - b);
}

export const FARGATE_LOG_DRIVERS = ['awslogs', 'splunk', 'awsfirelens'];

/** Fargate's stop timeout ceiling (Developer Guide: "the max stop timeout value is 120 seconds"). */
export const FARGATE_MAX_STOP_TIMEOUT = 120;

export interface FargateInput {
  networkMode: string;
  cpu?: number;
  memory?: number;
  executionRoleArn?: string;
  placementConstraints: unknown[];
  ipcMode?: string;
  pidMode?: string;
  containers: ContainerDefinition[];
}

/**
 * The first reason this task definition cannot run on Fargate, as the ClientException ECS gives,
 * or undefined when it can.
 */
export function fargateIncompatibility(td: FargateInput): Error | undefined {
  // (AWS) The quotes are typographic in the message ECS returns.
  if (td.networkMode !== 'awsvpc') return clientException('Fargate only supports network mode \u2018awsvpc\u2019.');
  if (td.cpu === undefined) return clientException("Fargate requires that 'cpu' be defined at the task level."); // (AWS)
  if (td.memory === undefined) return clientException("Fargate requires that 'memory' be defined at the task level."); // (AWS)
  if (!isValidFargateSize(td.cpu, td.memory)) {
    // (AWS) "No Fargate configuration exists for given values: 1024 CPU, 1024 memory. See ..."
    return clientException(`No Fargate configuration exists for given values: ${td.cpu} CPU, ${td.memory} memory. See the Amazon ECS documentation for the valid values.`);
  }
  if (td.ipcMode) return clientException('Tasks using the Fargate launch type do not support ipcMode.'); // (AWS)
  if (td.placementConstraints.length > 0) return clientException('Tasks using the Fargate launch type do not support placementConstraints.');
  for (const c of td.containers) {
    if (c.privileged) return clientException(`Tasks using the Fargate launch type do not support privileged containers. Container '${c.name}' sets 'privileged'.`);
    if (c.linuxParameters?.devices?.length) return clientException(`Tasks using the Fargate launch type do not support devices. Container '${c.name}' sets 'linuxParameters.devices'.`);
    const driver = c.logConfiguration?.logDriver;
    if (driver && !FARGATE_LOG_DRIVERS.includes(driver)) {
      return clientException(`Log driver ${driver} is not supported on Fargate. Container '${c.name}' must use one of: ${FARGATE_LOG_DRIVERS.join(', ')}.`);
    }
    if (driver === 'awslogs' && !td.executionRoleArn) {
      return clientException('Fargate requires task definition to have execution role ARN to support log driver awslogs.'); // (AWS)
    }
    if (c.stopTimeout !== undefined && c.stopTimeout > FARGATE_MAX_STOP_TIMEOUT) {
      return clientException(`Tasks using the Fargate launch type support a container stopTimeout of at most ${FARGATE_MAX_STOP_TIMEOUT} seconds. Container '${c.name}' sets ${c.stopTimeout}.`);
    }
  }
  return undefined;
}
