/**
 * The task ENI (awsvpc network mode): one elastic network interface per task with a private IP
 * from its subnet, shown as the task's ElasticNetworkInterface attachment (PRECREATED when the
 * task is created, ATTACHED during PROVISIONING, DELETED after the task stops).
 * Ids and MAC addresses come from sim.random, so the same seed gives the same ENIs.
 */
import type { Simulation } from '../../simulation';
import type { Subnet, Task } from '../../world/types';

/** The next private IP of a subnet (its CIDR base + nextHost), as "172.31.16.10". */
export function allocatePrivateIp(subnet: Subnet): string {
  const [base] = subnet.CidrBlock.split('/');
  const octets = base.split('.').map(Number);
  const n = ((octets[0] << 24) >>> 0) + (octets[1] << 16) + (octets[2] << 8) + octets[3] + subnet.nextHost;
  subnet.nextHost += 1;
  return [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

export function eniAttachment(sim: Simulation, subnet: Subnet): Task['attachments'][number] {
  const ip = allocatePrivateIp(subnet);
  const mac = Array.from({ length: 6 }, (_, i) => (i === 0 ? '0e' : sim.random.hex(2))).join(':');
  const dnsSuffix = sim.world.region === 'us-east-1' ? 'ec2.internal' : `${sim.world.region}.compute.internal`;
  return {
    id: uuid(sim),
    type: 'ElasticNetworkInterface',
    status: 'PRECREATED',
    details: [
      { name: 'subnetId', value: subnet.SubnetId },
      { name: 'networkInterfaceId', value: `eni-${sim.random.hex(17)}` },
      { name: 'macAddress', value: mac },
      { name: 'privateDnsName', value: `ip-${ip.replaceAll('.', '-')}.${dnsSuffix}` },
      { name: 'privateIPv4Address', value: ip },
    ],
  };
}

/** A random (seeded) UUID in the 8-4-4-4-12 form ECS uses for attachment and container ids. */
export function uuid(sim: Simulation): string {
  const h = sim.random.hex(32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
