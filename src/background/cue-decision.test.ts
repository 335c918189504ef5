import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { hubspot } from '../crm/hubspot';
import { ReboundDatabase } from '../db/database';
import { dealOnPage } from '../detection/page-read';
import { settle } from '../detection/settle.test-helper';
import { watchStageShown } from '../detection/stage-shown';
import type { DealContext } from '../lessons/deal';
import { lessonId, testLesson } from '../lessons/lesson.test-helper';
import type { LessonCard } from '../messaging/content-messages';
import { lostMatcher, wonMatcher } from '../settings/stage-labels';
import { comeBackItem } from '../settings/store';
import { createCuePlans, type CuePlans } from './cue-plans';

/**
 * The whole decision of a cue plan (issue #11), from the HubSpot sandbox record page to the card:
 * the page's open asks once, and each stage the page then shows asks again with `stageEntered`
 * (what the chip's content flow does with the `deal/open` message).
 */
const FIXTURE = readFileSync(
  resolve(import.meta.dirname, '../../tests/fixtures/hubspot/deal-record.html'),
  'utf8',
);
const NOW = Date.parse('2026-03-20T12:00:00Z');

const reachProposal = testLesson({
  id: lessonId(1),
  dealName: 'Globex platform',
  stageBefore: 'Negotiation',
  answers: { planCue: 'a deal reach Proposal', planAction: 'get the CFO on a call' },
});
const procurementRfp = testLesson({
  id: lessonId(2),
  dealName: 'Initech payroll',
  createdAt: '2026-02-01T00:00:00.000Z',
  answers: { planCue: 'procurement leading the RFP', planAction: 'ask who decides' },
});

let db: ReboundDatabase;
let plans: CuePlans;
let page: AbortController | undefined;
/** What each ask of the background answered, in order: a card's lesson id, or none. */
let answers: (string | undefined)[];
/** The cards it gave, in order. */
let cards: LessonCard[];

beforeEach(async () => {
  fakeBrowser.reset();
  db = new ReboundDatabase(`test-${crypto.randomUUID()}`);
  await db.lessons.bulkAdd([reachProposal, procurementRfp]);
  plans = createCuePlans(db);
  answers = [];
  cards = [];
});
afterEach(async () => {
  page?.abort();
  document.body.replaceChildren();
  await db.delete();
});

function showStage(label: string) {
  document.querySelector('[data-test-id="dropdown-toggle-text"]')!.textContent = label;
}

const ask = async (
  dealId: string,
  stageEntered: boolean,
  deal: DealContext = dealOnPage(hubspot, document, dealId),
) => {
  const card = await plans.cueFor({ crm: 'hubspot', dealId, deal, stageEntered }, NOW);
  if (card) cards.push(card);
  answers.push(card?.lessonId);
};

/** Opens deal `dealId`'s record page in `stage`, as the content flow will: ask, then watch. */
async function openDeal(dealId: string, stage: string, fields: { pipeline?: string } = {}) {
  page?.abort();
  page = new AbortController();
  const parsed = new DOMParser().parseFromString(FIXTURE, 'text/html');
  parsed.querySelectorAll('script').forEach((script) => script.remove());
  document.body.replaceChildren(...[...parsed.body.childNodes].map((n) => document.adoptNode(n)));
  const set = (selector: string, text: string) => {
    document.querySelector(selector)!.textContent = text;
  };
  set('[data-selenium-test="highlightTitle"]', `Deal ${dealId}`);
  set('[data-selenium-test="property-input-pipeline"]', fields.pipeline ?? 'Sales Pipeline');
  set('[data-test-id="association-name"]', 'Acme Corp');
  showStage(stage);
  const url = new URL(`https://app.hubspot.com/contacts/123456/record/0-3/${dealId}`);
  await ask(dealId, false);
  watchStageShown({
    adapter: hubspot,
    url,
    root: document,
    signal: page.signal,
    isLost: lostMatcher(),
    isWon: wonMatcher(),
    settleMs: 0,
    onStage: (shown) => void ask(shown.dealId, true, shown.deal),
  });
}

/** The page shows `stage`, and the background has answered the ask it led to. */
async function moveTo(stage: string) {
  const before = answers.length;
  showStage(stage);
  await vi.waitFor(() => expect(answers).toHaveLength(before + 1));
  return answers.at(-1);
}

describe('a plan whose cue names a stage or situation', () => {
  it('comes back once per deal when it enters the stage, never at lost, never while off', async () => {
    await openDeal('101', 'Discovery');
    expect(answers).toEqual([undefined]);
    // Deal 101 enters Proposal: the plan comes back, saying why.
    expect(await moveTo('Proposal')).toBe(reachProposal.id);
    expect(cards.at(-1)).toMatchObject({
      dealName: 'Globex platform',
      plan: 'Next time I see a deal reach Proposal, I will get the CFO on a call.',
      why: ['Your plan for Proposal'],
    });
    // A second time on that deal: nothing, whether it leaves and comes back or is opened again.
    expect(await moveTo('Negotiation')).toBeUndefined();
    expect(await moveTo('Proposal')).toBeUndefined();
    await openDeal('101', 'Proposal');
    expect(answers.at(-1)).toBeUndefined();

    // Another deal, opened in Proposal for the first time: it gets the plan again.
    await openDeal('202', 'Proposal');
    expect(answers.at(-1)).toBe(reachProposal.id);

    // A lost stage: the page's watch does not ask, and an ask at it gets nothing.
    const asked = answers.length;
    showStage('Closed lost');
    await settle();
    await openDeal('303', 'Closed lost', { pipeline: 'Procurement leading the RFP' });
    expect(answers.slice(asked)).toEqual([undefined]);
    // Positive control: the same page at an open stage shows the situation plan.
    expect(await moveTo('Demo')).toBe(procurementRfp.id);
    expect(cards.at(-1)?.why).toEqual([
      'This deal shows your plan’s cue: procurement, leading, RFP',
    ]);

    // The setting off: nothing, for a deal entering Proposal.
    await comeBackItem.update((settings) => ({ ...settings, cuePlans: false }));
    await openDeal('404', 'Discovery');
    expect(await moveTo('Proposal')).toBeUndefined();
    // Back on: the next deal entering Proposal gets it.
    await comeBackItem.update((settings) => ({ ...settings, cuePlans: true }));
    await openDeal('505', 'Discovery');
    expect(await moveTo('Proposal')).toBe(reachProposal.id);
  });
});
