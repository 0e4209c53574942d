import { test, expect } from '@playwright/test';
import { expectAccessible } from './axe';
import { chooseOrganisation, invitationLink, signInAs, signOut } from './helpers';

test('a convener starts a community and invites someone new, who registers and accepts by the link', async ({ page }) => {
  const run = `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
  const name = `Omitted doses community ${run}`;
  const invitee = { email: `invitee-${run}@example.nhs.uk`, password: 'a long enough password 3', name: 'Noor Invitee' };

  // The directory, for everyone, from the header.
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Communities' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Communities of practice' })).toBeVisible();
  await expectAccessible(page, 'communities (signed out)');

  // The demo convener signs in and comes back to the directory.
  await page.getByRole('main').getByRole('link', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await page.getByLabel('Email address').fill('amira@convene.example');
  await page.getByLabel('Password').fill('convene-demo-2026');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/communities$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Communities of practice' })).toBeVisible();
  await expectAccessible(page, 'communities (signed in)');

  // Start a community: the question page, first with its errors.
  await page.getByRole('button', { name: 'Start a community' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Start a community' })).toBeVisible();
  await expectAccessible(page, 'start a community');
  await page.getByRole('button', { name: 'Start the community' }).click();
  await expect(page.getByRole('alert')).toContainText('There is a problem');
  await expectAccessible(page, 'start a community with errors');
  await page.getByLabel('Name of the community').fill(name);
  const domain = page.getByLabel('Domain');
  const firstDomain = await domain.locator('option').nth(1).getAttribute('value');
  await domain.selectOption(firstDomain!);
  await page.getByRole('radio', { name: 'By invitation' }).check();
  await page.getByRole('button', { name: 'Start the community' }).click();

  // The new community's home: the six start-up steps.
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page).not.toHaveURL(/\/communities\/new$/);
  const home = page.url();
  const steps = page.locator('#startup-steps > li');
  await expect(steps).toHaveCount(6);
  await expect(steps.first()).toContainText('Develop the domain');
  await expect(steps.first()).toContainText('Owner: Convener');
  await expect(steps.first()).toContainText('Not started');
  await expectAccessible(page, 'community home (convener)');

  // The first step, marked done with notes.
  await page.getByRole('link', { name: 'Develop the domain' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Develop the domain' })).toBeVisible();
  await expectAccessible(page, 'start-up step');
  await page.getByLabel('Notes (optional)').fill('A first sketch, to be developed with the core group.');
  await page.getByRole('button', { name: 'Mark as done' }).click();
  await expect(page.getByText('Develop the domain: marked as done')).toBeVisible();
  await expect(steps.first()).toContainText('Completed');
  await expectAccessible(page, 'community home after a step');

  // A first sketch of the domain definition, agreed.
  await page.getByRole('link', { name: 'Propose or agree a version of the definition' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Domain definition' })).toBeVisible();
  await expectAccessible(page, 'domain definition');
  const sketch = 'Getting critical medicines to patients on time, on every ward and at every transfer of care.';
  await page.getByLabel('Propose a new version').fill(sketch);
  await page.getByRole('button', { name: 'Propose this version' }).click();
  await expect(page.locator('#notification-banner')).toContainText('Version 1 proposed');
  await page.getByRole('button', { name: /Agree this version/ }).click();
  await expect(page.locator('#notification-banner')).toContainText('Version 1 agreed');
  await expect(page.locator('#versions')).toContainText('In force');
  await expectAccessible(page, 'domain definition agreed');
  await page.getByRole('link', { name: `Back to ${name}` }).click();
  await expect(page.locator('#agreed-definition')).toHaveText(sketch);

  // Invite someone without an account, with the prefilled warm message.
  await page.getByRole('link', { name: 'Invite people' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Invite people' })).toBeVisible();
  await expect(page.getByLabel('Your message')).toHaveValue(/We are starting a community of practice/);
  await expectAccessible(page, 'invite people');
  await page.getByLabel('Email address').fill(invitee.email);
  await page.getByRole('button', { name: 'Send invitation' }).click();
  await expect(page.getByText(`Invitation sent to ${invitee.email}`)).toBeVisible();
  await expect(page.locator('#invitations')).toContainText('Waiting for an answer');
  await expectAccessible(page, 'invite people after sending');

  // The directory finds it.
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Communities' }).click();
  await page.getByLabel('Search by name').fill(run);
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByRole('link', { name })).toBeVisible();
  await expect(page.getByText('1 community found')).toBeVisible();
  await expectAccessible(page, 'communities search');

  await page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'You have signed out' })).toBeVisible();

  // The invitee follows the e-mailed link, registers, and comes back to accept.
  const link = await invitationLink(invitee.email);
  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1, name: `Amira Haddad invites you to join ${name}` })).toBeVisible();
  await expect(page.locator('#invitation-message')).toContainText('We are starting a community of practice');
  await expectAccessible(page, 'invitation (signed out)');
  await page.getByRole('main').getByRole('button', { name: 'Create an account' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Create an account' })).toBeVisible();
  await page.getByLabel('Email address').fill(invitee.email);
  await page.getByLabel('Create a password').fill(invitee.password);
  await page.getByLabel('Full name').fill(invitee.name);
  await chooseOrganisation(page, 'NHS trust');
  await page.getByRole('button', { name: 'Create account' }).click();

  await expect(page).toHaveURL(new RegExp(`${link}$`));
  await expect(page.getByRole('heading', { level: 1, name: `Amira Haddad invites you to join ${name}` })).toBeVisible();
  await expectAccessible(page, 'invitation (signed in)');
  await page.getByRole('button', { name: 'Accept the invitation' }).click();

  await expect(page).toHaveURL(home);
  await expect(page.getByText(`You have joined ${name}`)).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.locator('#agreed-definition')).toHaveText(sketch);
  await expectAccessible(page, 'community home (new member)');
  await page.getByRole('link', { name: /^Members/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Members' })).toBeVisible();
  await expect(page.getByRole('row', { name: new RegExp(invitee.name) })).toContainText('Member');
  await expect(page.getByRole('row', { name: /Amira Haddad/ })).toContainText('Convener');
  await expectAccessible(page, 'members');

  // The link works once.
  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1, name: 'This invitation has already been answered' })).toBeVisible();
  await expectAccessible(page, 'invitation answered');
});

test('someone asks to join, the convener approves and makes them a co-convener, and they leave', async ({ page }) => {
  const run = `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
  const name = `Falls community ${run}`;

  await signInAs(page, 'amira@convene.example', '/communities/new');
  await expect(page.getByRole('heading', { level: 1, name: 'Start a community' })).toBeVisible();
  await page.getByLabel('Name of the community').fill(name);
  const domain = page.getByLabel('Domain');
  await domain.selectOption((await domain.locator('option').nth(1).getAttribute('value'))!);
  await page.getByRole('radio', { name: 'On request' }).check();
  await page.getByRole('button', { name: 'Start the community' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page).not.toHaveURL(/\/communities\/new$/);
  const home = new URL(page.url()).pathname;
  await signOut(page);

  // Ben asks to join, with a note.
  await signInAs(page, 'ben@convene.example', home);
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expectAccessible(page, 'community home (not a member)');
  await page.getByRole('button', { name: 'Ask to join' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ask to join' })).toBeVisible();
  await expectAccessible(page, 'ask to join');
  await page.getByLabel('Ask to join').fill('I run falls huddles on our rehab ward.');
  await page.getByRole('button', { name: 'Send your request' }).click();
  await expect(page.getByText('You have asked to join: the conveners will answer soon')).toBeVisible();
  await expectAccessible(page, 'community home (asked to join)');
  await signOut(page);

  // Amira approves and makes Ben a co-convener.
  await signInAs(page, 'amira@convene.example', home);
  await page.getByRole('link', { name: 'Requests to join' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Requests to join' })).toBeVisible();
  await expect(page.locator('#pending-requests')).toContainText('I run falls huddles on our rehab ward.');
  await expectAccessible(page, 'requests to join');
  await page.getByRole('link', { name: /Decide.*Ben Carter/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ben Carter asked to join' })).toBeVisible();
  await page.getByRole('radio', { name: 'No, decline the request' }).check();
  await page.getByRole('button', { name: 'Save decision' }).click();
  await expect(page.getByRole('link', { name: 'Give a reason for declining' })).toBeVisible();
  await expectAccessible(page, 'decide a request with an error');
  await page.getByRole('radio', { name: 'Yes, approve the request' }).check();
  await page.getByRole('button', { name: 'Save decision' }).click();
  await expect(page.getByText('Ben Carter has joined the community')).toBeVisible();
  await expectAccessible(page, 'requests to join after deciding');

  await page.goto(`${home}/members`);
  await expect(page.getByRole('row', { name: /Ben Carter/ })).toContainText('Member');
  await page.getByRole('link', { name: 'Change role of Ben Carter' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'What is Ben Carter’s role?' })).toBeVisible();
  await expectAccessible(page, 'change a role');
  await page.getByRole('radio', { name: 'Convener' }).check();
  await page.getByRole('button', { name: 'Save role' }).click();
  await expect(page.getByText('Ben Carter is now a convener')).toBeVisible();
  await expect(page.getByRole('row', { name: /Ben Carter/ })).toContainText('Convener');
  await expectAccessible(page, 'members after a role change');
  await signOut(page);

  // Ben, now a co-convener, leaves.
  await signInAs(page, 'ben@convene.example', home);
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await page.getByRole('link', { name: 'Leave this community' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Are you sure you want to leave ${name}?` })).toBeVisible();
  await expectAccessible(page, 'leave');
  await page.getByRole('button', { name: 'Leave the community' }).click();
  await expect(page.getByText(`You have left ${name}`)).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Communities of practice' })).toBeVisible();
  await expectAccessible(page, 'communities after leaving');
});
