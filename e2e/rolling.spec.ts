import { test, expect, type Page } from '@playwright/test';

// The default scenario's rolling update (UI.md "First minute"): about half a minute after every
// target is healthy, revision 2 rolls out with minimumHealthyPercent 50 and maximumPercent 200.
// ECS starts PRIMARY (revision 2) tasks next to the ACTIVE (revision 1) ones and stops the old
// ones as the new turn healthy; the deployment ends COMPLETED with only PRIMARY tasks running.

const runningChips = (page: Page) => page.getByRole('group', { name: /^task \S+ RUNNING$/ });
const badges = async (page: Page) => (await runningChips(page).getByTestId('deployment-badge').allTextContents()).map((t) => t.trim());

test('a rolling update visibly progresses from ACTIVE to PRIMARY tasks and ends COMPLETED', async ({ page }) => {
  test.setTimeout(120_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/');
  const speed = page.getByRole('group', { name: 'speed' });
  const caption = page.getByTestId('story-caption');
  const service = page.getByTestId('service');

  // Before the update: one deployment; the caption follows the story.
  await speed.getByRole('button', { name: '60x' }).click();
  await expect(caption).toContainText('Service web runs 4 tasks', { timeout: 60_000 });
  await speed.getByRole('button', { name: '10x' }).click();

  // The update starts: the caption states its bounds and the service shows two deployments.
  await expect(caption).toContainText('Revision 2 is rolling out: at most 8 tasks (maximumPercent 200), at least 2 healthy (minimumHealthyPercent 50)', { timeout: 60_000 });
  await expect(service.getByTestId('deployment')).toHaveCount(2);
  await expect(service.getByTestId('deployment').first()).toContainText('PRIMARY');
  await expect(service.getByTestId('deployment').nth(1)).toContainText('ACTIVE');
  await page.screenshot({ path: 'test-results/rolling-start.png' });

  // Middle: RUNNING tasks of both deployments at once, each chip wearing its badge. Watched at
  // 1x, so the overlap lasts long enough in real time to be seen however busy the machine is.
  await speed.getByRole('button', { name: '1x' }).click();
  await expect
    .poll(async () => {
      const b = await badges(page);
      return b.includes('PRIMARY') && b.includes('ACTIVE');
    }, { timeout: 60_000, intervals: [100] })
    .toBe(true);
  await page.screenshot({ path: 'test-results/rolling-middle.png' });

  // End: only PRIMARY tasks run, four of them, and the deployment is COMPLETED.
  await speed.getByRole('button', { name: '60x' }).click();
  await expect(service.getByTestId('deployment')).toHaveCount(1, { timeout: 60_000 });
  await expect(service.getByTestId('deployment')).toContainText('PRIMARY');
  await expect(service.getByTestId('deployment')).toContainText('COMPLETED');
  await expect.poll(() => badges(page), { timeout: 30_000 }).toEqual(['PRIMARY', 'PRIMARY', 'PRIMARY', 'PRIMARY']);
  await expect(caption).toContainText('The rollout is COMPLETED: all 4 tasks run revision 2');
  await page.getByRole('button', { name: 'Pause' }).click();
  await page.screenshot({ path: 'test-results/rolling-end.png' });
  expect(errors).toEqual([]);
});
