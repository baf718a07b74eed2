/**
 * The prices the cost meter uses: us-east-1 on-demand list prices (aws-semantics.md "Prices"),
 * as estimates for learning, not a bill.
 *
 *  - EC2 (Linux, on-demand): the hourly price of the type (world/instance-types.ts), billed per
 *    second with a 60-second minimum, while the instance is `running` (EC2 bills neither `pending`
 *    nor `shutting-down`/`terminated`).
 *  - Fargate (Linux/x86): $0.04048 per vCPU-hour and $0.004445 per GB-hour of the task's cpu and
 *    memory, "from the time you start to download your container image until the Amazon ECS Task
 *    terminates, rounded up to the nearest second", with a one-minute minimum. The 20 GiB of
 *    ephemeral storage every task gets is free; more is not modelled.
 *  - Fargate Spot: "up to 70%" off the Fargate price. Choice: the full 70% (Spot prices move;
 *    70% is the figure AWS quotes).
 *  - Application Load Balancer: $0.0225 per hour plus $0.008 per LCU-hour; Network Load Balancer:
 *    $0.0225 per hour plus $0.006 per NLCU-hour. ELB charges "each hour or partial hour", so the
 *    meter rounds a load balancer's time up to whole hours from its creation. LCUs: the meter does
 *    not read the traffic model (control/traffic) yet, so it counts 0 LCU (GetCost's notes say so).
 */
export const PRICES_AS_OF = 'us-east-1 on-demand list prices (Linux), 2025; estimates for learning, not a bill';

export const FARGATE_PER_VCPU_HOUR = 0.04048;
export const FARGATE_PER_GB_HOUR = 0.004445;
export const FARGATE_SPOT_DISCOUNT = 0.7;
export const ALB_PER_HOUR = 0.0225;
export const ALB_PER_LCU_HOUR = 0.008;
export const NLB_PER_HOUR = 0.0225;
export const NLB_PER_NLCU_HOUR = 0.006;
/** EC2 Linux and Fargate bill at least one minute. */
export const MINIMUM_BILLED_SECONDS = 60;

export function fargatePerHour(vCpu: number, memoryGiB: number, spot: boolean): number {
  const onDemand = vCpu * FARGATE_PER_VCPU_HOUR + memoryGiB * FARGATE_PER_GB_HOUR;
  return spot ? onDemand * (1 - FARGATE_SPOT_DISCOUNT) : onDemand;
}

/** Seconds billed for `elapsed` seconds of use: the minimum, then rounded up to the granularity. */
export function billedSeconds(elapsed: number, minimumSeconds: number, granularitySeconds: number): number {
  const used = Math.max(minimumSeconds, elapsed);
  return Math.ceil(used / granularitySeconds - 1e-9) * granularitySeconds;
}
