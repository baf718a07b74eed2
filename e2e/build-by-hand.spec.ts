import { test, expect, type Page } from '@playwright/test';

// From an empty account, build a service behind an Application Load Balancer by dragging from the
// palette onto the canvas: every drop opens a short form with defaults and makes the AWS calls.
async function dropAndCreate(page: Page, item: string, dialogName: string, at: { x: number; y: number }) {
  await page.getByTestId(`palette-${item}`).dragTo(page.getByTestId('canvas'), { targetPosition: at });
  const dialog = page.getByRole('dialog', { name: dialogName });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog).toBeHidden();
}

test('build a working service behind a load balancer by drag and drop, then read Why and CLI', async ({ page }) => {
  test.setTimeout(120_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/');
  await page.getByRole('button', { name: 'New empty scenario' }).click();
  await expect(page.getByRole('group', { name: /^task / })).toHaveCount(0);

  await dropAndCreate(page, 'cluster', 'New Cluster', { x: 420, y: 320 });
  await expect(page.getByTestId('cluster')).toBeVisible();
  await dropAndCreate(page, 'ec2Instances', 'New EC2 instances', { x: 420, y: 320 });
  await dropAndCreate(page, 'repository', 'New ECR repository', { x: 120, y: 80 });
  await dropAndCreate(page, 'imagePush', 'New Image push', { x: 120, y: 80 });
  await dropAndCreate(page, 'taskDefinition', 'New Task definition', { x: 120, y: 200 });
  await dropAndCreate(page, 'loadBalancer', 'New Load balancer', { x: 700, y: 80 });

  // The service form defaults to the target group the load balancer form created.
  await page.getByTestId('palette-service').dragTo(page.getByTestId('canvas'), { targetPosition: { x: 300, y: 120 } });
  const service = page.getByRole('dialog', { name: 'New Service' });
  await expect(service.getByLabel('loadBalancers.targetGroupArn')).toHaveValue(/targetgroup\/web\//);
  await page.screenshot({ path: 'test-results/build-by-hand-service-form.png' });
  await service.getByRole('button', { name: 'Create' }).click();
  await expect(service).toBeHidden();

  // Play and watch the tasks reach RUNNING and their targets turn healthy.
  await page.getByRole('group', { name: 'speed' }).getByRole('button', { name: '60x' }).click();
  await page.getByRole('button', { name: 'Play' }).click();
  const running = page.getByRole('group', { name: /^task \S+ RUNNING$/ });
  await expect(running).toHaveCount(2, { timeout: 60_000 });
  await expect(page.getByTestId('target-group').getByText('2 healthy')).toBeVisible({ timeout: 60_000 });
  await page.getByRole('button', { name: 'Pause' }).click();

  // A task's Why tab shows the placement table, with the chosen instance.
  await running.first().click();
  await page.getByRole('tab', { name: 'Why' }).click();
  const table = page.getByTestId('placement-table');
  await expect(table).toBeVisible();
  await expect(table.getByText('★ chosen')).toBeVisible();
  await page.screenshot({ path: 'test-results/build-by-hand-why.png' });

  // The CLI tab of the task (a service task) shows the service's create-service command.
  await page.getByRole('tab', { name: 'CLI' }).click();
  await expect(page.getByTestId('inspector-cli')).toContainText('aws ecs create-service');
  await expect(page.getByTestId('inspector-cli')).toContainText('--service-name web');
  await page.screenshot({ path: 'test-results/build-by-hand-cli.png' });
  expect(errors).toEqual([]);
});
