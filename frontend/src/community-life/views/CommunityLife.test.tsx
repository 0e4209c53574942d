import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { MemberMapView } from './MemberMapView';
import { MemberMapEntryView, checkEntry } from './MemberMapEntryView';
import { ChallengesView, PostChallengeView } from './ChallengesView';
import { FunctionsView } from './FunctionsView';
import { communityFixture } from '../../communities/fixtures';
import { Harness, mockClient, validationError } from '../../test/mockClient';

const ENTRY = {
  id: 'entry-1',
  name: 'Dr Helen Achebe',
  email: 'helen@example.nhs.uk',
  organisation: { id: 'org-2', name: 'Riverside NHS Foundation Trust' },
  organisationName: 'Riverside NHS Foundation Trust',
  profession: 'Geriatrician',
  sector: 'NHS_TRUST',
  tags: ['NEEDED_FOR_EXPERTISE', 'HAS_INTEREST'],
  updatedAt: '2026-10-01T09:00:00Z',
};

function mapData(entries = [ENTRY]) {
  return {
    community: {
      id: 'com-1',
      memberMap: {
        entries,
        reach: { organisations: 4, professions: 3, sectors: 2 },
        membershipReach: { organisations: 1, professions: 2, sectors: 1 },
      },
    },
  };
}

describe('MemberMapView', () => {
  it('shows the reach of the map beside the membership’s, and each person with tags', async () => {
    const mock = mockClient({
      Community: () => ({ data: { community: communityFixture({ viewerRole: 'MEMBER' }) } }),
      MemberMap: () => ({ data: mapData() }),
    });
    render(
      <Harness client={mock.client} path="/communities/com-1/member-map" route="/communities/:id/member-map">
        <MemberMapView />
      </Harness>,
    );
    const reach = await screen.findByRole('table', { name: 'Reach' });
    const rows = within(reach).getAllByRole('row').slice(1).map((r) => Array.from(r.children).map((c) => c.textContent));
    expect(rows).toEqual([
      ['Organisations', '4', '1'],
      ['Professions', '3', '2'],
      ['Sectors', '2', '1'],
    ]);
    const people = screen.getByRole('table', { name: 'People on the map' });
    const tags = within(people).getAllByText(/interest|expertise/).map((t) => [t.textContent, t.className]);
    expect(tags).toEqual([
      ['Has an interest', 'nhsuk-tag nhsuk-tag--green'],
      ['Needed for expertise', 'nhsuk-tag nhsuk-tag--pink'],
    ]);
    // Members read; conveners and the core group change it.
    expect(screen.queryByRole('link', { name: 'Add someone to the map' })).toBeNull();
  });
});

describe('MemberMapEntryView', () => {
  it('names the fields that are wrong, including the server’s, each linked to its input', async () => {
    const mock = mockClient({
      Community: () => ({ data: { community: communityFixture({ viewerRole: 'CORE' }) } }),
      Organisations: () => ({ data: { organisations: { totalCount: 0, nodes: [] } } }),
      AddMemberMapEntry: () => ({ error: validationError([{ field: 'email', message: 'Enter an email address like name@example.nhs.uk' }]) }),
    });
    render(
      <Harness client={mock.client} path="/communities/com-1/member-map/new" route="/communities/:id/member-map/new">
        <MemberMapEntryView />
      </Harness>,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Add to the map' }));
    const summary = await screen.findByRole('alert');
    expect(within(summary).getAllByRole('link').map((a) => a.getAttribute('href'))).toEqual(['#name', '#tags']);
    expect(document.title).toMatch(/^Error: Add someone to the member map/);

    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Martin Doyle' } });
    fireEvent.change(screen.getByLabelText('Email address (optional)'), { target: { value: 'martin' } });
    fireEvent.change(screen.getByLabelText('Organisation not in the list (optional)'), { target: { value: 'Hillside Hospice' } });
    fireEvent.change(screen.getByLabelText('Its sector (optional)'), { target: { value: 'THIRD_SECTOR' } });
    fireEvent.click(screen.getByLabelText('Should have an interest'));
    fireEvent.click(screen.getByRole('button', { name: 'Add to the map' }));
    expect(await screen.findByRole('link', { name: 'Enter an email address like name@example.nhs.uk' })).toBeTruthy();
    expect(mock.calls.find((c) => c.name === 'AddMemberMapEntry')?.variables).toEqual({
      input: {
        communityId: 'com-1',
        name: 'Martin Doyle',
        email: 'martin',
        organisationId: null,
        organisationName: 'Hillside Hospice',
        sector: 'THIRD_SECTOR',
        profession: null,
        tags: ['SHOULD_HAVE_INTEREST'],
      },
    });
  });

  it('refuses a catalogue organisation and a typed one together', () => {
    const r = checkEntry({ name: 'A', email: '', organisationId: 'org-1', organisationName: 'Other', sector: '', profession: '', tags: ['HAS_INTEREST'] });
    expect(r.problems).toEqual([{ field: 'organisationName', message: 'Choose an organisation from the list or type its name, not both' }]);
  });
});

describe('FunctionsView', () => {
  it('shows who holds each function, from when to when, and who held it before', async () => {
    const period = (id: string, name: string, from: string, until: string | null, current: boolean) => ({
      id,
      function: 'AGENDA',
      customName: null,
      name: 'Agenda',
      from,
      until,
      current,
      holder: { id: `p-${id}`, name },
    });
    const now = period('f2', 'Hannah Brooks', '2026-10-27', null, true);
    const mock = mockClient({
      Community: () => ({ data: { community: communityFixture({ viewerRole: 'CONVENER' }) } }),
      CommunityFunctions: () => ({
        data: {
          community: {
            id: 'com-1',
            functions: [{ ...now, history: [period('f1', 'Amira Haddad', '2026-08-28', '2026-10-26', false), now] }],
            members: [],
          },
        },
      }),
    });
    render(
      <Harness client={mock.client} path="/communities/com-1/roles" route="/communities/:id/roles">
        <FunctionsView />
      </Harness>,
    );
    const card = (await screen.findByRole('heading', { level: 2, name: 'Agenda' })).closest('.nhsuk-card') as HTMLElement;
    expect(card.textContent).toContain('Held byHannah Brooks');
    expect(card.textContent).toContain('From 27 October 2026');
    expect(within(card).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Amira Haddad: From 28 August 2026 to 26 October 2026',
      'Hannah Brooks: From 27 October 2026',
    ]);
    expect(within(card).getByRole('link', { name: /^Rotate or end ?Agenda$/ }).getAttribute('href')).toBe('/communities/com-1/roles/f2');
  });
});

