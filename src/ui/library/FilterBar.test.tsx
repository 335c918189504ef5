import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { filterQuery, parseFilter, type LessonFilter } from '../../lessons/lesson-filter';
import { resolveTemplate } from '../../lessons/template';
import { FilterBar } from './FilterBar';

afterEach(cleanup);

/** The bar with its filter held as the library holds it: in a URL query, shown for the test. */
function Harness({ start }: { start: string }) {
  const [filter, setFilter] = useState<LessonFilter>(parseFilter(start));
  return (
    <>
      <FilterBar
        filter={filter}
        onChange={setFilter}
        template={resolveTemplate(undefined)}
        crms={['hubspot', 'pipedrive']}
        tags={['enterprise', 'q4']}
      />
      <output data-testid="query">{filterQuery(filter)}</output>
    </>
  );
}
const query = () => screen.getByTestId('query').textContent;

describe('FilterBar', () => {
  it('adds each chosen filter to the query and shows it as a chip', () => {
    render(<Harness start="" />);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Pipedrive' }));
    fireEvent.change(screen.getByLabelText('Reason'), { target: { value: 'group:bad-fit' } });
    fireEvent.change(screen.getByLabelText('Within my control'), { target: { value: 'no' } });
    fireEvent.change(screen.getByLabelText('Amount at least'), { target: { value: '5000' } });
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-03-01' } });
    const tag = screen.getByLabelText('Tag');
    fireEvent.input(tag, { target: { value: '  Q4   push ' } });
    fireEvent.keyDown(tag, { key: 'Enter' });
    expect(query()).toBe(
      'crm=pipedrive&group=bad-fit&tag=Q4+push&control=no&from=2026-03-01&min=5000',
    );
    const chips = screen.getByRole('list', { name: 'Active filters' });
    expect([...chips.querySelectorAll('.chip span')].map((c) => c.textContent)).toEqual([
      'CRM: Pipedrive',
      'Reasons: Bad fit',
      'Tag: Q4 push',
      'Outside my control',
      expect.stringMatching(/^From .*2026/),
      expect.stringMatching(/^Amount ≥ 5,000$/),
    ]);
  });

  it('removes one chip, or every filter but the search and sort', () => {
    render(<Harness start="q=cfo&crm=hubspot&tag=q4&plan=yes&sort=oldest" />);
    fireEvent.click(screen.getByRole('button', { name: 'Remove filter: Tag: q4' }));
    expect(query()).toBe('q=cfo&crm=hubspot&plan=yes&sort=oldest');
    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(query()).toBe('q=cfo&sort=oldest');
    expect(screen.queryByRole('list', { name: 'Active filters' })).toBeNull();
  });
});
