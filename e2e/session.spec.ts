import { test, expect, type Page } from '@playwright/test';

// The session (issue #4): the transport keys, scrubbing the timeline back to the past, share
// links that reopen the same state, and corrupt links that say what is wrong and keep the work.

const clock = (page: Page) => page.getByTestId('clock');
const seconds = (text: string | null) => (text ?? '0:0:0').split(':').reduce((s, part) => s * 60 + Number(part), 0);
const running = (page: Page) => page.getByRole('group', { name: /^task \S+ RUNNING$/ });

async function runUntilTasksRun(page: Page) {
  await page.getByRole('group', { name: 'speed' }).getByRole('button', { name: '60x' }).click();
  await expect(running(page).first()).toBeVisible({ timeout: 45_000 });
  await page.getByRole('button', { name: 'Pause' }).click();
}

test('Space plays and pauses, Right arrow steps to the next event', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible(); // the default scenario plays
  await page.getByRole('heading', { name: 'ECS Sandbox' }).click(); // focus on nothing that takes keys

  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  const paused = await clock(page).textContent();
  await page.waitForTimeout(600);
  await expect(clock(page)).toHaveText(paused ?? '');

  // Each Right arrow runs one event; within a few the clock moves on.
  for (let i = 0; i < 40 && (await clock(page).textContent()) === paused; i++) await page.keyboard.press('ArrowRight');
  expect(seconds(await clock(page).textContent())).toBeGreaterThan(seconds(paused));
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible(); // stepping does not play

  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  expect(errors).toEqual([]);
});

test('scrubbing the timeline back shows the earlier state, and forward again the later one', async ({ page }) => {
  await page.goto('/');
  await runUntilTasksRun(page);
  const later = await clock(page).textContent();
  const runningLater = await running(page).count();
  expect(runningLater).toBeGreaterThan(0);

  // Drag the playhead to the very start: no task has started yet. (Grab the playhead itself: the
  // track spans at least 2 minutes, so its right end is ahead of the clock early in a run.)
  const track = await page.getByTestId('timeline').boundingBox();
  const playhead = await page.getByTestId('playhead').boundingBox();
  if (!track || !playhead) throw new Error('no timeline');
  await page.mouse.move(playhead.x + playhead.width / 2, track.y + track.height / 2);
  await page.mouse.down();
  await page.mouse.move(track.x + track.width / 2, track.y + track.height / 2, { steps: 5 });
  await page.mouse.move(track.x + 1, track.y + track.height / 2, { steps: 5 });
  await page.mouse.up();
  await expect(clock(page)).toHaveText('00:00:00');
  await expect(running(page)).toHaveCount(0);
  await expect(page.getByTestId('past-hint')).toHaveText('You are viewing the past. Editing here starts a new future.');
  await page.screenshot({ path: 'test-results/session-scrubbed-back.png' });

  // End on the focused slider goes to the furthest computed time: the same state as before.
  await page.getByTestId('timeline').press('End');
  await expect(clock(page)).toHaveText(later ?? '');
  await expect(running(page)).toHaveCount(runningLater);
  await page.getByTestId('timeline').press('ArrowLeft');
  expect(seconds(await clock(page).textContent())).toBe(seconds(later) - 10);
});

test('a share link opened in a new page shows the same state', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/');
  await runUntilTasksRun(page);
  const at = await clock(page).textContent();
  const tasks = await running(page).count();

  await page.getByRole('button', { name: 'Share' }).click();
  await expect(page.getByRole('group', { name: 'share' }).getByRole('status')).toHaveText('Link copied');
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(/#s=[A-Za-z0-9_-]+$/);

  const other = await context.newPage();
  await other.goto(link);
  await expect(clock(other)).toHaveText(at ?? '');
  await expect(running(other)).toHaveCount(tasks);
  await expect(other.getByRole('button', { name: 'Play' })).toBeVisible(); // opens paused, where it was shared
  expect(other.url()).not.toContain('#s='); // a reload shows the work done since, not the link again
  await other.screenshot({ path: 'test-results/session-shared.png' });
});

test('a corrupt link says what is wrong and keeps the current work', async ({ page }) => {
  await page.goto('/');
  await runUntilTasksRun(page);
  const at = await clock(page).textContent();

  // Pasted into the address bar of the open page: the banner explains, the session stays.
  await page.evaluate(() => (location.hash = '#s=eJzLSM3JyQcABiwCFQ%%'));
  const banner = page.getByTestId('message-banner');
  await expect(banner).toContainText('The link is damaged: "%" at position 19');
  await expect(banner).toContainText('Your current work was kept.');
  await expect(clock(page)).toHaveText(at ?? '');
  await page.screenshot({ path: 'test-results/session-corrupt-link.png' });

  // A truncated link on a fresh load: the banner explains and the autosaved work opens instead.
  await page.waitForTimeout(2500); // the autosave is written within 2 s of a change
  await page.goto('/#s=q1YqSkxOTU9VslIqyShKTUxRslJKzSvOLMnMz1OqBQA');
  await expect(page.getByTestId('message-banner')).toContainText(/The link (is incomplete|is damaged|'s session could not be opened)/);
  await expect(clock(page)).toHaveText(at ?? '');
  await page.getByRole('button', { name: 'Dismiss message' }).click();
  await expect(page.getByTestId('message-banner')).toHaveCount(0);
});
