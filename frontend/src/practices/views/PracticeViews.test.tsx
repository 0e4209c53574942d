import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { PracticeView } from './PracticeView';
import { ShareExchangeView } from './ShareExchangeView';
import { LibraryView } from './LibraryView';
import { Harness, mockClient, validationError } from '../../test/mockClient';
import type { ExchangeItem, PracticePage } from '../components/PracticeLoader';

function exchange(overrides: Partial<ExchangeItem> = {}): ExchangeItem {
  return {
    id: 'ex-1',
    anonymous: false,
    visibility: 'COMMUNITY',
    viewerIsAuthor: false,
    createdAt: '2026-10-20T10:00:00Z',
    updatedAt: '2026-10-20T10:00:00Z',
    author: { id: 'person-2', name: 'Grace Hopper' },
    technical: 'A laminated card on every trolley.',
    cultural: '',
    challenges: 'Agency staff did not know the bundle.',
    barriersOvercome: '',
    missing: '',
    helpNeeded: '',
    meetingId: null,
    meeting: null,
    protocol: null,
    inquiries: [],
    ...overrides,
  };
}

function practice(exchanges: ExchangeItem[], overrides: Partial<PracticePage> = {}): PracticePage {
  return {
    id: 'pr-1',
    name: 'SSKIN bundle at every handover',
    description: 'Skin checked together at each handover.',
    tags: ['handover', 'bundle'],
    status: 'EXPLORING',
    createdAt: '2026-10-01T10:00:00Z',
    domain: { id: 'dom-1', name: 'Pressure ulcers' },
    proposedBy: { id: 'person-2', name: 'Grace Hopper' },
    community: { id: 'com-1', name: 'Pressure ulcers community', stage: 'ACTIVE', viewerRole: 'MEMBER' },
    promising: null,
    exchanges: { totalCount: exchanges.length, nodes: exchanges },
    ...overrides,
  };
}

describe('PracticeView', () => {
  it('shows anonymous exchanges as "Anonymous member" and marks the viewer’s own', async () => {
    const mock = mockClient({
      Practice: () => ({
        data: {
          practice: practice([
            exchange({ id: 'ex-2', anonymous: true, author: null }),
            exchange({ id: 'ex-3', anonymous: true, viewerIsAuthor: true, visibility: 'NETWORK', author: { id: 'person-1', name: 'Ada Lovelace' } }),
          ]),
        },
      }),
    });
    render(
      <Harness client={mock.client} path="/practices/pr-1" route="/practices/:id">
        <PracticeView />
      </Harness>,
    );
    await screen.findByRole('heading', { level: 1, name: 'SSKIN bundle at every handover' });
    const first = document.getElementById('exchange-1')!;
    expect(within(first).getByRole('heading', { level: 3 }).textContent).toMatch(/^Anonymous member/);
    expect(within(first).queryByText('You shared this')).toBeNull();
    expect(within(first).getByRole('heading', { level: 4, name: 'Technical aspects' })).toBeTruthy();
    expect(within(first).queryByRole('heading', { level: 4, name: 'Cultural aspects' })).toBeNull();
    const mine = document.getElementById('exchange-2')!;
    expect(within(mine).getByText('You shared this')).toBeTruthy();
    expect(within(mine).getByText(/Other people see this as shared by an anonymous member/)).toBeTruthy();
    expect(within(mine).getByRole('link', { name: /^Change who can see this/ }).getAttribute('href')).toBe(
      '/practices/pr-1/exchanges/ex-3/visibility',
    );
    expect(screen.getByRole('button', { name: 'Share your experience' }).getAttribute('href')).toBe('/practices/pr-1/share');
  });
});

