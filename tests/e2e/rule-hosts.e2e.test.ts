import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SETTINGS_KEYS } from '../../src/settings/keys';
import { launchExtension, type Extension } from './harness';
import { recordPermissionRequests } from './permission-requests';

/**
 * Issue #12 item 4 for user rules: a rule names one CRM host. Saving a rule for every site or a
 * public suffix is refused (and nothing is asked of the browser); such a rule stored by an
 * earlier version stays in the list but is never registered, even with every site granted.
 */
let ext: Extension;
const SPECIFIC = 'https://crm.pipeline-pro.test/deals/*';

const rule = (name: string, urlPattern: string) => ({
  id: crypto.randomUUID(),
  name,
  urlPattern,
  stageSelector: '.deal-stage',
  lostButtonSelector: '',
  lostText: 'Lost',
  dealNameSelector: '',
  amountSelector: '',
  dealIdFrom: 'path',
  dealIdKey: '',
});

type Chrome = {
  storage: { local: { set(v: object): Promise<void> } };
  scripting: { getRegisteredContentScripts(): Promise<{ matches?: string[] }[]> };
};

beforeAll(async () => {
  // The worst case: every https site granted (as an earlier version could have been allowed).
  ext = await launchExtension({ grantedHosts: ['https://*/*'] });
});
afterAll(() => ext?.close());

describe('rules and their hosts', () => {
  it('never registers a wildcard rule stored earlier, and shows it needs a host', async () => {
    const rules = [rule('Everything', 'https://*/*'), rule('Dot com', 'https://*.com/*')];
    rules.push(rule('Pipeline Pro', SPECIFIC));
    await ext.inWorker(
      (stored) => (globalThis as unknown as { chrome: Chrome }).chrome.storage.local.set(stored),
      {
        [SETTINGS_KEYS.customRules]: rules,
      } as never,
    );
    // Positive control: the specific rule is registered, so the background has read the list.
    const registered = () =>
      ext.inWorker(async () =>
        (
          await (
            globalThis as unknown as { chrome: Chrome }
          ).chrome.scripting.getRegisteredContentScripts()
        ).flatMap((s) => s.matches ?? []),
      );
    await expect.poll(registered, { timeout: 10_000 }).toEqual([SPECIFIC]);

    const options = await ext.openPage('options.html#rules');
    const shown = options.getByTestId('rule');
    await expect.poll(() => shown.count()).toBe(3);
    const needsHost = options.getByTestId('rule-needs-host');
    expect(await needsHost.allTextContents()).toEqual([
      expect.stringMatching(/^Not running until you edit it to name one host\. .*not every site/),
      expect.stringMatching(
        /^Not running until you edit it to name one host\. \*\.com is every site/,
      ),
    ]);
    const specific = shown.filter({ hasText: 'Pipeline Pro' });
    expect(await specific.getByTestId('rule-needs-host').count()).toBe(0);
    // Nor is it tried on the open tabs: only the specific rule offers Test.
    expect(await specific.getByRole('button', { name: 'Test on open tabs' }).count()).toBe(1);
    expect(await options.getByRole('button', { name: 'Test on open tabs' }).count()).toBe(1);
    await options.close();
  });

  it('refuses to save a rule for every site or a public suffix, asking the browser nothing', async () => {
    const options = await ext.openPage('options.html#rules');
    const asked = await recordPermissionRequests(options);
    await options.getByRole('button', { name: 'Add a CRM rule' }).click();
    await options.getByLabel('CRM name').fill('Too broad');
    await options.getByLabel('Stage element (CSS selector)').fill('.deal-stage');
    for (const [pattern, why] of [
      ['https://*/*', 'not every site (*)'],
      ['https://*.co.uk/deals/*', '*.co.uk is every site ending in .co.uk'],
      ['http://crm.pipeline-pro.test/*', 'Rebound runs only on https pages'],
    ]) {
      await options.getByLabel('Deal page URL pattern').fill(pattern!);
      await options.getByRole('button', { name: 'Save rule' }).click();
      // The section's status line (the rules stored by the test above say it too).
      await options.getByRole('status').filter({ hasText: why! }).waitFor();
    }
    expect(await asked()).toEqual([]);
    // Positive control: a rule for one host is saved, asking for exactly that host.
    await options.getByLabel('Deal page URL pattern').fill('https://crm.example.com/deals/*');
    await options.getByRole('button', { name: 'Save rule' }).click();
    await expect.poll(asked).toEqual([{ origins: ['https://crm.example.com/deals/*'] }]);
    await options.close();
  });
});
