import { test, expect } from '@playwright/test';

// The event log lists what happened, newest first; clicking an event moves the playhead to its
// time and selects its resource; kind chips filter; the Charts tab draws the selection's charts.
test('clicking an event seeks to it and selects its resource; chips filter; charts draw', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/');
  await page.getByRole('group', { name: 'speed' }).getByRole('button', { name: '60x' }).click();

  const log = page.getByTestId('event-log');
  const rows = log.getByTestId('event-row');
  // Wait until the tasks have been placed and run a few minutes, then pause.
  await expect(page.getByTestId('clock')).not.toHaveText(/00:0[0-3]:/, { timeout: 45_000 });
  await page.getByRole('button', { name: 'Pause' }).click();
  await page.screenshot({ path: 'test-results/events-log.png' });

  // Filter by kind: only placement decisions remain.
  await page.getByRole('group', { name: 'filter by kind' }).getByRole('button', { name: 'Placement' }).click();
  await expect(page.getByRole('group', { name: 'filter by kind' }).getByRole('button', { name: 'Placement' })).toHaveAttribute('aria-pressed', 'true');
  const kinds = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
  expect(kinds.length).toBeGreaterThan(0);
  for (const k of kinds) expect(k).toMatch(/^task\.placement/);
  await page.screenshot({ path: 'test-results/events-filtered.png' });

  // Click the oldest placement: the clock moves back to its time and its task is selected.
  const clockBefore = await page.getByTestId('clock').textContent();
  const oldest = rows.last();
  const at = (await oldest.locator('span').first().textContent())!.trim();
  await oldest.click();
  await expect(page.getByTestId('clock')).toContainText(at);
  expect(await page.getByTestId('clock').textContent()).not.toBe(clockBefore);
  await expect(page.getByRole('checkbox', { name: 'only the selection' })).toBeEnabled();
  await page.getByRole('checkbox', { name: 'only the selection' }).check();
  const resources = await rows.evaluateAll((els) => [...new Set(els.map((e) => e.querySelector('span:nth-child(3)')?.getAttribute('title')))]);
  expect(resources).toHaveLength(1);
  expect(resources[0]).toMatch(/:task\//);

  // Charts of the selection (a task: its service's charts, or its cluster's), drawn on a canvas.
  await page.getByRole('tab', { name: 'Charts' }).click();
  await expect(page.getByRole('region', { name: 'charts', exact: true })).toContainText('Charts for task');
  const counts = page.locator('[data-chart="service-tasks"], [data-chart="cluster-capacity"]').first();
  await expect(counts.locator('canvas')).toBeVisible({ timeout: 15_000 });
  await expect(counts).toHaveAttribute('data-has-data', 'true');
  // Play on: the charts follow the playhead.
  await page.getByRole('button', { name: 'Play' }).click();
  await page.waitForTimeout(1500);
  await page.getByRole('button', { name: 'Pause' }).click();
  await page.screenshot({ path: 'test-results/charts.png' });
  expect(errors).toEqual([]);
});