describe('ShareExchangeView', () => {
  const form = {
    practice: {
      id: 'pr-1',
      name: 'SSKIN bundle at every handover',
      status: 'EXPLORING',
      community: {
        id: 'com-1',
        name: 'Pressure ulcers community',
        stage: 'ACTIVE',
        viewerRole: 'MEMBER',
        sharingProtocols: [
          {
            id: 'sp-own',
            name: 'Our round of experience',
            network: false,
            totalMinutes: 13,
            updatedAt: '2026-10-01T10:00:00Z',
            prompts: [
              { prompt: 'What did you try, and where?', minutes: 3 },
              { prompt: 'What worked?', minutes: 10 },
            ],
            adoptedFrom: null,
          },
        ],
        held: { nodes: [{ id: 'm-1', status: 'SCHEDULED', startsAt: '2026-10-20T16:30:00Z' }] },
        coming: { nodes: [] },
      },
    },
    sharingProtocols: { nodes: [] },
  };

  it('shows the chosen protocol’s prompts beside the form and links server errors to their fields', async () => {
    const mock = mockClient({
      ShareExchangeForm: () => ({ data: form }),
      ShareExchange: () => ({ error: validationError([{ field: 'cultural', message: 'Write at most 4,000 characters' }]) }),
    });
    render(
      <Harness client={mock.client} path="/practices/pr-1/share" route="/practices/:id/share">
        <ShareExchangeView />
      </Harness>,
    );
    await screen.findByRole('heading', { level: 1, name: 'Share your experience' });
    for (const label of ['Technical aspects', 'Cultural aspects', 'The challenges', 'How barriers were overcome', 'What is missing', 'Help and support needed']) {
      expect(screen.getByLabelText(label)).toBeTruthy();
    }
    expect(screen.getByRole('radio', { name: 'Only members of this community' })).toHaveProperty('checked', true);
    expect(screen.getByRole('radio', { name: 'Anyone, including the public' })).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Sharing protocol (optional)'), { target: { value: 'sp-own' } });
    const guide = document.getElementById('protocol-guide')!;
    expect(within(guide).getByText('What did you try, and where?')).toBeTruthy();
    expect(within(guide).getByText('Total: 13 minutes')).toBeTruthy();

    // Nothing written: the summary links to the first section.
    fireEvent.click(screen.getByRole('button', { name: 'Share your experience' }));
    expect((await screen.findByRole('link', { name: 'Write about at least one of the six sections' })).getAttribute('href')).toBe('#technical');
    expect(mock.calls.some((c) => c.name === 'ShareExchange')).toBe(false);

    fireEvent.change(screen.getByLabelText('Cultural aspects'), { target: { value: 'It felt like blame at first.' } });
    fireEvent.click(screen.getByLabelText('Anonymous to other members'));
    fireEvent.click(screen.getByRole('button', { name: 'Share your experience' }));
    expect((await screen.findByRole('link', { name: 'Write at most 4,000 characters' })).getAttribute('href')).toBe('#cultural');
    const input = mock.calls.find((c) => c.name === 'ShareExchange')?.variables.input as Record<string, unknown>;
    expect(input).toMatchObject({
      practiceId: 'pr-1',
      cultural: 'It felt like blame at first.',
      technical: '',
      protocolId: 'sp-own',
      meetingId: null,
      visibility: 'COMMUNITY',
      anonymous: true,
    });
  });
});

describe('LibraryView', () => {
  it('asks for the filters in the URL and links to the next page by cursor', async () => {
    const mock = mockClient({
      LibraryFilters: () => ({ data: { domains: { nodes: [] }, organisations: { nodes: [] } } }),
      PromisingPractices: () => ({
        data: {
          promisingPractices: {
            totalCount: 11,
            pageInfo: { hasNextPage: true, endCursor: 'cur10' },
            nodes: [
              {
                id: 'pr-1',
                name: 'SSKIN bundle at every handover',
                description: 'Skin checked together.',
                tags: ['handover'],
                domain: { id: 'dom-1', name: 'Pressure ulcers' },
                promising: { outcomes: 'Fewer ulcers.', visibility: 'PUBLIC', organisations: [{ id: 'o1', name: 'Riverside NHS Trust' }] },
              },
            ],
          },
        },
      }),
    });
    render(
      <Harness client={mock.client} path="/library?search=skin&tag=handover" route="/library" viewer={null}>
        <LibraryView />
      </Harness>,
    );
    expect((await screen.findByRole('link', { name: 'SSKIN bundle at every handover' })).getAttribute('href')).toBe('/practices/pr-1');
    expect(mock.calls.find((c) => c.name === 'PromisingPractices')?.variables).toEqual({
      search: 'skin',
      domainId: null,
      organisationId: null,
      tag: 'handover',
      first: 10,
      after: null,
    });
    expect(screen.getByText('11 promising practices found, most relevant first')).toBeTruthy();
    expect(screen.getByRole('link', { name: /Next/ }).getAttribute('href')).toBe('/library?search=skin&tag=handover&after=cur10');
    expect(screen.queryByRole('link', { name: /Previous/ })).toBeNull();
  });
});
