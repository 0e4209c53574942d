import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import { PrivacyView } from './PrivacyView';
import { AccessibilityView } from './AccessibilityView';
import { Layout } from '../../ui/Layout';
import { Harness, mockClient } from '../../test/mockClient';

function renderPage(path: string, page: React.ReactNode) {
  render(
    <Harness client={mockClient({}).client} path={path} route={path} viewer={null}>
      <Layout>{page}</Layout>
    </Harness>,
  );
}

describe('privacy notice and accessibility statement', () => {
  it('links both from the footer of every page', () => {
    renderPage('/privacy', <PrivacyView />);
    const footer = screen.getByRole('contentinfo');
    expect(within(footer).getByRole('link', { name: 'Privacy notice' }).getAttribute('href')).toBe('/privacy');
    expect(within(footer).getByRole('link', { name: 'Accessibility statement' }).getAttribute('href')).toBe('/accessibility');
  });

  it('says what data, why (the lawful basis), who sees it, how long, and the rights, with the way to use them', () => {
    renderPage('/privacy', <PrivacyView />);
    expect(screen.getByRole('heading', { level: 1, name: 'Privacy notice' })).toBeTruthy();
    expect(document.title).toBe('Privacy notice – Convene');
    for (const h of ['What information we hold', 'Why we hold it, and our lawful basis', 'Who can see it', 'How long we keep it', 'Your rights', 'Contact us or complain']) {
      expect(screen.getByRole('heading', { level: 2, name: h })).toBeTruthy();
    }
    expect(screen.getByText('public task')).toBeTruthy();
    expect(screen.getByText('legitimate interests')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'download everything we hold about you' }).getAttribute('href')).toBe('/account/data');
    expect(screen.getByRole('link', { name: 'delete your account' }).getAttribute('href')).toBe('/account/delete');
    // A fictional contact, never a real person's.
    const mail = screen.getByRole('link', { name: 'privacy@convene.example' });
    expect(mail.getAttribute('href')).toBe('mailto:privacy@convene.example');
  });

  it('follows the model accessibility statement: WCAG 2.2 AA, known issues, reporting and enforcement', () => {
    renderPage('/accessibility', <AccessibilityView />);
    expect(screen.getByRole('heading', { level: 1, name: 'Accessibility statement for Convene' })).toBeTruthy();
    for (const h of [
      'How accessible this service is',
      'Reporting accessibility problems with this service',
      'Enforcement procedure',
      'Non-accessible content',
      'Preparation of this accessibility statement',
    ]) {
      expect(screen.getByRole('heading', { level: 2, name: h })).toBeTruthy();
    }
    expect(screen.getByRole('link', { name: 'Web Content Accessibility Guidelines version 2.2' })).toBeTruthy();
    expect(screen.getByText(/automated checks with axe/)).toBeTruthy();
    expect(screen.getAllByRole('link', { name: 'accessibility@convene.example' }).length).toBeGreaterThan(0);
  });
});
