import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import { DomainsView } from './DomainsView';
import { Harness, TEST_VIEWER, mockClient } from '../../test/mockClient';

const TEAM = { ...TEST_VIEWER, id: 'team-1', name: 'Priya Raman', roles: ['PROGRAMME_TEAM' as const] };

const domain = (n: number) => ({ id: `d-${n}`, name: `Domain ${n}`, description: '', status: 'ACCEPTED', mergedInto: null });

describe('DomainsView', () => {
  it('pages through the catalogue and counts proposals over all of it', async () => {
    const mock = mockClient({
      AdminDomains: ({ after }) => ({
        data: {
          proposed: { totalCount: 3 },
          domains: after
            ? { totalCount: 52, pageInfo: { hasNextPage: false, endCursor: 'c52' }, nodes: [domain(51), domain(52)] }
            : { totalCount: 52, pageInfo: { hasNextPage: true, endCursor: 'c50' }, nodes: Array.from({ length: 50 }, (_, i) => domain(i + 1)) },
        },
      }),
    });
    render(
      <Harness client={mock.client} path="/admin/domains" route="/admin/domains" viewer={TEAM}>
        <DomainsView />
      </Harness>,
    );
    // none of the shown domains is proposed, but three in the catalogue are
    expect((await screen.findByText(/waiting for a decision/)).textContent).toContain('3 domains are');
    expect(screen.getByText('Showing domains 1 to 50 of 52')).toBeTruthy();
    fireEvent.click(screen.getByRole('link', { name: /Next/ }));
    expect(await screen.findByText('Domain 52')).toBeTruthy();
    expect(screen.getByText('Showing domains 51 to 52 of 52')).toBeTruthy();
    expect(mock.calls.filter((c) => c.name === 'AdminDomains').map((c) => c.variables.after)).toContain('c50');
    expect(screen.queryByRole('link', { name: /Next/ })).toBeNull();
    expect(screen.getByRole('link', { name: /Previous/ })).toBeTruthy();
  });
});
