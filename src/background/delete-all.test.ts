import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { generateLessons } from '../../tests/fixtures/lessons/generate';
import { ReboundDatabase } from '../db/database';
import { SETTINGS_KEYS } from '../settings/keys';
import { deleteAllData, type DeleteAllDeps } from './delete-all';
import { openDetectionLog, readDetectionLog, type DetectionLog } from './detection-log';
import { openRecentDeals, readRecentDeals, type RecentDeals } from './recent-deals';
import { backgroundHandlers } from './router';
import { createTabHealth } from './tab-health';

const LISTED = ['https://app.hubspot.com/*'];
const CONTENT_SCRIPT = 'https://crm.zoho.com/crm/*';
/** A Manifest V2 build (Firefox) lists its hosts among the permissions. */
const MV2_HOST = 'https://api.hubspot.com/*';
const RULE_HOST = 'https://crm.example.com/*';

let db: ReboundDatabase;
let deps: DeleteAllDeps & {
  losses: { forget: Mock<() => void> };
  log: DetectionLog;
  recentDeals: RecentDeals;
};
let badge: Mock<(details: { text: string | null }) => Promise<void>>;
let removed: Mock<(permissions: { origins?: string[] }) => Promise<boolean>>;

beforeEach(async () => {
  fakeBrowser.reset();
  db = new ReboundDatabase(`test-${crypto.randomUUID()}`);
  deps = {
    db,
    losses: { forget: vi.fn<() => void>() },
    log: openDetectionLog(),
    recentDeals: openRecentDeals(),
  };
  // What the in-memory fake browser leaves to the test: the manifest, granted hosts, badge.
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({
    host_permissions: LISTED,
    permissions: ['storage', MV2_HOST],
    content_scripts: [{ matches: [CONTENT_SCRIPT], js: ['zoho.js'] }],
  } as never);
  vi.spyOn(fakeBrowser.permissions, 'getAll').mockResolvedValue({
    origins: [...LISTED, CONTENT_SCRIPT, MV2_HOST, RULE_HOST],
    permissions: ['storage'],
  });
  removed = vi.fn(async (_permissions: { origins?: string[] }) => true);
  vi.spyOn(fakeBrowser.permissions, 'remove').mockImplementation(removed);
  badge = vi.fn(async (_details: { text: string | null }) => {});
  vi.spyOn(fakeBrowser.action, 'setBadgeText').mockImplementation(badge);

  // Something in every place Rebound keeps anything.
  const [lesson] = generateLessons(1, 7);
  await db.lessons.add(lesson!);
  await db.prompts.add({ key: 'hubspot:1', lossId: crypto.randomUUID() } as never);
  await db.drafts.add({ id: crypto.randomUUID(), updatedAt: new Date().toISOString() } as never);
  await db.wins.add({ id: crypto.randomUUID(), createdAt: '', crm: 'x', dealId: '1' } as never);
  await db.winPrompts.add({ key: 'hubspot:2', winId: crypto.randomUUID() } as never);
  await db.reviews.add({ lessonId: lesson!.id, due: new Date().toISOString() } as never);
  await db.reviewLog.add({ id: crypto.randomUUID(), at: new Date().toISOString() } as never);
  await fakeBrowser.storage.local.set({
    [SETTINGS_KEYS.ask]: { dailyCap: 3 },
    [SETTINGS_KEYS.customRules]: [],
    promptPosition: { x: 1, y: 2 },
  });
  deps.log.add({ kind: 'decision', crm: 'hubspot', dealId: '1', decision: 'prompted' });
  await deps.recentDeals.seen({
    crm: 'hubspot',
    dealId: '1',
    dealUrl: 'https://app.hubspot.com/contacts/1/record/0-3/1',
    dealName: 'Acme',
  });
  await fakeBrowser.storage.session.set({ 'unsaved:1': { whatHappened: 'typing' } });
  await fakeBrowser.alarms.create('remind:1', { when: Date.now() + 60_000 });
  await fakeBrowser.notifications.create('remind:2', {
    type: 'basic',
    title: 'Reflect',
    message: 'Acme',
    iconUrl: 'icon.png',
  });
});
afterEach(async () => {
  vi.restoreAllMocks();
  await db.delete();
});

