import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { HonorariaView } from './HonorariaView';
import { checkPayment } from '../components/ShareRow';
import { londonToday } from '../../ui/format';
import { Harness, TEST_VIEWER, mockClient, validationError } from '../../test/mockClient';

const TEAM = { ...TEST_VIEWER, id: 'team-1', name: 'Priya Raman', roles: ['PROGRAMME_TEAM' as const] };

function share(id: string, name: string, personId: string, status: string, amountPence: number, eligible = true) {
  return { id, amountPence, eligible, route: 'EMPLOYER', status, reference: null, paidOn: null, approvedAt: null, person: { id: personId, name } };
}

const DATA = {
  viewer: { id: 'team-1' },
  call: {
    id: 'call-1',
    title: 'Call for Conveners 2025',
    status: 'DECIDED',
    honorariumPence: 500000,
    honorariumPolicy: 'REDISTRIBUTE',
    honorariaTotals: { budgetPence: 2500000, committedPence: 1000000, paidPence: 250000 },
    honoraria: [
      {
        totalPence: 500000,
        application: { id: 'a1', domain: { id: 'd1', name: 'Medication safety' }, lead: { id: 'p1', name: 'Dev Patel' } },
        shares: [
          share('s1', 'Dev Patel', 'p1', 'CANCELLED', 0, false),
          share('s2', 'Amira Haddad', 'p2', 'APPROVED', 250000),
          share('s3', 'Priya Raman', 'team-1', 'PROPOSED', 250000),
        ],
      },
    ],
  },
};

