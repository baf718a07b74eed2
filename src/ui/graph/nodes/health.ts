/** How a target's health state looks: ring colour, edge colour, and a word (never colour alone). */
import type { TargetHealthState } from '../../../engine/world/elb-types';

export const TARGET_LOOK: Record<TargetHealthState, { ring: string; stroke: string; glyph: string }> = {
  initial: { ring: 'ring-slate-400', stroke: '#94a3b8', glyph: '◌' },
  healthy: { ring: 'ring-emerald-500', stroke: '#10b981', glyph: '✓' },
  unhealthy: { ring: 'ring-red-500', stroke: '#ef4444', glyph: '✕' },
  draining: { ring: 'ring-violet-500', stroke: '#8b5cf6', glyph: '↓' },
  unused: { ring: 'ring-slate-300', stroke: '#cbd5e1', glyph: '–' },
  unavailable: { ring: 'ring-slate-300', stroke: '#cbd5e1', glyph: '?' },
};
