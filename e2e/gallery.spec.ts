import { test, expect } from '@playwright/test';
import { GALLERY } from '../src/scenario/gallery';

// The Gallery button opens a dialog of the built-in scenarios; choosing one loads it as a new
// session and plays it: its name shows in the header and its resources on the canvas.
test('the gallery lists every scenario and loads each one', async ({ page }) => {
  test.setTimeout(120_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/');
  const header = page.getByRole('banner');
  await expect(header).toContainText(GALLERY[0].scenario.name);

  const openGallery = page.getByRole('button', { name: 'Gallery' });
  const dialog = page.getByRole('dialog', { name: 'Scenario gallery' });

  await openGallery.click();
  await expect(dialog).toBeVisible();
  for (const g of GALLERY) await expect(dialog.getByRole('button', { name: new RegExp(`^${g.scenario.name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}`) })).toBeVisible();
  await page.screenshot({ path: 'test-results/gallery-dialog.png' });
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  for (const g of [...GALLERY.slice(1), GALLERY[0]]) {
    await openGallery.click();
    await dialog.getByTestId(`gallery-${g.id}`).click();
    await expect(dialog).toBeHidden();
    await expect(header).toContainText(g.scenario.name);
    await expect(page.getByTestId('canvas').locator('.react-flow__node').first()).toBeVisible({ timeout: 20_000 });
    await page.waitForTimeout(1500);
    await page.screenshot({ path: `test-results/gallery-${g.id}.png` });
  }
  expect(errors).toEqual([]);
});
