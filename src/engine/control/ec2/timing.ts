/**
 * How long an EC2 container instance takes to come up and go away. AWS publishes no exact
 * numbers; these are choices, drawn uniformly from sim.random within each range:
 *
 * - running: 10–20 s after RunInstances. EC2 reports `pending` while it finds a host, attaches the
 *   root volume and starts the VM; that usually takes seconds to tens of seconds.
 * - agent: 20–40 s after `running`. The OS boots, cloud-init runs the user data (writing
 *   /etc/ecs/ecs.config), Docker and ecs-init start, and the ECS container agent calls
 *   RegisterContainerInstance. So an instance is ACTIVE in its cluster 30–60 s after launch, which
 *   is what people see with the ECS-optimized AMI.
 * - retry: when registration fails with ClusterNotFoundException the agent exits and ecs-init
 *   restarts it with a growing backoff. Choice: 30 s, doubling, at most 5 minutes.
 * - terminated: 20–40 s after TerminateInstances (`shutting-down` while the OS shuts down).
 */
export const BOOT_SECONDS = {
  running: [10, 20] as const,
  agent: [20, 40] as const,
  terminated: [20, 40] as const,
};

export function registrationRetryDelay(attempt: number): number {
  return Math.min(300, 30 * 2 ** Math.max(0, attempt - 1));
}
