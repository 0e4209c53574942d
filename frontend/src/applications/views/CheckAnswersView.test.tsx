import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { CheckAnswersView } from './CheckAnswersView';
import { Harness, TEST_VIEWER, mockClient, validationError } from '../../test/mockClient';
import { applicationFixture, DEFAULT_QUESTIONS } from '../../test/fixtures';

function rowFor(label: string): HTMLElement {
  const key = screen.getAllByText(label).find((el) => el.classList.contains('nhsuk-summary-list__key'));
  if (!key) throw new Error(`no row ${label}`);
  return key.closest('.nhsuk-summary-list__row') as HTMLElement;
}

describe('CheckAnswersView', () => {
  it('lists every answer with a Change link', async () => {
    const { client } = mockClient({ Application: () => ({ data: { application: applicationFixture() } }) });
    render(
      <Harness client={client} path="/applications/app-1/check" route="/applications/:id/check">
        <CheckAnswersView />
      </Harness>,
    );
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe(
      'Check your answers before submitting your application',
    );
    expect(within(rowFor('Domain')).getByText('Medication safety')).toBeTruthy();
    expect(within(rowFor('Why do you care about this domain?')).getByText('I have seen too many dosing errors on night shifts.')).toBeTruthy();
    expect(within(rowFor('Who would you invite first?')).getByText(/Pharmacists, ward nurses/)).toBeTruthy();
    expect(within(rowFor('The support you want from the network')).getByText('Not answered yet')).toBeTruthy();
    expect(within(rowFor('Grace Hopper')).getByText('Accepted')).toBeTruthy();

    for (const q of DEFAULT_QUESTIONS) {
      const link = within(rowFor(q.title)).getByRole('link', { name: new RegExp(`^Change\\s*${escapeRe(q.title.toLowerCase())}$`) });
      expect(link.getAttribute('href')).toBe(`/applications/app-1/questions/${q.key}?returnTo=check`);
      expect(link.textContent).toBe(`Change ${q.title.toLowerCase()}`);
    }
    expect(screen.getByRole('button', { name: 'Submit application' })).toBeTruthy();
    expect(screen.getByText(/decision, which is due by 8 September 2026/)).toBeTruthy();
  });

  it('links each submission problem to the page where it is fixed', async () => {
    const { client, calls } = mockClient({
      Application: () => ({ data: { application: applicationFixture() } }),
      SubmitApplication: () => ({
        error: validationError([
          { field: 'supportWanted', message: 'Enter the support you want from the network' },
          { field: 'coLeads', message: 'Every co-lead must accept before you submit' },
        ]),
      }),
    });
    render(
      <Harness client={client} path="/applications/app-1/check" route="/applications/:id/check">
        <CheckAnswersView />
      </Harness>,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Submit application' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('link', { name: 'Enter the support you want from the network' }).getAttribute('href')).toBe(
      '/applications/app-1/questions/supportWanted?returnTo=check#supportWanted',
    );
    expect(within(summary).getByRole('link', { name: /co-lead must accept/ }).getAttribute('href')).toBe('/applications/app-1/co-leads');
    expect(calls.find((c) => c.name === 'SubmitApplication')?.variables).toEqual({ input: { applicationId: 'app-1' } });
  });

  it('is read-only once submitted', async () => {
    const { client } = mockClient({
      Application: () => ({ data: { application: applicationFixture({ status: 'SUBMITTED', submittedAt: '2026-07-20T08:05:00Z' }) } }),
    });
    render(
      <Harness client={client} path="/applications/app-1" route="/applications/:id">
        <CheckAnswersView />
      </Harness>,
    );
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe('Your application');
    expect(screen.getByText('Submitted')).toBeTruthy();
    expect(screen.getByText(/20 July 2026 at 9:05am/)).toBeTruthy();
    expect(screen.queryByRole('link', { name: /^Change/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Submit application' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Withdraw this application' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'History of changes' })).toBeNull();
  });

  it('links the programme team to the application’s history in the audit trail', async () => {
    const { client } = mockClient({
      Application: () => ({ data: { application: applicationFixture({ status: 'SUBMITTED', viewerIsLead: false, submittedAt: '2026-07-20T08:05:00Z' }) } }),
    });
    render(
      <Harness client={client} path="/applications/app-1" route="/applications/:id" viewer={{ ...TEST_VIEWER, roles: ['PROGRAMME_TEAM'] }}>
        <CheckAnswersView />
      </Harness>,
    );
    expect((await screen.findByRole('link', { name: 'History of changes' })).getAttribute('href')).toBe('/admin/audit?entityId=app-1');
  });
});

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
