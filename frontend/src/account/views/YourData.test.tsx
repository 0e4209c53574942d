import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { CombinedError } from '@urql/core';
import { YourDataView } from './YourDataView';
import { AccountDeletedView, DeleteAccountView } from './DeleteAccountView';
import { Harness, mockClient, validationError } from '../../test/mockClient';

const EXPORT = {
  exportedAt: '2026-11-26T10:15:00Z',
  json: '{"person":{"name":"Ada Lovelace"}}',
  tables: [
    { name: 'person', rows: 1, csv: 'name,email\nAda Lovelace,ada@example.nhs.uk\n' },
    { name: 'community_members', rows: 2, csv: 'community,role\nA,MEMBER\nB,CONVENER\n' },
  ],
};

const KEPT = [
  { what: 'Applications you led or co-led that were submitted', count: 1, reason: "They are part of the call's record of who applied and what was decided" },
  { what: 'Reviews and scores you wrote', count: 3, reason: 'The selection must stay explainable to applicants and auditors' },
];

/** Captures what the page saves as a file. */
function captureDownloads() {
  const blobs: Blob[] = [];
  vi.stubGlobal(
    'URL',
    Object.assign(URL, {
      createObjectURL: vi.fn((b: Blob) => {
        blobs.push(b);
        return `blob:${blobs.length}`;
      }),
      revokeObjectURL: vi.fn(),
    }),
  );
  const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
  const names = () => click.mock.instances.map((a) => (a as unknown as HTMLAnchorElement).download);
  return { blobs, names };
}

