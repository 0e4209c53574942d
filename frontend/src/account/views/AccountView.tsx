import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useQuery } from 'urql';
import { AccountQuery } from '../queries';
import { SignOutSessionMutation } from '../mutations';
import type { SignOutState } from './SignOutView';
import { deviceName } from '../devices';
import { OrganisationHistory } from '../components/OrganisationHistory';
import { Flash } from '../../communities/components/Flash';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { SummaryRow as Row } from '../../ui/SummaryRow';
import { Loading } from '../../ui/Layout';
import { Button, Tag } from '../../ui/fields';
import { formatDateTime } from '../../ui/format';
import { problemsFrom } from '../../ui/problems';
import { useFormMutation, useFormProblems } from '../../ui/useFormMutation';
import { usePageTitle } from '../../ui/usePageTitle';
import { TwoThirds } from '../../ui/TwoThirds';
import { changeEmailUrl, changePasswordUrl, changeProfileUrl } from '../../urls';
import type { AccountQuery as AccountResult } from '../../graphql/graphql';

type Account = NonNullable<AccountResult['viewer']>;

/** /account: your details (each changed on a page of its own), where you worked, where you are signed in. */
export function AccountView() {
  const [{ data, fetching, error }, refetch] = useQuery({ query: AccountQuery, requestPolicy: 'cache-and-network' });
  const form = useFormProblems();
  usePageTitle('Your account', form.problems.length > 0);
  const account = data?.viewer;
  if (!account) return fetching ? <Loading /> : <ErrorSummary problems={problemsFrom(error)} />;
  return (
    <TwoThirds>
      <Flash />
      <ErrorSummary problems={form.problems} />
      <h1 className="nhsuk-heading-l">Your account</h1>
      <dl className="nhsuk-summary-list">
        <Row label="Name" change={changeProfileUrl('name')}>
          {account.name}
        </Row>
        <Row label="Email address" change={changeEmailUrl()}>
          {account.email}{' '}
          {account.emailVerified ? <Tag colour="green">Confirmed</Tag> : <Tag colour="orange">Not confirmed</Tag>}
        </Row>
        <Row label="Profession" change={changeProfileUrl('profession')}>
          {account.profession || 'Not given'}
        </Row>
        <Row label="Organisation" change={changeProfileUrl('organisation')}>
          {account.organisation.name}
        </Row>
        <Row label="Password" change={changePasswordUrl()}>
          <span aria-hidden="true">••••••••••••</span>
          <span className="nhsuk-u-visually-hidden">Not shown</span>
        </Row>
      </dl>
      <OrganisationHistory history={account.organisationHistory} />
      <Sessions sessions={account.sessions} form={form} refresh={() => refetch({ requestPolicy: 'network-only' })} />
      <p className="nhsuk-body">
        <Link to="/account/data">Download your data or delete your account</Link>
      </p>
    </TwoThirds>
  );
}

function Sessions({ sessions, form, refresh }: { sessions: Account['sessions']; form: ReturnType<typeof useFormProblems>; refresh: () => void }) {
  const navigate = useNavigate();
  const signOutSession = useFormMutation(SignOutSessionMutation, { form, fields: [] });
  const [ended, setEnded] = useState<string | null>(null);

  const onSignOut = async (id: string, device: string) => {
    if (!(await signOutSession.submit({ input: { sessionId: id } }))) return;
    setEnded(`${device} is signed out.`);
    refresh();
  };
  // The sign-out page does it: this page needs a session, which ends with the others.
  const onEverywhere = () => navigate('/sign-out', { state: { everywhere: true } satisfies SignOutState });

  return (
    <>
      <h2 className="nhsuk-heading-m">Where you are signed in</h2>
      {ended && (
        <p className="nhsuk-body" role="status">
          {ended}
        </p>
      )}
      <table className="nhsuk-table">
        <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Your sessions, the most recently used first</caption>
        <thead className="nhsuk-table__head">
          <tr className="nhsuk-table__row">
            <th className="nhsuk-table__header" scope="col">
              Device
            </th>
            <th className="nhsuk-table__header" scope="col">
              Signed in
            </th>
            <th className="nhsuk-table__header" scope="col">
              Last used
            </th>
            <th className="nhsuk-table__header" scope="col">
              <span className="nhsuk-u-visually-hidden">Action</span>
            </th>
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {sessions.map((s) => {
            const device = deviceName(s.userAgent);
            return (
              <tr className="nhsuk-table__row" key={s.id}>
                <td className="nhsuk-table__cell">{device}</td>
                <td className="nhsuk-table__cell">{formatDateTime(s.createdAt)}</td>
                <td className="nhsuk-table__cell">{formatDateTime(s.lastUsedAt)}</td>
                <td className="nhsuk-table__cell">
                  {s.current ? (
                    <Tag colour="blue">This device</Tag>
                  ) : (
                    <button
                      type="button"
                      className="nhsuk-button nhsuk-button--secondary nhsuk-button--small nhsuk-u-margin-bottom-0"
                      disabled={signOutSession.fetching}
                      onClick={() => void onSignOut(s.id, device)}
                    >
                      Sign out<span className="nhsuk-u-visually-hidden"> {device}, signed in {formatDateTime(s.createdAt)}</span>
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="nhsuk-body">If you have lost a device or think someone else has signed in as you, sign out everywhere, then change your password.</p>
      <Button variant="secondary" type="button" onClick={onEverywhere}>
        Sign out everywhere
      </Button>
    </>
  );
}
