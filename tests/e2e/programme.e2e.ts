/**
 * The programme as each Seljord role sees it: their home page (in the right language), every part
 * linked from it, the participants table and the gatherings. axe runs on every page visited.
 */
import { describe, expect, it } from 'vitest';
import type { Role } from '../../src/contracts/common';
import { catalogs, translate, type Locale } from '../../src/i18n';
import {
  expectAccessible,
  htmlLang,
  logIn,
  openProgramme,
  screenshot,
  settled,
  useHarness,
  type Harness,
} from './harness';

let h: Harness;
useHarness('programme.e2e', (harness) => (h = harness));

const SELJORD = /Seljord/;

/** Seljord writes nynorsk, so its own people get nynorsk; the consultancy's staff get bokmål. */
const DEFAULT_LOCALE: Record<Role, Locale> = {
  provider_admin: 'nb',
  advisor: 'nb',
  client_admin: 'nn',
  participant: 'nn',
};

/** The part each role's home page puts first (PRODUCT.md: what each role comes for). */
const FIRST_FOCUS: Record<Role, RegExp> = {
  provider_admin: /^(Tilbud og budsjett)$/,
  advisor: /^(Samlinger)$/,
  client_admin: /^(Deltakarar)$/,
  participant: /^(Samlingane mine)$/,
};

const ROLES: Role[] = ['provider_admin', 'advisor', 'client_admin', 'participant'];

