import { MatchPattern } from 'wxt/utils/match-patterns';
import { dynamics } from './dynamics';
import { hubspot } from './hubspot';
import { pipedrive } from './pipedrive';
import { salesforce } from './salesforce';
import type { CrmAdapter } from './types';
import { zoho } from './zoho';

/** Every CRM Rebound knows. Adding a CRM means adding its adapter here, nothing else. */
export const adapters: readonly CrmAdapter[] = [hubspot, salesforce, pipedrive, dynamics, zoho];

export function adapterById(id: string): CrmAdapter | undefined {
  return adapters.find((a) => a.id === id);
}

/** The adapter whose content-script matches include this URL (any page of that CRM). */
export function adapterForUrl(url: URL): CrmAdapter | undefined {
  return adapters.find((a) => a.matches.some((p) => new MatchPattern(p).includes(url)));
}

export function contentScriptMatches(): string[] {
  return adapters.flatMap((a) => a.matches);
}

/** Pages for the content script plus the API hosts whose save requests confirm a loss. */
export function adapterHostPermissions(): string[] {
  const patterns = adapters.flatMap((a) => [...a.matches, ...(a.network?.urls ?? [])]);
  return [...new Set(patterns.map((p) => p.replace(/^(https:\/\/[^/]+)\/.*$/, '$1/*')))];
}
