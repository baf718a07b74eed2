import { test, expect } from '@playwright/test';

// The canvas shows the default scenario live: tasks reach RUNNING inside their container
// instances; a cluster the learner drags stays where it was dropped while time runs on; clicking
// a task selects it.
test('a dragged cluster stays where it was dropped, and clicking a task selects it', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/');
  await page.getByRole('group', { name: 'speed' }).getByRole('button', { name: '60x' }).click();

  const running = page.getByRole('group', { name: /^task \S+ RUNNING$/ });
  await expect(running.first()).toBeVisible({ timeout: 45_000 });
  await page.waitForTimeout(1000); // let the layout settle (the view follows it until the learner takes over)

  // Drag the cluster by its header.
  const cluster = page.getByTestId('cluster').first();
  const header = cluster.locator('header');
  const before = await header.boundingBox();
  if (!before) throw new Error('cluster header not visible');
  await page.mouse.move(before.x + 40, before.y + before.height / 2);
  await page.mouse.down();
  await page.mouse.move(before.x + 10, before.y + before.height / 2 + 60, { steps: 8 });
  await page.mouse.up();
  const dropped = await header.boundingBox();
  expect(dropped!.y - before.y).toBeGreaterThan(30);

  // More simulated time passes (and the world changes); the cluster stays put.
  const clock = await page.getByTestId('clock').textContent();
  await expect(page.getByTestId('clock')).not.toHaveText(clock ?? '', { timeout: 10_000 });
  await page.waitForTimeout(1500);
  const later = await header.boundingBox();
  expect(Math.abs(later!.x - dropped!.x)).toBeLessThan(2);
  expect(Math.abs(later!.y - dropped!.y)).toBeLessThan(2);

  // Clicking a task chip selects it (React Flow marks the node selected).
  await page.getByRole('button', { name: 'Pause' }).click();
  const chip = running.first();
  await chip.click();
  await expect(page.locator('.react-flow__node.selected [data-testid="task"]')).toHaveCount(1);
  // Clicking the empty pane clears the selection.
  // (Find a point of the canvas where no node is: the layout decides where that is.)
  const empty = await page.evaluate(() => {
    const box = document.querySelector('[data-testid="canvas"]')!.getBoundingClientRect();
    for (let y = box.bottom - 8; y > box.top; y -= 16) {
      for (let x = box.left + 60; x < box.right - 8; x += 16) {
        if (document.elementFromPoint(x, y)?.classList.contains('react-flow__pane')) return { x, y };
      }
    }
    return null;
  });
  if (!empty) throw new Error('no empty point on the canvas');
  await page.mouse.click(empty.x, empty.y);
  await expect(page.locator('.react-flow__node.selected')).toHaveCount(0);

  await page.screenshot({ path: 'test-results/canvas.png' });
  expect(errors).toEqual([]);
});

// Level of detail (src/ui/graph/nodes/detail.ts): zoomed out past 0.4 the cards keep their
// outline, colour and name (tasks their status colour) and drop the small print; zooming back in
// brings it back. Either way a task is still a task with its state for tests and screen readers.
test('zoomed far out, cards are drawn compact; zoomed back in, in full', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('group', { name: 'speed' }).getByRole('button', { name: '60x' }).click();
  const running = page.getByRole('group', { name: /^task \S+ RUNNING$/ });
  await expect(running.first()).toBeVisible({ timeout: 45_000 });
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByTestId('task-status').first()).toBeVisible();
  const zoom = () => page.evaluate(() => new DOMMatrixReadOnly(getComputedStyle(document.querySelector('.react-flow__viewport')!).transform).a);

  for (let i = 0; i < 20 && (await zoom()) >= 0.4; i++) await page.locator('.react-flow__controls-zoomout').click();
  expect(await zoom()).toBeLessThan(0.4);
  await expect(page.getByTestId('task-status')).toHaveCount(0);
  await expect(running.first()).toBeAttached();
  await expect(page.getByRole('meter')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/canvas-compact.png' });

  for (let i = 0; i < 20 && (await zoom()) < 0.4; i++) await page.locator('.react-flow__controls-zoomin').click();
  await expect(page.getByTestId('task-status').first()).toBeVisible();
  await expect(page.getByRole('meter').first()).toBeVisible();
});
