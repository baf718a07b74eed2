import { test, expect } from '@playwright/test';

// The app opens on the default scenario (three EC2 container instances, four tasks spread over
// the AZs) and plays it; within a few simulated minutes the tasks reach RUNNING.
test('the default scenario runs its tasks and shows them RUNNING', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/');

  await expect(page.getByRole('heading', { name: 'ECS Sandbox' })).toBeVisible();
  await expect(page.getByTestId('clock')).toBeVisible();
  await page.getByRole('group', { name: 'speed' }).getByRole('button', { name: '60x' }).click();

  const running = page.getByRole('group', { name: /^task \S+ RUNNING$/ });
  await expect(running.first()).toBeVisible({ timeout: 45_000 });
  await expect(running).toHaveCount(4, { timeout: 30_000 });
  for (const chip of await running.all()) await expect(chip).toBeInViewport();
  await expect(page.getByTestId('canvas')).toBeInViewport({ ratio: 1 });
  await expect(page.getByTestId('container-instance')).toHaveCount(3);
  await expect(page.getByTestId('event-log').locator('li').first()).not.toHaveText('Nothing has happened yet.');

  // Pause holds the clock still.
  await page.getByRole('button', { name: 'Pause' }).click();
  const clock = await page.getByTestId('clock').textContent();
  await page.waitForTimeout(500);
  await expect(page.getByTestId('clock')).toHaveText(clock ?? '');

  await page.screenshot({ path: 'test-results/app-running.png' });
  expect(errors).toEqual([]);
});
