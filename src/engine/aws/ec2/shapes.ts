/** World EC2 records -> the SDK's output shapes (Instance, Reservation). */
import type { Instance, Reservation } from '@aws-sdk/client-ec2';
import type { Simulation } from '../../simulation';
import type { Ec2Instance, InstanceStateName } from '../../world/types';
import { INSTANCE_TYPES } from '../../world/instance-types';
import { stableHex } from '../../world/create';

/** EC2's state codes (the low byte of InstanceState.Code). */
export const STATE_CODES: Record<InstanceStateName, number> = {
  pending: 0,
  running: 16,
  'shutting-down': 32,
  terminated: 48,
  stopping: 64,
  stopped: 80,
};

export const instanceState = (Name: InstanceStateName) => ({ Code: STATE_CODES[Name], Name });

/** "ip-172-31-0-10.ec2.internal" in us-east-1, "ip-...REGION.compute.internal" elsewhere. */
export function privateDnsName(region: string, ip: string): string {
  const host = `ip-${ip.replace(/\./g, '-')}`;
  return region === 'us-east-1' ? `${host}.ec2.internal` : `${host}.${region}.compute.internal`;
}

export function instanceOutput(sim: Simulation, i: Ec2Instance): Instance {
  const terminated = i.State.Name === 'terminated';
  const profile = i.IamInstanceProfile;
  return {
    InstanceId: i.InstanceId,
    ImageId: i.ImageId,
    InstanceType: i.InstanceType as Instance['InstanceType'],
    AmiLaunchIndex: i.AmiLaunchIndex ?? 0,
    LaunchTime: sim.date(i.LaunchTime),
    Placement: { AvailabilityZone: i.Placement.AvailabilityZone, GroupName: '', Tenancy: 'default' },
    Architecture: INSTANCE_TYPES[i.InstanceType]?.architecture ?? 'x86_64',
    State: { ...i.State },
    StateTransitionReason: i.StateTransitionReason ?? '',
    ...(i.StateReason ? { StateReason: { ...i.StateReason } } : {}),
    // A terminated instance has no network interface any more: EC2 drops its subnet, VPC and IPs.
    ...(terminated
      ? { PrivateDnsName: '' }
      : {
          SubnetId: i.SubnetId,
          VpcId: i.VpcId,
          PrivateIpAddress: i.PrivateIpAddress,
          PrivateDnsName: privateDnsName(sim.world.region, i.PrivateIpAddress),
        }),
    ...(profile ? { IamInstanceProfile: { Arn: profile.Arn, Id: `AIPA${stableHex(profile.Arn ?? profile.Name ?? '', 17).toUpperCase()}` } } : {}),
    Monitoring: { State: 'disabled' },
    RootDeviceType: 'ebs',
    RootDeviceName: '/dev/xvda',
    VirtualizationType: 'hvm',
    Hypervisor: 'xen',
    EbsOptimized: false,
    Tags: i.Tags.map((t) => ({ ...t })),
  };
}

export function reservationOutput(sim: Simulation, reservationId: string, instances: Ec2Instance[]): Reservation {
  return {
    ReservationId: reservationId,
    OwnerId: sim.world.accountId,
    Groups: [],
    Instances: instances.map((i) => instanceOutput(sim, i)),
  };
}