describe('HonorariaView', () => {
  it('shows the totals against the budget and only the actions each share allows', async () => {
    const mock = mockClient({ CallHonoraria: () => ({ data: DATA }) });
    render(
      <Harness client={mock.client} path="/admin/calls/call-1/honoraria" route="/admin/calls/:id/honoraria" viewer={TEAM}>
        <HonorariaView />
      </Harness>,
    );
    expect(await screen.findByRole('heading', { level: 1, name: 'Honoraria and payments' })).toBeTruthy();
    expect(screen.getByText('£25,000')).toBeTruthy();
    expect(screen.getByText('£10,000')).toBeTruthy();
    expect(screen.getByText('£15,000 of the budget left')).toBeTruthy();
    const rows = screen.getAllByRole('row');
    const dev = rows.find((r) => r.textContent?.includes('Dev Patel'))!;
    expect(within(dev).getByText('Not eligible: industry or third sector')).toBeTruthy();
    expect(within(dev).queryAllByRole('button')).toHaveLength(0);
    // Nobody approves their own payment.
    const own = rows.find((r) => r.textContent?.includes('Priya Raman'))!;
    expect(within(own).queryByRole('button', { name: /^Approve/ })).toBeNull();
    expect(within(own).getByText('You cannot approve your own payment')).toBeTruthy();
    const amira = rows.find((r) => r.textContent?.includes('Amira Haddad'))!;
    expect(within(amira).getByRole('button', { name: /^Mark paid/ })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Download the payments (CSV)' })).toBeTruthy();
  });

  it('checks the payment reference and date, and shows the server’s errors at the fields', async () => {
    expect(checkPayment('s2', '', '2999-01-01', '2026-11-26')).toEqual([
      { field: 'reference-s2', message: 'Enter the payment reference' },
      { field: 'paidOn-s2', message: 'The payment date cannot be in the future' },
    ]);
    expect(checkPayment('s2', 'BACS-1', 'not a date', '2026-11-26')).toEqual([{ field: 'paidOn-s2', message: 'Enter the date the payment was made' }]);
    expect(checkPayment('s2', 'BACS-1', '2026-11-26', '2026-11-26')).toEqual([]);
    // Not rolled over into March.
    expect(checkPayment('s2', 'BACS-1', '2026-02-30', '2026-11-26')).toEqual([{ field: 'paidOn-s2', message: 'Enter the date the payment was made' }]);

    const mock = mockClient({
      CallHonoraria: () => ({ data: DATA }),
      MarkPaymentPaid: () => ({ error: validationError([{ field: 'reference', message: 'The payment reference is already used' }]) }),
    });
    render(
      <Harness client={mock.client} path="/admin/calls/call-1/honoraria" route="/admin/calls/:id/honoraria" viewer={TEAM}>
        <HonorariaView />
      </Harness>,
    );
    fireEvent.click(await screen.findByRole('button', { name: /^Mark paid/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Confirm payment' }));
    expect(within(screen.getByRole('alert')).getByRole('link', { name: 'Enter the payment reference' }).getAttribute('href')).toBe('#reference-s2');
    fireEvent.change(screen.getByLabelText('Payment reference for Amira Haddad'), { target: { value: 'BACS-2026-001' } });
    fireEvent.click(screen.getByRole('button', { name: 'Confirm payment' }));
    const link = await screen.findByRole('link', { name: 'The payment reference is already used' });
    expect(link.getAttribute('href')).toBe('#reference-s2');
    expect(mock.calls.find((c) => c.name === 'MarkPaymentPaid')?.variables).toMatchObject({
      input: { shareId: 's2', reference: 'BACS-2026-001' },
    });
  });

  it('approves someone else’s share with the right share id', async () => {
    const data = structuredClone(DATA);
    data.call.honoraria[0]!.shares.push(share('s4', 'Sam Okafor', 'p4', 'PROPOSED', 250000));
    const mock = mockClient({
      CallHonoraria: () => ({ data }),
      ApprovePayment: ({ input }) => ({
        data: { approvePayment: { share: { ...share((input as { shareId: string }).shareId, 'Sam Okafor', 'p4', 'APPROVED', 250000) } } },
      }),
    });
    render(
      <Harness client={mock.client} path="/admin/calls/call-1/honoraria" route="/admin/calls/:id/honoraria" viewer={TEAM}>
        <HonorariaView />
      </Harness>,
    );
    await screen.findByRole('heading', { level: 1, name: 'Honoraria and payments' });
    // One Approve on the page: Sam's. Priya (the viewer) cannot approve her own.
    const approve = screen.getAllByRole('button', { name: /^Approve/ });
    expect(approve).toHaveLength(1);
    const sam = screen.getAllByRole('row').find((r) => r.textContent?.includes('Sam Okafor'))!;
    expect(within(sam).getByText('£2,500')).toBeTruthy();
    fireEvent.click(within(sam).getByRole('button', { name: /^Approve\s*payment to Sam Okafor$/ }));
    expect(within(await screen.findByRole('alert')).getByText('Payment of £2,500 to Sam Okafor approved.')).toBeTruthy();
    expect(mock.calls.filter((c) => c.name === 'ApprovePayment').map((c) => c.variables)).toEqual([{ input: { shareId: 's4' } }]);
  });

  it('marks a payment paid only with a reference and a date that is not in the future', async () => {
    const mock = mockClient({
      CallHonoraria: () => ({ data: DATA }),
      MarkPaymentPaid: () => ({
        data: { markPaymentPaid: { share: { ...share('s2', 'Amira Haddad', 'p2', 'PAID', 250000), reference: 'BACS-2026-001', paidOn: '2025-11-03' } } },
      }),
    });
    render(
      <Harness client={mock.client} path="/admin/calls/call-1/honoraria" route="/admin/calls/:id/honoraria" viewer={TEAM}>
        <HonorariaView />
      </Harness>,
    );
    fireEvent.click(await screen.findByRole('button', { name: /^Mark paid\s*for Amira Haddad$/ }));
    const date = screen.getByLabelText('Date paid') as HTMLInputElement;
    expect(date.value).toBe(londonToday());
    expect(date.max).toBe(londonToday());
    fireEvent.change(screen.getByLabelText('Payment reference for Amira Haddad'), { target: { value: ' BACS-2026-001 ' } });
    fireEvent.change(date, { target: { value: '2999-01-01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Confirm payment' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('link', { name: 'The payment date cannot be in the future' }).getAttribute('href')).toBe('#paidOn-s2');
    expect(date.getAttribute('aria-describedby')).toContain('paidOn-s2-error');
    expect(mock.calls.some((c) => c.name === 'MarkPaymentPaid')).toBe(false);

    fireEvent.change(date, { target: { value: '2025-11-03' } });
    fireEvent.click(screen.getByRole('button', { name: 'Confirm payment' }));
    const banner = (await screen.findByText('Payment to Amira Haddad marked as paid (reference BACS-2026-001).')).closest('[role="alert"]');
    expect(banner?.className).toContain('nhsuk-notification-banner--success');
    expect(screen.queryByText('There is a problem')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Confirm payment' })).toBeNull();
    expect(mock.calls.filter((c) => c.name === 'MarkPaymentPaid').map((c) => c.variables)).toEqual([
      { input: { shareId: 's2', reference: 'BACS-2026-001', paidOn: '2025-11-03' } },
    ]);
  });
});
