/*
 * What the sandbox CRMs answer, as pure functions of a request: the same sandbox for both
 * browser drivers (Playwright's routes in Chromium, Puppeteer's request interception in
 * Firefox), each of which only hands the request in and the reply back.
 */

export type SaveRequest = { method: string; url: string; body: unknown };

export type SandboxCrm = {
  /** Every save request the page sent, in order. */
  saves: SaveRequest[];
  /** The HTTP status the sandbox answers saves with (200 unless a test says otherwise). */
  saveStatus: number;
};

/** A request as a driver hands it in; `postData` undefined when the driver cannot read it. */
export type SandboxRequest = { method: string; url: string; postData?: string };

export type SandboxReply = { status: number; contentType?: string; body: string };

/** Reads a sandbox page by its path under tests/fixtures/ (the harness's, stripped or not). */
export type FixtureReader = (path: string) => string;

export function newSandbox(): SandboxCrm {
  return { saves: [], saveStatus: 200 };
}

/**
 * Records a sandbox CRM's save request and answers it with the sandbox's status; `answer` is the
 * JSON the CRM would send back (given whether the save succeeded, and the request's JSON body).
 */
export function replyToSave(
  sandbox: SandboxCrm,
  request: SandboxRequest,
  answer: (ok: boolean, body: unknown) => unknown,
): SandboxReply {
  const body: unknown = request.postData ? JSON.parse(request.postData) : undefined;
  sandbox.saves.push({ method: request.method, url: request.url, body });
  const ok = sandbox.saveStatus >= 200 && sandbox.saveStatus < 300;
  return {
    status: sandbox.saveStatus,
    contentType: 'application/json',
    body: JSON.stringify(answer(ok, body)),
  };
}

const html = (body: string): SandboxReply => ({ status: 200, contentType: 'text/html', body });
const NOT_IN_THE_SANDBOX: SandboxReply = { status: 404, body: 'Not in the sandbox' };

/**
 * The sandbox HubSpot at HubSpot's real hosts: record pages, the deals board and table from the
 * fixtures, and the app's API answering saves with `saveStatus`.
 */
export function hubspotReply(
  sandbox: SandboxCrm,
  request: SandboxRequest,
  fixture: FixtureReader,
): SandboxReply {
  const url = new URL(request.url);
  if (url.pathname.startsWith('/api/')) {
    return replyToSave(sandbox, request, (ok) =>
      ok ? { objectId: 1 } : { status: 'error', message: 'Sandbox refused the save' },
    );
  }
  if (url.pathname.startsWith('/contacts/')) {
    const index = /\/(?:views\/[^/]+|deals)\/(board|list)(?:\/|$)/.exec(url.pathname)?.[1];
    return html(
      fixture(
        index === 'board'
          ? 'hubspot/deals-board.html'
          : index === 'list'
            ? 'hubspot/deals-list.html'
            : 'hubspot/deal-record.html',
      ),
    );
  }
  return NOT_IN_THE_SANDBOX;
}

/**
 * The sandbox Pipedrive at its real company hosts: deal pages (`/deal/{id}`) and the pipeline
 * board (`/pipeline/…`) from the fixtures, and the app's API (`/api/v1/…`, `/api/v2/…`)
 * answering every save with `saveStatus`.
 */
export function pipedriveReply(
  sandbox: SandboxCrm,
  request: SandboxRequest,
  fixture: FixtureReader,
): SandboxReply {
  const url = new URL(request.url);
  if (url.pathname.startsWith('/api/')) {
    const id = Number(/\/deals\/(\d+)/.exec(url.pathname)?.[1]);
    return replyToSave(sandbox, request, (ok, body) =>
      ok
        ? { success: true, data: { id, ...(body as object | undefined) } }
        : { success: false, error: 'Sandbox refused the save', errorCode: sandbox.saveStatus },
    );
  }
  if (/^\/deal\/\d+$/.test(url.pathname)) return html(fixture('pipedrive/deal.html'));
  if (/^\/pipeline(\/|$)/.test(url.pathname)) return html(fixture('pipedrive/pipeline.html'));
  return NOT_IN_THE_SANDBOX;
}
