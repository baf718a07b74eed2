/**
 * The canvas's one visual language: every resource is a Card with an icon, the AWS service and
 * resource kind as a small caps label, its name, and a status pill that carries its state as text
 * (colour is never the only signal). Top-level cards have a target handle on the left and a
 * source handle on the right, for connecting resources (palette/connect.ts).
 */
import type { ReactNode } from 'react';
import { Handle, Position } from '@xyflow/react';
import type { LucideIcon } from 'lucide-react';
import { percent } from '../../format';
import { useCompact } from './detail';
import type { ResourceBar } from '../types';

/** Accent per AWS service, so a learner sees which service a resource belongs to. */
export const ACCENT = {
  ecr: { border: 'border-orange-300', label: 'text-orange-700', icon: 'text-orange-600' },
  ecs: { border: 'border-indigo-300', label: 'text-indigo-700', icon: 'text-indigo-600' },
  taskDefinition: { border: 'border-violet-300', label: 'text-violet-700', icon: 'text-violet-600' },
  elb: { border: 'border-fuchsia-300', label: 'text-fuchsia-700', icon: 'text-fuchsia-600' },
  autoscaling: { border: 'border-teal-300', label: 'text-teal-700', icon: 'text-teal-600' },
  cloudwatch: { border: 'border-rose-300', label: 'text-rose-700', icon: 'text-rose-600' },
  traffic: { border: 'border-sky-300', label: 'text-sky-700', icon: 'text-sky-600' },
} as const;
export type Accent = keyof typeof ACCENT;

export const PILL_TONE = {
  green: 'bg-emerald-100 text-emerald-800',
  amber: 'bg-amber-100 text-amber-800',
  red: 'bg-red-100 text-red-800',
  grey: 'bg-slate-100 text-slate-600',
  blue: 'bg-sky-100 text-sky-800',
  violet: 'bg-violet-100 text-violet-800',
  orange: 'bg-orange-100 text-orange-800',
} as const;
export type PillTone = keyof typeof PILL_TONE;

export function Pill({ tone, children, title }: { tone: PillTone; children: ReactNode; title?: string }) {
  return (
    <span title={title} className={`shrink-0 rounded px-1.5 py-px text-[10px] font-semibold leading-tight ${PILL_TONE[tone]}`}>
      {children}
    </span>
  );
}

export function Handles({ target = true, source = true }: { target?: boolean; source?: boolean }) {
  return (
    <>
      {target && <Handle type="target" position={Position.Left} className="sb-handle" />}
      {source && <Handle type="source" position={Position.Right} className="sb-handle" />}
    </>
  );
}

export interface CardProps {
  accent: Accent;
  icon: LucideIcon;
  /** The resource kind in AWS's words, e.g. "Target group". */
  kind: string;
  name: string;
  status?: ReactNode;
  testId: string;
  label: string;
  title?: string;
  dashed?: boolean;
  children?: ReactNode;
  handles?: { target?: boolean; source?: boolean } | false;
}

export function Card({ accent, icon: Icon, kind, name, status, testId, label, title, dashed, children, handles = {} }: CardProps) {
  const a = ACCENT[accent];
  if (useCompact()) {
    return (
      <div role="group" aria-label={label} data-testid={testId} title={title ?? `${kind} ${name}`} className={`h-full w-full overflow-hidden rounded-lg border-2 bg-white px-2.5 py-1.5 ${a.border} ${dashed ? 'border-dashed' : ''}`}>
        {handles && <Handles {...handles} />}
        <div className={`truncate text-[26px] font-semibold leading-tight ${a.label}`}>{name}</div>
      </div>
    );
  }
  return (
    <div
      role="group"
      aria-label={label}
      data-testid={testId}
      title={title}
      className={`h-full w-full overflow-hidden rounded-lg border bg-white px-2.5 py-1.5 shadow-sm ${a.border} ${dashed ? 'border-dashed' : ''}`}
    >
      {handles && <Handles {...handles} />}
      <div className="flex items-center gap-1.5">
        <Icon aria-hidden="true" size={13} className={a.icon} />
        <span className={`text-[10px] font-semibold uppercase tracking-wide ${a.label}`}>{kind}</span>
        <span className="ml-auto flex items-center gap-1">{status}</span>
      </div>
      <div className="truncate text-[13px] font-semibold text-slate-900" title={name}>
        {name}
      </div>
      {children}
    </div>
  );
}

export function Meter({ label, unit, bar }: { label: string; unit: string; bar: ResourceBar }) {
  const used = bar.registered - bar.remaining;
  const share = percent(used, bar.registered);
  return (
    <div className="text-[10px] text-slate-600">
      <div className="flex justify-between">
        <span>{label}</span>
        <span>
          {used} / {bar.registered} {unit} reserved
        </span>
      </div>
      <div
        role="meter"
        aria-label={`${label} reserved`}
        aria-valuemin={0}
        aria-valuemax={bar.registered}
        aria-valuenow={used}
        className="mt-px h-1.5 overflow-hidden rounded bg-slate-200"
      >
        <div className={`sb-fill h-full rounded ${share >= 90 ? 'bg-rose-500' : 'bg-indigo-500'}`} style={{ width: `${share}%` }} />
      </div>
    </div>
  );
}

export const Line = ({ children, mono }: { children: ReactNode; mono?: boolean }) => (
  <div className={`truncate text-[11px] leading-snug text-slate-600 ${mono ? 'font-mono text-[10px]' : ''}`}>{children}</div>
);
