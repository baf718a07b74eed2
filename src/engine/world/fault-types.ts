/**
 * Injected faults (sim:InjectFault) and the cost meter's ledger (sim:GetCost), as world data:
 * plain, serialisable, times in simulated seconds.
 */

/** The faults sim:InjectFault knows, in the order the error messages list them. */
export const FAULT_TYPES = ['TerminateInstance', 'AgentDisconnect', 'AvailabilityZoneOutage', 'SpotInterruption', 'TaskCrash', 'HealthCheckFailure'] as const;
export type FaultType = (typeof FAULT_TYPES)[number];

/** Faults that last (until cleared or until durationSeconds ends); the others happen at once. */
export const LASTING_FAULT_TYPES: readonly FaultType[] = ['AgentDisconnect', 'AvailabilityZoneOutage', 'HealthCheckFailure'];

/** A lasting fault that is in effect now (sim:ListFaults shows these). */
export interface ActiveFault {
  faultId: string;
  type: FaultType;
  /** An EC2 instance id, an AZ name, a task ARN or a service name, by type. */
  target: string;
  injectedAt: number;
  /** When it ends by itself; absent = until sim:ClearFault. */
  endsAt?: number;
}

export interface FaultState {
  /** Lasting faults in effect, by faultId. */
  active: Record<string, ActiveFault>;
  /** Last fault number handed out (faultIds are "fault-N", never reused). */
  sequence: number;
}

// ---------------------------------------------------------------- cost meter

export type CostCategory = 'ec2' | 'fargate' | 'fargateSpot' | 'loadBalancers';

/** Something billed by the second (or hour) from `start`, at `ratePerHour` USD. */
export interface BillingRecord {
  category: CostCategory;
  /** Instance id, task ARN or load balancer ARN. */
  resource: string;
  description: string;
  ratePerHour: number;
  start: number;
  /** Billed at least this many seconds (EC2 Linux and Fargate: 60). */
  minimumSeconds: number;
  /** Billed time is rounded up to a multiple of this (per second: 1; load balancers, per hour: 3600). */
  granularitySeconds: number;
}

/** A Fargate task seen created, waiting for its image pull (when billing starts). */
export interface PendingFargateBilling {
  vCpu: number;
  memoryGiB: number;
  spot: boolean;
  description: string;
}

export interface CostLedger {
  /** How many entries of world.events have been read (the ledger reads each event once). */
  eventCursor: number;
  /** What is being billed now, by resource. */
  open: Record<string, BillingRecord>;
  /** Fargate tasks created but not yet pulling (not billed yet), by task ARN. */
  pendingFargate?: Record<string, PendingFargateBilling>;
  /** USD of everything that stopped being billed, by category. */
  closed: Record<CostCategory, number>;
}
