/**
 * The timeline (UI.md "Time"): a track from 0 to max(horizon, now) with the computed part shaded,
 * the markers (◆ deployments, ▲ scaling, ✕ failures, each with a tooltip and an accessible name),
 * and a draggable playhead. It is a slider: Left/Right move 10 s, Home/End go to the start and to
 * the furthest computed time. Dragging back shows the past exactly (the session seeks).
 */
import { memo, useEffect, useMemo, useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { useSession, useSessionStore } from '../../store/hooks';
import { MARKER_SYMBOLS } from '../../store/markers';
import { formatElapsed } from '../format';
import { describeMark, groupMarks, trackSpan, type Mark } from './marks';

/** Seconds the arrow keys move the playhead. */
export const KEY_STEP_SECONDS = 10;
/** How long the fork notice stays (it can be dismissed sooner). */
const FORK_NOTICE_MS = 8000;

const MARK_CLASSES = {
  deployment: 'text-sky-700',
  scaling: 'text-emerald-700',
  failure: 'text-red-600',
} as const;

export function Timeline() {
  const store = useSessionStore();
  const now = useSession((s) => s.now);
  const horizon = useSession((s) => s.horizon);
  const markers = useSession((s) => s.markers);
  const seek = useSession((s) => s.seek);
  const track = useRef<HTMLDivElement>(null);
  // A ref, not state: pointer moves that arrive before React re-renders must still see the drag.
  const dragging = useRef<{ resume: boolean } | null>(null);
  const span = trackSpan(Math.max(horizon, now));
  const marks = useMemo(() => groupMarks(markers, span), [markers, span]);

  const timeAt = (clientX: number) => {
    const rect = track.current!.getBoundingClientRect();
    const share = Math.min(1, Math.max(0, (clientX - rect.left) / Math.max(1, rect.width)));
    return share * span;
  };

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    e.currentTarget.focus();
    const s = store.getState();
    dragging.current = { resume: s.playing };
    if (s.playing) s.pause();
    s.seek(timeAt(e.clientX));
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (dragging.current) store.getState().seek(timeAt(e.clientX));
  };
  const onPointerUp = () => {
    if (dragging.current?.resume) store.getState().play();
    dragging.current = null;
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const s = store.getState();
    const to =
      e.key === 'ArrowLeft' || e.key === 'ArrowDown' ? s.now - KEY_STEP_SECONDS
      : e.key === 'ArrowRight' || e.key === 'ArrowUp' ? s.now + KEY_STEP_SECONDS
      : e.key === 'Home' ? 0
      : e.key === 'End' ? s.horizon
      : undefined;
    if (to === undefined) return;
    e.preventDefault();
    e.stopPropagation();
    s.seek(Math.max(0, to));
  };

  const pct = (t: number) => `${(t / span) * 100}%`;
  return (
    <div className="flex min-w-0 flex-1 flex-col gap-0.5">
      <div
        ref={track}
        role="slider"
        tabIndex={0}
        aria-label="timeline"
        aria-valuemin={0}
        aria-valuemax={Math.round(span)}
        aria-valuenow={Math.round(now)}
        aria-valuetext={`${formatElapsed(now)}${now < horizon ? ' (in the past)' : ''}`}
        data-testid="timeline"
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
        onKeyDown={onKeyDown}
        className="relative h-9 min-w-0 cursor-pointer touch-none select-none rounded-md focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-orange-500"
      >
        <div className="absolute inset-x-0 top-1/2 h-1.5 -translate-y-1/2 rounded-full bg-slate-200" />
        <div className="absolute left-0 top-1/2 h-1.5 -translate-y-1/2 rounded-full bg-slate-400" style={{ width: pct(horizon) }} title="computed" />
        <div className="absolute left-0 top-1/2 h-1.5 -translate-y-1/2 rounded-full bg-slate-800" style={{ width: pct(now) }} />
        <Marks marks={marks} seek={seek} />
        <div
          className="pointer-events-none absolute top-1/2 h-5 w-1.5 -translate-x-1/2 -translate-y-1/2 rounded-sm bg-orange-500 shadow ring-2 ring-white"
          style={{ left: pct(now) }}
          data-testid="playhead"
        />
      </div>
      <TimelineNotes />
    </div>
  );
}

/** The markers: re-rendered only when they or the track's span change (not with the clock). */
const Marks = memo(function Marks({ marks, seek }: { marks: Mark[]; seek: (t: number) => void }) {
  return marks.map((m) => {
    const text = describeMark(m, formatElapsed(m.at));
    return (
      <button
        key={`${m.kind}:${m.at}`}
        type="button"
        tabIndex={-1}
        aria-label={text}
        title={text}
        data-marker={m.kind}
        onPointerDown={(e) => e.stopPropagation()}
        onClick={() => seek(m.at)}
        className={`absolute -translate-x-1/2 text-[11px] leading-none ${MARK_CLASSES[m.kind]} ${m.kind === 'failure' ? 'bottom-0' : 'top-0'} hover:scale-125`}
        style={{ left: `${m.left}%` }}
      >
        {MARKER_SYMBOLS[m.kind]}
      </button>
    );
  });
});

/** The hint while viewing the past, and the fork notice after an edit there. */
function TimelineNotes() {
  const now = useSession((s) => s.now);
  const horizon = useSession((s) => s.horizon);
  const fork = useSession((s) => s.forkNotice);
  const dismiss = useSession((s) => s.dismissForkNotice);
  useEffect(() => {
    if (!fork) return;
    const timer = setTimeout(dismiss, FORK_NOTICE_MS);
    return () => clearTimeout(timer);
  }, [fork, dismiss]);
  if (fork) {
    return (
      <p role="status" className="flex items-center gap-2 text-[11px] text-amber-800" data-testid="fork-notice">
        Editing here starts a new future: {fork.discarded} later edit{fork.discarded === 1 ? ' was' : 's were'} discarded.
        <button type="button" className="underline" onClick={dismiss}>
          Dismiss
        </button>
      </p>
    );
  }
  if (now < horizon) {
    return (
      <p className="text-[11px] text-slate-500" data-testid="past-hint">
        You are viewing the past. Editing here starts a new future.
      </p>
    );
  }
  return <p className="text-[11px] text-slate-400">Space plays or pauses · Right arrow steps · drag to rewind</p>;
}
