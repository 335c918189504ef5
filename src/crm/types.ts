import { z } from 'zod';

/** What the page shows about a deal. Every string here came from a CRM page: untrusted text. */
export const DealContextSchema = z.object({
  dealName: z.string().max(500),
  amount: z.number().finite().optional(),
  currency: z.string().max(10).optional(),
  company: z.string().max(500).optional(),
  pipeline: z.string().max(200).optional(),
  stage: z.string().max(200).optional(),
  owner: z.string().max(200).optional(),
});
export type DealContext = z.infer<typeof DealContextSchema>;

/** Where on a CRM a URL points. Only `deal` pages are watched for now. */
export type PageInfo = { kind: 'deal'; dealId: string } | { kind: 'board' } | { kind: 'list' };

/** What a CRM's own save request says about a deal's stage. */
export type StageSave = {
  dealId: string;
  /** The stage value as sent (an internal id such as `closedlost`, or a numeric custom id). */
  stageValue: string;
  /**
   * true/false when the value alone tells (a built-in stage id); undefined when only the label on
   * the page can tell, as with custom pipeline stages whose ids are numbers.
   */
  lost: boolean | undefined;
};

export type RequestBody =
  | { kind: 'json'; value: unknown }
  | { kind: 'form'; fields: Record<string, string[]> }
  | { kind: 'none' };

/** The CRM's own save requests: which URLs to watch, and how to read one. */
export type NetworkSpec = {
  /** Match patterns for webRequest filters (and the manifest's host permissions). */
  urls: string[];
  /** Pure: every deal stage the request saves (several for a batch), none for other requests. */
  parse(method: string, url: string, body: RequestBody): StageSave[];
};

/** A named selector: alternatives are tried in order, each for a known variant of the UI. */
export type NamedSelector = { name: string; css: string[] };

/**
 * A CRM adapter is data plus pure functions. It never decides when to prompt: that is the
 * detection layer's job (src/detection), the same for every CRM.
 */
export type CrmAdapter = {
  id: string;
  name: string;
  /** Manifest match patterns of the pages the content script runs on. */
  matches: string[];
  parsePage(url: URL): PageInfo | undefined;
  /** The element whose text is the deal's current stage; missing means "cannot watch here". */
  stageSelector: NamedSelector;
  /** Reads the deal as the page shows it now. */
  readDeal(root: Document): DealContext;
  network: NetworkSpec;
};
