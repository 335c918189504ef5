import { describe, expect, it } from 'vitest';
import { parseHubSpotPage } from './pages';

const parse = (href: string) => parseHubSpotPage(new URL(href));

describe('parseHubSpotPage', () => {
  it.each([
    ['https://app.hubspot.com/contacts/123456/record/0-3/987654', '987654'],
    ['https://app-eu1.hubspot.com/contacts/123456/record/0-3/987654', '987654'],
    ['https://app.hubspot.com/contacts/123456/record/0-3/987654/', '987654'],
    ['https://app.hubspot.com/contacts/123456/record/0-3/987654?interaction=note', '987654'],
    ['https://app.hubspot.com/contacts/123456/record/0-3/987654#activity', '987654'],
    ['https://app.hubspot.com/contacts/123456/record/0-3/987654/view/2', '987654'],
    ['https://APP.HubSpot.com/contacts/123456/record/0-3/987654', '987654'],
    ['https://app.hubspot.com/contacts/123456/deal/42', '42'],
    ['https://app-eu1.hubspot.com/contacts/123456/deal/42/', '42'],
  ])('%s is the deal page of deal %s', (href, dealId) => {
    expect(parse(href)).toEqual({ kind: 'deal', dealId });
  });

  it.each([
    ['https://app.hubspot.com/contacts/123456/objects/0-3/views/all/board', 'board'],
    ['https://app-eu1.hubspot.com/contacts/123456/objects/0-3/views/7788/board', 'board'],
    ['https://app.hubspot.com/contacts/123456/objects/0-3/views/all/list', 'list'],
    ['https://app.hubspot.com/contacts/123456/objects/0-3/views/all/list?query=acme', 'list'],
    ['https://app.hubspot.com/contacts/123456/objects/0-3/views/4815162/board', 'board'],
    ['https://app.hubspot.com/contacts/123456/deals/board/view/all/', 'board'],
    ['https://app-eu1.hubspot.com/contacts/123456/deals/board/view/all', 'board'],
    ['https://app.hubspot.com/contacts/123456/deals/board/view/9876/', 'board'],
    ['https://app.hubspot.com/contacts/123456/deals/list/view/all/', 'list'],
    // The table view as saved views name it, with the preview panel of a deal open.
    ['https://app.hubspot.com/contacts/123456/objects/0-3/views/4815162/list', 'list'],
    ['https://app-eu1.hubspot.com/contacts/123456/objects/0-3/views/4815162/list/', 'list'],
    ['https://app.hubspot.com/contacts/123456/objects/0-3/views/all/list?preview=0-3-42', 'list'],
    ['https://app.hubspot.com/contacts/123456/deals/list/view/4815162', 'list'],
  ])('%s is the deals %s view', (href, kind) => {
    expect(parse(href)).toEqual({ kind });
  });

  it.each([
    // Other record types under the same URL scheme.
    ['contact record', 'https://app.hubspot.com/contacts/123456/record/0-1/987654'],
    ['company record', 'https://app.hubspot.com/contacts/123456/record/0-2/987654'],
    ['ticket record', 'https://app.hubspot.com/contacts/123456/record/0-5/987654'],
    ['contacts list', 'https://app.hubspot.com/contacts/123456/objects/0-1/views/all/list'],
    ['legacy company page', 'https://app.hubspot.com/contacts/123456/company/42'],
    ['contacts board', 'https://app.hubspot.com/contacts/123456/objects/0-1/views/all/board'],
    ['tickets board', 'https://app.hubspot.com/contacts/123456/objects/0-5/views/all/board'],
    ['older companies board', 'https://app.hubspot.com/contacts/123456/companies/board/view/all/'],
    ['companies table', 'https://app.hubspot.com/contacts/123456/objects/0-2/views/4815162/list'],
    ['older contacts table', 'https://app.hubspot.com/contacts/123456/contacts/list/view/all/'],
    ['older deals table, no view', 'https://app.hubspot.com/contacts/123456/deals/list'],
    ['older deals table, no portal', 'https://app.hubspot.com/contacts/deals/list/view/all/'],
    ['older deals index, no view', 'https://app.hubspot.com/contacts/123456/deals/board'],
    [
      'older deals, other section',
      'https://app.hubspot.com/contacts/123456/deals/settings/view/all',
    ],
    ['older deals board, no portal', 'https://app.hubspot.com/contacts/deals/board/view/all/'],
    // Deal URLs without a usable id.
    ['non-numeric deal id', 'https://app.hubspot.com/contacts/123456/record/0-3/abc'],
    ['partly numeric deal id', 'https://app.hubspot.com/contacts/123456/record/0-3/12ab'],
    ['missing deal id', 'https://app.hubspot.com/contacts/123456/record/0-3'],
    ['missing deal id, trailing slash', 'https://app.hubspot.com/contacts/123456/record/0-3/'],
    ['non-numeric legacy deal id', 'https://app.hubspot.com/contacts/123456/deal/new'],
    ['missing legacy deal id', 'https://app.hubspot.com/contacts/123456/deal'],
    // Portal missing or malformed.
    ['no portal', 'https://app.hubspot.com/contacts/record/0-3/987654'],
    ['non-numeric portal', 'https://app.hubspot.com/contacts/acme/record/0-3/987654'],
    ['not under /contacts/', 'https://app.hubspot.com/sales/123456/record/0-3/987654'],
    ['app root', 'https://app.hubspot.com/'],
    // Not HubSpot's app over https.
    ['http', 'http://app.hubspot.com/contacts/123456/record/0-3/987654'],
    ['bare domain', 'https://hubspot.com/contacts/123456/record/0-3/987654'],
    ['www', 'https://www.hubspot.com/contacts/123456/record/0-3/987654'],
    ['API host', 'https://api.hubspot.com/contacts/123456/record/0-3/987654'],
    ['lookalike suffix', 'https://app.hubspot.com.evil.com/contacts/123456/record/0-3/987654'],
    ['lookalike prefix', 'https://evilapp.hubspot.com/contacts/123456/record/0-3/987654'],
    ['host in the path', 'https://evil.com/app.hubspot.com/contacts/123456/record/0-3/987654'],
    ['host as user info', 'https://app.hubspot.com@evil.com/contacts/123456/record/0-3/987654'],
    ['host in the query', 'https://evil.com/?next=https://app.hubspot.com/contacts/1/record/0-3/2'],
  ])('%s is not a watched page: %s', (_what, href) => {
    expect(parse(href)).toBeUndefined();
  });
});