describe('ChallengesView', () => {
  const post = (over: Record<string, unknown>) => ({
    id: 'ch-1',
    title: 'Night staff',
    body: 'How do you involve the night team?',
    anonymous: false,
    viewerIsAuthor: false,
    createdAt: '2026-11-20T10:00:00Z',
    author: { id: 'p-1', name: 'Amira Haddad' },
    replies: [],
    ...over,
  });

  it('shows “Anonymous member” for an anonymous post and tells its author it is theirs', async () => {
    const mock = mockClient({
      Community: () => ({ data: { community: communityFixture({ viewerRole: 'MEMBER' }) } }),
      Challenges: () => ({
        data: {
          community: {
            id: 'com-1',
            challenges: {
              totalCount: 2,
              nodes: [
                post({ id: 'ch-2', title: 'Missed turns', anonymous: true, author: null }),
                post({
                  id: 'ch-3',
                  title: 'My own',
                  anonymous: true,
                  viewerIsAuthor: true,
                  author: { id: 'person-1', name: 'Ada Lovelace' },
                  replies: [
                    { id: 'r-1', body: 'Try a clock', anonymous: true, viewerIsAuthor: false, createdAt: '2026-11-21T10:00:00Z', author: null },
                    { id: 'r-2', body: 'Pair bays', anonymous: false, viewerIsAuthor: false, createdAt: '2026-11-21T11:00:00Z', author: { id: 'p-2', name: 'Ben Carter' } },
                  ],
                }),
                post({}),
              ],
            },
          },
        },
      }),
    });
    render(
      <Harness client={mock.client} path="/communities/com-1/challenges" route="/communities/:id/challenges">
        <ChallengesView />
      </Harness>,
    );
    const anonymous = await screen.findByRole('article', { name: 'Missed turns' });
    expect(within(anonymous).getByText('Anonymous member')).toBeTruthy();
    const mine = screen.getByRole('article', { name: 'My own' });
    expect(within(mine).getByText('You posted this anonymously')).toBeTruthy();
    expect(mine.textContent).not.toContain('Ada Lovelace');
    expect(within(mine).getAllByRole('listitem').map((li) => li.querySelector('.nhsuk-u-font-weight-bold')?.textContent)).toEqual([
      'Anonymous member',
      'Ben Carter',
    ]);
    expect(within(screen.getByRole('article', { name: 'Night staff' })).getByText('Amira Haddad')).toBeTruthy();
  });

  it('posts anonymously when asked, after explaining who cannot see the name', async () => {
    const mock = mockClient({
      Community: () => ({ data: { community: communityFixture({ viewerRole: 'MEMBER' }) } }),
      PostChallenge: () => ({ data: { postChallenge: { challenge: { id: 'ch-9', title: 'Missed turns' } } } }),
    });
    render(
      <Harness client={mock.client} path="/communities/com-1/challenges/new" route="/communities/:id/challenges/new">
        <PostChallengeView />
      </Harness>,
    );
    const box = await screen.findByLabelText('Anonymous to other members');
    expect(document.getElementById(box.getAttribute('aria-describedby')!)?.textContent).toBe(
      'Your name is hidden from everyone else, including the conveners and the programme team.',
    );
    fireEvent.change(screen.getByLabelText('Title'), { target: { value: 'Missed turns' } });
    fireEvent.change(screen.getByLabelText('Your challenge'), { target: { value: 'On nights.' } });
    fireEvent.click(box);
    fireEvent.click(screen.getByRole('button', { name: 'Post the challenge' }));
    await screen.findByRole('button', { name: 'Post the challenge' });
    expect(mock.calls.find((c) => c.name === 'PostChallenge')?.variables).toEqual({
      input: { communityId: 'com-1', title: 'Missed turns', body: 'On nights.', anonymous: true },
    });
  });
});
