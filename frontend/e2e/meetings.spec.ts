import { test, expect } from '@playwright/test';
import { expectAccessible } from './axe';
import { chooseOrganisation, invitationLink, signInAs, signOut } from './helpers';

/** A day about six weeks ahead on a UK calendar: its input value, its iCalendar date and how the page writes it. */
function futureLondonDay(daysAhead = 42) {
  const at = new Date(Date.now() + daysAhead * 24 * 3600 * 1000);
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(at);
  const get = (t: string) => parts.find((p) => p.type === t)!.value;
  const [y, m, d] = [get('year'), get('month'), get('day')];
  const noon = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d), 12));
  const words = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' })
    .formatToParts(noon)
    .reduce<Record<string, string>>((acc, p) => ({ ...acc, [p.type]: p.value }), {});
  return {
    input: `${y}-${m}-${d}`,
    ics: `${y}${m}${d}`,
    text: `${words.weekday} ${words.day} ${words.month} ${words.year}`,
  };
}

test('a convener schedules a video meeting and an invited member subscribes to the calendar feed', async ({ page }) => {
  const run = `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
  const name = `Deteriorating patient community ${run}`;
  const invitee = { email: `member-${run}@example.nhs.uk`, password: 'a long enough password 7', name: 'Priya Member' };
  const day = futureLondonDay();
  const agenda = `Sepsis screening on the wards ${run}`;
  const when = `${day.text}, 2pm to 3:30pm`;

  // The convener starts a community and invites someone by e-mail.
  await signInAs(page, 'amira@convene.example', '/communities/new');
  await expect(page.getByRole('heading', { level: 1, name: 'Start a community' })).toBeVisible();
  await page.getByLabel('Name of the community').fill(name);
  const domain = page.getByLabel('Domain');
  await domain.selectOption((await domain.locator('option').nth(1).getAttribute('value'))!);
  await page.getByRole('radio', { name: 'By invitation' }).check();
  await page.getByRole('button', { name: 'Start the community' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page).not.toHaveURL(/\/communities\/new$/);
  const home = new URL(page.url()).pathname;
  await page.getByRole('link', { name: 'Invite people' }).click();
  await page.getByLabel('Email address').fill(invitee.email);
  await page.getByRole('button', { name: 'Send invitation' }).click();
  await expect(page.getByText(`Invitation sent to ${invitee.email}`)).toBeVisible();
  await signOut(page);

  // The invitee registers from the e-mailed link and accepts.
  const link = await invitationLink(invitee.email);
  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1, name: `Amira Haddad invites you to join ${name}` })).toBeVisible();
  await page.getByRole('main').getByRole('button', { name: 'Create an account' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Create an account' })).toBeVisible();
  await page.getByLabel('Email address').fill(invitee.email);
  await page.getByLabel('Create a password').fill(invitee.password);
  await page.getByLabel('Full name').fill(invitee.name);
  await chooseOrganisation(page, 'NHS trust');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page).toHaveURL(new RegExp(`${link}$`));
  await page.getByRole('button', { name: 'Accept the invitation' }).click();
  await expect(page.getByText(`You have joined ${name}`)).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Meetings' })).toBeVisible();
  await expect(page.getByText('No meetings are planned yet.')).toBeVisible();
  // Members do not schedule meetings: conveners and the core group do.
  await expect(page.getByRole('link', { name: 'Schedule a meeting' })).toHaveCount(0);
  await signOut(page);

  // The convener schedules a video meeting, first meeting the form's errors.
  await signInAs(page, 'amira@convene.example', home);
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await page.getByRole('link', { name: 'Schedule a meeting' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Schedule a meeting' })).toBeVisible();
  await expectAccessible(page, 'schedule a meeting');
  await page.getByRole('button', { name: 'Schedule the meeting' }).click();
  const summary = page.getByRole('alert');
  await expect(summary).toContainText('There is a problem');
  await expect(summary.getByRole('link', { name: 'Enter the date of the meeting' })).toBeVisible();
  await expect(summary.getByRole('link', { name: 'Choose how people meet' })).toBeVisible();
  await expectAccessible(page, 'schedule a meeting with errors');
  await summary.getByRole('link', { name: 'Enter the date of the meeting' }).click();
  await expect(page.getByLabel('Date')).toBeFocused();
  await page.getByLabel('Date').fill(day.input);
  await page.getByLabel('Start time').fill('14:00');
  await page.getByLabel('Length in minutes').fill('90');
  await page.getByRole('radio', { name: 'Video call' }).check();
  await page.getByRole('button', { name: 'Schedule the meeting' }).click();
  await expect(page.getByRole('link', { name: 'Enter how people join the call' })).toBeVisible();
  await expectAccessible(page, 'schedule a meeting, joining details missing');
  await page.getByLabel('How to join').fill('https://teams.example/l/meetup-join/sepsis');
  await page.getByLabel('Agenda (optional)').fill(agenda);
  await page.getByRole('button', { name: 'Schedule the meeting' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Meetings' })).toBeVisible();
  await expect(page.getByText(`Meeting scheduled for ${when}`)).toBeVisible();
  await expect(page.locator('#upcoming-meetings')).toContainText(agenda);
  await expectAccessible(page, 'meetings (convener)');
  await signOut(page);

  // The member sees it on the community's meetings page, and subscribes.
  await signInAs(page, invitee.email, home, invitee.password);
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByRole('link', { name: when })).toBeVisible();
  await page.getByRole('link', { name: 'All meetings and the calendar feed' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Meetings' })).toBeVisible();
  const meeting = page.locator('#upcoming-meetings > li').first();
  await expect(meeting.getByRole('link', { name: when })).toBeVisible();
  await expect(meeting).toContainText('Video call: https://teams.example/l/meetup-join/sepsis');
  await expect(meeting).toContainText(agenda);
  await expect(page.getByRole('heading', { level: 2, name: 'Subscribe in Outlook or another calendar' })).toBeVisible();
  await expectAccessible(page, 'meetings (member)');

  const feedUrl = await page.getByLabel('Calendar address').inputValue();
  expect(feedUrl).toMatch(/\/calendar\/communities\/[^/]+\.ics\?token=.+/);
  await expect(page.getByRole('link', { name: 'Open in your calendar program' })).toHaveAttribute('href', feedUrl.replace(/^https?:\/\//, 'webcal://'));
  const feed = await page.request.get(feedUrl);
  expect(feed.status()).toBe(200);
  expect(feed.headers()['content-type']).toContain('text/calendar');
  const ics = (await feed.text()).replace(/\r\n[ \t]/g, '');
  expect(ics).toContain('BEGIN:VEVENT');
  expect(ics).toContain(`DTSTART;TZID=Europe/London:${day.ics}T140000`);
  expect(ics).toContain(agenda);

  // The meeting's own page, with its calendar file.
  await meeting.getByRole('link', { name: when }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Meeting on ${day.text}` })).toBeVisible();
  await expect(page.getByText('Attendance is recorded once the meeting has started.')).toBeVisible();
  await expectAccessible(page, 'meeting (member)');
  const file = await page.getByRole('link', { name: 'Add to calendar' }).getAttribute('href');
  const one = await page.request.get(file!);
  expect(one.headers()['content-type']).toContain('text/calendar');
  expect((await one.text()).replace(/\r\n[ \t]/g, '')).toContain(`DTSTART;TZID=Europe/London:${day.ics}T140000`);

  // Resetting the link: the old address stops working.
  await page.getByRole('link', { name: 'Back to meetings' }).click();
  await page.getByRole('link', { name: 'Reset my calendar link' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Reset your calendar link' })).toBeVisible();
  await expectAccessible(page, 'reset the calendar link');
  await page.getByRole('button', { name: 'Reset my calendar link' }).click();
  await expect(page.getByText('Your calendar link has been reset')).toBeVisible();
  await expect(page.getByLabel('Calendar address')).not.toHaveValue(feedUrl);
  const newUrl = await page.getByLabel('Calendar address').inputValue();
  expect((await page.request.get(newUrl)).status()).toBe(200);
  expect((await page.request.get(feedUrl)).status()).not.toBe(200);
});

