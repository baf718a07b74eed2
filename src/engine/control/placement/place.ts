/**
 * OWNED BY: the placement work. Signatures fixed; bodies to be written.
 *
 * EC2 placement as in aws-semantics.md: keep instances that fit CPU, memory, ports and ENIs ->
 * apply constraints (binding) -> apply strategies in order (best effort) -> choose. One task at a
 * time: the caller reserves the chosen instance's resources before placing the next task of the
 * same call, so a 10-task RunTask sees its own earlier placements.
 */
import type { Simulation } from '../../simulation';
import type { PlacementExplanation, TaskDefinition } from '../../world/types';

export interface PlacementConstraint {
  type: 'distinctInstance' | 'memberOf';
  expression?: string;
}

export interface PlacementStrategy {
  type: 'random' | 'spread' | 'binpack';
  field?: string;
}

export interface PlacementRequest {
  clusterArn: string;
  taskDefinition: TaskDefinition;
  /** Task-level cpu/memory overrides (strings, as in the API). */
  overrides?: { cpu?: string; memory?: string };
  /** The task group ("family:NAME" by default, "service:NAME" for services). */
  group: string;
  /** Request constraints; the task definition's own placementConstraints are added by placeTask. */
  placementConstraints: PlacementConstraint[];
  placementStrategy: PlacementStrategy[];
}

export interface PlacementDecision {
  /** The chosen container instance, or undefined when the task cannot be placed. */
  containerInstanceArn?: string;
  /** When not placed: the AWS failure reason, e.g. "RESOURCE:MEMORY", "MemberOf", "AGENT". */
  failureReason?: string;
  explanation: PlacementExplanation;
}

/** Chooses a container instance for one task. Never changes the world. */
export function placeTask(sim: Simulation, request: PlacementRequest): PlacementDecision {
  void sim;
  void request;
  throw new Error('placeTask: not written yet');
}

/** Throws InvalidParameterException (AWS's words) for a malformed strategy or constraint list. */
export function validatePlacementInput(strategy: unknown, constraints: unknown): void {
  void strategy;
  void constraints;
  throw new Error('validatePlacementInput: not written yet');
}
