import { MatchPattern } from 'wxt/utils/match-patterns';
import { describe, expect, it } from 'vitest';
import { DYNAMICS_MATCHES, normaliseGuid, parseDynamicsPage } from './pages';

const GUID = '7d9f3c2a-4b1e-4f0a-9c8d-2e6b5a4f3d21';
const APP = 'appid=0c1e4a5b-7d2f-4e8a-b3c6-9f1d2e3a4b5c';

const parse = (href: string) => parseDynamicsPage(new URL(href));

describe('parseDynamicsPage: opportunity pages', () => {
  it.each([
    // The form as Unified Interface links it.
    [
      `https://contoso.crm4.dynamics.com/main.aspx?${APP}&pagetype=entityrecord&etn=opportunity&id=${GUID}`,
    ],
    // North America and other regions.
    [
      `https://contoso.crm.dynamics.com/main.aspx?${APP}&pagetype=entityrecord&etn=opportunity&id=${GUID}`,
    ],
    [
      `https://contoso-dev.crm11.dynamics.com/main.aspx?pagetype=entityrecord&etn=opportunity&id=${GUID}`,
    ],
    // Id in braces, in URL-encoded braces, upper case: all the same record.
    [
      `https://contoso.crm4.dynamics.com/main.aspx?${APP}&pagetype=entityrecord&etn=opportunity&id={${GUID}}`,
    ],
    [
      `https://contoso.crm4.dynamics.com/main.aspx?${APP}&pagetype=entityrecord&etn=opportunity&id=%7B${GUID.toUpperCase()}%7D`,
    ],
    [
      `https://contoso.crm4.dynamics.com/main.aspx?${APP}&pagetype=entityrecord&etn=opportunity&id=%7b${GUID}%7d`,
    ],
    // Parameters in another order, with a form id; the old object type code link.
    [
      `https://contoso.crm4.dynamics.com/main.aspx?etn=opportunity&id=${GUID}&pagetype=entityrecord&formid=1&${APP}`,
    ],
    [`https://contoso.crm4.dynamics.com/main.aspx?etc=3&id=%7b${GUID}%7d&pagetype=entityrecord`],
  ])('%s is the opportunity form', (href) => {
    expect(parse(href)).toEqual({ kind: 'deal', dealId: GUID });
  });

  it('a view of opportunities is a list', () => {
    expect(
      parse(
        `https://contoso.crm4.dynamics.com/main.aspx?${APP}&pagetype=entitylist&etn=opportunity&viewid=x`,
      ),
    ).toEqual({ kind: 'list' });
  });
});

describe('parseDynamicsPage: not an opportunity page', () => {
  const record = (host: string, etn = 'opportunity', id = GUID) =>
    `https://${host}/main.aspx?${APP}&pagetype=entityrecord&etn=${etn}&id=${id}`;

  it.each([
    ['an account', record('contoso.crm4.dynamics.com', 'account')],
    ['a lead', record('contoso.crm4.dynamics.com', 'lead')],
    ['a contact', record('contoso.crm4.dynamics.com', 'contact')],
    [
      'a list of accounts',
      `https://contoso.crm4.dynamics.com/main.aspx?pagetype=entitylist&etn=account`,
    ],
    [
      'another object type code',
      `https://contoso.crm4.dynamics.com/main.aspx?etc=1&id=${GUID}&pagetype=entityrecord`,
    ],
    [
      'a new, unsaved opportunity',
      `https://contoso.crm4.dynamics.com/main.aspx?${APP}&pagetype=entityrecord&etn=opportunity`,
    ],
    ['an id that is not a GUID', record('contoso.crm4.dynamics.com', 'opportunity', '12345')],
    [
      'a dashboard',
      `https://contoso.crm4.dynamics.com/main.aspx?${APP}&pagetype=dashboard&id=${GUID}`,
    ],
    ['another path', `https://contoso.crm4.dynamics.com/api/data/v9.2/opportunities(${GUID})`],
    ['the bare dynamics.com', record('dynamics.com')],
    ['crm.dynamics.com itself', record('crm.dynamics.com')],
    ['a look-alike host', record('crm.dynamics.com.evil.com')],
    ['an org look-alike', record('contoso.crm4.dynamics.com.evil.com')],
    ['two labels before the region', record('a.contoso.crm4.dynamics.com')],
    ['Power Apps', record('make.powerapps.com')],
    ['a Power Apps portal', record('contoso.powerappsportals.com')],
    ['Dynamics Finance & Operations', record('contoso.operations.dynamics.com')],
    ['plain http', record('contoso.crm4.dynamics.com').replace('https:', 'http:')],
  ])('%s', (_what, href) => {
    expect(parse(href)).toBeUndefined();
  });
});

describe('normaliseGuid', () => {
  it.each([
    [GUID, GUID],
    [`{${GUID}}`, GUID],
    [`%7B${GUID.toUpperCase()}%7D`, GUID],
    [` ${GUID.toUpperCase()} `, GUID],
  ])('%s → %s', (raw, expected) => expect(normaliseGuid(raw)).toBe(expected));

  it.each([[''], [undefined], [null], ['not-a-guid'], [`${GUID}0`], [`{{${GUID}}}`]])(
    'rejects %s',
    (raw) => expect(normaliseGuid(raw)).toBeUndefined(),
  );
});

describe('manifest match patterns', () => {
  const matches = (href: string) =>
    DYNAMICS_MATCHES.some((p) => new MatchPattern(p).includes(new URL(href)));

  it('cover every region host', () => {
    for (const region of ['crm', 'crm2', 'crm4', 'crm9', 'crm11', 'crm21']) {
      expect(matches(`https://contoso.${region}.dynamics.com/main.aspx`)).toBe(true);
    }
  });

  it('do not cover other Dynamics or Microsoft hosts', () => {
    for (const href of [
      'https://dynamics.com/',
      'https://www.dynamics.com/',
      'https://contoso.operations.dynamics.com/',
      'https://businesscentral.dynamics.com/',
      'https://make.powerapps.com/',
      'https://crm.dynamics.com.evil.com/',
    ]) {
      expect(matches(href)).toBe(false);
    }
  });
});