test('a convener steers the community, the programme team gives it a coach, and the convener closes it', async ({ page }) => {
  const run = `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
  const name = `Sepsis community ${run}`;
  const renamed = `Sepsis and deterioration community ${run}`;

  await signInAs(page, 'amira@convene.example', '/communities/new');
  await expect(page.getByRole('heading', { level: 1, name: 'Start a community' })).toBeVisible();
  await page.getByLabel('Name of the community').fill(name);
  const domain = page.getByLabel('Domain');
  await domain.selectOption((await domain.locator('option').nth(1).getAttribute('value'))!);
  await page.getByRole('radio', { name: 'Open' }).check();
  await page.getByRole('button', { name: 'Start the community' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page).not.toHaveURL(/\/communities\/new$/);
  const home = new URL(page.url()).pathname;

  // Settings: a new name, and the community is now active.
  await page.getByRole('link', { name: 'Community settings' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Community settings' })).toBeVisible();
  await expectAccessible(page, 'community settings');
  await page.getByLabel('Name of the community').fill('');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('link', { name: 'Enter a name for the community' })).toBeVisible();
  await expectAccessible(page, 'community settings with an error');
  await page.getByLabel('Name of the community').fill(renamed);
  await page.getByRole('radio', { name: 'Active', exact: true }).check();
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Community settings saved')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: renamed })).toBeVisible();

  // My communities, from the header.
  await page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'My communities' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'My communities' })).toBeVisible();
  await expect(page.locator('#my-communities').getByRole('link', { name: renamed })).toBeVisible();
  await expectAccessible(page, 'my communities');
  await signOut(page);

  // The programme team gives it a coach.
  await signInAs(page, 'programme@convene.example', home);
  await expect(page.getByRole('heading', { level: 1, name: renamed })).toBeVisible();
  await page.getByRole('link', { name: 'Give the community a coach' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Who is the coach of ${renamed}?` })).toBeVisible();
  await expectAccessible(page, 'choose a coach');
  await page.getByRole('radio', { name: 'Sam Whitfield' }).check();
  await page.getByRole('button', { name: 'Save coach' }).click();
  await expect(page.getByText('Sam Whitfield is now the community’s coach')).toBeVisible();
  await expect(page.locator('.nhsuk-summary-list__row', { hasText: 'Coach' })).toContainText('Sam Whitfield');
  await signOut(page);

  // The convener sees the coach, then closes the community after confirming.
  await signInAs(page, 'amira@convene.example', home);
  await expect(page.getByRole('heading', { level: 1, name: renamed })).toBeVisible();
  await expect(page.locator('.nhsuk-summary-list__row', { hasText: 'Coach' })).toContainText('Sam Whitfield');
  await page.getByRole('link', { name: 'Community settings' }).click();
  await page.getByRole('radio', { name: 'Closed' }).check();
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Are you sure you want to close ${renamed}?` })).toBeVisible();
  await expectAccessible(page, 'close the community');
  await page.getByRole('button', { name: 'Close the community' }).click();
  await expect(page.getByText(`${renamed} has closed`)).toBeVisible();
  await expect(page.locator('main .nhsuk-tag', { hasText: 'Closed' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Community settings' })).toHaveCount(0);
  await expectAccessible(page, 'closed community');
});
