import { describe, it, expect } from 'vitest';
import { sandbox, type Sandbox } from '../../testing/harness';
import { ECS_AMI_ID } from '../../testing/ec2-fixtures';
import { runningFargateTasks } from '../../control/faults/fixtures';
import { billedSeconds, fargatePerHour } from '../../control/cost/prices';

const M5_LARGE = 0.096; // USD per hour, us-east-1 Linux on-demand
/** 0.25 vCPU x $0.04048 + 0.5 GB x $0.004445 */
const FARGATE_QUARTER = 0.25 * 0.04048 + 0.5 * 0.004445;

const cost = (s: Sandbox) => s.output('sim:GetCost');
const close = (a: number, b: number) => expect(a).toBeCloseTo(b, 7);

/** Launches an m5.large and stops the clock at the very second it is running. */
function runInstance(s: Sandbox): string {
  const id = s.output('ec2:RunInstances', { ImageId: ECS_AMI_ID, InstanceType: 'm5.large', MinCount: 1, MaxCount: 1 }).Instances[0].InstanceId;
  while (s.world.instances[id].State.Name !== 'running') s.sim.step();
  return id;
}

describe('sim:GetCost', () => {
  it('is labelled an estimate in USD at us-east-1 prices, and is zero for an empty account', () => {
    const out = cost(sandbox());
    expect(out).toMatchObject({ estimate: true, currency: 'USD', lines: [] });
    expect(out.pricesAsOf).toMatch(/^us-east-1/);
    expect(out.runningPerHour.total).toBe(0);
    expect(out.accumulated.total).toBe(0);
  });

  it('bills a running EC2 instance its hourly price per second, with a 60-second minimum', () => {
    const s = sandbox({ seed: 1 });
    runInstance(s);
    let out = cost(s);
    expect(out.runningPerHour.ec2).toBe(M5_LARGE);
    close(out.accumulated.ec2, (M5_LARGE * 60) / 3600); // just started: the minimum minute
    s.advance(30);
    close(cost(s).accumulated.ec2, (M5_LARGE * 60) / 3600);
    s.advance(3570); // one hour running
    out = cost(s);
    close(out.accumulated.ec2, M5_LARGE);
    expect(out.lines[0]).toMatchObject({ category: 'ec2', billedSeconds: 3600, ratePerHour: M5_LARGE });
  });

  it('does not bill an instance while pending, and stops billing when it starts shutting down', () => {
    const s = sandbox({ seed: 2 });
    const id = s.output('ec2:RunInstances', { ImageId: ECS_AMI_ID, InstanceType: 'm5.large', MinCount: 1, MaxCount: 1 }).Instances[0].InstanceId;
    expect(cost(s).accumulated.ec2).toBe(0); // pending
    while (s.world.instances[id].State.Name !== 'running') s.sim.step();
    s.advance(600);
    s.call('ec2:TerminateInstances', { InstanceIds: [id] });
    const atShutdown = cost(s);
    expect(atShutdown.runningPerHour.ec2).toBe(0);
    s.advance(3600);
    close(cost(s).accumulated.ec2, atShutdown.accumulated.ec2);
    close(atShutdown.accumulated.ec2, (M5_LARGE * 600) / 3600);
  });

  it('bills a short-lived instance the full minimum minute', () => {
    const s = sandbox({ seed: 3 });
    const id = runInstance(s);
    s.advance(20);
    s.call('ec2:TerminateInstances', { InstanceIds: [id] });
    close(cost(s).accumulated.ec2, (M5_LARGE * 60) / 3600);
  });

  it('bills a Fargate task for its vCPU and GB from the image pull to STOPPED', () => {
    const s = sandbox({ seed: 4 });
    const [task] = runningFargateTasks(s, 1);
    expect(cost(s).runningPerHour.fargate).toBeCloseTo(FARGATE_QUARTER, 8);
    s.advance(1800);
    s.call('ecs:StopTask', { cluster: 'prod', task });
    s.advanceUntil(() => s.world.tasks[task].lastStatus === 'STOPPED', 120);
    const t = s.world.tasks[task];
    const billed = Math.ceil((t.stoppedAt! - t.pullStartedAt!) - 1e-9);
    const out = cost(s);
    expect(out.runningPerHour.fargate).toBe(0);
    close(out.accumulated.fargate, (FARGATE_QUARTER * billed) / 3600);
  });

  it('bills a Fargate task that stops within a minute for the full minute, and one stopped while provisioning nothing', () => {
    const s = sandbox({ seed: 5 });
    const [quick, never] = runningFargateTasks(s, 2, undefined, false);
    s.call('ecs:StopTask', { cluster: 'prod', task: never }); // still PROVISIONING: no image pulled
    s.advanceUntil(() => s.world.tasks[quick].lastStatus === 'RUNNING', 120);
    s.call('ecs:StopTask', { cluster: 'prod', task: quick });
    s.advance(60);
    expect(s.world.tasks[quick].stoppedAt! - s.world.tasks[quick].pullStartedAt!).toBeLessThan(60);
    close(cost(s).accumulated.fargate, (FARGATE_QUARTER * 60) / 3600);
  });

  it('bills a load balancer per hour or partial hour from its creation', () => {
    const s = sandbox({ seed: 6 });
    const subnets = Object.values(s.world.subnets).slice(0, 2).map((x) => x.SubnetId);
    s.call('elbv2:CreateLoadBalancer', { Name: 'web', Subnets: subnets });
    expect(cost(s).runningPerHour.loadBalancers).toBe(0.0225);
    close(cost(s).accumulated.loadBalancers, 0.0225);
    s.advance(5400);
    close(cost(s).accumulated.loadBalancers, 0.045);
  });

  it('accumulates across GetCost calls the same as one call at the end', () => {
    const run = (ask: boolean) => {
      const s = sandbox({ seed: 7 });
      runInstance(s);
      const tasks = runningFargateTasks(s, 2);
      for (let i = 0; i < 10; i++) {
        s.advance(97);
        if (i === 4) s.call('ecs:StopTask', { cluster: 'prod', task: tasks[0] });
        if (ask) cost(s);
      }
      return cost(s).accumulated;
    };
    expect(run(true)).toEqual(run(false));
  });
});

describe('the prices', () => {
  it('give Fargate Spot 70% off the Fargate price', () => {
    expect(fargatePerHour(1, 2, true)).toBeCloseTo(0.3 * (0.04048 + 2 * 0.004445), 10);
  });

  it('round billed time up to the second after the minimum, and load balancer time up to the hour', () => {
    expect(billedSeconds(12.3, 60, 1)).toBe(60);
    expect(billedSeconds(60.2, 60, 1)).toBe(61);
    expect(billedSeconds(1, 0, 3600)).toBe(3600);
    expect(billedSeconds(3601, 0, 3600)).toBe(7200);
  });
});
