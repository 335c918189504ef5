import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import type { Lesson } from '../lessons/schema';
import type { LossEvent } from '../messaging/messages';
import { EMPTY_VALUES } from '../lessons/values';
import type { Win } from '../lessons/win-schema';
import { ReboundDatabase, type DraftRecord, type PromptRecord } from './database';
import { BACKLOG_PER_DAY } from '../lessons/review-schedule';
import { lessonId, testLesson } from '../lessons/lesson.test-helper';

const opened: Dexie[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

const lesson: Lesson = {
  id: '3f0e3c5e-8f7a-4d6b-9d1e-2a4b6c8d0e1f',
  createdAt: '2026-01-02T03:04:05.000Z',
  updatedAt: '2026-01-02T03:04:05.000Z',
  schemaVersion: 1,
  crm: 'hubspot',
  dealId: '42',
  dealName: 'Acme renewal',
  outcome: 'competitor',
  reason: 'competitor.price-value',
  answers: { whatHappened: 'They went with Globex.', nextTime: 'Call the CFO.' },
};
const prompt: PromptRecord = {
  key: 'hubspot:42',
  lossId: '0b6f5a3e-1c2d-4e5f-8a9b-0c1d2e3f4a5b',
  crm: 'hubspot',
  dealId: '42',
  createdAt: '2026-01-02T03:00:00.000Z',
  status: 'skipped',
};

describe('ReboundDatabase upgrade from version 1', () => {
  it('keeps lessons and prompts, and adds drafts', async () => {
    const name = `upgrade-${crypto.randomUUID()}`;
    const v1 = new Dexie(name);
    v1.version(1).stores({
      lessons: 'id, createdAt, [crm+dealId]',
      prompts: 'key, createdAt, lossId',
    });
    await v1.table('lessons').put(lesson);
    await v1.table('prompts').put(prompt);
    expect(v1.verno).toBe(1);
    v1.close();

    const db = new ReboundDatabase(name);
    opened.push(db);
    await db.open();
    expect(db.verno).toBe(5);
    expect(await db.lessons.toArray()).toEqual([lesson]);
    expect(await db.prompts.toArray()).toEqual([prompt]);
    // The v1 indexes still answer.
    expect(await db.lessons.where('[crm+dealId]').equals(['hubspot', '42']).count()).toBe(1);
    expect(await db.prompts.where('lossId').equals(prompt.lossId).first()).toEqual(prompt);

    const loss: LossEvent = {
      lossId: prompt.lossId,
      crm: 'hubspot',
      dealId: '42',
      dealUrl: 'https://app.hubspot.com/contacts/1/record/0-3/42',
      stageBefore: 'Contract sent',
      deal: { dealName: 'Acme renewal' },
    };
    const draft: DraftRecord = {
      id: loss.lossId,
      loss,
      values: EMPTY_VALUES,
      createdAt: '2026-01-02T03:05:00.000Z',
      updatedAt: '2026-01-02T03:05:00.000Z',
    };
    await db.drafts.put(draft);
    expect(await db.drafts.get(draft.id)).toEqual(draft);
    expect(await db.drafts.orderBy('updatedAt').primaryKeys()).toEqual([draft.id]);
  });

  it('creates every table in a new database', async () => {
    const db = new ReboundDatabase(`fresh-${crypto.randomUUID()}`);
    opened.push(db);
    await db.open();
    expect(db.tables.map((t) => t.name).sort()).toEqual([
      'drafts',
      'lessons',
      'prompts',
      'reviewLog',
      'reviews',
      'winPrompts',
      'wins',
    ]);
    expect(await db.drafts.count()).toBe(0);
    expect(await db.wins.count()).toBe(0);
  });
});

describe('ReboundDatabase upgrade from version 2', () => {
  it('keeps lessons, prompts and drafts, and adds wins', async () => {
    const name = `upgrade-v2-${crypto.randomUUID()}`;
    const v2 = new Dexie(name);
    v2.version(1).stores({
      lessons: 'id, createdAt, [crm+dealId]',
      prompts: 'key, createdAt, lossId',
    });
    v2.version(2).stores({ drafts: 'id, updatedAt' });
    const draft: DraftRecord = {
      id: prompt.lossId,
      loss: {
        lossId: prompt.lossId,
        crm: 'hubspot',
        dealId: '42',
        dealUrl: 'https://app.hubspot.com/contacts/1/record/0-3/42',
        stageBefore: 'Contract sent',
        deal: { dealName: 'Acme renewal' },
      },
      values: EMPTY_VALUES,
      createdAt: '2026-01-02T03:05:00.000Z',
      updatedAt: '2026-01-02T03:06:00.000Z',
    };
    await v2.table('lessons').put(lesson);
    await v2.table('prompts').put(prompt);
    await v2.table('drafts').put(draft);
    expect(v2.verno).toBe(2);
    v2.close();

    const db = new ReboundDatabase(name);
    opened.push(db);
    await db.open();
    expect(db.verno).toBe(5);
    expect(await db.lessons.toArray()).toEqual([lesson]);
    expect(await db.prompts.toArray()).toEqual([prompt]);
    expect(await db.drafts.toArray()).toEqual([draft]);
    expect(await db.drafts.orderBy('updatedAt').primaryKeys()).toEqual([draft.id]);
    expect(await db.lessons.where('[crm+dealId]').equals(['hubspot', '42']).count()).toBe(1);

    const win: Win = {
      id: '5c9a7e2b-3d4f-4a1b-9c8d-7e6f5a4b3c2d',
      createdAt: '2026-02-01T10:00:00.000Z',
      updatedAt: '2026-02-01T10:00:00.000Z',
      schemaVersion: 1,
      crm: 'hubspot',
      dealId: '42',
      dealName: 'Acme renewal',
      answers: { difference: 'We ran a tight mutual plan.' },
    };
    await db.wins.put(win);
    expect(await db.wins.where('[crm+dealId]').equals(['hubspot', '42']).toArray()).toEqual([win]);
    expect(await db.wins.orderBy('createdAt').primaryKeys()).toEqual([win.id]);
    await db.winPrompts.put({
      key: 'hubspot:42',
      winId: win.id,
      crm: 'hubspot',
      dealId: '42',
      createdAt: win.createdAt,
      status: 'saved',
    });
    expect(await db.winPrompts.where('winId').equals(win.id).count()).toBe(1);
    // The loss prompt of the same deal is untouched: wins claim apart.
    expect(await db.prompts.get('hubspot:42')).toEqual(prompt);
  });
});

describe('ReboundDatabase upgrade from version 3', () => {
  it('keeps every lesson and answers the library’s new indexes from them', async () => {
    const name = `upgrade-v3-${crypto.randomUUID()}`;
    const v3 = new Dexie(name);
    v3.version(1).stores({
      lessons: 'id, createdAt, [crm+dealId]',
      prompts: 'key, createdAt, lossId',
    });
    v3.version(2).stores({ drafts: 'id, updatedAt' });
    v3.version(3).stores({
      wins: 'id, createdAt, [crm+dealId]',
      winPrompts: 'key, createdAt, winId',
    });
    const planned: Lesson = {
      ...lesson,
      id: '7d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
      createdAt: '2026-03-01T09:00:00.000Z',
      updatedAt: '2026-03-01T09:00:00.000Z',
      crm: 'pipedrive',
      dealId: '7',
      amount: 12_000,
      reason: 'process.no-decision-maker',
      answers: { planCue: 'procurement leads', planAction: 'ask for the sponsor' },
    };
    await v3.table('lessons').bulkPut([lesson, planned]);
    await v3.table('prompts').put(prompt);
    expect(v3.verno).toBe(3);
    v3.close();

    const db = new ReboundDatabase(name);
    opened.push(db);
    await db.open();
    expect(db.verno).toBe(5);
    expect(await db.lessons.orderBy('createdAt').toArray()).toEqual([lesson, planned]);
    expect(await db.prompts.toArray()).toEqual([prompt]);
    expect(await db.lessons.where('crm').equals('pipedrive').primaryKeys()).toEqual([planned.id]);
    expect(await db.lessons.where('outcome').equals('competitor').count()).toBe(2);
    expect(await db.lessons.where('amount').above(10_000).primaryKeys()).toEqual([planned.id]);
    expect(await db.lessons.where('answers.planAction').above('').primaryKeys()).toEqual([
      planned.id,
    ]);
    // Lessons from before tags have none; a tagged one is found by each of its tags.
    expect(await db.lessons.where('tags').anyOf('q4').count()).toBe(0);
    await db.lessons.update(planned.id, { tags: ['q4', 'enterprise'] });
    expect(await db.lessons.where('tags').equals('enterprise').primaryKeys()).toEqual([planned.id]);
    expect(await db.lessons.orderBy('tags').uniqueKeys()).toEqual(['enterprise', 'q4']);
  });
});

describe('ReboundDatabase upgrade from version 4', () => {
  it('keeps the lessons and starts their reviews: plans spread from now, recent losses get a second look', async () => {
    const name = `upgrade-v4-${crypto.randomUUID()}`;
    const v4 = new Dexie(name);
    v4.version(1).stores({
      lessons: 'id, createdAt, [crm+dealId]',
      prompts: 'key, createdAt, lossId',
    });
    v4.version(2).stores({ drafts: 'id, updatedAt' });
    v4.version(3).stores({
      wins: 'id, createdAt, [crm+dealId]',
      winPrompts: 'key, createdAt, winId',
    });
    v4.version(4).stores({
      lessons:
        'id, createdAt, updatedAt, [crm+dealId], crm, outcome, reason, amount, *tags, answers.planAction',
    });
    const now = new Date('2026-06-30T12:00:00.000Z');
    const daysAgo = (n: number) => new Date(now.getTime() - n * 86_400_000).toISOString();
    // Five old lessons with a plan, one without, one of three days ago with a cue plan.
    const old = [1, 2, 3, 4, 5].map((n) =>
      testLesson({
        id: lessonId(n),
        createdAt: daysAgo(100 + n),
        answers: { planAction: `plan ${n}` },
      }),
    );
    const noPlan = testLesson({
      id: lessonId(6),
      createdAt: daysAgo(60),
      answers: { whatHappened: 'x' },
    });
    const recent = testLesson({
      id: lessonId(7),
      createdAt: daysAgo(3),
      answers: { planCue: 'the CFO joins' },
    });
    const lessons = [...old, noPlan, recent];
    await v4.table('lessons').bulkPut(lessons);
    expect(v4.verno).toBe(4);
    v4.close();

    const db = new ReboundDatabase(name, () => now);
    opened.push(db);
    await db.open();
    expect(db.verno).toBe(5);
    expect(await db.lessons.orderBy('id').toArray()).toEqual(lessons);
    const reviews = await db.reviews.orderBy('lessonId').toArray();
    // No review for the old lesson without a plan: its second look lapsed long ago.
    expect(reviews.map((r) => r.lessonId)).toEqual([...old, recent].map((l) => l.id));
    const byId = new Map(reviews.map((r) => [r.lessonId, r]));
    expect(byId.get(recent.id)).toMatchObject({
      due: daysAgo(-4),
      secondLook: { opens: daysAgo(-11), closes: daysAgo(-25) },
    });
    // The old plans: the newest BACKLOG_PER_DAY today, the rest tomorrow; no second look.
    const dueToday = old.filter((l) => byId.get(l.id)?.due === now.toISOString()).map((l) => l.id);
    expect(dueToday).toEqual(old.slice(0, BACKLOG_PER_DAY).map((l) => l.id));
    expect(byId.get(old[4]!.id)).toMatchObject({ due: daysAgo(-1) });
    expect(old.every((l) => byId.get(l.id)?.secondLook === undefined)).toBe(true);
    // The index answers what is due now, and the log of answers is there, empty.
    expect(await db.reviews.where('due').belowOrEqual(now.toISOString()).count()).toBe(
      BACKLOG_PER_DAY,
    );
    expect(await db.reviewLog.count()).toBe(0);
  });
});
