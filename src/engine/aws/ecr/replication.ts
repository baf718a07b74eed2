/**
 * Private image replication: PutReplicationConfiguration, DescribeRegistry, and the scheduling of
 * a copy when an image is pushed (the copy itself is control/ecr/replication.ts).
 *
 * AWS facts: only images pushed after the configuration is set are replicated; deletes are not
 * replicated; lifecycle policies and repository settings are not; the destination repository is
 * created, with the same name, if it does not exist. A configuration has at most 10 rules, each
 * with at most 25 destinations; filters are PREFIX_MATCH on the repository name.
 *
 * Choices:
 *  - The world models one account and the home region's registry settings: the configuration
 *    is the home registry's; destinations must be this account in another region.
 *  - Delay: AWS says most images replicate within 30 minutes; we copy 30-90 s (seeded) after the
 *    push so a learner sees it happen.
 */
import type { Simulation } from '../../simulation';
import type { ReplicationRule, Repository } from '../../world/types';
import { AwsError } from '../errors';
import { validationMessage, type Input } from '../validate';
import { invalidAt, regionOf } from './common';

export const REPLICATION_DELAY_MIN_SECONDS = 30;
export const REPLICATION_DELAY_MAX_SECONDS = 90;

const REGION = /^[a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\d$/;
const FILTER = /^[a-z0-9]+(?:[._-][a-z0-9]*)*(?:\/[a-z0-9]+(?:[._-][a-z0-9]*)*)*$/;

function parseRules(sim: Simulation, input: Input): ReplicationRule[] {
  const config = input.replicationConfiguration as { rules?: unknown } | undefined;
  if (!config || typeof config !== 'object') {
    throw new AwsError('InvalidParameterException', validationMessage('replicationConfiguration', config, 'Member must not be null'));
  }
  if (!Array.isArray(config.rules)) throw new AwsError('InvalidParameterException', validationMessage('replicationConfiguration.rules', config.rules, 'Member must not be null'));
  if (config.rules.length > 10) throw invalidAt('replicationConfiguration.rules', 'Member must have length less than or equal to 10');
  return config.rules.map((raw, r) => {
    const rule = (raw ?? {}) as { destinations?: unknown; repositoryFilters?: unknown };
    const at = `replicationConfiguration.rules.${r + 1}`;
    if (!Array.isArray(rule.destinations) || rule.destinations.length === 0) throw invalidAt(`${at}.destinations`, 'Member must have length greater than or equal to 1');
    if (rule.destinations.length > 25) throw invalidAt(`${at}.destinations`, 'Member must have length less than or equal to 25');
    const destinations = rule.destinations.map((d: { region?: unknown; registryId?: unknown }) => {
      const region = String(d?.region ?? '');
      const registryId = String(d?.registryId ?? '');
      if (!REGION.test(region)) throw invalidAt(`${at}.destinations.region`, `Invalid region '${region}'`);
      if (!/^[0-9]{12}$/.test(registryId)) throw invalidAt(`${at}.destinations.registryId`, "Member must satisfy regular expression pattern: [0-9]{12}");
      if (registryId !== sim.world.accountId) {
        throw new AwsError('InvalidParameterException', `Cross-account replication to registry '${registryId}' is not modelled: the simulator has one account (${sim.world.accountId}).`);
      }
      if (region === sim.world.region) {
        throw new AwsError('InvalidParameterException', `Replication destination cannot be the source registry: region '${region}' and registry '${registryId}' are where images are pushed.`);
      }
      return { region, registryId };
    });
    const filters = rule.repositoryFilters;
    if (filters !== undefined && !Array.isArray(filters)) throw invalidAt(`${at}.repositoryFilters`, 'Member must be a list');
    const repositoryFilters = (filters as { filter?: unknown; filterType?: unknown }[] | undefined)?.map((f) => {
      if (f?.filterType !== 'PREFIX_MATCH') throw invalidAt(`${at}.repositoryFilters.filterType`, 'Member must satisfy enum value set: [PREFIX_MATCH]');
      const filter = String(f.filter ?? '');
      if (filter.length < 2 || filter.length > 256 || !FILTER.test(filter)) throw invalidAt(`${at}.repositoryFilters.filter`, `Invalid repository filter '${filter}'`);
      return { filter, filterType: 'PREFIX_MATCH' as const };
    });
    if (repositoryFilters && repositoryFilters.length > 100) throw invalidAt(`${at}.repositoryFilters`, 'Member must have length less than or equal to 100');
    return { destinations, ...(repositoryFilters?.length ? { repositoryFilters } : {}) };
  });
}

export function putReplicationConfiguration(sim: Simulation, input: Input) {
  if (regionOf(sim.world, input) !== sim.world.region) {
    throw new AwsError('InvalidParameterException', `Only the home region's (${sim.world.region}) registry settings are modelled; set replication there.`);
  }
  const rules = parseRules(sim, input);
  sim.world.replicationConfiguration = rules;
  const targets = [...new Set(rules.flatMap((r) => r.destinations.map((d) => d.region)))];
  sim.emit({
    source: 'ecr',
    kind: 'registry.replication',
    resource: sim.world.accountId,
    message: targets.length
      ? `Replication configured: images pushed from now on are copied to ${targets.join(', ')} (images already pushed are not).`
      : 'Replication configuration cleared: new pushes are no longer copied.',
  });
  return { replicationConfiguration: { rules: structuredClone(rules) } };
}

export function describeRegistry(sim: Simulation, input: Input) {
  const home = regionOf(sim.world, input) === sim.world.region;
  return { registryId: sim.world.accountId, replicationConfiguration: { rules: home ? structuredClone(sim.world.replicationConfiguration) : [] } };
}

/** Destination regions for an image pushed to `repo` under the current configuration. */
export function replicationTargets(sim: Simulation, repo: Repository): string[] {
  if (repo.region !== sim.world.region) return [];
  const regions = new Set<string>();
  for (const rule of sim.world.replicationConfiguration) {
    const matches = !rule.repositoryFilters?.length || rule.repositoryFilters.some((f) => repo.repositoryName.startsWith(f.filter));
    if (matches) for (const d of rule.destinations) regions.add(d.region);
  }
  return [...regions];
}

/** Schedules the copy of a pushed image (and tag) into every destination region. */
export function scheduleReplication(sim: Simulation, repo: Repository, imageDigest: string, imageTag?: string): void {
  for (const destinationRegion of replicationTargets(sim, repo)) {
    const delay = sim.random.between(REPLICATION_DELAY_MIN_SECONDS, REPLICATION_DELAY_MAX_SECONDS);
    sim.schedule(delay, {
      type: 'ecr.replicate',
      sourceRepositoryArn: repo.repositoryArn,
      imageDigest,
      ...(imageTag !== undefined ? { imageTag } : {}),
      destinationRegion,
    });
  }
}
