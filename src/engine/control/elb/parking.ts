/**
 * Parked health checks: a healthy target whose checks keep passing is not checked one check at a
 * time while nothing it answers from changes. In a large world (10,000 targets every 30 s) those
 * checks were most of the engine's work, and each of them changed nothing but a counter.
 *
 * A check's answer (probe.ts) depends only on the world at the target: the EC2 instance's state,
 * the tasks and containers there (status, host ports, image behaviour), the task's ENI addresses
 * (ip targets), the injected faults and the group's health check settings. So after a passing
 * check of a healthy target the next checks would pass too, and the target would stay healthy,
 * until one of those changes. Parking: the target's next due time is kept on the target
 * (`parkedAt`) and the target is listed under its Id in world.parkedHealthChecks instead of in a
 * batch. Whoever changes something a check reads wakes the targets there (wakeTargetsAt,
 * wakeAllParkedTargets), and their checks resume on their own grid, registration + k x interval,
 * as if they had never stopped: the skipped (passing) checks are added to consecutiveSuccesses.
 *
 * Choice (when a change falls on a due time of the target): if that second's batch is still
 * waiting, the check joins it and sees the change; if it has already run (or none was waiting),
 * the next check is one interval later. A resumed check joins its batch at the end, so log lines
 * of checks at the same second may come in another order than had they never been parked.
 */
import type { Simulation } from '../../simulation';
import type { Task, World } from '../../world/types';
import type { RegisteredTarget, TargetGroup } from '../../world/elb-types';
import { healthCheckBatchPending, scheduleHealthCheckAt } from './check-batches';

const targetKey = (id: string, port: number) => `${id}:${port}`;

/** Parks a healthy target that just passed a check: its next check would be due at `nextAt`. */
export function parkTarget(world: World, tg: TargetGroup, t: RegisteredTarget, nextAt: number): void {
  t.parkedAt = nextAt;
  const parked = (world.parkedHealthChecks ??= {});
  (parked[t.Id] ??= []).push({ targetGroupArn: tg.TargetGroupArn, key: targetKey(t.Id, t.Port) });
}

/** Resumes one parked target's checks at its next due time from now (see the choice above). */
function resume(sim: Simulation, tg: TargetGroup, t: RegisteredTarget): void {
  const first = t.parkedAt!;
  const interval = tg.HealthCheckIntervalSeconds;
  // Due times by repeated addition, as the checks that ran one by one computed them.
  let at = first;
  let skipped = 0;
  while (at < sim.now) {
    at += interval;
    skipped++;
  }
  if (at === sim.now && !healthCheckBatchPending(sim, at)) {
    at += interval;
    skipped++;
  }
  delete t.parkedAt;
  t.consecutiveSuccesses += skipped;
  scheduleHealthCheckAt(sim, at, { targetGroupArn: tg.TargetGroupArn, key: targetKey(t.Id, t.Port), generation: t.generation });
}

function wakeEntries(sim: Simulation, entries: { targetGroupArn: string; key: string }[]): void {
  for (const e of entries) {
    const tg = Object.hasOwn(sim.world.targetGroups, e.targetGroupArn) ? sim.world.targetGroups[e.targetGroupArn] : undefined;
    const t = tg?.targets[e.key];
    if (tg && t && t.parkedAt !== undefined) resume(sim, tg, t); // else stale: re-registered, removed or already awake
  }
}

/** Something a check reads changed at this target Id (instance id or IPv4): its parked targets resume. */
export function wakeTargetsAt(sim: Simulation, id: string | undefined): void {
  const parked = sim.world.parkedHealthChecks;
  if (id === undefined || !parked || !Object.hasOwn(parked, id)) return;
  const entries = parked[id];
  delete parked[id];
  wakeEntries(sim, entries);
}

/** A task's status, containers or ENI changed: the targets on its instance and at its addresses resume. */
export function wakeTargetsOfTask(sim: Simulation, task: Task): void {
  if (!sim.world.parkedHealthChecks) return;
  wakeTargetsAt(sim, task.ec2InstanceId);
  for (const a of task.attachments) for (const d of a.details) if (d.name === 'privateIPv4Address') wakeTargetsAt(sim, d.value);
}

/** A fault began or ended, or health check settings changed: every parked target resumes (rare). */
export function wakeAllParkedTargets(sim: Simulation): void {
  const parked = sim.world.parkedHealthChecks;
  if (!parked) return;
  sim.world.parkedHealthChecks = {};
  for (const id of Object.keys(parked)) wakeEntries(sim, parked[id]);
}
