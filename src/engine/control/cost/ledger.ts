/**
 * The cost meter's ledger (world.costLedger): what is billed now and what has been billed.
 *
 * Accrual is incremental: the ledger reads the event log from where it last stopped
 * (eventCursor), each event once, and opens or closes a billing record at the exact simulated
 * time the event records:
 *  - ec2.instance.state `running` opens an instance; `shutting-down`/`stopping`/`stopped`/
 *    `terminated` closes it;
 *  - task.created of a Fargate task notes its size; task.status -> PENDING opens it (Fargate pulls
 *    the image at once: billing starts with the download); task.status -> STOPPED closes it;
 *  - elb.loadBalancer.created opens a load balancer; elb.loadBalancer.deleted closes it.
 * Closing adds the record's billed cost to `closed`. Accumulated = closed + what open records have
 * run up to now, so it never decreases. Nothing scans history: a GetCost costs O(new events + open
 * records).
 */
import type { Simulation } from '../../simulation';
import type { SimEvent, World } from '../../world/types';
import type { BillingRecord, CostCategory, CostLedger, PendingFargateBilling } from '../../world/fault-types';
import { INSTANCE_TYPES } from '../../world/instance-types';
import { ALB_PER_HOUR, billedSeconds, fargatePerHour, MINIMUM_BILLED_SECONDS, NLB_PER_HOUR } from './prices';

export const COST_CATEGORIES: readonly CostCategory[] = ['ec2', 'fargate', 'fargateSpot', 'loadBalancers'];

export function costLedger(world: World): CostLedger {
  if (!world.costLedger) world.costLedger = { eventCursor: 0, open: {}, closed: { ec2: 0, fargate: 0, fargateSpot: 0, loadBalancers: 0 } };
  return world.costLedger;
}

/** The cost a record has run up if it ends at `end`. */
export function recordCost(r: BillingRecord, end: number): number {
  return (billedSeconds(end - r.start, r.minimumSeconds, r.granularitySeconds) / 3600) * r.ratePerHour;
}

/** Reads the events logged since the last accrual and brings the ledger up to now. */
export function accrueCost(sim: Simulation): CostLedger {
  const ledger = costLedger(sim.world);
  const events = sim.world.events;
  for (; ledger.eventCursor < events.length; ledger.eventCursor++) readEvent(sim.world, ledger, events[ledger.eventCursor]);
  return ledger;
}

function open(ledger: CostLedger, record: BillingRecord): void {
  if (!ledger.open[record.resource]) ledger.open[record.resource] = record;
}

function close(ledger: CostLedger, resource: string, at: number): void {
  const r = ledger.open[resource];
  if (!r) return;
  ledger.closed[r.category] += recordCost(r, at);
  delete ledger.open[resource];
}

function readEvent(world: World, ledger: CostLedger, e: SimEvent): void {
  switch (e.kind) {
    case 'ec2.instance.state': {
      const state = e.detail?.state;
      if (state === 'running') openInstance(world, ledger, e);
      else if (state === 'shutting-down' || state === 'stopping' || state === 'stopped' || state === 'terminated') close(ledger, e.resource, e.at);
      return;
    }
    case 'task.created':
      if (e.detail?.launchType === 'FARGATE') notePendingFargate(world, ledger, e);
      return;
    case 'task.status': {
      const to = e.detail?.to;
      if (to === 'PENDING') openFargate(ledger, e);
      else if (to === 'STOPPED') {
        close(ledger, e.resource, e.at);
        if (ledger.pendingFargate) delete ledger.pendingFargate[e.resource];
      }
      return;
    }
    case 'elb.loadBalancer.created': {
      const network = e.resource.includes(':loadbalancer/net/');
      const name = e.resource.split('/')[2] ?? e.resource;
      open(ledger, {
        category: 'loadBalancers',
        resource: e.resource,
        description: `${network ? 'Network' : 'Application'} Load Balancer ${name} (${network ? 'NLB' : 'ALB'}-hours; 0 LCU counted)`,
        ratePerHour: network ? NLB_PER_HOUR : ALB_PER_HOUR,
        start: e.at,
        minimumSeconds: 1, // a partial hour is billed as an hour, from the first second
        granularitySeconds: 3600,
      });
      return;
    }
    case 'elb.loadBalancer.deleted':
      close(ledger, e.resource, e.at);
      return;
  }
}

function openInstance(world: World, ledger: CostLedger, e: SimEvent): void {
  const instance = world.instances[e.resource];
  const type = instance ? INSTANCE_TYPES[instance.InstanceType] : undefined;
  if (!instance || !type) return;
  open(ledger, {
    category: 'ec2',
    resource: instance.InstanceId,
    description: `EC2 ${instance.InstanceType} ${instance.InstanceId} (Linux on-demand, $${type.pricePerHour}/hour, per second, 60 s minimum)`,
    ratePerHour: type.pricePerHour,
    start: e.at,
    minimumSeconds: MINIMUM_BILLED_SECONDS,
    granularitySeconds: 1,
  });
}

/**
 * Notes a new Fargate task's size (its cpu and memory, after overrides). Read from the task; if
 * it is already gone (a GetCost more than an hour after it stopped), from its task definition.
 */
function notePendingFargate(world: World, ledger: CostLedger, e: SimEvent): void {
  const task = Object.hasOwn(world.tasks, e.resource) ? world.tasks[e.resource] : undefined;
  let cpu = Number(task?.cpu);
  let memory = Number(task?.memory);
  if (!task) {
    const familyRevision = /of ([\w-]+:\d+) created/.exec(e.message)?.[1];
    const def = Object.values(world.taskDefinitions).find((d) => `${d.family}:${d.revision}` === familyRevision);
    cpu = Number(def?.cpu);
    memory = Number(def?.memory);
  }
  if (!Number.isFinite(cpu) || !Number.isFinite(memory)) return;
  const spot = task?.capacityProviderName === 'FARGATE_SPOT';
  const pending: PendingFargateBilling = {
    vCpu: cpu / 1024,
    memoryGiB: memory / 1024,
    spot,
    description: `${spot ? 'Fargate Spot' : 'Fargate'} task ${e.resource.split('/').pop()} (${cpu / 1024} vCPU, ${memory / 1024} GB${spot ? ', 70% off' : ''}; per second, 1 minute minimum)`,
  };
  if (!ledger.pendingFargate) ledger.pendingFargate = {};
  ledger.pendingFargate[e.resource] = pending;
}

function openFargate(ledger: CostLedger, e: SimEvent): void {
  const pending = ledger.pendingFargate?.[e.resource];
  if (!pending) return; // not a Fargate task (EC2 tasks are paid for by their instances)
  delete ledger.pendingFargate![e.resource];
  open(ledger, {
    category: pending.spot ? 'fargateSpot' : 'fargate',
    resource: e.resource,
    description: pending.description,
    ratePerHour: fargatePerHour(pending.vCpu, pending.memoryGiB, pending.spot),
    start: e.at,
    minimumSeconds: MINIMUM_BILLED_SECONDS,
    granularitySeconds: 1,
  });
}
