/**
 * Windowing for long lists: with fixed-height rows, only the rows inside the viewport (plus a
 * few either side, so fast scrolling shows no gap) are rendered; spacers above and below keep
 * the scrollbar true to the whole list.
 */
export interface Window {
  /** First row to render (inclusive). */
  start: number;
  /** Row after the last one to render (exclusive). */
  end: number;
  /** Pixels of the spacer before `start` and after `end`. */
  before: number;
  after: number;
}

export function visibleWindow(count: number, rowHeight: number, scrollTop: number, viewportHeight: number, overscan = 5): Window {
  if (count <= 0 || rowHeight <= 0) return { start: 0, end: 0, before: 0, after: 0 };
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const last = Math.ceil((Math.max(0, scrollTop) + Math.max(0, viewportHeight)) / rowHeight);
  const start = Math.min(count, Math.max(0, first - overscan));
  const end = Math.min(count, Math.max(start, last + overscan));
  return { start, end, before: start * rowHeight, after: (count - end) * rowHeight };
}

/** An event's time on the log's clock: "mm:ss" within the first hour, "h:mm:ss" after. */
export function formatClock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const mm = String(Math.floor((s % 3600) / 60)).padStart(2, '0');
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}
