import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { detectionLogItem, openDetectionLog, readDetectionLog } from './detection-log';

beforeEach(() => fakeBrowser.reset());

const entry = (dealId: string) =>
  ({ kind: 'decision', crm: 'hubspot', dealId, decision: 'prompted' }) as const;

describe('the background detection log', () => {
  it('writes every entry, in order, however fast they come', async () => {
    let at = 0;
    const log = openDetectionLog(() => ++at);
    for (const id of ['1', '2', '3', '4']) log.add(entry(id));
    await log.clear(); // queued behind the adds
    log.add(entry('5'));
    await expect.poll(readDetectionLog).toHaveLength(1);
    expect((await readDetectionLog()).map((e) => e.dealId)).toEqual(['5']);
  });

  it('clears after the writes already queued, so none of them puts entries back', async () => {
    const log = openDetectionLog();
    log.add(entry('1'));
    log.add(entry('2'));
    await log.clear();
    expect(await readDetectionLog()).toEqual([]);
  });

  it('refuses an entry its schema refuses, and starts empty over a log that does not parse', async () => {
    await detectionLogItem.setValue([{ nonsense: true }] as never);
    expect(await readDetectionLog()).toEqual([]);
    const log = openDetectionLog();
    log.add({ ...entry('1'), crm: 'x'.repeat(41) });
    log.add(entry('2'));
    await expect.poll(async () => (await readDetectionLog()).map((e) => e.dealId)).toEqual(['2']);
  });
});
