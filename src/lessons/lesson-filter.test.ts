import { describe, expect, it } from 'vitest';
import {
  admittedReasons,
  createdRange,
  effectiveSort,
  EMPTY_FILTER,
  filterQuery,
  isFiltered,
  parseFilter,
  withoutChip,
} from './lesson-filter';
import { defaultTemplateSettings, resolveTemplate } from './template';
import { mergeReason } from './template-edit';

describe('the library filter in the URL', () => {
  it('reads every facet and writes the same view back to one canonical query', () => {
    const query =
      'sort=amount&crm=hubspot&crm=pipedrive&q=procurement&tag=q4&outcome=competitor' +
      '&reason=competitor.price-value&group=no-decision&control=yes&from=2026-01-01' +
      '&to=2026-03-31&min=1000&max=50000&plan=yes';
    const filter = parseFilter(query);
    expect(filter).toEqual({
      q: 'procurement',
      crm: ['hubspot', 'pipedrive'],
      outcome: ['competitor'],
      reason: ['competitor.price-value'],
      group: ['no-decision'],
      control: 'yes',
      from: '2026-01-01',
      to: '2026-03-31',
      min: 1000,
      max: 50000,
      tag: ['q4'],
      plan: 'yes',
      sort: 'amount',
    });
    const canonical = filterQuery(filter);
    expect(canonical.startsWith('q=procurement&crm=hubspot&crm=pipedrive&')).toBe(true);
    expect(parseFilter(canonical)).toEqual(filter);
  });

  it('drops a value that does not parse and keeps the rest of the view', () => {
    expect(parseFilter('crm=zoho&from=yesterday&min=lots&sort=random&plan=maybe')).toEqual({
      ...EMPTY_FILTER,
      crm: ['zoho'],
    });
  });

  it('keeps hostile search text as text, and an empty filter as an empty query', () => {
    const q = '<img src=x onerror=alert(1)> & =cmd|"x"';
    expect(parseFilter(filterQuery({ ...EMPTY_FILTER, q })).q).toBe(q);
    expect(filterQuery(EMPTY_FILTER)).toBe('');
    expect(isFiltered(EMPTY_FILTER)).toBe(false);
    expect(isFiltered({ ...EMPTY_FILTER, sort: 'oldest' })).toBe(false);
    expect(isFiltered({ ...EMPTY_FILTER, tag: ['q4'] })).toBe(true);
  });

  it('sorts by relevance while searching unless another sort was chosen', () => {
    expect(effectiveSort(EMPTY_FILTER)).toBe('newest');
    expect(effectiveSort({ ...EMPTY_FILTER, q: 'cfo' })).toBe('relevance');
    expect(effectiveSort({ ...EMPTY_FILTER, q: 'cfo', sort: 'oldest' })).toBe('oldest');
    expect(effectiveSort({ ...EMPTY_FILTER, sort: 'relevance' })).toBe('newest');
  });

  it('removes one chip at a time', () => {
    const filter = parseFilter('crm=hubspot&crm=zoho&plan=yes');
    expect(withoutChip(filter, 'crm', 'zoho').crm).toEqual(['hubspot']);
    expect(withoutChip(filter, 'plan').plan).toBeUndefined();
  });

  it('turns local days into a half-open range of stored instants', () => {
    const { from, to } = createdRange(parseFilter('from=2026-02-01&to=2026-02-28'));
    expect(from).toBe(new Date(2026, 1, 1).toISOString());
    expect(to).toBe(new Date(2026, 2, 1).toISOString());
  });
});

describe('admittedReasons', () => {
  const template = resolveTemplate(undefined);

  it('admits every lesson when no reason, group or control is chosen', () => {
    expect(admittedReasons(EMPTY_FILTER, template)).toBeUndefined();
  });

  it('admits a chosen reason or any reason of a chosen group', () => {
    const ids = admittedReasons(
      parseFilter('reason=competitor.price-value&group=bad-fit'),
      template,
    )!;
    expect(ids.sort()).toEqual([
      'bad-fit.no-need',
      'bad-fit.not-icp',
      'bad-fit.timing',
      'competitor.price-value',
    ]);
  });

  it('narrows to reasons within (or outside) my control', () => {
    const mine = admittedReasons(parseFilter('control=yes'), template)!;
    expect(mine).toContain('no-decision.no-access');
    expect(mine).not.toContain('competitor.price-value');
    const theirs = admittedReasons(parseFilter('group=bad-fit&control=no'), template)!;
    expect(theirs).toEqual(['bad-fit.timing']);
  });

  it('finds lessons written with a reason since merged into the chosen one', () => {
    const merged = resolveTemplate(
      mergeReason(defaultTemplateSettings(), 'no-decision.went-dark', 'no-decision.indecision'),
    );
    const ids = admittedReasons(parseFilter('reason=no-decision.indecision'), merged)!;
    expect(ids.sort()).toEqual(['no-decision.indecision', 'no-decision.went-dark']);
  });
});
