// First: gives `t()` its messages before anything that uses it is loaded.
import { loadWorkerMessages } from '../i18n/worker-messages';
import { readExportFile } from '../export/read-file';
import type { WorkerReply, WorkerRequest } from './parse-in-worker';

/**
 * Reads and checks an import file off the page's thread, so a large file never freezes the
 * options page: progress as records are checked, then the records (structured-cloned back).
 */
self.onmessage = async (event: MessageEvent<WorkerRequest>) => {
  const reply = (message: WorkerReply) => self.postMessage(message);
  try {
    await loadWorkerMessages(event.data.language);
    const text = await event.data.file.text();
    const result = readExportFile(text, (done, total) => reply({ type: 'progress', done, total }));
    reply({ type: 'done', result });
  } catch (error) {
    reply({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
};
