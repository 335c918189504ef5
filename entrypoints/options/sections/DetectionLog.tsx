import { useEffect, useState } from 'preact/hooks';
import { detectionLogItem, readDetectionLog } from '../../../src/background/detection-log';
import { readRecentDeals } from '../../../src/background/recent-deals';
import type { DetectionEntry } from '../../../src/detection/log';
import { t } from '../../../src/i18n/t';
import type { TabHealth } from '../../../src/messaging/messages';
import { sendToBackground } from '../../../src/messaging/transport';
import { DetectionLogView, exportDetectionLog } from '../../../src/ui/DetectionLogView';
import { StatusLine, type Status } from '../../../src/ui/StatusLine';

async function readHealth(): Promise<TabHealth[]> {
  const reply = await sendToBackground({ type: 'health/all' });
  return reply.ok ? reply.data : [];
}

/**
 * "Detection" (options.html#detection): the detection log, kept current by watching its
 * storage item (the background writes it as it decides), with each CRM's tab health.
 */
export function DetectionLog() {
  const [log, setLog] = useState<DetectionEntry[]>();
  const [health, setHealth] = useState<TabHealth[]>([]);
  const [dealNames, setDealNames] = useState<Map<string, string>>();
  const [status, setStatus] = useState<Status>();

  useEffect(() => {
    const refresh = () => {
      void readDetectionLog().then(setLog);
      void readHealth().then(setHealth);
      void readRecentDeals().then((deals) =>
        setDealNames(new Map(deals.map((d) => [`${d.crm}:${d.dealId}`, d.dealName]))),
      );
    };
    refresh();
    return detectionLogItem.watch(refresh);
  }, []);

  const clear = async () => {
    const reply = await sendToBackground({ type: 'detection-log/clear' });
    setStatus(
      reply.ok
        ? { error: false, text: t('log_cleared') }
        : { error: true, text: t('log_clear_failed', reply.error) },
    );
  };

  return (
    <section aria-labelledby="detection-title" style={{ display: 'grid', gap: '10px' }}>
      <h2 id="detection-title">{t('log_title')}</h2>
      <p class="muted" style={{ margin: 0 }}>
        {t('log_intro')}
      </p>
      {log && (
        <DetectionLogView
          log={log}
          health={health}
          dealNames={dealNames}
          now={Date.now()}
          onExport={() => {
            exportDetectionLog(log);
            setStatus({ error: false, text: t('log_exported') });
          }}
          onClear={clear}
        />
      )}
      <StatusLine status={status} block />
    </section>
  );
}
