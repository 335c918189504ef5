import type { BrowserContext, Page } from 'playwright-core';
import { markup, readFixture, sandboxRequest } from './harness';
import { newSandbox, pipedriveReply, type SandboxCrm } from './sandbox-replies';

/** The company host the sandbox Pipedrive answers at (any `{company}.pipedrive.com` works). */
export const PIPEDRIVE_HOST = 'acme.pipedrive.com';

/**
 * Serves the sandbox Pipedrive at Pipedrive's real company hosts: deal pages (`/deal/{id}`) and
 * the pipeline board (`/pipeline/…`) from the fixtures, and the app's API (`/api/v1/…`,
 * `/api/v2/…`) answering every save with `saveStatus`. Content scripts inject on these URLs and
 * the extension's webRequest observer sees the requests, as on the real site.
 */
export async function servePipedrive(context: BrowserContext): Promise<SandboxCrm> {
  const sandbox = newSandbox();
  await context.route('https://*.pipedrive.com/**', (route) =>
    route.fulfill(pipedriveReply(sandbox, sandboxRequest(route), readFixture)),
  );
  return sandbox;
}

export type PipedriveDeal = {
  dealId: string;
  title?: string;
  value?: string;
  org?: string;
  stage?: string;
  status?: 'open' | 'won' | 'lost';
  reason?: string;
  reasons?: 'list' | 'free';
  optimistic?: '1';
  api?: 'v1' | 'v2';
};

const query = (options: Record<string, string | undefined>) =>
  new URLSearchParams(
    Object.entries(options).filter((entry): entry is [string, string] => entry[1] !== undefined),
  ).toString();

export function pipedriveDealUrl({ dealId, ...options }: PipedriveDeal): string {
  return `https://${PIPEDRIVE_HOST}/deal/${dealId}?${query(options)}`;
}

/** The board whose first card is deal `first` (the other cards follow it: first+1, first+2 …). */
export type PipedriveBoard = { first: number; reasons?: 'list' | 'free'; optimistic?: '1' };

export function pipedriveBoardUrl({ first, ...options }: PipedriveBoard): string {
  return `https://${PIPEDRIVE_HOST}/pipeline/1/user/everyone?${query({
    first: String(first),
    ...options,
  })}`;
}

/** The board's cards, by the deal titles the fixture gives them. */
export const BOARD_DEALS = {
  globex: 'Globex — Data platform',
  umbrella: 'Umbrella — Lab sensors',
  hooli: 'Hooli — Search appliance',
  stark: 'Stark — Reactor monitoring',
} as const;

/** Pipedrive's "Mark as lost" modal. */
export function lostModal(page: Page) {
  return page.getByRole('dialog', { name: 'Mark as lost' });
}

/** Fills the open modal's lost reason (dropdown or free text) and confirms, as a user would. */
export async function confirmLost(page: Page, reason: string): Promise<void> {
  const field = lostModal(page).getByLabel('Lost reason');
  if ((await field.evaluate((el) => el.tagName)) === 'SELECT') await field.selectOption(reason);
  else await field.fill(reason);
  await lostModal(page).getByRole('button', { name: 'Mark as lost' }).click();
  await lostModal(page).waitFor({ state: 'hidden' });
}

/** On a deal page: the header's Lost button, then the modal. */
export async function markDealLost(page: Page, reason = 'Price too high'): Promise<void> {
  await page.getByRole('button', { name: 'Lost', exact: true }).click();
  await confirmLost(page, reason);
}

export function boardCard(page: Page, title: string) {
  return page.locator(markup('[data-test="pipeline-deal-card"]')).filter({ hasText: title });
}

/**
 * Drags a board card onto a drop zone ("Lost", "Won", "Delete") or a stage column, with HTML5
 * drag and drop. The drop zones appear only once a drag has started, so the drag is begun by
 * hand, then finished with a drop on the target.
 */
export async function dragCard(page: Page, title: string, target: string): Promise<void> {
  const card = boardCard(page, title);
  await card.hover();
  await page.mouse.down();
  const box = (await card.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2 + 10, box.y + box.height / 2 + 10, { steps: 2 });
  const zone = page
    .locator(markup('[data-test="drop-zones"] [data-zone]'))
    .filter({ hasText: target });
  const column = page.locator(markup('[data-test="pipeline-stage-column"]')).filter({
    has: page.getByRole('heading', { name: target, exact: true }),
  });
  const drop = (await zone.count()) > 0 ? zone : column;
  await drop.waitFor({ state: 'visible' });
  const at = (await drop.boundingBox())!;
  await page.mouse.move(at.x + at.width / 2, at.y + at.height / 2, { steps: 4 });
  await page.mouse.up();
}