function readBlob(blob: Blob): Promise<string> {
  return new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.readAsText(blob);
  });
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('YourDataView', () => {
  it('exports everything held about the person: the JSON and each table’s CSV, with row counts', async () => {
    const downloads = captureDownloads();
    const mock = mockClient({ ExportMyData: () => ({ data: { exportMyData: EXPORT } }) });
    render(
      <Harness client={mock.client} path="/account/data" route="/account/data">
        <YourDataView />
      </Harness>,
    );
    expect(screen.getByRole('heading', { level: 1, name: 'Your data' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Delete your account' }).getAttribute('href')).toBe('/account/delete');
    fireEvent.click(screen.getByRole('button', { name: 'Prepare my data' }));
    expect((await screen.findByRole('status')).textContent).toBe('Your data as it was at 26 November 2026 at 10:15am is ready.');
    expect(mock.calls.map((c) => c.name)).toEqual(['ExportMyData']);

    const table = screen.getByRole('table', { name: 'Each kind of record as a spreadsheet' });
    const rows = within(table).getAllByRole('row').slice(1).map((r) => Array.from(r.children).slice(0, 2).map((c) => c.textContent));
    expect(rows).toEqual([
      ['person', '1'],
      ['community_members', '2'],
    ]);

    fireEvent.click(screen.getByRole('button', { name: 'Download everything (JSON)' }));
    fireEvent.click(within(table).getByRole('button', { name: /^Download CSV\s*of community_members$/ }));
    expect(downloads.names()).toEqual(['convene-my-data-2026-11-26.json', 'convene-community-members-2026-11-26.csv']);
    expect(await readBlob(downloads.blobs[0]!)).toBe(EXPORT.json);
    expect(downloads.blobs[0]!.type).toBe('application/json');
    expect(await readBlob(downloads.blobs[1]!)).toBe(EXPORT.tables[1]!.csv);
    expect(downloads.blobs[1]!.type).toBe('text/csv');
  });

  it('shows a problem with the export in the error summary', async () => {
    const mock = mockClient({ ExportMyData: () => ({ error: validationError([]) }) });
    render(
      <Harness client={mock.client} path="/account/data" route="/account/data">
        <YourDataView />
      </Harness>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Prepare my data' }));
    expect(within(await screen.findByRole('alert')).getByText('There is a problem')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Prepare my data' })).toBeTruthy();
  });
});

describe('DeleteAccountView', () => {
  function renderDelete(handler: Parameters<typeof mockClient>[0]['DeleteMyAccount']) {
    localStorage.setItem('convene.accessToken', 'access');
    localStorage.setItem('convene.refreshToken', 'refresh');
    const mock = mockClient({ DeleteMyAccount: handler });
    render(
      <Harness client={mock.client} path="/account/delete" route="/account/delete" extraRoutes={{ '/account/deleted': <AccountDeletedView /> }}>
        <DeleteAccountView />
      </Harness>,
    );
    return mock;
  }

  it('says what is removed, anonymised and kept, and needs the password and the confirmation', async () => {
    const mock = renderDelete(() => undefined);
    const warning = screen.getByRole('heading', { level: 2, name: /Deleting your account cannot be undone/ }).closest('.nhsuk-card--warning')!;
    for (const h of ['What is removed', 'What is anonymised', 'What is kept, and why']) {
      expect(within(warning as HTMLElement).getByRole('heading', { level: 3, name: h })).toBeTruthy();
    }
    fireEvent.click(screen.getByRole('button', { name: 'Delete my account' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('link', { name: 'Enter your password' }).getAttribute('href')).toBe('#password');
    expect(within(summary).getByRole('link', { name: 'Confirm that you want to delete your account' }).getAttribute('href')).toBe('#confirm');
    expect(document.title).toBe('Error: Delete your account – Convene');
    expect(mock.calls).toEqual([]);
  });

  it('shows a wrong password beside the field (extensions.fields), then deletes, signs out and lists what was kept', async () => {
    let attempt = 0;
    const mock = renderDelete(() => {
      attempt += 1;
      return attempt === 1
        ? { error: validationError([{ field: 'password', message: 'The password is not right' }]) }
        : { data: { deleteMyAccount: { deleted: true, kept: KEPT } } };
    });
    fireEvent.change(screen.getByLabelText('Your password'), { target: { value: 'wrong' } });
    fireEvent.click(screen.getByRole('checkbox', { name: /I understand that my account will be deleted/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Delete my account' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('link', { name: 'The password is not right' }).getAttribute('href')).toBe('#password');
    const input = screen.getByLabelText('Your password');
    expect(input.getAttribute('aria-describedby')).toContain('password-error');
    expect(document.getElementById('password-error')?.textContent).toContain('The password is not right');
    expect(localStorage.getItem('convene.accessToken')).toBe('access');

    fireEvent.change(input, { target: { value: 'convene-demo-2026' } });
    fireEvent.click(screen.getByRole('button', { name: 'Delete my account' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Your account has been deleted' })).toBeTruthy();
    expect(mock.calls.map((c) => c.variables)).toEqual([{ input: { password: 'wrong' } }, { input: { password: 'convene-demo-2026' } }]);
    await waitFor(() => expect(localStorage.getItem('convene.accessToken')).toBeNull());
    expect(localStorage.getItem('convene.refreshToken')).toBeNull();
    const rows = within(screen.getByRole('table', { name: 'Records kept, and why' }))
      .getAllByRole('row')
      .slice(1)
      .map((r) => Array.from(r.children).map((c) => c.textContent));
    expect(rows).toEqual([
      ['Applications you led or co-led that were submitted', '1', "They are part of the call's record of who applied and what was decided"],
      ['Reviews and scores you wrote', '3', 'The selection must stay explainable to applicants and auditors'],
    ]);
    expect(screen.getByText(/4 records kept in all/)).toBeTruthy();
  });

  it('shows a refusal without a field (the only convener) in the summary and stays signed in', async () => {
    const message = 'You are the only convener of Safer discharge network: make another member a convener first';
    renderDelete(() => ({ error: new CombinedError({ graphQLErrors: [{ message, extensions: { code: 'INVALID_STATE' } }] }) }));
    fireEvent.change(screen.getByLabelText('Your password'), { target: { value: 'convene-demo-2026' } });
    fireEvent.click(screen.getByRole('checkbox', { name: /I understand/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Delete my account' }));
    expect(within(await screen.findByRole('alert')).getByText(message)).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1, name: 'Delete your account' })).toBeTruthy();
    expect(localStorage.getItem('convene.accessToken')).toBe('access');
  });
});
