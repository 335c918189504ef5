import { z } from 'zod';
import { browser } from 'wxt/browser';
import type { ReadFile } from '../export/read-file';

export type WorkerRequest = { file: File; language: string };

/**
 * What the import worker sends back. Its records were checked by the lesson schemas in the
 * worker; this checks the reply's own shape, so a broken worker is an error, not a crash.
 */
const WorkerReplySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('progress'), done: z.number(), total: z.number() }),
  z.object({
    type: z.literal('done'),
    result: z.custom<ReadFile>((value) => typeof value === 'object' && value !== null),
  }),
  z.object({ type: z.literal('failed'), message: z.string() }),
]);
export type WorkerReply = z.infer<typeof WorkerReplySchema>;

/** Reads an import file in a Web Worker; `signal` stops it (the promise rejects with its reason). */
export type ParseFile = (
  file: File,
  onProgress: (done: number, total: number) => void,
  signal: AbortSignal,
) => Promise<ReadFile>;

export const parseInWorker: ParseFile = (file, onProgress, signal) =>
  new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
    const stop = (error: unknown) => {
      worker.terminate();
      reject(error);
    };
    signal.addEventListener('abort', () => stop(signal.reason), { once: true });
    worker.onerror = (event) => stop(new Error(event.message));
    worker.onmessage = (event: MessageEvent<unknown>) => {
      const reply = WorkerReplySchema.safeParse(event.data);
      if (!reply.success) return stop(new Error(reply.error.message));
      if (reply.data.type === 'progress') return onProgress(reply.data.done, reply.data.total);
      worker.terminate();
      if (reply.data.type === 'done') resolve(reply.data.result);
      else reject(new Error(reply.data.message));
    };
    const request: WorkerRequest = { file, language: browser.i18n.getUILanguage() };
    worker.postMessage(request);
  });
