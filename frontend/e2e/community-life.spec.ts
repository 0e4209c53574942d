import { test, expect, type Page } from '@playwright/test';
import { expectAccessible } from './axe';
import { signInAs, signOut } from './helpers';

const COMMUNITY = 'Pressure ulcers community of practice';

/** A day on a UK calendar: its input value and how the page writes it. */
function londonDay(daysAhead: number) {
  const at = new Date(Date.now() + daysAhead * 24 * 3600 * 1000);
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(at);
  const get = (t: string) => parts.find((p) => p.type === t)!.value;
  const [y, m, d] = [get('year'), get('month'), get('day')];
  const text = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }).format(
    new Date(Date.UTC(Number(y), Number(m) - 1, Number(d), 12)),
  );
  return { input: `${y}-${m}-${d}`, text };
}

async function openCommunity(page: Page, email: string) {
  await signInAs(page, email, '/communities');
  await page.getByRole('link', { name: COMMUNITY }).click();
  await expect(page.getByRole('heading', { level: 1, name: COMMUNITY })).toBeVisible();
}

/** The community home's "Working together" links. */
function together(page: Page) {
  return page.getByRole('region', { name: 'Working together' });
}

function reachCell(page: Page, row: string, column: number) {
  return page.locator('#reach tbody tr', { has: page.getByRole('rowheader', { name: row }) }).locator('td').nth(column);
}

