/**
 * The event log's filters (editor store's eventFilter): by resource, by kind and by free text.
 * The log can hold 100,000 events, so filtering returns indices into world.events, newest first,
 * and copies no event.
 */
import type { SimEvent } from '../../engine/world/types';
import type { EventFilter } from '../../store/editor';
import { kindGroupOf } from './kinds';

/**
 * Whether an event is about one of `resources`: the ids the resource filter stands for (see
 * resourcesOfSelection: a container instance is both its EC2 instance id and its ARN).
 */
export function matchesResource(event: SimEvent, resources: readonly string[]): boolean {
  return resources.includes(event.resource);
}

/** A kinds entry is a chip's group id ("tasks") or a kind prefix ("task."): either matches. */
export function matchesKinds(kind: string, kinds: readonly string[]): boolean {
  if (kinds.length === 0) return true;
  const group = kindGroupOf(kind);
  return kinds.some((k) => k === group || (k.includes('.') && kind.startsWith(k)));
}

export function matchesText(event: SimEvent, needle: string): boolean {
  if (!needle) return true;
  return event.message.toLowerCase().includes(needle) || event.resource.toLowerCase().includes(needle) || event.kind.toLowerCase().includes(needle);
}

/**
 * Indices of the events that pass every filter, newest first. `resources` are the ids the
 * resource filter stands for (the selected id and its aliases); absent = no resource filter.
 */
export function filterEvents(events: readonly SimEvent[], filter: EventFilter, resources?: readonly string[]): number[] {
  const needle = filter.text.trim().toLowerCase();
  const out: number[] = [];
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i];
    if (resources && !matchesResource(e, resources)) continue;
    if (!matchesKinds(e.kind, filter.kinds)) continue;
    if (!matchesText(e, needle)) continue;
    out.push(i);
  }
  return out;
}
