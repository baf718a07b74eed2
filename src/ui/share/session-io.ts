/**
 * Where a session comes from and goes to, outside the store: the `#s=` link, the autosave in
 * localStorage, and exported/imported files. Every way in validates the same way (link.ts) and
 * reports a failure as a banner message; none of them touches the current session when it fails.
 */
import { decodeEnvelope, envelopeFromData, LinkError, MAX_DECODED_BYTES, payloadOf } from '../../scenario/link';
import { makeEnvelope, type Envelope } from '../../scenario/envelope';
import type { Banner } from '../../store/session';

export const AUTOSAVE_KEY = 'ecs-sandbox:autosave';

/** The storage the autosave uses (localStorage in the browser). */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export type Opened = { envelope: Envelope; message?: undefined } | { envelope?: undefined; message: Banner };

/** Opens a `#s=` hash (or a whole URL); undefined when there is no link in it. */
export function openLink(hash: string): Opened | undefined {
  const payload = payloadOf(hash);
  if (payload === undefined) return undefined;
  try {
    return { envelope: decodeEnvelope(payload) };
  } catch (e) {
    return { message: { kind: 'error', text: `${reason(e)} Your current work was kept.` } };
  }
}

/** Reads the autosave; a missing one is undefined, a corrupt one says so (and is not used). */
export function readAutosave(storage: KeyValueStorage | undefined): Opened | undefined {
  let text: string | null = null;
  try {
    text = storage?.getItem(AUTOSAVE_KEY) ?? null;
  } catch {
    return undefined; // storage disabled: nothing to restore
  }
  if (text === null) return undefined;
  try {
    return { envelope: envelopeFromData(JSON.parse(text), 'autosave') };
  } catch (e) {
    return { message: { kind: 'info', text: `The autosaved session could not be restored, so the default scenario was loaded. (${reason(e)})` } };
  }
}

export function writeAutosave(storage: KeyValueStorage | undefined, envelope: Envelope): void {
  try {
    storage?.setItem(AUTOSAVE_KEY, JSON.stringify(envelope));
  } catch {
    // Choice: a full or disabled storage only loses the autosave; the session goes on.
  }
}

/** Opens an imported file's text: an envelope (exported session) or a bare scenario file. */
export function openFile(name: string, text: string): Opened {
  if (text.length > MAX_DECODED_BYTES) {
    return { message: { kind: 'error', text: `${name} is too large: ${Math.round(text.length / 1024)} KiB (the limit is ${MAX_DECODED_BYTES / 1024} KiB). Your current work was kept.` } };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { message: { kind: 'error', text: `${name} is not valid JSON (${e instanceof Error ? e.message : String(e)}). Your current work was kept.` } };
  }
  // A scenario file (what the headless runner reads) opens as a session with no edits.
  if (data && typeof data === 'object' && !Array.isArray(data) && !('format' in data) && 'steps' in data) {
    data = makeEnvelope(data as Envelope['scenario'], [], 0);
  }
  try {
    return { envelope: envelopeFromData(data, 'file') };
  } catch (e) {
    return { message: { kind: 'error', text: `${name}: ${reason(e)} Your current work was kept.` } };
  }
}

/** `ecs-sandbox-<scenario-name>.json`, the name lower-cased with dashes. */
export function exportFileName(envelope: Envelope): string {
  const name = typeof envelope.scenario.name === 'string' ? envelope.scenario.name : 'session';
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'session';
  return `ecs-sandbox-${slug}.json`;
}

function reason(e: unknown): string {
  if (e instanceof LinkError) return e.message;
  return `Something unexpected went wrong: ${e instanceof Error ? e.message : String(e)}.`;
}
