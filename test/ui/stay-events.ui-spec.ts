import type { Page } from 'playwright-core';
import { stockholmLocalNow } from '../../apps/web/src/lib/time';
import { admitted, apiAs } from './api';
import {
  checkPageFully,
  isFocused,
  screenshotOpenPages,
  signedIn,
  startUiStack,
  type UiStack,
} from './browser';

jest.setTimeout(240_000);

const nurse = 'Anna Berg (sjuksköterska)';
const handlaggare = 'Johan Holm (biståndshandläggare)';

interface Definition {
  acceptedEventTypes: { type: string; title: string }[];
}
interface Stay {
  processDefinitionVersion: number;
  status: string;
  events: { type: string; data: Record<string, unknown> }[];
}

/** Chooses the event type, lets `fill` enter its data, submits and confirms; returns the dialog's lines. */
async function register(
  page: Page,
  type: string,
  title: string,
  fill: () => Promise<unknown> = async () => undefined,
): Promise<string[]> {
  await page.getByRole('combobox', { name: 'Händelse' }).selectOption(type);
  await fill();
  await page.getByRole('button', { name: 'Registrera', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Bekräfta' });
  const lines = await dialog.getByRole('listitem').allTextContents();
  await dialog.getByRole('button', { name: 'Ja, registrera' }).click();
  await page.getByText(`Registrerat: ${title}.`).waitFor({ timeout: 30_000 });
  return lines;
}

describe('every event of the definition, registered from the stay page', () => {
  let stack: UiStack;
  let ward: Awaited<ReturnType<typeof apiAs>>;
  let titles: Map<string, string>;
  const axe: Record<string, string[]> = {};

  beforeAll(async () => {
    stack = await startUiStack();
    ward = await apiAs(stack.baseUrl, 'demo-ward-goteborg');
  });
  afterAll(async () => {
    await screenshotOpenPages();
    await stack?.close();
  });

  it('offers exactly the event types the stay’s definition accepts, with every field, in Swedish', async () => {
    const stayId = await admitted(ward, 'Hanna Händelse');
    const stay = await ward.get<Stay>(`/api/v1/stays/${stayId}`);
    const definition = await ward.get<Definition>(
      `/api/v1/process-definitions/${stay.processDefinitionVersion}`,
    );
    titles = new Map(definition.acceptedEventTypes.map((e) => [e.type, e.title]));
    const title = (type: string) => titles.get(type) ?? type;

    // A browser in English: the form still speaks Swedish dates and 24-hour time.
    const page = await signedIn(stack, nurse, { locale: 'en-US' });
    await page.goto(`${stack.baseUrl}/stays/${stayId}`);
    await page.getByRole('heading', { name: 'Registrera händelse' }).waitFor();
    const offered = await page
      .getByRole('combobox', { name: 'Händelse' })
      .locator('option')
      .evaluateAll((options) => options.map((o) => (o as unknown as { value: string }).value));
    expect(offered).toEqual(
      definition.acceptedEventTypes.map((e) => e.type).filter((t) => t !== 'admitted'),
    );
    expect(offered.length).toBeGreaterThan(10);
    const when = page.getByRole('group', { name: 'När hände det?' });
    await expect(when.getByLabel('Datum').inputValue()).resolves.toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await expect(when.getByLabel('Tid').inputValue()).resolves.toMatch(/^([01]\d|2[0-3]):\d{2}$/);

    // The assessment, an hour ago, with egenvård and a circumstance the old form could not take.
    const hourAgo = stockholmLocalNow(new Date(Date.now() - 3_600_000));
    const lines = await register(page, 'needs-assessed', title('needs-assessed'), async () => {
      await when.getByLabel('Datum').fill(hourAgo.slice(0, 10));
      await when.getByLabel('Tid').fill(hourAgo.slice(11, 16));
      await page.getByLabel('Socialtjänst', { exact: true }).check();
      await page.getByLabel('Egenvård', { exact: true }).check();
      await page.getByLabel('Kognitiv nedsättning', { exact: true }).check();
      await page.getByRole('button', { name: 'Registrera', exact: true }).click();
      axe['event-confirm'] = await checkPageFully(page, 'events-01-confirm-needs');
      await page.getByRole('button', { name: 'Nej, gå tillbaka' }).click();
    });
    expect(lines).toEqual(
      expect.arrayContaining([
        'Socialtjänst: Ja',
        'Kommunal hälso- och sjukvård: Nej',
        'Regional primärvård: Nej',
        'Egenvård: Ja',
        'Kognitiv nedsättning: Ja',
      ]),
    );

    // A date that does not exist: the API refuses; the page says which field and why, in
    // Swedish, and keeps what was typed.
    await page
      .getByRole('combobox', { name: 'Händelse' })
      .selectOption('planned-discharge-date-set');
    await page.getByLabel('Planerat datum').fill('2026-02-30');
    await page.getByRole('button', { name: 'Registrera', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Ja, registrera' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toContain(
      'Planerat datum: ska vara ett datum som finns, ÅÅÅÅ-MM-DD',
    );
    await expect(page.getByLabel('Planerat datum').inputValue()).resolves.toBe('2026-02-30');
    axe['event-refused'] = await checkPageFully(page, 'events-02-refused');
    const inFiveDays = stockholmLocalNow(new Date(Date.now() + 5 * 86_400_000)).slice(0, 10);
    await register(page, 'planned-discharge-date-set', title('planned-discharge-date-set'), () =>
      page.getByLabel('Planerat datum').fill(inFiveDays),
    );

    // Every other sub-process's event, each with its data.
    await register(page, 'needs-changed', title('needs-changed'), () =>
      page.getByRole('combobox', { name: 'Korttidsboende' }).selectOption('yes'),
    );
    await register(
      page,
      'planning-message-received',
      title('planning-message-received'),
      async () => {
        await page.getByLabel('Från enhet').selectOption('rpv-vc-majorna');
        await page.getByLabel('Ämne (frivillig)').fill('Vårdbegäran');
      },
    );
    await register(page, 'utskrivningsklar', title('utskrivningsklar'));
    await register(page, 'utskrivningsklar-revoked', title('utskrivningsklar-revoked'), () =>
      page.getByLabel('Orsak (frivillig)').fill('Ny infektion'),
    );
    await register(page, 'opt-application-considered', title('opt-application-considered'));
    await register(
      page,
      'responsibility-dispute-raised',
      title('responsibility-dispute-raised'),
      () =>
        page
          .getByRole('region', { name: 'Registrera händelse' })
          .getByLabel('Beskrivning')
          .fill('Oklart vem som ordnar hjälpmedlen.'),
    );
    await register(page, 'discharged', title('discharged'), () =>
      page.getByLabel('Vart skrivs patienten ut?').selectOption('korttid'),
    );

    const recorded = await ward.get<Stay>(`/api/v1/stays/${stayId}`);
    const data = (type: string) => recorded.events.find((e) => e.type === type)?.data;
    expect(data('needs-assessed')).toMatchObject({ egenvard: true, cognitiveImpairment: true });
    expect(data('planned-discharge-date-set')).toEqual({ date: inFiveDays });
    expect(data('needs-changed')).toEqual({ korttid: true });
    expect(data('planning-message-received')).toEqual({
      fromUnitId: 'rpv-vc-majorna',
      subject: 'Vårdbegäran',
    });
    expect(data('utskrivningsklar-revoked')).toEqual({ reason: 'Ny infektion' });
    expect(data('responsibility-dispute-raised')).toEqual({
      description: 'Oklart vem som ordnar hjälpmedlen.',
    });
    expect(data('discharged')).toEqual({ destination: 'korttid' });

    // The stay shows the events in Swedish words and Swedish 24-hour times.
    await page.reload();
    await page.getByText(/Händelser \(\d+\)/).click();
    const log = page.locator('.event-log');
    await expect(log.textContent()).resolves.toContain('Vart skrivs patienten ut?: Korttidsboende');
    await expect(log.textContent()).resolves.toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    await expect(page.locator('body').textContent()).resolves.not.toMatch(/\b(AM|PM)\b/);
    axe['stay-events'] = await checkPageFully(page, 'events-03-stay-with-events');
    expect(axe).toEqual({ 'event-confirm': [], 'event-refused': [], 'stay-events': [] });
  });

  it('registers a transfer to another hospital, and the stay says "Överflyttad till annat sjukhus"', async () => {
    const stayId = await admitted(ward, 'Tore Transport');
    const page = await signedIn(stack, nurse);
    await page.goto(`${stack.baseUrl}/stays/${stayId}`);
    await page.getByRole('heading', { name: 'Registrera händelse' }).waitFor();
    const lines = await register(page, 'transferred', titles.get('transferred') ?? '', () =>
      page.getByLabel('Till sjukhus och avdelning').selectOption('sv-ostra-avd-12'),
    );
    expect(lines).toEqual([
      'Till sjukhus och avdelning: Östra sjukhuset, avdelning 12 (geriatrik)',
    ]);
    for (let i = 0; i < 20; i++) {
      if ((await ward.get<Stay>(`/api/v1/stays/${stayId}`)).status === 'transferred') break;
      await page.waitForTimeout(500);
    }
    await page.reload();
    await page.getByText('Överflyttad till annat sjukhus').first().waitFor();
  });

  it('asks before a half-filled form is left, and only the ward registers events', async () => {
    const stayId = await admitted(ward, 'Lisa Lämna');
    // A need of the kommun's, so that its handläggare has the stay in view.
    await ward.post(`/api/v1/stays/${stayId}/events`, {
      type: 'needs-assessed',
      occurredAt: new Date(Date.now() - 60_000).toISOString(),
      data: { socialtjanst: true, kommunalHalsoOchSjukvard: false, regionalPrimarvard: false },
    });
    const page = await signedIn(stack, nurse, { viewport: { width: 1024, height: 768 } });
    await page.goto(`${stack.baseUrl}/stays/${stayId}`);
    await page.getByRole('combobox', { name: 'Händelse' }).selectOption('utskrivningsklar-revoked');
    await page.getByLabel('Orsak (frivillig)').fill('Halvskrivet');
    await page.getByRole('link', { name: 'Vårdtillfällen' }).click();
    const ask = page.getByRole('dialog', { name: 'Lämna sidan?' });
    await ask.waitFor();
    axe.leave = await checkPageFully(page, 'events-04-leave-warning-1024');
    await ask.getByRole('button', { name: 'Stanna kvar' }).click();
    await expect(page.getByLabel('Orsak (frivillig)').inputValue()).resolves.toBe('Halvskrivet');
    await page.getByRole('link', { name: 'Vårdtillfällen' }).click();
    await page
      .getByRole('dialog', { name: 'Lämna sidan?' })
      .getByRole('button', { name: 'Lämna sidan' })
      .click();
    await page.getByRole('heading', { name: 'Vårdtillfällen', level: 1 }).waitFor();

    // By keyboard alone: the confirmation opens with focus on "Ja, registrera"; Enter sends.
    await page.goto(`${stack.baseUrl}/stays/${stayId}`);
    await page.getByRole('combobox', { name: 'Händelse' }).selectOption('utskrivningsklar');
    await page.getByRole('button', { name: 'Registrera', exact: true }).focus();
    await page.keyboard.press('Enter');
    const yes = page.getByRole('dialog').getByRole('button', { name: 'Ja, registrera' });
    await expect(isFocused(yes)).resolves.toBe(true);
    await page.keyboard.press('Enter');
    await page.getByText(`Registrerat: ${titles.get('utskrivningsklar') ?? ''}.`).waitFor();

    // The kommun's handläggare sees the stay but has no event form: events are the ward's.
    const kommun = await signedIn(stack, handlaggare);
    await kommun.goto(`${stack.baseUrl}/stays/${stayId}`);
    await kommun
      .getByRole('heading', { name: /Vårdtillfälle/ })
      .first()
      .waitFor();
    await kommun.getByRole('heading', { name: 'Rapportera avvikelse' }).waitFor();
    await expect(
      kommun.getByRole('heading', { name: 'Registrera händelse' }).count(),
    ).resolves.toBe(0);
    expect(axe.leave).toEqual([]);
  });
});
