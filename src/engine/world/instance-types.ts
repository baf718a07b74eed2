/**
 * OWNED BY: the EC2 work.
 * vCPUs, memory (MiB), ENI limit (maxEnis: network interfaces per instance; awsvpc tasks = maxEnis - 1),
 * trunking ENI limit where supported, and on-demand Linux price in us-east-1 (USD/hour).
 *
 * Sources: the EC2 instance-type pages ("Maximum network interfaces"), the ECS guide's "Supported
 * instances for increased Amazon ECS task networking interfaces" (awsvpcTrunking: large 10,
 * xlarge 20, 2xlarge 40 for the Nitro m5/c5/r5/m6i/c6i/m6g/c6g families; burstable t2/t3/t3a/t4g
 * types do not support trunking), and the us-east-1 on-demand Linux price list. Prices are
 * estimates for a cost meter, not a bill.
 */
export interface InstanceTypeInfo {
  vCpus: number;
  memoryMiB: number;
  maxEnis: number;
  trunkEnis?: number;
  architecture: 'x86_64' | 'arm64';
  pricePerHour: number;
}

const t = (vCpus: number, memoryMiB: number, maxEnis: number, pricePerHour: number, architecture: 'x86_64' | 'arm64' = 'x86_64', trunkEnis?: number): InstanceTypeInfo =>
  trunkEnis === undefined ? { vCpus, memoryMiB, maxEnis, architecture, pricePerHour } : { vCpus, memoryMiB, maxEnis, trunkEnis, architecture, pricePerHour };

export const INSTANCE_TYPES: Record<string, InstanceTypeInfo> = {
  // burstable, Intel (no ENI trunking)
  't2.micro': t(1, 1024, 2, 0.0116),
  't2.small': t(1, 2048, 3, 0.023),
  't2.medium': t(2, 4096, 3, 0.0464),
  't3.micro': t(2, 1024, 2, 0.0104),
  't3.small': t(2, 2048, 3, 0.0208),
  't3.medium': t(2, 4096, 3, 0.0416),
  't3.large': t(2, 8192, 3, 0.0832),
  't3.xlarge': t(4, 16384, 4, 0.1664),
  // burstable, AMD
  't3a.micro': t(2, 1024, 2, 0.0094),
  't3a.small': t(2, 2048, 2, 0.0188),
  't3a.medium': t(2, 4096, 3, 0.0376),
  't3a.large': t(2, 8192, 3, 0.0752),
  // burstable, Graviton
  't4g.micro': t(2, 1024, 2, 0.0084, 'arm64'),
  't4g.small': t(2, 2048, 3, 0.0168, 'arm64'),
  't4g.medium': t(2, 4096, 3, 0.0336, 'arm64'),
  // general purpose
  'm5.large': t(2, 8192, 3, 0.096, 'x86_64', 10),
  'm5.xlarge': t(4, 16384, 4, 0.192, 'x86_64', 20),
  'm5.2xlarge': t(8, 32768, 4, 0.384, 'x86_64', 40),
  'm5.4xlarge': t(16, 65536, 8, 0.768, 'x86_64', 60),
  'm6i.large': t(2, 8192, 3, 0.096, 'x86_64', 10),
  'm6i.xlarge': t(4, 16384, 4, 0.192, 'x86_64', 20),
  'm6g.large': t(2, 8192, 3, 0.077, 'arm64', 10),
  'm6g.xlarge': t(4, 16384, 4, 0.154, 'arm64', 20),
  // compute optimised
  'c5.large': t(2, 4096, 3, 0.085, 'x86_64', 10),
  'c5.xlarge': t(4, 8192, 4, 0.17, 'x86_64', 20),
  'c5.2xlarge': t(8, 16384, 4, 0.34, 'x86_64', 40),
  'c6i.large': t(2, 4096, 3, 0.085, 'x86_64', 10),
  'c6g.large': t(2, 4096, 3, 0.068, 'arm64', 10),
  // memory optimised
  'r5.large': t(2, 16384, 3, 0.126, 'x86_64', 10),
  'r5.xlarge': t(4, 32768, 4, 0.252, 'x86_64', 20),
};
