/**
 * Numbered envelope migrations, after tldraw's and excalidraw's: `migrations[n]` turns a version n
 * envelope into version n + 1, and loading runs them one by one up to ENVELOPE_VERSION. Version 1
 * is the first format, so there are none yet; when the format changes, bump ENVELOPE_VERSION and
 * add `[1]: (v1) => v2` here (never edit an old step: old links must keep opening).
 */
import { ENVELOPE_FORMAT, ENVELOPE_VERSION, EnvelopeError } from './envelope';

export type EnvelopeData = Record<string, unknown>;
export type Migration = (data: EnvelopeData) => EnvelopeData;

export const MIGRATIONS: Readonly<Record<number, Migration>> = {};

/** Brings decoded envelope data up to `target`; throws EnvelopeError for what it cannot read. */
export function migrate(data: unknown, migrations: Readonly<Record<number, Migration>> = MIGRATIONS, target = ENVELOPE_VERSION): EnvelopeData {
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new EnvelopeError('this is not an ECS Sandbox session (expected a JSON object)');
  let current = data as EnvelopeData;
  if (current.format !== ENVELOPE_FORMAT) {
    throw new EnvelopeError(`this is not an ECS Sandbox session (format is ${JSON.stringify(current.format) ?? 'missing'}, expected "${ENVELOPE_FORMAT}")`);
  }
  const version = current.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    throw new EnvelopeError(`version: expected a whole number, got ${JSON.stringify(version) ?? 'nothing'}`);
  }
  if (version > target) {
    throw new EnvelopeError(`it was made by a newer ECS Sandbox (format version ${version}; this one reads up to version ${target}). Reload the page to get the latest version.`);
  }
  for (let v = version; v < target; v++) {
    const step = migrations[v];
    if (!step) throw new EnvelopeError(`format version ${v} is not supported (no migration from version ${v} to ${v + 1})`);
    current = { ...step(current), version: v + 1 };
  }
  return current;
}