test('a convener maps a member and sees the reach grow, hands a function on and adds to the working plan', async ({ page }) => {
  const run = `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
  const person = `Jo Marsh ${run}`;
  const organisation = `Northgate Care Homes ${run}`;
  const fn = `Welcoming newcomers ${run}`;
  const today = londonDay(0);
  const handover = londonDay(7);
  const dayBefore = londonDay(6);

  await openCommunity(page, 'chloe@convene.example');
  await together(page).getByRole('link', { name: 'Member map' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Member map' })).toBeVisible();
  await expectAccessible(page, 'member map');
  const before = Number(await reachCell(page, 'Organisations', 0).textContent());

  await page.getByRole('link', { name: 'Add someone to the map' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Add someone to the member map' })).toBeVisible();
  await expectAccessible(page, 'add to the member map');
  await page.getByRole('button', { name: 'Add to the map' }).click();
  const summary = page.getByRole('alert');
  await expect(summary.getByRole('link', { name: 'Enter their name' })).toHaveAttribute('href', '#name');
  await expect(summary.getByRole('link', { name: 'Choose at least one reason this person is on the map' })).toHaveAttribute('href', '#tags');
  await expect(page).toHaveTitle(/^Error: /);
  await page.getByLabel('Name', { exact: true }).fill(person);
  await page.getByLabel('Organisation not in the list (optional)').fill(organisation);
  await page.getByLabel('Its sector (optional)').selectOption('LOCAL_AUTHORITY');
  await page.getByLabel('Profession (optional)').fill('Care home manager');
  await page.getByLabel('Should have an interest').check();
  await page.getByLabel('Needs development').check();
  await page.getByRole('button', { name: 'Add to the map' }).click();
  await expect(page.getByText(`${person} added to the member map`)).toBeVisible();
  const row = page.locator('#member-map tbody tr', { hasText: person });
  await expect(row).toContainText(organisation);
  await expect(row.locator('.nhsuk-tag')).toHaveText(['Should have an interest', 'Needs development']);
  await expect(reachCell(page, 'Organisations', 0)).toHaveText(String(before + 1));
  await expectAccessible(page, 'member map with an entry');

  // Roles and responsibilities: give a function, then rotate it to someone else.
  await page.getByRole('link', { name: `Back to ${COMMUNITY}` }).click();
  await together(page).getByRole('link', { name: 'Roles and responsibilities' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Roles and responsibilities' })).toBeVisible();
  await expectAccessible(page, 'roles and responsibilities');
  await page.getByRole('link', { name: 'Give someone a function' }).click();
  await expectAccessible(page, 'give a function');
  await page.getByRole('radio', { name: 'A function of your own' }).check();
  await page.getByLabel('Name of the function').fill(fn);
  await page.getByLabel('Who will handle it?').selectOption({ label: 'Hannah Brooks' });
  await page.getByLabel('First day').fill(today.input);
  await page.getByRole('button', { name: 'Give the function' }).click();
  await expect(page.getByText(`Hannah Brooks handles ${fn.toLowerCase()} from ${today.text}`)).toBeVisible();
  const card = page.locator('.nhsuk-card', { has: page.getByRole('heading', { level: 2, name: fn }) });
  await expect(card).toContainText('Hannah Brooks');
  await card.getByRole('link', { name: `Rotate or end ${fn}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Rotate ${fn.toLowerCase()}` })).toBeVisible();
  await expectAccessible(page, 'rotate a function');
  await page.getByLabel('Rotate to').selectOption({ label: 'Amira Haddad' });
  await page.getByLabel('From', { exact: true }).fill(handover.input);
  await page.getByRole('button', { name: 'Rotate' }).click();
  await expect(page.getByText(`Amira Haddad takes over ${fn.toLowerCase()} from ${handover.text}`)).toBeVisible();
  const rotated = page.locator('.nhsuk-card', { has: page.getByRole('heading', { level: 2, name: fn }) });
  await expect(rotated.first()).toBeVisible();
  await expect(page.locator('main')).toContainText(`From ${today.text} to ${dayBefore.text}`);

  // Working plan: add a need and mark it done.
  await page.getByRole('link', { name: `Back to ${COMMUNITY}` }).click();
  await together(page).getByRole('link', { name: 'Working plan' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Working plan' })).toBeVisible();
  await expectAccessible(page, 'working plan');
  const need = `Pressure-mapping audit results ${run}`;
  await page.getByRole('link', { name: 'Add a need' }).click();
  await page.getByRole('button', { name: 'Add to the plan' }).click();
  await expect(page.getByRole('alert').getByRole('link', { name: 'Enter what the community needs' })).toHaveAttribute('href', '#what');
  await expectAccessible(page, 'add a need with errors');
  await page.getByRole('radio', { name: 'Information' }).check();
  await page.getByLabel('What do you need?').fill(need);
  await page.getByLabel('From whom?').fill('The tissue viability team');
  await page.getByLabel('By when? (optional)').fill(londonDay(30).input);
  await page.getByRole('button', { name: 'Add to the plan' }).click();
  await expect(page.getByText('Need added to the working plan')).toBeVisible();
  const needCard = page.locator('#needs li', { hasText: need });
  await expect(needCard).toContainText(`From The tissue viability team, by ${londonDay(30).text}.`);
  await needCard.getByRole('button', { name: `Mark as done (${need})` }).click();
  await expect(page.getByRole('status')).toHaveText(`Marked as done: ${need}`);
  await expect(needCard.locator('.nhsuk-tag', { hasText: 'Done' })).toBeVisible();

  // Support from the network.
  await page.getByRole('link', { name: `Back to ${COMMUNITY}` }).click();
  await together(page).getByRole('link', { name: 'Support from the network' }).click();
  await expectAccessible(page, 'support requests');
  await page.getByRole('link', { name: 'Ask for support' }).click();
  await page.getByRole('radio', { name: 'Admin help' }).check();
  await page.getByLabel('Tell us more').fill(`Booking a room for our spring meeting ${run}`);
  await page.getByRole('button', { name: 'Send the request' }).click();
  await expect(page.getByText('Request sent.')).toBeVisible();
  await expect(page.locator('#support-requests li', { hasText: run }).locator('.nhsuk-tag').first()).toHaveText('Open');
  await signOut(page);
});

test('a member posts an anonymous challenge, another member sees “Anonymous member” and replies', async ({ page }) => {
  const run = `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
  const title = `Turning patients at night ${run}`;

  await openCommunity(page, 'hannah@convene.example');
  await together(page).getByRole('link', { name: 'Challenges board' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Challenges board' })).toBeVisible();
  await expectAccessible(page, 'challenges board');
  await page.getByRole('link', { name: 'Bring a challenge' }).click();
  await expect(page.getByText('Your name is hidden from everyone else, including the conveners and the programme team.')).toBeVisible();
  await expectAccessible(page, 'bring a challenge');
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Your challenge').fill('We keep missing two-hourly turns on nights when the ward is short. What has worked for you?');
  await page.getByLabel('Anonymous to other members').check();
  await page.getByRole('button', { name: 'Post the challenge' }).click();
  await expect(page.getByText('Challenge posted anonymously')).toBeVisible();
  const mine = page.getByRole('article', { name: title });
  await expect(mine).toContainText('You posted this');
  await expect(mine).not.toContainText('Hannah Brooks');
  await signOut(page);

  await openCommunity(page, 'amira@convene.example');
  await together(page).getByRole('link', { name: 'Challenges board' }).click();
  const theirs = page.getByRole('article', { name: title });
  await expect(theirs).toContainText('Anonymous member');
  await expect(theirs).not.toContainText('Hannah');
  await theirs.getByRole('link', { name: `Reply to ${title}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expectAccessible(page, 'a challenge');
  await page.getByRole('button', { name: 'Post the reply' }).click();
  await expect(page.getByRole('alert').getByRole('link', { name: 'Enter your reply' })).toHaveAttribute('href', '#body');
  await page.getByLabel('Your reply').fill('We put a turning clock on the whiteboard and paired up bays. It helped a lot.');
  await page.getByRole('button', { name: 'Post the reply' }).click();
  await expect(page.getByRole('status')).toHaveText('Reply posted');
  await expect(page.locator('.convene-replies li')).toContainText(['You posted this']);
  await signOut(page);

  await openCommunity(page, 'hannah@convene.example');
  await together(page).getByRole('link', { name: 'Challenges board' }).click();
  await expect(page.getByRole('article', { name: title }).locator('.convene-replies')).toContainText('Amira Haddad');
});

test('the programme team creates a partner client, sees its secret once, and revokes it', async ({ page }) => {
  const run = `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
  const name = `Quality dashboard ${run}`;

  await signInAs(page, 'programme@convene.example', '/');
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Partner systems' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Partner systems' })).toBeVisible();
  await expectAccessible(page, 'partner systems');
  await page.getByRole('link', { name: 'Create a partner client' }).click();
  await page.getByRole('button', { name: 'Create the client' }).click();
  const summary = page.getByRole('alert');
  await expect(summary.getByRole('link')).toHaveText(['Enter a name for the client', 'Choose the organisation whose system it is', 'Choose at least one scope']);
  await expect(page).toHaveTitle(/^Error: Create a partner client/);
  await expectAccessible(page, 'create a partner client with errors');
  await page.getByLabel('Name').fill(name);
  const org = page.getByLabel('Organisation');
  await org.selectOption((await org.locator('option').nth(1).getAttribute('value'))!);
  await page.getByLabel(/Read communities/).check();
  await page.getByLabel(/Read practices/).check();
  await page.getByRole('button', { name: 'Create the client' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Partner client created' })).toBeVisible();
  await expect(page.getByText('This is the only time you will see the client secret.')).toBeVisible();
  const secret = await page.getByLabel('Client secret').inputValue();
  expect(secret.length).toBeGreaterThan(20);
  const clientId = (await page.locator('#client-id').textContent())!;
  await expectAccessible(page, 'partner client created');

  await page.getByRole('link', { name: /back to partner systems/ }).click();
  const row = page.locator('#service-clients tbody tr', { hasText: name });
  await expect(row).toContainText(clientId);
  await expect(row.locator('.nhsuk-tag')).toHaveText(['read:communities', 'read:practices', 'Active']);
  await expect(page.locator('main')).not.toContainText(secret);
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: 'Create a partner client' })).toBeVisible();
  await expect(page.locator('main')).not.toContainText(secret);
  await page.goForward();

  await row.getByRole('link', { name: `Revoke ${name}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Are you sure you want to revoke ${name}?` })).toBeVisible();
  await expectAccessible(page, 'revoke a partner client');
  await page.getByRole('button', { name: 'Revoke the client' }).click();
  await expect(page.getByText(`${name} revoked.`)).toBeVisible();
  await expect(page.locator('#service-clients tbody tr', { hasText: name }).locator('.nhsuk-tag').last()).toHaveText('Revoked');

  // The support queue: the programme team gives the newest open request to the coach.
  await page.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Support queue' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Support queue' })).toBeVisible();
  await page.getByLabel('Status').selectOption('OPEN');
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page).toHaveURL(/status=OPEN/);
  await expectAccessible(page, 'support queue');
  await page.locator('#support-queue tbody tr').last().getByRole('link').click();
  await expectAccessible(page, 'a support request');
  await page.getByLabel('Who will help?').selectOption({ label: 'Sam Whitfield (coach)' });
  await page.getByRole('button', { name: 'Assign the request' }).click();
  await expect(page.getByText('Request assigned to Sam Whitfield')).toBeVisible();
  await signOut(page);

  // The coach closes it, first being told that closing needs a note.
  await signInAs(page, 'coach@convene.example', '/support-queue?status=ASSIGNED');
  await expect(page.getByRole('heading', { level: 1, name: 'Support queue' })).toBeVisible();
  await page.locator('#support-queue tbody tr').last().getByRole('link').click();
  await page.getByRole('radio', { name: 'Close it' }).check();
  await page.getByRole('button', { name: 'Save the update' }).click();
  await expect(page.getByRole('alert').getByRole('link', { name: 'Say how the request was resolved' })).toHaveAttribute('href', '#note');
  await page.getByRole('textbox', { name: 'Note' }).fill('Room booked for the spring meeting.');
  await page.getByRole('button', { name: 'Save the update' }).click();
  await expect(page.getByText('Request is now closed')).toBeVisible();
});
