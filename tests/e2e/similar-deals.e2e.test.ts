import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DetectionEntry } from '../../src/detection/log';
import type { Lesson } from '../../src/lessons/schema';
import { SETTINGS_KEYS } from '../../src/settings/keys';
import { expectAccessible } from './axe';
import {
  chooseStage,
  DECISION_DEADLINE_MS,
  hubspotDealUrl,
  launchExtension,
  serveHubSpot,
  type DealOptions,
  type Extension,
} from './harness';
import { seedLessons } from './seed';

/*
 * Lessons from similar deals (issue #11): on an open HubSpot deal of the sandbox, the chip
 * offers the past lessons that resemble it, explains why, and stays away from lost deals, from
 * the settings that switch it off, and from lessons the user said were not helpful.
 */

const HOST = 'rebound-similar';
let ext: Extension;
let nextDeal = 930_000;
let nextLesson = 1;

beforeAll(async () => {
  ext = await launchExtension();
  await serveHubSpot(ext.context);
});
afterAll(() => ext?.close());

/** Lessons lost at the sandbox's default stage, at `company`, with no amount (no weak match). */
function lessonsAt(company: string, count: number): Lesson[] {
  return Array.from({ length: count }, (_, i) => {
    const n = nextLesson++;
    const at = new Date(Date.UTC(2026, 5, 1 + i)).toISOString();
    return {
      id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
      createdAt: at,
      updatedAt: at,
      schemaVersion: 1,
      crm: 'hubspot',
      dealId: `past-${n}`,
      dealName: `${company} — old deal ${i + 1}`,
      company,
      stageBefore: 'Presentation scheduled',
      outcome: 'competitor',
      reason: 'price',
      answers: { planCue: 'the buyer asks for a discount', planAction: `offer a pilot (${n})` },
    };
  });
}

