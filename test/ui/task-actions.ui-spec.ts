import type { Locator, Page } from 'playwright-core';
import { hoursAgo } from '../support/fixtures';
import { admitted, apiAs } from './api';
import {
  checkPageFully,
  screenshotOpenPages,
  signedIn,
  startUiStack,
  type UiStack,
} from './browser';

jest.setTimeout(300_000);

const nurse = 'Anna Berg (sjuksköterska)';
const handlaggare = 'Johan Holm (biståndshandläggare)';
const ward = 'sv-sahlgrenska-avd-32';

interface TaskRow {
  id: string;
  activityId: string;
  unitId: string;
  status: string;
  reassignReason: string | null;
}

describe('the queue: more than a page, release, hand over with a reason, what others owe', () => {
  let stack: UiStack;
  let api: Awaited<ReturnType<typeof apiAs>>;
  const axe: Record<string, string[]> = {};

  beforeAll(async () => {
    stack = await startUiStack();
    api = await apiAs(stack.baseUrl, 'demo-ward-goteborg');
    // Enough admissions that the ward's open tasks fill more than one page of 50.
    for (let i = 0; i < 14; i++) await admitted(api, `Kö Köström ${i}`, 2);
    for (let i = 0; i < 60; i++) {
      const page = await api.get<{ nextCursor: string | null }>(
        `/api/v1/tasks?unit=${ward}&status=open`,
      );
      if (page.nextCursor) return;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    throw new Error('the ward never had more than a page of open tasks');
  });
  afterAll(async () => {
    await screenshotOpenPages();
    await stack?.close();
  });

  it('shows 50, then "Visa fler" brings the rest, on a tablet', async () => {
    const page = await signedIn(stack, nurse, { viewport: { width: 1024, height: 768 } });
    await page.getByText('Visar 50 uppgifter, det finns fler.').waitFor();
    await expect(page.locator('tbody tr').count()).resolves.toBe(50);
    axe.queue = await checkPageFully(page, 'tasks-01-queue-1024');
    await page.getByRole('button', { name: 'Visa fler' }).click();
    await page.getByText(/^Visar (5[1-9]|[6-9]\d|\d{3}) uppgifter/).waitFor();
    expect(await page.locator('tbody tr').count()).toBeGreaterThan(50);
    // Due today only: the choice is in the URL.
    await page.getByRole('combobox', { name: /^Tidsgräns/ }).selectOption('today');
    expect(page.url()).toContain('due=today');
  });

  it('releases a claimed task and hands another to a unit with a reason', async () => {
    const page = await signedIn(stack, nurse, { viewport: { width: 1024, height: 768 } });
    const title = 'Ta reda på närstående och ställföreträdare';
    // Other specs share the database: their earlier-due tasks may fill the first page.
    await shownAfterMore(
      page,
      page.getByRole('button', { name: `Ta uppgiften: ${title}` }).first(),
    );
    await page
      .getByRole('button', { name: `Ta uppgiften: ${title}` })
      .first()
      .click();
    await page.getByText('Du har tagit uppgiften.').waitFor();
    await page.getByRole('radio', { name: 'Påbörjade' }).check();
    const release = page.getByRole('button', { name: `Släpp: ${title}` }).first();
    await release.waitFor({ timeout: 20_000 }).catch(async () => {
      await page.getByRole('button', { name: 'Uppdatera' }).click();
      await release.waitFor();
    });
    await release.click();
    const ask = page.getByRole('dialog', { name: 'Släpp' });
    await ask.getByText(`Släppa "${title}"?`, { exact: false }).waitFor();
    axe.release = await checkPageFully(page, 'tasks-02-release-confirm');
    await ask.getByRole('button', { name: 'Släpp uppgiften' }).click();
    await page.getByText('Du har släppt uppgiften.', { exact: false }).waitFor();

    await page.getByRole('radio', { name: 'Att göra' }).check();
    const handOver = page.getByRole('button', { name: `Lämna över: ${title}` }).first();
    await shownAfterMore(page, handOver);
    await handOver.click();
    const dialog = page.getByRole('dialog', { name: `Lämna över: ${title}` });
    await dialog.getByRole('combobox', { name: /^Till enhet/ }).selectOption('sv-molndal-avd-5');
    await dialog
      .getByLabel('Varför? (mottagaren ser skälet)')
      .fill('Patienten flyttas till Mölndal i eftermiddag.');
    axe.reassign = await checkPageFully(page, 'tasks-03-reassign-dialog');
    await dialog.getByRole('button', { name: 'Lämna över uppgiften' }).click();
    await page.getByText('Uppgiften är överlämnad.').waitFor();

    const mine = await apiAs(stack.baseUrl, 'demo-ward-molndal');
    let found: TaskRow | undefined;
    for (let i = 0; i < 40 && !found; i++) {
      found = (
        await mine.get<{ items: TaskRow[] }>('/api/v1/tasks?unit=sv-molndal-avd-5&status=open')
      ).items.find((t) => t.activityId === 'identify-relatives-or-representative');
      if (!found) await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(found?.reassignReason).toBe('Patienten flyttas till Mölndal i eftermiddag.');
    expect(axe).toEqual({ queue: [], release: [], reassign: [] });
  });

  it('shows the kommun what it waits for from the ward on the stay', async () => {
    const stayId = await admitted(api, 'Vera Väntan', 5);
    await api.post(`/api/v1/stays/${stayId}/events`, {
      type: 'needs-assessed',
      occurredAt: hoursAgo(1),
      data: { socialtjanst: true, kommunalHalsoOchSjukvard: false, regionalPrimarvard: false },
    });
    const page = await signedIn(stack, handlaggare);
    await page.goto(`${stack.baseUrl}/stays/${stayId}`);
    const waiting = page.getByRole('region', { name: 'Det här väntar ni på från andra' });
    await waiting.getByRole('rowheader', { name: 'Skicka inskrivningsmeddelande' }).waitFor({
      timeout: 20_000,
    });
    await expect(waiting.textContent()).resolves.toContain('Sahlgrenska, avdelning 32 (medicin)');
    expect(await checkPageFully(page, 'tasks-04-waiting-for')).toEqual([]);
  });
});

/** Clicks "Visa fler" until `target` is on the page (or there is nothing more to show). */
async function shownAfterMore(page: Page, target: Locator): Promise<void> {
  await page.locator('tbody tr').first().waitFor();
  for (let i = 0; i < 20; i++) {
    if (await target.isVisible()) return;
    const more = page.getByRole('button', { name: 'Visa fler' });
    if (!(await more.isVisible())) break;
    const rows = await page.locator('tbody tr').count();
    await more.click();
    await page.locator('tbody tr').nth(rows).waitFor();
  }
  await target.waitFor();
}
