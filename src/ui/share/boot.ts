/**
 * Which session the page opens with: a `#s=` link if there is one, else the autosave, else the
 * default scenario. A corrupt link or autosave says so in the banner and falls through to the next.
 */
import type { Envelope } from '../../scenario/envelope';
import type { Banner } from '../../store/session';
import { openLink, readAutosave, type KeyValueStorage } from './session-io';

export interface Boot {
  envelope?: Envelope;
  message?: Banner;
  from: 'link' | 'autosave' | 'default';
}

export function initialSession(hash: string, storage: KeyValueStorage | undefined): Boot {
  const link = openLink(hash);
  if (link?.envelope) return { envelope: link.envelope, from: 'link' };
  const saved = readAutosave(storage);
  const message = link?.message ?? saved?.message;
  if (saved?.envelope) return { envelope: saved.envelope, message, from: 'autosave' };
  return { message, from: 'default' };
}
