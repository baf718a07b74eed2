import { describe, it, expect } from 'vitest';
import { sandbox } from '../../testing/harness';
import { containerInstanceOf, ECS_AMI_ID } from '../../testing/ec2-fixtures';
import { defaultSubnetFor } from '../../world/create';
import { ec2Capacity, inject, runningEc2Tasks, runningFargateTasks, subnetsIn } from '../../control/faults/fixtures';
import { activate, albWithTargetGroup, bridgeTasks, health, listen } from '../../control/elb/fixtures';

const A = 'us-east-1a';
const B = 'us-east-1b';
const launch = (extra: Record<string, unknown>) => ({ ImageId: ECS_AMI_ID, InstanceType: 'm5.large', MinCount: 1, MaxCount: 1, ...extra });

describe('fault AvailabilityZoneOutage', () => {
  it('leaves instances in the AZ running but disconnects their agents; tasks there keep running', () => {
    const s = sandbox({ seed: 11 });
    const [inA, inB] = ec2Capacity(s, 2, [A, B]);
    const tasks = runningEc2Tasks(s, 2);
    inject(s, 'AvailabilityZoneOutage', A, { durationSeconds: 600 });
    expect(s.world.instances[inA].State.Name).toBe('running');
    expect(containerInstanceOf(s, inA)?.agentConnected).toBe(false);
    expect(containerInstanceOf(s, inB)?.agentConnected).toBe(true);
    s.advance(300);
    expect(tasks.map((t) => s.world.tasks[t].lastStatus)).toEqual(['RUNNING', 'RUNNING']);
  });

  it('makes RunInstances into the AZ fail with InsufficientInstanceCapacity, naming the AZs that have capacity', () => {
    const s = sandbox({ seed: 12 });
    inject(s, 'AvailabilityZoneOutage', A);
    const e = s.error('ec2:RunInstances', launch({ Placement: { AvailabilityZone: A } }));
    expect(e.code).toBe('InsufficientInstanceCapacity');
    expect(e.message).toContain('We currently do not have sufficient m5.large capacity in the Availability Zone you requested (us-east-1a)');
    expect(e.message).toContain('or choosing us-east-1b, us-east-1c, us-east-1d, us-east-1e, us-east-1f.');
    s.callExpectingError('ec2:RunInstances', launch({ SubnetId: defaultSubnetFor(s.world, A) }), 'InsufficientInstanceCapacity');
  });

  it('makes RunInstances without a subnet or AZ choose another AZ', () => {
    const s = sandbox({ seed: 13 });
    inject(s, 'AvailabilityZoneOutage', A);
    const az = s.output('ec2:RunInstances', launch({})).Instances[0].Placement.AvailabilityZone;
    expect(az).not.toBe(A);
  });

  it('stops Fargate tasks in the AZ and places new Fargate tasks only in the other AZs', () => {
    const s = sandbox({ seed: 14 });
    const tasks = runningFargateTasks(s, 4, subnetsIn(s, [A, B]));
    const inA = tasks.filter((t) => s.world.tasks[t].availabilityZone === A);
    expect(inA.length).toBeGreaterThan(0);
    inject(s, 'AvailabilityZoneOutage', A);
    s.advance(60);
    for (const t of inA) {
      expect(s.world.tasks[t].lastStatus).toBe('STOPPED');
      expect(s.world.tasks[t].stopCode).toBe('TerminationNotice');
    }
    const fresh = runningFargateTasks(s, 4, subnetsIn(s, [A, B]));
    expect(fresh.map((t) => s.world.tasks[t].availabilityZone)).toEqual([B, B, B, B]);
  });

  it('fails a Fargate task whose subnets are all in the AZ with Fargate\'s capacity message', () => {
    const s = sandbox({ seed: 15 });
    inject(s, 'AvailabilityZoneOutage', A);
    const [t] = runningFargateTasks(s, 1, subnetsIn(s, [A]), false);
    s.advance(30);
    expect(s.world.tasks[t].stopCode).toBe('TaskFailedToStart');
    expect(s.world.tasks[t].stoppedReason).toMatch(/^Capacity is unavailable at this time/);
  });

  it('makes load balancer health checks to targets in the AZ time out (Target.Timeout)', () => {
    const f = albWithTargetGroup({ seed: 16 });
    listen(f);
    const [target] = bridgeTasks(f.s, 1); // on one instance in us-east-1a
    f.s.call('elbv2:RegisterTargets', { TargetGroupArn: f.tgArn, Targets: [{ Id: target.instanceId, Port: target.hostPort }] });
    activate(f);
    f.s.advanceUntil(() => health(f, { Id: target.instanceId, Port: target.hostPort }).State === 'healthy', 600);
    inject(f.s, 'AvailabilityZoneOutage', A);
    f.s.advance(90);
    expect(health(f, { Id: target.instanceId, Port: target.hostPort })).toMatchObject({ State: 'unhealthy', Reason: 'Target.Timeout' });
  });

  it('ends with its duration: agents reconnect and RunInstances into the AZ works again', () => {
    const s = sandbox({ seed: 17 });
    const [inA] = ec2Capacity(s, 1, [A]);
    inject(s, 'AvailabilityZoneOutage', A, { durationSeconds: 120 });
    s.advance(119);
    expect(s.output('sim:ListFaults').faults).toHaveLength(1);
    s.advance(1);
    expect(s.output('sim:ListFaults').faults).toHaveLength(0);
    expect(containerInstanceOf(s, inA)?.agentConnected).toBe(true);
    expect(s.output('ec2:RunInstances', launch({ Placement: { AvailabilityZone: A } })).Instances).toHaveLength(1);
  });

  it('does not reconnect an agent that an AgentDisconnect fault still holds', () => {
    const s = sandbox({ seed: 18 });
    const [inA] = ec2Capacity(s, 1, [A]);
    inject(s, 'AgentDisconnect', inA);
    inject(s, 'AvailabilityZoneOutage', A);
    s.call('sim:ClearFault', { type: 'AvailabilityZoneOutage', target: A });
    expect(containerInstanceOf(s, inA)?.agentConnected).toBe(false);
    s.call('sim:ClearFault', { type: 'AgentDisconnect', target: inA });
    expect(containerInstanceOf(s, inA)?.agentConnected).toBe(true);
  });
});
