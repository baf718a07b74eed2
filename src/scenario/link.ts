/**
 * Share links: envelope -> JSON -> deflate (with a preset dictionary, link-dictionary.ts) ->
 * base64url -> `#s=...` in the URL hash. Decoding checks every layer and fails loudly with a
 * message a person can act on (LinkError); it never returns half a session.
 *
 * Decompression-bomb safe: the link is at most MAX_LINK_CHARS long, and it is inflated in small
 * chunks, stopping as soon as the output passes MAX_DECODED_BYTES.
 */
import { deflateSync, Inflate } from 'fflate';
import { EnvelopeError, parseEnvelope, type Envelope } from './envelope';
import { migrate } from './migrations';
import { LINK_DICTIONARY } from './link-dictionary';

/** The hash parameter: `#s=PAYLOAD`. A new dictionary would need a new parameter name. */
export const LINK_PARAM = 's';
/** Choice: 100 KB of link (browsers take far longer URLs, chat apps and QR codes do not). */
export const MAX_LINK_CHARS = 100_000;
/** Choice: 1 MiB of JSON once unpacked; a learner's session is a few kilobytes. */
export const MAX_DECODED_BYTES = 1024 * 1024;
/** Choice: level 9 (smallest output; a session is small, so the time does not matter). */
const LEVEL = 9;
/** Input pushed to the inflater at a time: deflate expands at most ~1032x, so ~1 MiB per chunk. */
const CHUNK_BYTES = 1024;

export class LinkError extends Error {}

const encoder = new TextEncoder();

export function encodeEnvelope(envelope: Envelope): string {
  const bytes = encoder.encode(JSON.stringify(envelope));
  return toBase64Url(deflateSync(bytes, { level: LEVEL, dictionary: LINK_DICTIONARY }));
}

/** `#s=...` for the URL. */
export function shareHash(envelope: Envelope): string {
  return `#${LINK_PARAM}=${encodeEnvelope(envelope)}`;
}

/** The payload of a `#s=...` hash (or of a whole URL holding one); undefined if there is none. */
export function payloadOf(hashOrUrl: string): string | undefined {
  const hash = hashOrUrl.includes('#') ? hashOrUrl.slice(hashOrUrl.indexOf('#') + 1) : hashOrUrl;
  for (const part of hash.split('&')) {
    if (part.startsWith(`${LINK_PARAM}=`)) return part.slice(LINK_PARAM.length + 1);
  }
  return undefined;
}

/** Decodes a link payload to a validated, migrated envelope, or throws LinkError saying what is wrong. */
export function decodeEnvelope(payload: string): Envelope {
  if (payload.length > MAX_LINK_CHARS) {
    throw new LinkError(`The link is too large: ${payload.length.toLocaleString('en-US')} characters (the limit is ${MAX_LINK_CHARS.toLocaleString('en-US')}).`);
  }
  if (payload.length === 0) throw new LinkError('The link is empty: there is nothing after #s=. Copy the whole link and try again.');
  const bad = payload.search(/[^A-Za-z0-9_-]/);
  if (bad >= 0) {
    throw new LinkError(`The link is damaged: "${payload[bad]}" at position ${bad + 1} is not a character share links use (A-Z, a-z, 0-9, - and _). Was it copied completely?`);
  }
  if (payload.length % 4 === 1) throw new LinkError('The link is incomplete: its data ends in the middle of a character. Copy the whole link and try again.');
  const json = inflateLimited(fromBase64Url(payload));
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (e) {
    throw new LinkError(`The link is damaged: its session is not valid JSON (${e instanceof Error ? e.message : String(e)}).`);
  }
  return envelopeFromData(data, 'link');
}

/** Migrates and validates decoded data (from a link or a file); throws LinkError naming the field. */
export function envelopeFromData(data: unknown, from: 'link' | 'file' | 'autosave'): Envelope {
  try {
    return parseEnvelope(migrate(data));
  } catch (e) {
    if (e instanceof EnvelopeError) throw new LinkError(`The ${from}'s session could not be opened: ${e.message}.`.replace(/\.\.$/, '.'));
    throw e;
  }
}

/** Inflates, refusing output past MAX_DECODED_BYTES and saying when the data is cut short or is not deflate. */
function inflateLimited(bytes: Uint8Array): string {
  const parts: Uint8Array[] = [];
  let size = 0;
  let ended = false;
  const inflater = new Inflate({ dictionary: LINK_DICTIONARY }, (chunk, final) => {
    size += chunk.length;
    if (size > MAX_DECODED_BYTES) throw new LinkError(`The link is too large: its session unpacks to more than ${MAX_DECODED_BYTES / 1024 / 1024} MiB.`);
    parts.push(chunk);
    if (final) ended = true;
  });
  try {
    for (let i = 0; i < bytes.length; i += CHUNK_BYTES) {
      inflater.push(bytes.subarray(i, i + CHUNK_BYTES), i + CHUNK_BYTES >= bytes.length);
    }
    if (bytes.length === 0) inflater.push(new Uint8Array(0), true);
  } catch (e) {
    if (e instanceof LinkError) throw e;
    const message = e instanceof Error ? e.message : String(e);
    if (/unexpected EOF/i.test(message)) throw new LinkError('The link is incomplete: its data ends early (was it cut off when copied?). Copy the whole link and try again.');
    throw new LinkError(`The link is damaged: its data is not a compressed ECS Sandbox session (${message}).`);
  }
  if (!ended) throw new LinkError('The link is incomplete: its data ends early (was it cut off when copied?). Copy the whole link and try again.');
  const all = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.length;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(all);
  } catch {
    throw new LinkError('The link is damaged: its session is not UTF-8 text.');
  }
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
