/**
 * What the graph builders share while one graph is built: the world, the output lists, the
 * learner's view choices (expanded parents) and indexes computed once per build.
 */
import type { World } from '../../../engine/world/types';
import type { SandboxEdge, SandboxNode } from '../types';

export interface BuildContext {
  world: World;
  /** Simulated seconds: only decides which STOPPED tasks are still shown and traffic rates. */
  now: number;
  nodes: SandboxNode[];
  edges: SandboxEdge[];
  /** Node ids of parents whose folded tasks the learner expanded. */
  expanded: Record<string, boolean>;
}

export const byName = <T>(key: (t: T) => string) => (a: T, b: T) => key(a).localeCompare(key(b));
