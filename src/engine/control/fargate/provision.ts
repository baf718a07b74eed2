/**
 * Fargate capacity for one task: no container instance; the task gets its own ENI in one of the
 * subnets given in awsvpcConfiguration.
 *
 * AZ choice: Fargate spreads a group's tasks over the AZs of the given subnets (AWS: "Fargate
 * tasks are spread across Availability Zones"). We pick the AZ holding the fewest non-STOPPED
 * tasks of the same group in the cluster; ties are broken at random (seeded), then one subnet of
 * that AZ is picked at random.
 *
 * Timing (a documented choice from typical observations; AWS publishes none): PROVISIONING lasts
 * 10-25 s (capacity found, microVM booted, ENI attached), then the image pull (no layer cache on
 * Fargate), then container start.
 *
 * Platform version: LATEST means 1.4.0 for Linux, which is what DescribeTasks reports.
 */
import type { Simulation } from '../../simulation';
import type { Subnet } from '../../world/types';
import { fargateSubnetsAvoidingOutage } from '../faults/capacity';

export const FARGATE_PROVISIONING_SECONDS = { min: 10, max: 25 };
export const LATEST_PLATFORM_VERSION = '1.4.0';
export const PLATFORM_VERSIONS = ['1.4.0', '1.3.0'];

export function chooseFargateSubnet(sim: Simulation, givenSubnets: Subnet[], clusterArn: string, group: string): { subnet: Subnet; note: string } {
  // Fault AvailabilityZoneOutage (control/faults/capacity.ts): Fargate uses only unimpaired AZs.
  const subnets = fargateSubnetsAvoidingOutage(sim, givenSubnets);
  const counts = new Map<string, number>();
  for (const s of subnets) counts.set(s.AvailabilityZone, 0);
  for (const t of Object.values(sim.world.tasks)) {
    if (t.clusterArn !== clusterArn || t.group !== group || t.lastStatus === 'STOPPED' || !counts.has(t.availabilityZone)) continue;
    counts.set(t.availabilityZone, (counts.get(t.availabilityZone) ?? 0) + 1);
  }
  const fewest = Math.min(...counts.values());
  const azs = [...counts.keys()].filter((az) => counts.get(az) === fewest).sort();
  const az = azs.length === 1 ? azs[0] : sim.random.pick(azs);
  const inAz = subnets.filter((s) => s.AvailabilityZone === az);
  const subnet = inAz.length === 1 ? inAz[0] : sim.random.pick(inAz);
  const spread = [...counts.entries()].map(([z, n]) => `${z}: ${n}`).join(', ');
  return { subnet, note: `Fargate spreads group ${group} over AZs (${spread}); chose ${az}, subnet ${subnet.SubnetId}.` };
}

export function fargateProvisioningSeconds(sim: Simulation): number {
  return Math.round(sim.random.between(FARGATE_PROVISIONING_SECONDS.min, FARGATE_PROVISIONING_SECONDS.max) * 10) / 10;
}
