import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { CommunityCard } from './CommunityCard';
import type { CommunitySummaryFieldsFragment } from '../../graphql/graphql';

const community = {
  id: 'com-1',
  name: 'Falls prevention community of practice',
  stage: 'FORMING',
  funded: true,
  origin: 'CALL',
  membershipMode: 'ON_REQUEST',
  listed: false,
  viewerRole: null,
  domain: { id: 'dom-1', name: 'Falls prevention' },
  conveners: [{ id: 'p-1', name: 'Amira Haddad' }],
} as unknown as CommunitySummaryFieldsFragment;

describe('CommunityCard', () => {
  it('says what each tag means: how to join and the stage, not two bare words', () => {
    render(
      <MemoryRouter>
        <CommunityCard community={community} />
      </MemoryRouter>,
    );
    const tags = Array.from(document.querySelectorAll('.nhsuk-tag')).map((t) => t.textContent);
    expect(tags).toEqual(['Joining: on request', 'Stage: forming', 'Not listed']);
    expect(screen.getByRole('link', { name: 'Falls prevention community of practice' })).toBeTruthy();
  });
});
