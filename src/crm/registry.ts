import { dynamics } from './dynamics';
import { hubspot } from './hubspot';
import { pipedrive } from './pipedrive';
import { salesforce } from './salesforce';
import { networks } from './networks';
import type { CrmAdapter } from '../detection/types';
import { zoho } from './zoho';

/**
 * Every CRM Rebound knows. Adding a CRM means adding its adapter here and its content script,
 * entrypoints/<id>.content.ts (a copy of another's: one per CRM keeps each tab to its adapter).
 */
export const adapters: readonly CrmAdapter[] = [hubspot, salesforce, pipedrive, dynamics, zoho];

export function adapterById(id: string): CrmAdapter | undefined {
  return adapters.find((a) => a.id === id);
}

/** Pages for the content script plus the API hosts whose save requests confirm a loss. */
export function adapterHostPermissions(): string[] {
  const patterns = adapters.flatMap((a) => [...a.matches, ...(networks[a.id]?.urls ?? [])]);
  return [...new Set(patterns.map((p) => p.replace(/^(https:\/\/[^/]+)\/.*$/, '$1/*')))];
}
