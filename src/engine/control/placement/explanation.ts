/**
 * The rows of a PlacementExplanation, bounded in size.
 *
 * Every placed task keeps its explanation (task.placement) for the Why panel. A row per container
 * instance is what a learner's cluster of a handful of instances wants, but 10,000 tasks over
 * 1,000 instances would keep 10 million rows. AWS keeps no such record (the console shows only
 * the outcome), so the size is our choice:
 *
 * - A cluster of at most FULL_TABLE_MAX_INSTANCES (50) container instances: one row per instance.
 * - A larger cluster, the compact form: the rows of the finalists (the instances left after the
 *   last strategy, at most COMPACT_FINALIST_ROWS of them, the chosen one always included), one
 *   example row per rejection reason (the first instance, in registration order, rejected for
 *   it), `rejectedCounts` (rejections by AWS reason over every instance), `candidatesOmitted`,
 *   and strategy steps listing at most COMPACT_KEPT_ARNS ARNs each (with keptCount). That is
 *   enough to say why the chosen instance won and why the others did not: the rejection counts and
 *   their examples for the filters, the strategy notes for the rest.
 * - A failed placement keeps every row whatever the size: it is not stored on a task, and RunTask
 *   reports a failure per container instance from it.
 */
import type { PlacementExplanation } from '../../world/types';
import { rowOf, type FilterResult, type Row } from './filter';

export const FULL_TABLE_MAX_INSTANCES = 50;
export const COMPACT_FINALIST_ROWS = 10;
export const COMPACT_KEPT_ARNS = 10;

type Rows = Pick<PlacementExplanation, 'candidates' | 'rejectedCounts' | 'candidatesOmitted'>;

/** Is this placement explained in the compact form? */
export const isCompact = (filtered: FilterResult) => filtered.instances.length > FULL_TABLE_MAX_INSTANCES;

/** One row per container instance of the cluster. */
export function allRows(filtered: FilterResult): Row[] {
  const rows = new Array<Row>(filtered.instances.length);
  for (let i = 0; i < rows.length; i++) rows[i] = rowOf(filtered, i);
  return rows;
}

/** The rows of a placed task: all of them in a small cluster, the compact form in a large one. */
export function placedRows(filtered: FilterResult, finalists: number[], chosen: number): Rows {
  if (!isCompact(filtered)) return { candidates: allRows(filtered) };
  const keep = new Set<number>([chosen]);
  for (let k = 0; k < finalists.length && keep.size < COMPACT_FINALIST_ROWS; k++) keep.add(finalists[k]);
  const rejectedCounts: Record<string, number> = {};
  const { rejections } = filtered;
  for (let i = 0; i < rejections.length; i++) {
    const rejection = rejections[i];
    if (!rejection) continue;
    if (rejectedCounts[rejection.reason] === undefined) {
      rejectedCounts[rejection.reason] = 0;
      keep.add(i);
    }
    rejectedCounts[rejection.reason]++;
  }
  const candidates = [...keep].sort((a, b) => a - b).map((i) => rowOf(filtered, i));
  return { candidates, rejectedCounts, candidatesOmitted: filtered.instances.length - candidates.length };
}
