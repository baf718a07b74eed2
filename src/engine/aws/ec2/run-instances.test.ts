import { describe, it, expect } from 'vitest';
import { sandbox } from '../../testing/harness';
import { ECS_AMI_ID, ecsUserData } from '../../testing/ec2-fixtures';
import { defaultSubnetFor } from '../../world/create';

const base = { ImageId: ECS_AMI_ID, InstanceType: 't3.medium', MinCount: 1, MaxCount: 1 };

describe('ec2:RunInstances', () => {
  it('returns a Reservation with pending instances as the SDK shapes it', () => {
    const s = sandbox();
    const out = s.output('ec2:RunInstances', {
      ...base,
      MinCount: 2,
      MaxCount: 2,
      UserData: ecsUserData('prod'),
      IamInstanceProfile: { Name: 'ecsInstanceRole' },
      TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'Name', Value: 'web' }] }],
    });
    expect(out.ReservationId).toMatch(/^r-[0-9a-f]{17}$/);
    expect(out.OwnerId).toBe('123456789012');
    expect(out.Instances).toHaveLength(2);
    const [i] = out.Instances;
    expect(i.InstanceId).toMatch(/^i-[0-9a-f]{17}$/);
    expect(i.State).toEqual({ Code: 0, Name: 'pending' });
    expect(i.LaunchTime).toBeInstanceOf(Date);
    expect(i.IamInstanceProfile.Arn).toBe('arn:aws:iam::123456789012:instance-profile/ecsInstanceRole');
    expect(i.Tags).toEqual([{ Key: 'Name', Value: 'web' }]);
    expect(i.PrivateIpAddress).toMatch(/^172\.31\./);
    expect(i.PrivateDnsName).toBe(`ip-${i.PrivateIpAddress.replace(/\./g, '-')}.ec2.internal`);
    expect(out.Instances[1].AmiLaunchIndex).toBe(1);
    expect(out.Instances[1].Placement.AvailabilityZone).toBe(i.Placement.AvailabilityZone); // one call, one subnet
  });

  it('uses the subnet given, or NetworkInterfaces[0].SubnetId, or the AZ of Placement', () => {
    const s = sandbox();
    const subnetC = defaultSubnetFor(s.world, 'us-east-1c');
    expect(s.output('ec2:RunInstances', { ...base, SubnetId: subnetC }).Instances[0].Placement.AvailabilityZone).toBe('us-east-1c');
    expect(s.output('ec2:RunInstances', { ...base, NetworkInterfaces: [{ DeviceIndex: 0, SubnetId: subnetC }] }).Instances[0].SubnetId).toBe(subnetC);
    expect(s.output('ec2:RunInstances', { ...base, Placement: { AvailabilityZone: 'us-east-1e' } }).Instances[0].SubnetId).toBe(defaultSubnetFor(s.world, 'us-east-1e'));
  });

  it('without a subnet or AZ spreads successive launches over the default subnets', () => {
    const s = sandbox();
    const zones = [1, 2, 3].map(() => s.output('ec2:RunInstances', base).Instances[0].Placement.AvailabilityZone);
    expect(new Set(zones).size).toBe(3);
  });

  it('answers EC2 errors for bad input', () => {
    const s = sandbox();
    s.callExpectingError('ec2:RunInstances', { ...base, InstanceType: 'x9.huge' }, 'InvalidParameterValue', "Invalid value 'x9.huge' for InstanceType.");
    s.callExpectingError('ec2:RunInstances', { ...base, SubnetId: 'subnet-0000000000000000a' }, 'InvalidSubnetID.NotFound', "The subnet ID 'subnet-0000000000000000a' does not exist");
    s.callExpectingError('ec2:RunInstances', { InstanceType: 't3.micro', MinCount: 1, MaxCount: 1 }, 'MissingParameter', 'ImageId');
    s.callExpectingError('ec2:RunInstances', { ...base, ImageId: 'ubuntu' }, 'InvalidAMIID.Malformed');
    s.callExpectingError('ec2:RunInstances', { ...base, MinCount: 3, MaxCount: 2 }, 'InvalidParameterValue', 'minCount');
    s.callExpectingError('ec2:RunInstances', { ...base, Placement: { AvailabilityZone: 'us-east-1z' } }, 'InvalidParameterValue', 'Invalid availability zone: [us-east-1z]');
    s.callExpectingError('ec2:RunInstances', { ...base, UserData: '%%%' }, 'InvalidParameterValue', 'Invalid BASE64 encoding of user data.');
    s.callExpectingError('ec2:RunInstances', { ...base, SubnetId: defaultSubnetFor(s.world, 'us-east-1a'), Placement: { AvailabilityZone: 'us-east-1b' } }, 'InvalidParameterValue', 'us-east-1a');
    expect(Object.keys(s.world.instances)).toHaveLength(0);
  });
});
