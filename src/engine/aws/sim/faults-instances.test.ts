import { describe, it, expect } from 'vitest';
import { sandbox } from '../../testing/harness';
import { containerInstanceOf } from '../../testing/ec2-fixtures';
import { registerTaskDefinition } from '../../testing/task-fixtures';
import { ec2Capacity, inject, runningEc2Tasks } from '../../control/faults/fixtures';

describe('fault TerminateInstance', () => {
  it('terminates the instance as EC2 would: shutting-down at once, terminated soon after, container instance INACTIVE', () => {
    const s = sandbox({ seed: 2 });
    const [id] = ec2Capacity(s, 1);
    inject(s, 'TerminateInstance', id);
    expect(s.world.instances[id].State.Name).toBe('shutting-down');
    expect(s.world.instances[id].StateReason?.Code).toBe('Server.InternalError');
    s.advance(60);
    expect(s.world.instances[id].State.Name).toBe('terminated');
    expect(containerInstanceOf(s, id)?.status).toBe('INACTIVE');
  });

  it("stops the instance's tasks with the stop code and reason of a terminated host", () => {
    const s = sandbox({ seed: 3 });
    const [id] = ec2Capacity(s, 1);
    const [task] = runningEc2Tasks(s, 1);
    inject(s, 'TerminateInstance', id);
    s.advance(60);
    const t = s.world.tasks[task];
    expect(t.lastStatus).toBe('STOPPED');
    expect(t.stopCode).toBe('TerminationNotice');
    expect(t.stoppedReason).toBe(`Host EC2 (instance ${id}) terminated.`);
  });

  it('cannot be cleared, and an instance already terminating cannot be terminated again', () => {
    const s = sandbox({ seed: 4 });
    const [id] = ec2Capacity(s, 1);
    inject(s, 'TerminateInstance', id);
    s.callExpectingError('sim:ClearFault', { type: 'TerminateInstance', target: id }, 'InvalidParameterException', 'cannot be cleared');
    s.callExpectingError('sim:InjectFault', { type: 'TerminateInstance', target: id }, 'InvalidParameterException', 'already shutting-down');
  });
});

describe('fault AgentDisconnect', () => {
  it('disconnects the agent while its tasks keep running, and placement skips the instance with AGENT', () => {
    const s = sandbox({ seed: 5 });
    const [id] = ec2Capacity(s, 1);
    const [task] = runningEc2Tasks(s, 1);
    inject(s, 'AgentDisconnect', id, { durationSeconds: 300 });
    expect(containerInstanceOf(s, id)?.agentConnected).toBe(false);
    s.advance(120);
    expect(s.world.tasks[task].lastStatus).toBe('RUNNING');
    const out = s.output('ecs:RunTask', { cluster: 'prod', taskDefinition: 'web' });
    expect(out.tasks).toHaveLength(0);
    expect(out.failures[0].reason).toBe('AGENT');
  });

  it('reconnects when its duration ends, and a StopTask sent meanwhile is carried out then', () => {
    const s = sandbox({ seed: 6 });
    const [id] = ec2Capacity(s, 1);
    const [task] = runningEc2Tasks(s, 1);
    inject(s, 'AgentDisconnect', id, { durationSeconds: 300 });
    s.call('ecs:StopTask', { cluster: 'prod', task });
    s.advance(200);
    // ECS recorded the stop, but the agent has not heard of it: the container still runs.
    expect(s.world.tasks[task].desiredStatus).toBe('STOPPED');
    expect(s.world.tasks[task].containers[0].lastStatus).toBe('RUNNING');
    expect(s.world.tasks[task].lastStatus).not.toBe('STOPPED');
    s.advance(101);
    expect(containerInstanceOf(s, id)?.agentConnected).toBe(true);
    expect(s.output('sim:ListFaults').faults).toEqual([]);
    s.advance(60);
    expect(s.world.tasks[task].lastStatus).toBe('STOPPED');
  });

  it('lasts until ClearFault when no duration is given', () => {
    const s = sandbox({ seed: 7 });
    const [id] = ec2Capacity(s, 1);
    inject(s, 'AgentDisconnect', id);
    s.advance(86_400);
    expect(containerInstanceOf(s, id)?.agentConnected).toBe(false);
    const cleared = s.output('sim:ClearFault', { type: 'AgentDisconnect', target: id });
    expect(cleared.fault.type).toBe('AgentDisconnect');
    expect(containerInstanceOf(s, id)?.agentConnected).toBe(true);
    expect(s.messages('fault.cleared')[0]).toMatch(/cleared\. The agent reconnects/);
  });

  it('needs a registered container agent on the instance', () => {
    const s = sandbox({ seed: 8 }).call('ecs:CreateCluster', { clusterName: 'prod' });
    registerTaskDefinition(s, { family: 'x', containerDefinitions: [{ name: 'a', image: 'nginx', memory: 64 }] });
    const id = s.output('ec2:RunInstances', { ImageId: 'ami-0e1b2c3d4e5f60718', InstanceType: 'm5.large', MinCount: 1, MaxCount: 1 }).Instances[0].InstanceId;
    s.advance(25);
    s.callExpectingError('sim:InjectFault', { type: 'AgentDisconnect', target: id }, 'InvalidParameterException', 'no container agent on it is registered');
  });
});
