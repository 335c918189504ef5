import Dexie, { type EntityTable } from 'dexie';
import type { Lesson } from '../lessons/schema';

/** One prompt shown for one deal's loss; it stops the same loss from prompting twice. */
export type PromptRecord = {
  /** `${crm}:${dealId}` */
  key: string;
  lossId: string;
  crm: string;
  dealId: string;
  createdAt: string;
  status: 'open' | 'later' | 'saved';
};

/**
 * Rebound's IndexedDB, in the extension's origin. Only the background, popup and options pages
 * open it: a content script opening it would create a database in the CRM's origin instead.
 *
 * Versions are append-only: a later version adds `this.version(2)…` below with its upgrade,
 * and keeps this declaration.
 */
export class ReboundDatabase extends Dexie {
  lessons!: EntityTable<Lesson, 'id'>;
  prompts!: EntityTable<PromptRecord, 'key'>;

  constructor(name = 'rebound') {
    super(name);
    this.version(1).stores({
      lessons: 'id, createdAt, [crm+dealId]',
      prompts: 'key, createdAt, lossId',
    });
  }
}

let instance: ReboundDatabase | undefined;

/** The shared database, opened on first use. */
export function database(): ReboundDatabase {
  return (instance ??= new ReboundDatabase());
}
