/**
 * EC2's Filters parameter: [{Name, Values}]. A resource matches when every filter matches and a
 * filter matches when any of its values does; values may use * and ? wildcards, as in EC2.
 */
import { AwsError } from '../errors';
import { optionalArray, type Input } from '../validate';

export interface Filter {
  Name: string;
  Values: string[];
}

/** Values of each field a resource has under a filter name; undefined = this name is unknown. */
export type FilterFields = (name: string) => string[] | undefined;

export function readFilters(input: Input): Filter[] {
  const raw = optionalArray<Record<string, unknown>>(input, 'Filters', 'InvalidParameterValue') ?? [];
  return raw.map((f) => {
    if (typeof f?.Name !== 'string') throw new AwsError('InvalidParameterValue', 'The filter name must be a string.');
    const values = Array.isArray(f.Values) ? f.Values.map(String) : [];
    return { Name: f.Name, Values: values };
  });
}

export function matchesFilters(filters: Filter[], fields: FilterFields, knownNames: string[]): boolean {
  return filters.every((f) => {
    const have = fields(f.Name);
    if (have === undefined) {
      if (!knownNames.includes(f.Name) && !f.Name.startsWith('tag:')) throw new AwsError('InvalidParameterValue', `The filter '${f.Name}' is invalid`);
      return false;
    }
    return f.Values.some((v) => have.some((h) => wildcard(v).test(h)));
  });
}

function wildcard(pattern: string): RegExp {
  const body = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${body}$`);
}

/** Filter values from Tags: "tag:KEY" -> the tag's value, "tag-key" -> every key. */
export function tagField(tags: { Key: string; Value: string }[], name: string): string[] | undefined {
  if (name === 'tag-key') return tags.map((t) => t.Key);
  if (name === 'tag-value') return tags.map((t) => t.Value);
  if (name.startsWith('tag:')) {
    const tag = tags.find((t) => t.Key === name.slice(4));
    return tag ? [tag.Value] : undefined;
  }
  return undefined;
}