describe('a Seljord user after logging in', () => {
  it.each(ROLES)('sees the %s home page in their language', async (role) => {
    const login = h.login(role);
    const { page } = await h.newPage();
    await page.goto('/login');
    await expectAccessible(page, 'login page');
    if (role === 'provider_admin') await screenshot(page, 'login');
    await logIn(page, login.email);
    if (new URL(page.url()).pathname === '/') {
      // More than one programme (or admin tools): the overview comes first.
      await expectAccessible(page, `programme list (${role})`);
      await screenshot(page, `overview-${role}`);
    }
    await openProgramme(page, SELJORD);

    const locale = DEFAULT_LOCALE[role];
    const text = catalogs[locale];
    expect(await htmlLang(page)).toBe(locale);
    await expect
      .poll(() => page.locator('main h1').textContent())
      .toBe(translate(locale, 'programme.greeting', { name: login.name.split(' ')[0]! }));
    expect(await page.getByTestId('role-intro').textContent()).toBe(text.programme.roleIntro[role]);
    expect(await page.locator('#focus-heading').textContent()).toBe(text.programme.focusTitle[role]);
    const firstCard = page.locator('.app-grid--featured li').first().locator('h3');
    expect((await firstCard.textContent())?.trim()).toMatch(FIRST_FOCUS[role]);
    // The header names the person, the role and the programme.
    const header = page.locator('header');
    await expect.poll(() => header.textContent()).toContain(login.name);
    expect(await header.textContent()).toContain(text.roles[role]);
    expect(await header.textContent()).toMatch(SELJORD);
    expect(await page.title()).toMatch(/Seljord.* – Lederprogram$/);
    // Dates in Norwegian (Chromium has no nynorsk date data; the app must not fall back to English).
    const facts = (await page.locator('main dl').textContent()) ?? '';
    expect(facts).toMatch(
      /\d{1,2}\. (januar|februar|mars|april|mai|juni|juli|august|september|oktober|november|desember) \d{4}/,
    );
    expect(facts).not.toMatch(
      /January|February|March|April|May|June|July|August|September|October|November|December|day\b/,
    );

    await expectAccessible(page, `home (${role})`);
    await screenshot(page, `home-${role}`);

    if (role === 'participant') {
      // A phone: the same page reflows into one column (WCAG 1.4.10), still without violations.
      await page.setViewportSize({ width: 390, height: 844 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await expectAccessible(page, 'home on a phone');
      await screenshot(page, 'home-participant-phone');
    }
  });

  it.each(ROLES)('as %s, opens every part linked from the home page and gets a real page', async (role) => {
    const { page } = await h.newPage();
    await logIn(page, h.login(role).email);
    const home = await openProgramme(page, SELJORD);
    const locale = DEFAULT_LOCALE[role];
    const text = catalogs[locale];

    const hrefs = await page
      .locator('main .app-grid a')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
    expect(hrefs.length).toBeGreaterThan(0);
    expect(new Set(hrefs).size).toBe(hrefs.length);

    for (const [i, href] of hrefs.entries()) {
      expect(href).toMatch(new RegExp(`^${home}/[A-Za-z]+$`));
      const part = href.split('/').pop() as keyof typeof text.parts;
      if (i === 0) {
        // The first by clicking (client-side navigation), the rest by address (server fallback).
        await page.locator(`main a[href="${href}"]`).click();
        await page.waitForURL((url) => url.pathname === href);
      } else {
        await page.goto(href);
      }
      await settled(page);
      expect(await page.getByTestId('not-found').count(), `${href} is not found`).toBe(0);
      expect(await page.locator('[role="alert"]').count(), `${href} shows an error`).toBe(0);
      // A leader's groups page is about their own group ("Mi nettverksgruppe").
      if (!(role === 'participant' && part === 'groups')) {
        expect(await page.locator('main h1').textContent()).toBe(text.parts[part].name);
      }
      if (role === 'client_admin' || role === 'participant') {
        // The municipality's views of a built part differ most from the staff's, which the part's
        // own e2e file checks.
        await expectAccessible(page, `${part} (${role})`);
      }
    }
  });

  it('lists the 20 Seljord leaders on the participants page, with their level and who they report to', async () => {
    const { page } = await h.newPage();
    await logIn(page, h.login('client_admin').email);
    const home = await openProgramme(page, SELJORD);
    await page.goto(`${home}/participants`);
    await settled(page);

    const table = page.getByTestId('participants-table');
    await expect.poll(() => table.locator('tbody tr').count()).toBe(20);
    const headers = await table.locator('thead th').allTextContents();
    expect(headers).toEqual([
      'Namn og kontakt',
      'Nivå',
      'Sektor og eining',
      'Næraste leiar',
      'Invitasjon og handlingar',
    ]);
    expect(await table.locator('caption').textContent()).toMatch(/\(20\)$/);
    // Levels are translated, not raw codes; the hierarchy is shown by name.
    const levels = new Set(await table.locator('tbody tr td:nth-child(2)').allTextContents());
    expect([...levels].every((l) => Object.values(catalogs.nn.levels).includes(l))).toBe(true);
    expect(levels.has('Einingsleiar')).toBe(true);
    const reportsTo = await table.locator('tbody tr td:nth-child(4)').allTextContents();
    expect(reportsTo.filter((name) => name !== '–').length).toBeGreaterThan(10);

    await expectAccessible(page, 'participants');
    await screenshot(page, 'participants');
  });

  it('shows every gathering with its date and time in Norwegian, in Oslo time, whatever the browser’s time zone', async () => {
    const { page } = await h.newPage();
    await logIn(page, h.login('advisor').email);
    const home = await openProgramme(page, SELJORD);
    const api = await page.request.get(`/api${home}/gatherings`);
    expect(api.ok()).toBe(true);
    const { gatherings } = (await api.json()) as {
      gatherings: {
        number: number;
        theme: string;
        startsAt: string | null;
        venue: string | null;
        agenda: unknown[];
      }[];
    };
    expect(gatherings.length).toBeGreaterThan(0);

    await page.goto(`${home}/gatherings`);
    await settled(page);
    const cards = page.locator('main article');
    await expect.poll(() => cards.count()).toBe(gatherings.length);

    // Independent of the app's own formatting code: Node's Intl, Oslo time, bokmål.
    const day = new Intl.DateTimeFormat('nb-NO', {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'Europe/Oslo',
    });
    const time = new Intl.DateTimeFormat('nb-NO', {
      hour: '2-digit',
      minute: '2-digit',
      timeZone: 'Europe/Oslo',
    });
    for (const g of [...gatherings].sort((a, b) => a.number - b.number)) {
      const card = cards.nth(g.number - 1);
      expect(await card.locator('h2').textContent()).toBe(`Samling ${g.number}: ${g.theme}`);
      const body = (await card.textContent()) ?? '';
      if (g.startsAt) {
        const start = new Date(g.startsAt);
        expect(body).toContain(day.format(start));
        expect(body).toContain(`kl. ${time.format(start)}`);
      }
      if (g.venue) expect(body).toContain(g.venue);
      expect(await card.locator('ol li').count()).toBe(g.agenda.length);
    }
    // Agenda kinds are shown as words, never as codes.
    const kinds = await page.locator('main article ol .ds-tag').allTextContents();
    expect(kinds.every((k) => Object.values(catalogs.nb.agendaKinds).includes(k))).toBe(true);

    await expectAccessible(page, 'gatherings');
    await screenshot(page, 'gatherings');
  });
});
