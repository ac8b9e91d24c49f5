import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { startApps, type RunningApps } from '../support/stack';

/** Screenshots and axe results land here (git-ignored), for people to look at. */
export const artifactsDir = join(__dirname, '..', '..', 'test-results', 'ui');
const webDist = join(__dirname, '..', '..', 'apps', 'web', 'dist');
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface UiStack {
  apps: RunningApps;
  browser: Browser;
  baseUrl: string;
  close(): Promise<void>;
}

/** The real API (serving the built UI) and worker, on a free port, and Debian's Chromium. */
export async function startUiStack(): Promise<UiStack> {
  process.env.WEB_DIST_DIR = webDist;
  const apps = await startApps();
  await apps.api.listen(0, '127.0.0.1');
  const { port } = apps.api.getHttpServer().address() as AddressInfo;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--lang=sv-SE',
    ],
  });
  mkdirSync(artifactsDir, { recursive: true });
  return {
    apps,
    browser,
    baseUrl: `http://127.0.0.1:${port}`,
    close: async () => {
      await browser.close();
      await apps.close();
    },
  };
}

/** A fresh browser context signed in as a demo user through the sign-in page. */
export async function signedIn(
  stack: UiStack,
  displayName: string,
  options: {
    locale?: string;
    timezoneId?: string;
    viewport?: { width: number; height: number };
  } = {},
): Promise<Page> {
  const context = await stack.browser.newContext({
    viewport: options.viewport ?? { width: 1366, height: 900 },
    locale: options.locale ?? 'sv-SE',
    timezoneId: options.timezoneId ?? 'Europe/Stockholm',
  });
  const page = await context.newPage();
  openPages.push(page);
  await page.goto(stack.baseUrl);
  await page.getByRole('button', { name: `Logga in som ${displayName}` }).click();
  await page.getByRole('navigation', { name: 'Huvudmeny' }).waitFor();
  return page;
}

const openPages: Page[] = [];

/** The last state of every signed-in page, to see what a failed test saw. */
export async function screenshotOpenPages(): Promise<void> {
  for (const [i, page] of openPages.entries())
    if (!page.isClosed())
      await page.screenshot({ path: join(artifactsDir, `last-${i}.png`), fullPage: true });
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core on the page as it is; returns the serious and critical violations. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated, not added as a script tag: the app's CSP (script-src 'self') refuses inline scripts.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (
      globalThis as unknown as { axe: { run: () => Promise<{ violations: AxeViolation[] }> } }
    ).axe;
    return (await axe.run()).violations;
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** axe-core on the page as it is; every violation, of any impact (WCAG 2.2 AA asks for none). */
export async function allViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated, not added as a script tag: the app's CSP (script-src 'self') refuses inline scripts.
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: { run: (options: unknown) => Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
    return (await axe.run({ runOnly: { type: 'tag', values: tags } })).violations;
  });
}

/** Screenshot (full page) and every axe violation, under one name. */
export async function checkPageFully(page: Page, name: string): Promise<string[]> {
  await page.screenshot({ path: join(artifactsDir, `${name}.png`), fullPage: true });
  return (await allViolations(page)).map(
    (v) =>
      `${v.id} (${v.impact ?? '?'}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

/** Screenshot (full page) and axe check under one name. */
export async function checkPage(page: Page, name: string): Promise<AxeViolation[]> {
  await page.screenshot({ path: join(artifactsDir, `${name}.png`), fullPage: true });
  return seriousViolations(page);
}

/** Whether the element has the keyboard focus (runs in the page). */
export function isFocused(locator: Locator): Promise<boolean> {
  return locator.evaluate(
    (element) =>
      element ===
      (globalThis as unknown as { document: { activeElement: unknown } }).document.activeElement,
  );
}
