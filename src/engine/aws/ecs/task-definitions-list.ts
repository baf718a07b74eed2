/**
 * ListTaskDefinitions and ListTaskDefinitionFamilies.
 *  - ListTaskDefinitions: `familyPrefix` is, despite its name, "the full family name" to filter by;
 *    `status` ACTIVE (default) | INACTIVE | DELETE_IN_PROGRESS; `sort` ASC (default: family name
 *    alphabetically, then revision) | DESC; `maxResults` 1-100 (default 100) with `nextToken`.
 *  - ListTaskDefinitionFamilies: `familyPrefix` is a real prefix; `status` ACTIVE (families with an
 *    ACTIVE revision) | INACTIVE (families with none) | ALL (default); alphabetical.
 * Choice: nextToken is an opaque "offset" string; a token from one filter used with another gives
 * undefined results on AWS too ("keep the status value constant in each subsequent request").
 */
import type { Action } from '../../simulation';
import { AwsError, invalidParameter } from '../errors';
import { optionalNumber, optionalString, type Input } from '../validate';
import type { TaskDefinition } from '../../world/types';

const STATUSES = ['ACTIVE', 'INACTIVE', 'DELETE_IN_PROGRESS'];
const FAMILY_STATUSES = ['ACTIVE', 'INACTIVE', 'ALL'];

function page<T>(items: T[], input: Input): { items: T[]; nextToken?: string } {
  const maxResults = optionalNumber(input, 'maxResults') ?? 100;
  if (!Number.isInteger(maxResults) || maxResults < 1 || maxResults > 100) throw invalidParameter('maxResults must be an integer from 1 to 100.');
  const token = optionalString(input, 'nextToken');
  let start = 0;
  if (token !== undefined) {
    const m = /^offset:([0-9]+)$/.exec(token);
    if (!m) throw invalidParameter('Invalid nextToken.');
    start = Number(m[1]);
  }
  const slice = items.slice(start, start + maxResults);
  const next = start + maxResults;
  return next < items.length ? { items: slice, nextToken: `offset:${next}` } : { items: slice };
}

function compareDefinitions(a: TaskDefinition, b: TaskDefinition): number {
  if (a.family !== b.family) return a.family < b.family ? -1 : 1;
  return a.revision - b.revision;
}

export const listTaskDefinitions: Action = (sim, input) => {
  const family = optionalString(input, 'familyPrefix');
  const status = optionalString(input, 'status') ?? 'ACTIVE';
  if (!STATUSES.includes(status)) throw invalidParameter(`Invalid status '${status}'. Valid values: ${STATUSES.join(', ')}.`);
  const sort = optionalString(input, 'sort') ?? 'ASC';
  if (sort !== 'ASC' && sort !== 'DESC') throw invalidParameter(`Invalid sort '${sort}'. Valid values: ASC, DESC.`);
  const matching = Object.values(sim.world.taskDefinitions)
    .filter((td) => td.status === status && (family === undefined || td.family === family))
    .sort(compareDefinitions);
  if (sort === 'DESC') matching.reverse();
  const { items, nextToken } = page(matching, input);
  return { taskDefinitionArns: items.map((td) => td.taskDefinitionArn), ...(nextToken ? { nextToken } : {}) };
};

export const listTaskDefinitionFamilies: Action = (sim, input) => {
  const prefix = optionalString(input, 'familyPrefix') ?? '';
  const status = optionalString(input, 'status') ?? 'ALL';
  if (!FAMILY_STATUSES.includes(status)) throw new AwsError('InvalidParameterException', `Invalid status '${status}'. Valid values: ${FAMILY_STATUSES.join(', ')}.`);
  const active = new Set(
    Object.values(sim.world.taskDefinitions)
      .filter((td) => td.status === 'ACTIVE')
      .map((td) => td.family),
  );
  const families = Object.keys(sim.world.taskDefinitionFamilies)
    .filter((f) => f.startsWith(prefix))
    .filter((f) => status === 'ALL' || (status === 'ACTIVE') === active.has(f))
    .sort();
  const { items, nextToken } = page(families, input);
  return { families: items, ...(nextToken ? { nextToken } : {}) };
};

export const listTaskDefinitionActions: Record<string, Action> = {
  'ecs:ListTaskDefinitions': listTaskDefinitions,
  'ecs:ListTaskDefinitionFamilies': listTaskDefinitionFamilies,
};