async function everythingLeft() {
  return {
    rows: await Promise.all(db.tables.map((table) => table.count())),
    local: await fakeBrowser.storage.local.get(null),
    session: await fakeBrowser.storage.session.get(null),
    alarms: await fakeBrowser.alarms.getAll(),
    notifications: Object.keys(await fakeBrowser.notifications.getAll()),
  };
}

describe('deleting all data', () => {
  it('leaves nothing: database tables, storage, reminders, badge, rule hosts, memory', async () => {
    expect((await everythingLeft()).rows).toEqual(db.tables.map(() => 1));
    expect(await deleteAllData(deps)).toBeUndefined();
    expect(await everythingLeft()).toEqual({
      rows: db.tables.map(() => 0),
      local: {},
      session: {},
      alarms: [],
      notifications: [],
    });
    expect(deps.losses.forget).toHaveBeenCalledOnce();
    expect(badge).toHaveBeenCalledWith({ text: '' });
    // Only the access granted for a rule goes: the supported CRMs' hosts are the manifest's.
    expect(removed).toHaveBeenCalledWith({ origins: [RULE_HOST] });
  });

  it('is not undone by a log entry or a recent deal being written as it starts', async () => {
    deps.log.add({ kind: 'decision', crm: 'hubspot', dealId: '2', decision: 'prompted' });
    const seen = deps.recentDeals.seen({
      crm: 'hubspot',
      dealId: '2',
      dealUrl: 'https://app.hubspot.com/contacts/1/record/0-3/2',
      dealName: 'Globex',
    });
    expect(await deleteAllData(deps)).toBeUndefined();
    await seen;
    expect(await readDetectionLog()).toEqual([]);
    expect(await readRecentDeals()).toEqual([]);
    // Positive control: the writers still work after it.
    deps.log.add({ kind: 'decision', crm: 'hubspot', dealId: '3', decision: 'prompted' });
    await expect.poll(readDetectionLog).toHaveLength(1);
  });

  it('says in words which part failed, and still deletes the others', async () => {
    db.close();
    const failed = await deleteAllData(deps);
    expect(failed).toMatch(
      /^Not everything was deleted: lessons, notes of wins, drafts and prompts \(.+\)\./,
    );
    expect(failed).not.toMatch(/settings|reminders|site access/);
    const left = await everythingLeft().catch(() => undefined);
    expect(left).toBeUndefined(); // the database is closed: its tables cannot even be counted
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    expect(await fakeBrowser.alarms.getAll()).toEqual([]);
  });
});

describe('the data/delete-all message', () => {
  const handlers = () =>
    backgroundHandlers({
      ...deps,
      losses: { observed: vi.fn(), takePending: vi.fn(), forget: deps.losses.forget },
      recentDeals: { seen: vi.fn(async () => {}), forget: deps.recentDeals.forget },
      health: createTabHealth(),
      log: { add: vi.fn(), clear: deps.log.clear },
      similarDeals: { matchesFor: vi.fn(), notHelpful: vi.fn() },
    });

  it('is refused from a CRM page, which deletes nothing', async () => {
    const reply = await handlers()['data/delete-all'](
      { type: 'data/delete-all' },
      { tab: { id: 7 } as never, url: 'https://app.hubspot.com/contacts/1' },
    );
    expect(reply.ok).toBe(false);
    expect((await everythingLeft()).rows).toEqual(db.tables.map(() => 1));
    expect(deps.losses.forget).not.toHaveBeenCalled();
  });

  it('deletes everything from the options page, and answers ok', async () => {
    const reply = await handlers()['data/delete-all'](
      { type: 'data/delete-all' },
      { url: 'chrome-extension://test-extension-id/options.html' },
    );
    expect(reply).toEqual({ ok: true });
    expect((await everythingLeft()).rows).toEqual(db.tables.map(() => 0));
  });

  it('answers a failure with the words the page shows', async () => {
    db.close();
    const reply = await handlers()['data/delete-all'](
      { type: 'data/delete-all' },
      { url: 'chrome-extension://test-extension-id/options.html' },
    );
    expect(reply).toEqual({
      ok: false,
      error: expect.stringMatching(/^Not everything was deleted/),
    });
  });
});
