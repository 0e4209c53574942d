import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { ImportOrganisationsView } from './ImportOrganisationsView';
import { Harness, TEST_VIEWER, mockClient, type Handler } from '../../test/mockClient';

const TEAM = { ...TEST_VIEWER, id: 'team-1', name: 'Priya Raman', roles: ['PROGRAMME_TEAM' as const] };

const LINE = { line: 2, name: 'Lakeside Practice', sector: 'PRIMARY_CARE', nhsMember: true, nhsMemberSince: '2024-04-01', action: 'CREATE' };
const UPDATE = { line: 3, name: 'Riverside NHS Trust', sector: 'NHS_TRUST', nhsMember: false, nhsMemberSince: null, action: 'UPDATE' };

function outcome(dryRun: boolean, errors: { line: number; message: string }[] = []) {
  const ok = errors.length === 0;
  return {
    data: {
      importOrganisations: {
        created: ok ? 1 : 0,
        updated: ok ? 1 : 0,
        unchanged: 0,
        saved: ok && !dryRun,
        errors,
        lines: [LINE, UPDATE],
      },
    },
  };
}

function renderPage(handler: Handler) {
  const mock = mockClient({ ImportOrganisations: handler });
  render(
    <Harness client={mock.client} path="/admin/organisations/import" route="/admin/organisations/import" viewer={TEAM}>
      <ImportOrganisationsView />
    </Harness>,
  );
  return mock;
}

const paste = (text: string) => fireEvent.change(screen.getByLabelText('Or paste the CSV text'), { target: { value: text } });

describe('ImportOrganisationsView', () => {
  it('asks for text before checking anything', async () => {
    const mock = renderPage(() => outcome(true));
    fireEvent.click(screen.getByRole('button', { name: 'Check the file' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Paste the CSV text or choose a CSV file');
    expect(mock.calls).toHaveLength(0);
  });

  it('lists every wrong line in the error summary and offers no import', async () => {
    renderPage(({ input }) => outcome(true, (input as { dryRun: boolean }).dryRun ? [{ line: 4, message: '"PHARMA" is not a sector' }] : []));
    paste('name,sector,nhsMember\n');
    fireEvent.click(screen.getByRole('button', { name: 'Check the file' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Line 4: "PHARMA" is not a sector');
    expect(screen.getByRole('heading', { level: 2, name: 'The file has problems' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Import/ })).toBeNull();
  });

  it('previews by dry run, then imports the same text on confirming', async () => {
    const csv = 'name,sector,nhsMember,nhsMemberSince\nLakeside Practice,PRIMARY_CARE,yes,2024-04-01\nRiverside NHS Trust,NHS_TRUST,no\n';
    const mock = renderPage(({ input }) => outcome((input as { dryRun: boolean }).dryRun));
    paste(csv);
    fireEvent.click(screen.getByRole('button', { name: 'Check the file' }));
    const table = await screen.findByRole('table', { name: 'Organisations in the file' });
    const lakeside = within(table).getAllByRole('row').find((r) => r.textContent?.includes('Lakeside Practice'))!;
    expect(lakeside.textContent).toContain('New');
    expect(lakeside.textContent).toContain('since 1 April 2024');
    expect(screen.getByText('1 new organisation, 1 update, 0 lines with no change.')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Import 2 organisations' }));
    expect((await screen.findByRole('status')).textContent).toContain('1 organisation added, 1 organisation updated.');
    expect(mock.calls.map((c) => c.variables)).toEqual([{ input: { csv, dryRun: true } }, { input: { csv, dryRun: false } }]);
  });

  it('forgets the preview when the text changes', async () => {
    renderPage(() => outcome(true));
    paste('name,sector,nhsMember\nA,NHS_TRUST,yes\n');
    fireEvent.click(screen.getByRole('button', { name: 'Check the file' }));
    await screen.findByRole('table', { name: 'Organisations in the file' });
    paste('name,sector,nhsMember\nB,NHS_TRUST,yes\n');
    expect(screen.queryByRole('table', { name: 'Organisations in the file' })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Import/ })).toBeNull();
  });
});
