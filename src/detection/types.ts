import type { DealContext } from '../lessons/deal';

/** Where on a CRM a URL points: a deal's record page, a board (Kanban) or a list of deals. */
export type PageInfo = { kind: 'deal'; dealId: string } | { kind: 'board' } | { kind: 'list' };

/** What a CRM's own save request says about a deal's stage. */
export type StageSave = {
  dealId: string;
  /** The stage or status as sent: an internal id (`closedlost`), a label, or an action name. */
  stageValue: string;
  /**
   * true/false when the request alone tells (a built-in stage id, a "lose" action, status
   * "lost"); undefined when only the label on the page can tell, as with custom stages.
   */
  lost: boolean | undefined;
  /**
   * Set when a 2xx answer to this request does not by itself mean the save was accepted: the
   * CRM answers 200 and says inside the answer (which webRequest cannot read) that it refused.
   * Salesforce's aura answers every action batch 200 with each action's own state; Classic's
   * edit form answers a validation error with 200 and the edit page shown again; a Dynamics
   * `$batch` answered 200 can hold a failed part; Zoho puts a refused record's
   * `status: error` inside a 200. Such a save confirms a loss only together
   * with a page that shows the deal lost after the save (the correlator's rule).
   */
  okStatusIsNotProof?: true;
};

export type RequestBody =
  | { kind: 'json'; value: unknown }
  | { kind: 'form'; fields: Record<string, string[]> }
  /** Any other text body, as sent: multipart/mixed (Dynamics `$batch`), plain text. */
  | { kind: 'text'; text: string }
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
 * A deal's outcome the page now shows, having shown it open before: lost (or a "mark lost"
 * action), or won (looked for only when the user opted in to the "what worked" capture).
 */
export type Observation = {
  dealId: string;
  outcome: 'lost' | 'won';
  stageBefore: string;
  stageAfter: string;
  deal: DealContext;
  /**
   * Reported before the save is sent (a form submit): only a save that comes after it can
   * confirm it, never an earlier save of the same deal.
   */
  beforeSave?: boolean;
  /**
   * Reported from what the user did (a confirm button, a form submit), not from the page
   * showing the saved state: it cannot confirm a save whose 2xx answer can hide a failure.
   */
  intent?: true;
};

/** What a detector is given on one page; everything it starts must stop when `signal` aborts. */
export type DetectorEnv = {
  root: Document;
  url: URL;
  page: PageInfo;
  signal: AbortSignal;
  /**
   * Until this time (ms since epoch) changes only set the baseline: right after an in-app
   * navigation the previous deal's page may still be on screen, and its replacement by the new
   * deal's is not a stage change.
   */
  baselineUntil: number;
  /** The user's lost labels (settings), so renamed and translated stages count. */
  isLost: (label: string | undefined) => boolean;
  /** Won labels, or never-matching when the user has not turned on the "what worked" capture. */
  isWon: (label: string | undefined) => boolean;
  report: (observation: Observation) => void;
  /**
   * How a detector waits to see a change stay (a card in a lost column, a stage the CRM may
   * still refuse): like `afterDelay`, and a re-arm for new settings waits until it has run
   * (src/detection/settling.ts), so the move is not dropped.
   */
  settle: (ms: number, signal: AbortSignal, fn: () => void) => void;
  /** Names an element this page should have but does not (undefined once it appears). */
  health: (missing: string | undefined) => void;
};

/** Watches one kind of page for losses. Built from the shared detectors in src/detection. */
export type Detector = (env: DetectorEnv) => void;

/**
 * A CRM adapter is data plus pure functions and the detectors that read its pages. It never
 * decides when to prompt: that is the correlator's job (src/detection/correlator.ts), the same
 * for every CRM.
 */
export type CrmAdapter = {
  id: string;
  name: string;
  /** Manifest match patterns of the pages the content script runs on. */
  matches: string[];
  parsePage(url: URL): PageInfo | undefined;
  detectors: Detector[];
  /**
   * The deal a record page shows, through the adapter's selectors: the context of a loss that
   * the save alone proved (the generic readers fill what it cannot read).
   */
  readDeal?: (root: Document) => DealContext;
  /**
   * How long a card must stay in a lost column before the board detector reports it: a save
   * sent from a board page (PageInfo kind 'board') waits this much longer for that report.
   */
  boardSettleMs?: number;
  /** Lost labels of its own (a user rule's "text that means lost") instead of the settings'. */
  lostLabels?: string[];
};
