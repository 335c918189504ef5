import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lessonId, testLesson } from '../../src/lessons/lesson.test-helper';
import { launchExtension, loseHubSpotDeal, serveHubSpot, snap, type Extension } from './harness';
import { goToSection, openLesson, openOptions } from './options-page';
import { seedLessons } from './seed';

let ext: Extension;

beforeAll(async () => {
  ext = await launchExtension();
  await serveHubSpot(ext.context);
});
afterAll(() => ext?.close());

type Chrome = {
  action: {
    getBadgeText(details: object): Promise<string>;
    getTitle(details: object): Promise<string>;
  };
  alarms: { get(name: string): Promise<{ scheduledTime: number } | undefined> };
};

/** The toolbar button's badge and title, as the browser shows them. */
const toolbar = () =>
  ext.inWorker(async () => {
    const { action } = (globalThis as unknown as { chrome: Chrome }).chrome;
    return { text: await action.getBadgeText({}), title: await action.getTitle({}) };
  });

/** The daily reminder's alarm, in local time (`HH:MM`) and hours from now; undefined: none. */
const reminderAlarm = () =>
  ext.inWorker(async () => {
    const { alarms } = (globalThis as unknown as { chrome: Chrome }).chrome;
    const alarm = await alarms.get('review-reminder');
    if (!alarm) return undefined;
    const at = new Date(alarm.scheduledTime);
    const pad = (n: number) => String(n).padStart(2, '0');
    return {
      time: `${pad(at.getHours())}:${pad(at.getMinutes())}`,
      hoursAhead: (alarm.scheduledTime - Date.now()) / 3_600_000,
    };
  });

/** Saves the "Lessons that come back" section and waits for its confirmation. */
async function saveSection(options: Awaited<ReturnType<typeof openOptions>>) {
  await options.getByRole('button', { name: 'Save', exact: true }).click();
  await options
    .getByRole('status')
    .filter({ hasText: /^Saved\./ })
    .waitFor();
}

describe('the toolbar badge', () => {
  it('shows a reflection waiting, and nothing once switched off', async () => {
    const crm = await loseHubSpotDeal(ext, { name: 'Initech — Badge renewal' });
    await crm.close();
    // Positive control: the loss waits for its reflection, and the button says so.
    await expect
      .poll(toolbar, { timeout: 10_000 })
      .toEqual({ text: '1', title: 'Rebound: a reflection is waiting for you' });

    const options = await openOptions(ext, 'comeback');
    await options.getByLabel('Show a number on the toolbar button').uncheck();
    await saveSection(options);
    await expect.poll(toolbar, { timeout: 10_000 }).toEqual({ text: '', title: 'Rebound' });

    // And back when switched on again: the reflection still waits.
    await options.getByLabel('Show a number on the toolbar button').check();
    await saveSection(options);
    await expect.poll(toolbar, { timeout: 10_000 }).toMatchObject({ text: '1' });
    await options.close();
  });
});

describe('the daily reminder', () => {
  it('sets its alarm at the chosen time when turned on, and clears it when turned off', async () => {
    const options = await openOptions(ext, 'comeback');
    expect(await reminderAlarm()).toBeUndefined();
    await options.getByLabel('Remind me once a day').check();
    await options.getByLabel('Time of the reminder').fill('07:45');
    await saveSection(options);

    await expect.poll(async () => (await reminderAlarm())?.time, { timeout: 10_000 }).toBe('07:45');
    await snap(options, 'come-back-settings');
    const { hoursAhead } = (await reminderAlarm())!;
    // The next 07:45: later today or tomorrow, never a day late (a DST night is 23 or 25 hours).
    expect(hoursAhead).toBeGreaterThan(0);
    expect(hoursAhead).toBeLessThanOrEqual(25);

    await options.getByLabel('Remind me once a day').uncheck();
    await saveSection(options);
    await expect.poll(reminderAlarm, { timeout: 10_000 }).toBeUndefined();
    await options.close();
  });
});

describe('a lesson whose reason changed on a second look', () => {
  it('shows its first thought in its detail, and in Insights', async () => {
    const createdAt = new Date(Date.now() - 20 * 86_400_000).toISOString();
    const editedAt = new Date(Date.now() - 2 * 86_400_000).toISOString();
    await seedLessons(ext, [
      testLesson({
        id: lessonId(9001),
        dealName: 'Hooli — Second look',
        createdAt,
        updatedAt: editedAt,
        outcome: 'no-decision',
        reason: 'no-decision.no-access',
        history: [
          { at: editedAt, field: 'reason', previous: 'competitor.price-value' },
          { at: editedAt, field: 'outcome', previous: 'competitor' },
        ],
      }),
      testLesson({
        id: lessonId(9002),
        dealName: 'Pied Piper — First thought kept',
        createdAt,
        reason: 'competitor.price-value',
      }),
    ]);
    const options = await openOptions(ext, 'library');

    // Positive control first: a lesson never edited shows no such line.
    const unchanged = await openLesson(options, 'Pied Piper — First thought kept');
    await unchanged.getByRole('button', { name: 'Edit', exact: true }).waitFor();
    expect(await unchanged.getByText(/^First thought:/).count()).toBe(0);

    const row = await openLesson(options, 'Hooli — Second look');
    await row
      .getByText(
        'First thought: Price / value · Lost to a competitor → later: No access to the decision maker · No decision / stalled',
        { exact: true },
      )
      .waitFor();

    await row.getByRole('button', { name: 'Edit', exact: true }).scrollIntoViewIfNeeded();
    await snap(options, 'come-back-first-thought');
    await goToSection(options, 'Insights');
    const drift = options.getByRole('article', { name: 'Reasons that changed on a second look' });
    await drift
      .getByRole('row', { name: 'Price / value No access to the decision maker 1' })
      .waitFor();
    await drift.scrollIntoViewIfNeeded();
    await snap(options, 'come-back-insights-drift');
    await options.close();
  });
});
