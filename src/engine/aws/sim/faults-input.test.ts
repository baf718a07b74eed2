import { describe, it, expect } from 'vitest';
import { sandbox } from '../../testing/harness';
import { ec2Capacity, inject } from '../../control/faults/fixtures';

describe('sim:InjectFault input', () => {
  it('rejects an unknown type, naming the valid types', () => {
    const e = sandbox().error('sim:InjectFault', { type: 'Meteor', target: 'us-east-1a' });
    expect(e.code).toBe('InvalidParameterException');
    expect(e.message).toBe("Unknown fault type 'Meteor'. Valid types: TerminateInstance, AgentDisconnect, AvailabilityZoneOutage, SpotInterruption, TaskCrash, HealthCheckFailure.");
  });

  it('needs a type and a target', () => {
    const s = sandbox();
    s.callExpectingError('sim:InjectFault', { target: 'us-east-1a' }, 'InvalidParameterException', "at 'type' failed to satisfy constraint: Member must not be null");
    s.callExpectingError('sim:InjectFault', { type: 'AvailabilityZoneOutage' }, 'InvalidParameterException', "at 'target' failed to satisfy constraint");
  });

  it('rejects a target of the wrong kind, saying what the type takes', () => {
    const s = sandbox();
    s.callExpectingError('sim:InjectFault', { type: 'AvailabilityZoneOutage', target: 'us-east-1z' }, 'InvalidParameterException', 'not an Availability Zone of us-east-1 (us-east-1a, us-east-1b');
    s.callExpectingError('sim:InjectFault', { type: 'TerminateInstance', target: 'i-0123456789abcdef0' }, 'InvalidParameterException', 'TerminateInstance takes an EC2 instance id');
    s.callExpectingError('sim:InjectFault', { type: 'TaskCrash', target: 'arn:aws:ecs:us-east-1:123456789012:task/prod/abc' }, 'InvalidParameterException', 'no task has that ARN');
    s.callExpectingError('sim:InjectFault', { type: 'HealthCheckFailure', target: 'web' }, 'InvalidParameterException', 'not a task ARN and there are no services');
  });

  it('accepts durationSeconds only for faults that last, between 1 s and 7 days', () => {
    const s = sandbox({ seed: 3 });
    const [id] = ec2Capacity(s, 1);
    s.callExpectingError('sim:InjectFault', { type: 'TerminateInstance', target: id, durationSeconds: 60 }, 'InvalidParameterException', 'durationSeconds does not apply to TerminateInstance');
    s.callExpectingError('sim:InjectFault', { type: 'AgentDisconnect', target: id, durationSeconds: 0 }, 'InvalidParameterException', 'between 1 and 604800');
    s.callExpectingError('sim:InjectFault', { type: 'AgentDisconnect', target: id, durationSeconds: 'soon' }, 'InvalidParameterException', 'Invalid type for parameter durationSeconds');
    expect(s.world.containerInstances[s.world.instances[id].containerInstanceArn!].agentConnected).toBe(true);
  });

  it('logs every injection and clearing with what it does', () => {
    const s = sandbox();
    inject(s, 'AvailabilityZoneOutage', 'us-east-1c', { durationSeconds: 60 });
    s.call('sim:ClearFault', { type: 'AvailabilityZoneOutage', target: 'us-east-1c' });
    expect(s.messages('fault.injected')[0]).toMatch(/^Fault AvailabilityZoneOutage \(fault-1\) for 60 s: us-east-1c is impaired/);
    expect(s.messages('fault.cleared')[0]).toMatch(/^Fault AvailabilityZoneOutage on us-east-1c \(fault-1\) cleared\./);
  });
});

describe('sim:ListFaults and sim:ClearFault', () => {
  it('list the lasting faults in effect with when they end', () => {
    const s = sandbox();
    inject(s, 'AvailabilityZoneOutage', 'us-east-1a', { durationSeconds: 600 });
    inject(s, 'AvailabilityZoneOutage', 'us-east-1b');
    s.advance(100);
    const { faults } = s.output('sim:ListFaults');
    expect(faults).toEqual([
      { faultId: 'fault-1', type: 'AvailabilityZoneOutage', target: 'us-east-1a', injectedAt: s.sim.date(0), endsAt: s.sim.date(600), remainingSeconds: 500 },
      { faultId: 'fault-2', type: 'AvailabilityZoneOutage', target: 'us-east-1b', injectedAt: s.sim.date(0) },
    ]);
  });

  it('injecting the same fault again replaces it, with its new duration counted from now', () => {
    const s = sandbox();
    inject(s, 'AvailabilityZoneOutage', 'us-east-1a', { durationSeconds: 60 });
    s.advance(50);
    inject(s, 'AvailabilityZoneOutage', 'us-east-1a', { durationSeconds: 60 });
    s.advance(30); // the first fault's end (t=60) is stale now
    expect(s.output('sim:ListFaults').faults.map((f: { faultId: string }) => f.faultId)).toEqual(['fault-2']);
    s.advance(30);
    expect(s.output('sim:ListFaults').faults).toEqual([]);
  });

  it('clearing a fault that is not active is ResourceNotFoundException', () => {
    sandbox().callExpectingError('sim:ClearFault', { type: 'AgentDisconnect', target: 'i-0123456789abcdef0' }, 'ResourceNotFoundException', 'No active AgentDisconnect fault on i-0123456789abcdef0. Active faults: none.');
  });
});
