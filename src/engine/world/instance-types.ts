/**
 * OWNED BY: the EC2 work. Shape fixed; the table (at least 20 common types) to be filled.
 * vCPUs, memory (MiB), ENI limit (maxEnis: network interfaces per instance; awsvpc tasks = maxEnis - 1),
 * trunking ENI limit where supported, and on-demand Linux price in us-east-1 (USD/hour).
 */
export interface InstanceTypeInfo {
  vCpus: number;
  memoryMiB: number;
  maxEnis: number;
  trunkEnis?: number;
  architecture: 'x86_64' | 'arm64';
  pricePerHour: number;
}

export const INSTANCE_TYPES: Record<string, InstanceTypeInfo> = {};
