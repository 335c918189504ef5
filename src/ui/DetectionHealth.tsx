import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { adapterById } from '../crm/registry';
import type { Health } from '../messaging/messages';
import { sendToBackground } from '../messaging/transport';
import { t } from '../i18n/t';

/**
 * Says when Rebound cannot watch the CRM page in the current tab ("Salesforce: stage field not
 * found on this page"), instead of failing silently.
 */
export function DetectionHealth() {
  const [health, setHealth] = useState<Health>();
  useEffect(() => {
    void (async () => {
      const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
      if (tab?.id === undefined) return;
      const reply = await sendToBackground({ type: 'health/get', tabId: tab.id });
      if (reply.ok) setHealth(reply.data);
    })();
  }, []);
  if (!health?.missing) return null;
  const crm = adapterById(health.crm)?.name ?? health.crm;
  return (
    <p class="card status error" role="status" data-testid="detection-health">
      {t('health_missing', [crm, health.missing])} <DetectionLogLink />
    </p>
  );
}

/**
 * Opens the options page at its detection log. A new tab with the hash: openOptionsPage()
 * takes no fragment.
 */
export function DetectionLogLink() {
  const url = browser.runtime.getURL('/options.html#detection');
  return (
    <a
      href={url}
      onClick={(event) => {
        event.preventDefault();
        void browser.tabs.create({ url });
      }}
    >
      {t('health_see_log')}
    </a>
  );
}
