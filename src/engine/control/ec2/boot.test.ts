import { describe, it, expect } from 'vitest';
import { sandbox } from '../../testing/harness';
import { ECS_AMI_ID, ecsUserData, launchContainerInstances, containerInstanceOf } from '../../testing/ec2-fixtures';
import { encodeUserData } from '../../aws/ec2/user-data';

const run = (extra: Record<string, unknown> = {}) => ({ ImageId: ECS_AMI_ID, InstanceType: 'm5.large', MinCount: 1, MaxCount: 1, IamInstanceProfile: { Name: 'ecsInstanceRole' }, ...extra });

describe('an EC2 instance booting into an ECS cluster', () => {
  it('is pending at launch, running within 20 seconds, and registered 30–60 seconds after launch', () => {
    const s = sandbox({ seed: 3 }).call('ecs:CreateCluster', { clusterName: 'prod' });
    const id = s.output('ec2:RunInstances', run({ UserData: ecsUserData('prod') })).Instances[0].InstanceId;
    expect(s.world.instances[id].State).toEqual({ Code: 0, Name: 'pending' });
    s.advance(9.9);
    expect(s.world.instances[id].State.Name).toBe('pending');
    s.advance(10.1);
    expect(s.world.instances[id].State).toEqual({ Code: 16, Name: 'running' });
    s.advance(9.9);
    expect(containerInstanceOf(s, id)).toBeUndefined();
    s.advance(40);
    expect(containerInstanceOf(s, id)?.status).toBe('ACTIVE');
    expect(s.messages('agent.registered')[0]).toMatch(/registered in cluster prod/);
  });

  it('launchContainerInstances gives ACTIVE container instances spread over the AZs', () => {
    const s = sandbox({ seed: 1 });
    const arns = launchContainerInstances(s, { cluster: 'prod', count: 3, instanceType: 'c5.large' });
    expect(arns).toHaveLength(3);
    const zones = arns.map((a) => s.world.containerInstances[a].attributes.find((x) => x.name === 'ecs.availability-zone')?.value);
    expect(zones).toEqual(['us-east-1a', 'us-east-1b', 'us-east-1c']);
  });

  it('without an instance profile the agent cannot register and the log says why', () => {
    const s = sandbox().call('ecs:CreateCluster', { clusterName: 'prod' });
    const id = s.output('ec2:RunInstances', { ...run({ UserData: ecsUserData('prod') }), IamInstanceProfile: undefined }).Instances[0].InstanceId;
    s.advance(600);
    expect(containerInstanceOf(s, id)).toBeUndefined();
    const [why] = s.messages('agent.registrationFailed');
    expect(why).toMatch(/NoCredentialProviders/);
    expect(why).toMatch(/without an IAM instance profile/);
  });

  it('with no ECS_CLUSTER line the agent registers in the default cluster, creating it', () => {
    const s = sandbox();
    const id = s.output('ec2:RunInstances', run({ UserData: encodeUserData('#!/bin/bash\nyum update -y\n') })).Instances[0].InstanceId;
    s.advance(60);
    const ci = containerInstanceOf(s, id);
    expect(ci?.clusterArn).toBe('arn:aws:ecs:us-east-1:123456789012:cluster/default');
    expect(s.world.clusters[ci!.clusterArn].status).toBe('ACTIVE');
  });

  it('a named cluster that does not exist fails with ClusterNotFoundException and is retried until it exists', () => {
    const s = sandbox();
    const id = s.output('ec2:RunInstances', run({ UserData: ecsUserData('prod') })).Instances[0].InstanceId;
    s.advance(120);
    expect(containerInstanceOf(s, id)).toBeUndefined();
    expect(s.messages('agent.registrationFailed')[0]).toMatch(/ClusterNotFoundException.*ECS_CLUSTER=prod/);
    expect(Object.keys(s.world.clusters)).toHaveLength(0); // the agent never creates a named cluster
    s.call('ecs:CreateCluster', { clusterName: 'prod' }).advance(300);
    expect(containerInstanceOf(s, id)?.status).toBe('ACTIVE');
  });

  it('ECS_CLUSTER=default set explicitly is not created by the agent', () => {
    const s = sandbox();
    const id = s.output('ec2:RunInstances', run({ UserData: ecsUserData('default') })).Instances[0].InstanceId;
    s.advance(120);
    expect(containerInstanceOf(s, id)).toBeUndefined();
    expect(s.messages('agent.registrationFailed')[0]).toMatch(/ClusterNotFoundException/);
  });

  it('the same seed gives the same instances, timings and event log', () => {
    const log = () => {
      const s = sandbox({ seed: 42 });
      launchContainerInstances(s, { cluster: 'prod', count: 3 });
      s.call('ec2:TerminateInstances', { InstanceIds: Object.keys(s.world.instances).slice(0, 1) }).advance(60);
      return JSON.stringify(s.world.events);
    };
    expect(log()).toBe(log());
  });
});