/** Waits (bounded) for the background's similar-lessons decision about the deal since `since`. */
async function similarDecision(dealId: string, since: number): Promise<DetectionEntry> {
  const deadline = Date.now() + DECISION_DEADLINE_MS;
  for (;;) {
    const entry = (await ext.detectionLog()).find(
      (e) => e.kind === 'similar' && e.dealId === dealId && e.at >= since,
    );
    if (entry) return entry;
    if (Date.now() > deadline) throw new Error(`No similar-lessons decision about ${dealId}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Opens a deal's record page and waits for the background's decision about it. */
async function openDeal(options: DealOptions & { company: string }, page?: Page) {
  const dealId = String(nextDeal++);
  const since = Date.now();
  const tab = page ?? (await ext.context.newPage());
  await tab.goto(hubspotDealUrl({ ...options, dealId }));
  return { page: tab, dealId, decision: await similarDecision(dealId, since) };
}

const chipOn = (page: Page) => page.locator(HOST).getByTestId('similar-chip');

async function setComeBack(settings: object): Promise<void> {
  await ext.inWorker(
    (stored) =>
      (
        globalThis as unknown as {
          chrome: { storage: { local: { set(v: object): Promise<void> } } };
        }
      ).chrome.storage.local.set(stored),
    { [SETTINGS_KEYS.comeBack]: settings },
  );
}

describe('lessons from similar deals', () => {
  beforeAll(async () => {
    await seedLessons(ext, [...lessonsAt('Initech', 2), ...lessonsAt('Umbrella', 2)]);
  });

  it('shows the chip on an open deal with matching lessons, without taking the focus; it opens and explains', async () => {
    const { page, decision } = await openDeal({ company: 'Initech Ltd' });
    expect(decision).toMatchObject({ similar: 'found', matches: 2 });
    await chipOn(page).waitFor({ state: 'visible' });
    expect(await chipOn(page).textContent()).toBe('2 lessons from similar deals');
    expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
    await chipOn(page).click();
    const panel = page.locator(HOST).getByRole('dialog', { name: 'Lessons from similar deals' });
    await panel.waitFor();
    const why = await panel.getByTestId('similar-why').allTextContents();
    expect(why).toEqual([
      'Why: same company, lost at Presentation scheduled twice',
      'Why: same company, lost at Presentation scheduled twice',
    ]);
    expect(await panel.textContent()).toContain('Initech — old deal 2');
    await page.close();
  });

  it('shows nothing on a deal that matches no lesson (then a deal that does)', async () => {
    const none = await openDeal({ company: 'Nobody Alike GmbH' });
    expect(none.decision).toMatchObject({ similar: 'none' });
    expect(await chipOn(none.page).count()).toBe(0);
    const some = await openDeal({ company: 'Umbrella' }, none.page);
    expect(some.decision).toMatchObject({ similar: 'found' });
    await chipOn(some.page).waitFor({ state: 'visible' });
    await some.page.close();
  });

  it('shows nothing on a lost deal (then the same company’s open deal)', async () => {
    const lost = await openDeal({ company: 'Initech', stage: 'closedlost' });
    expect(lost.decision).toMatchObject({ similar: 'lost' });
    expect(await chipOn(lost.page).count()).toBe(0);
    const open = await openDeal({ company: 'Initech' }, lost.page);
    await chipOn(open.page).waitFor({ state: 'visible' });
    await open.page.close();
  });

  it('is switched off in the settings, everywhere and for HubSpot alone (then on again)', async () => {
    await setComeBack({ similarDeals: false });
    const everywhere = await openDeal({ company: 'Initech' });
    expect(everywhere.decision).toMatchObject({ similar: 'off' });
    expect(await chipOn(everywhere.page).count()).toBe(0);
    await setComeBack({ similarDeals: true, similarDealsOffIn: ['hubspot'] });
    const inHubSpot = await openDeal({ company: 'Initech' }, everywhere.page);
    expect(inHubSpot.decision).toMatchObject({ similar: 'off' });
    expect(await chipOn(inHubSpot.page).count()).toBe(0);
    await setComeBack({ similarDeals: true, similarDealsOffIn: ['salesforce'] });
    const on = await openDeal({ company: 'Initech' }, everywhere.page);
    expect(on.decision).toMatchObject({ similar: 'found' });
    await chipOn(on.page).waitFor({ state: 'visible' });
    await on.page.close();
  });

  it('remembers “Not helpful” across a reload', async () => {
    const { page, dealId } = await openDeal({ company: 'Umbrella Corp' });
    await chipOn(page).click();
    const cards = page.locator(HOST).getByTestId('similar-card');
    await cards.first().waitFor();
    expect(await cards.count()).toBe(2);
    await cards.first().getByRole('button', { name: 'Not helpful' }).click();
    await expect.poll(() => cards.count()).toBe(1);
    const since = Date.now();
    await page.reload();
    expect(await similarDecision(dealId, since)).toMatchObject({ similar: 'found', matches: 1 });
    await chipOn(page).waitFor({ state: 'visible' });
    expect(await chipOn(page).textContent()).toBe('1 lesson from a similar deal');
    await page.close();
  });

  it('is dismissed with Esc and stays away on that page', async () => {
    const { page } = await openDeal({ company: 'Initech' });
    await chipOn(page).click();
    await page.keyboard.press('Escape');
    await expect.poll(() => chipOn(page).count()).toBe(0);
    await page.close();
  });

  it('brings a plan whose cue names a stage back once, when a deal enters that stage, unless switched off', async () => {
    const [cued] = lessonsAt('Cue Test Past Co', 1);
    await seedLessons(ext, [
      {
        ...cued!,
        dealName: 'The deal the cue came from',
        answers: {
          planCue: 'a deal reaches Contract sent',
          planAction: 'confirm who signs before sending it',
        },
      },
    ]);
    const { page, dealId, decision } = await openDeal({ company: 'Nobody Alike GmbH' });
    // Opened at Presentation scheduled: no cue there, nothing similar.
    expect(decision).toMatchObject({ similar: 'none' });
    expect(decision.cuePlan).toBeUndefined();
    const entered = Date.now();
    await chooseStage(page, 'Contract sent');
    expect(await similarDecision(dealId, entered)).toMatchObject({ cuePlan: true });
    await chipOn(page).waitFor({ state: 'visible' });
    expect(await chipOn(page).textContent()).toBe('Your plan for this moment');
    await chipOn(page).click();
    const cueCard = page.locator(HOST).getByTestId('cue-card');
    expect(await cueCard.textContent()).toContain('confirm who signs before sending it');
    expect(await cueCard.textContent()).toContain('Why: Your plan for Contract sent');
    // Away and back: shown once for this deal.
    const away = Date.now();
    await chooseStage(page, 'Decision maker bought-in');
    await similarDecision(dealId, away);
    const back = Date.now();
    await chooseStage(page, 'Contract sent');
    const again = await similarDecision(dealId, back);
    expect(again.cuePlan).toBeUndefined();
    await page.close();
    // Switched off: another deal entering the stage gets nothing.
    await setComeBack({ cuePlans: false });
    const off = await openDeal({ company: 'Nobody Alike GmbH' });
    const offEntered = Date.now();
    await chooseStage(off.page, 'Contract sent');
    expect((await similarDecision(off.dealId, offEntered)).cuePlan).toBeUndefined();
    expect(await chipOn(off.page).count()).toBe(0);
    await off.page.close();
    // Positive control: on again, another deal entering the stage gets the plan.
    await setComeBack({ cuePlans: true });
    const other = await openDeal({ company: 'Nobody Alike GmbH' });
    const otherEntered = Date.now();
    await chooseStage(other.page, 'Contract sent');
    expect(await similarDecision(other.dealId, otherEntered)).toMatchObject({ cuePlan: true });
    await chipOn(other.page).waitFor({ state: 'visible' });
    await other.page.close();
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`has an accessible panel (axe, ${colorScheme})`, async () => {
      const page = await ext.context.newPage();
      await page.emulateMedia({ colorScheme });
      await openDeal({ company: 'Initech' }, page);
      await expectAccessible(page, `the similar-deal chip, ${colorScheme}`, HOST);
      await chipOn(page).click();
      await page.locator(HOST).getByTestId('similar-panel').waitFor();
      await expectAccessible(page, `the similar-deal panel, ${colorScheme}`, HOST);
      await page.close();
    });
  }
});
