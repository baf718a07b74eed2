/**
 * Frame times in the page, and panning the canvas with the mouse, for scripts/bench-ui.mjs.
 *
 * A frame time is the gap between two consecutive requestAnimationFrame timestamps, recorded in
 * the page (so it includes everything the main thread did in between: the player's simulation
 * step, React, React Flow, style and layout, paint). Panning is real input: Playwright mouse
 * drags (CDP Input.dispatchMouseEvent) that start on an empty spot of the pane, so React Flow's
 * d3-zoom pans the view; the drags go right and left in turn so the view stays over the world.
 */

/** Installs window.__frames: start() records rAF timestamps, stop() returns the frame times (ms). */
export async function installRecorder(page) {
  await page.evaluate(() => {
    const state = { stamps: [], on: false };
    window.__frames = {
      start() {
        state.stamps = [];
        state.on = true;
        const loop = (t) => {
          if (!state.on) return;
          state.stamps.push(t);
          requestAnimationFrame(loop);
        };
        requestAnimationFrame(loop);
      },
      stop() {
        state.on = false;
        const s = state.stamps;
        const gaps = [];
        for (let i = 1; i < s.length; i++) gaps.push(s[i] - s[i - 1]);
        return gaps;
      },
    };
  });
}

/** A point on the canvas where a press lands on the pane (no node, edge or control under it). */
async function emptySpot(page, dx) {
  return page.evaluate((dx) => {
    const pane = document.querySelector('.react-flow__pane');
    if (!pane) return null;
    const r = pane.getBoundingClientRect();
    // Leave room for the drag (dx) inside the canvas; search a grid, middle rows first.
    const xs = [];
    for (let x = r.left + 20; x < r.right - 20; x += 16) if (x + dx > r.left + 10 && x + dx < r.right - 10) xs.push(x);
    const ys = [];
    for (let y = r.top + 20; y < r.bottom - 20; y += 16) ys.push(y);
    ys.sort((a, b) => Math.abs(a - (r.top + r.height / 2)) - Math.abs(b - (r.top + r.height / 2)));
    for (const y of ys) {
      for (const x of xs) {
        const el = document.elementFromPoint(x, y);
        if (el && (el.classList.contains('react-flow__pane') || el.closest('.react-flow__background'))) return { x, y };
      }
    }
    return null;
  }, dx);
}

/** Fits the whole world in view (React Flow's fit view control), so every phase starts from the same view. */
export async function fitView(page) {
  await page.locator('.react-flow__controls-fitview').click();
}

/** The canvas's zoom (the scale of React Flow's viewport transform). */
export async function zoomOf(page) {
  return page.evaluate(() => new DOMMatrixReadOnly(getComputedStyle(document.querySelector('.react-flow__viewport')).transform).a);
}

/**
 * Zooms in on the first cluster (mouse wheel over its middle, so it stays under the pointer) until
 * the zoom is at least `zoom`.
 */
export async function zoomTo(page, zoom) {
  const box = await page.locator('.react-flow__node-cluster').first().boundingBox();
  if (!box) throw new Error('bench-ui: no cluster to zoom in on');
  await page.mouse.move(box.x + box.width / 2, box.y + Math.min(box.height / 2, 200));
  for (let i = 0; i < 60 && (await zoomOf(page)) < zoom; i++) {
    await page.mouse.wheel(0, -100);
    await page.waitForTimeout(30);
  }
  await page.waitForTimeout(400);
}

/**
 * Drags the pane for `seconds`: whole strokes of `distance` px in `steps` mouse moves, right and
 * left in turn (and a little down and up), so the view comes back where it started after an even
 * number of strokes. Returns how many mouse moves were sent.
 */
export async function panFor(page, seconds, { distance = 240, steps = 24 } = {}) {
  const end = Date.now() + seconds * 1000;
  let moves = 0;
  let direction = 1;
  let strokes = 0;
  while (Date.now() < end || strokes % 2 === 1) {
    const dx = direction * distance;
    const dy = direction * distance * 0.25;
    const at = await emptySpot(page, dx);
    if (!at) throw new Error('bench-ui: no empty spot of the pane to drag from (is the canvas covered?)');
    await page.mouse.move(at.x, at.y);
    await page.mouse.down();
    for (let i = 1; i <= steps; i++) {
      await page.mouse.move(at.x + (dx * i) / steps, at.y + (dy * i) / steps);
      moves++;
    }
    await page.mouse.up();
    direction = -direction;
    strokes++;
  }
  return moves;
}

/** Frames longer than two refreshes of a 60 Hz display (p95 sits at one of these steps). */
export const SLOW_FRAME_MS = 1000 / 30 + 1;

/** Median and 95th percentile (nearest rank) of frame times, and the share of slow frames (%). */
export function summarize(gaps) {
  const sorted = [...gaps].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;
  const slow = sorted.length ? (100 * sorted.filter((g) => g > SLOW_FRAME_MS).length) / sorted.length : NaN;
  return { frames: sorted.length, median: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] ?? NaN, slow };
}

/** Elapsed simulated seconds shown by the clock (hh:mm:ss). */
export async function clockSeconds(page) {
  const text = await page.getByTestId('clock').textContent();
  const [h, m, s] = (text ?? '0:0:0').split(':').map(Number);
  return h * 3600 + m * 60 + s;
}
