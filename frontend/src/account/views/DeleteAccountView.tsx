import { useEffect, useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { DeleteMyAccountMutation } from '../mutations';
import { endSession } from '../session';
import { Checkboxes } from '../../community-life/components/Checkboxes';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { BackLink } from '../../ui/Layout';
import { Button, TextInput } from '../../ui/fields';
import { plural } from '../../ui/format';
import { errorCode, fieldError, type Problem } from '../../ui/problems';
import { useFormMutation } from '../../ui/useFormMutation';
import { usePageTitle } from '../../ui/usePageTitle';
import type { DeleteMyAccountMutation as DeleteResult } from '../../graphql/graphql';

export interface DeletedState {
  kept: DeleteResult['deleteMyAccount']['kept'];
}

/** What deleting an account does, said before the person confirms it. */
export function WhatDeletionDoes() {
  return (
    <div className="nhsuk-card nhsuk-card--warning">
      <div className="nhsuk-card__content">
        <h2 className="nhsuk-card__heading">
          <span className="nhsuk-u-visually-hidden">Important: </span>Deleting your account cannot be undone
        </h2>
        <h3 className="nhsuk-heading-s">What is removed</h3>
        <ul className="nhsuk-list nhsuk-list--bullet">
          <li>your name, email address, profession and password: you can no longer sign in</li>
          <li>your memberships of communities, your invitations and requests to join, and your roles in them</li>
          <li>draft applications you lead, and your place on drafts others lead</li>
          <li>your notifications, your calendar link and every session you have open</li>
        </ul>
        <h3 className="nhsuk-heading-s">What is anonymised</h3>
        <ul className="nhsuk-list nhsuk-list--bullet">
          <li>
            what you wrote for communities (practice exchanges, challenges, replies, questions and support requests) stays for their shared learning, shown
            as written by a “Former member”
          </li>
          <li>your name and email address are taken out of the text of records that copied them</li>
        </ul>
        <h3 className="nhsuk-heading-s">What is kept, and why</h3>
        <ul className="nhsuk-list nhsuk-list--bullet">
          <li>applications that were submitted to a call, reviews and scores, conflicts of interest and selection decisions, so that the selection stays explainable to applicants and auditors</li>
          <li>honorarium payments approved or paid to you, which are financial records the network must keep</li>
          <li>the audit trail of changes, which shows what was done without your personal details</li>
        </ul>
        <p className="nhsuk-card__description">
          You may want to <Link to="/account/data">download your data</Link> first.
        </p>
      </div>
    </div>
  );
}

/** /account/delete: re-authenticate with the password, confirm, then delete the account. */
export function DeleteAccountView() {
  const navigate = useNavigate();
  const location = useLocation();
  const [password, setPassword] = useState('');
  const [confirmed, setConfirmed] = useState<string[]>([]);
  // A wrong password may come back as UNAUTHENTICATED: it belongs to the password field.
  const deleteMyAccount = useFormMutation(DeleteMyAccountMutation, {
    map: (ps, error) =>
      ps.map((p) => (errorCode(error) === 'UNAUTHENTICATED' && !p.field ? { field: 'password', message: 'The password is not right' } : p)),
  });
  const { problems, setProblems, fetching } = deleteMyAccount;
  usePageTitle('Delete your account', problems.length > 0);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const local: Problem[] = [];
    if (!password) local.push({ field: 'password', message: 'Enter your password' });
    if (!confirmed.includes('yes')) local.push({ field: 'confirm', message: 'Confirm that you want to delete your account' });
    if (local.length) {
      setProblems(local);
      return;
    }
    const r = await deleteMyAccount.submit({ input: { password } });
    const payload = r?.deleteMyAccount;
    if (!payload?.deleted) return;
    const state: DeletedState = { kept: payload.kept };
    // The confirmation page forgets the tokens once it is showing.
    navigate('/account/deleted', { replace: true, state });
  };

  const back = (location.state as { from?: string } | null)?.from ?? '/account/data';

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <BackLink to={back}>Your data</BackLink>
        <ErrorSummary problems={problems} />
        <h1 className="nhsuk-heading-l">Delete your account</h1>
        <WhatDeletionDoes />
        <form onSubmit={onSubmit} noValidate>
          <TextInput
            id="password"
            label="Your password"
            hint="To check it is you"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={setPassword}
            error={fieldError(problems, 'password')}
          />
          <Checkboxes
            id="confirm"
            legend="Confirm"
            legendSize="s"
            values={confirmed}
            onChange={setConfirmed}
            error={fieldError(problems, 'confirm')}
            options={[{ value: 'yes', label: 'I understand that my account will be deleted and that this cannot be undone' }]}
          />
          <Button variant="warning" disabled={fetching}>
            Delete my account
          </Button>
        </form>
        <p className="nhsuk-body">
          <Link to="/account/data">Cancel</Link>
        </p>
      </div>
    </div>
  );
}

/** /account/deleted: the confirmation, with what was kept and why. */
export function AccountDeletedView() {
  usePageTitle('Your account has been deleted');
  const state = useLocation().state as DeletedState | null;
  const kept = state?.kept ?? [];
  const justDeleted = !!state;
  useEffect(() => {
    // The account is gone: forget its tokens (this renews the urql client and its cache).
    if (justDeleted) endSession();
  }, [justDeleted]);
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <div className="nhsuk-panel">
          <h1 className="nhsuk-panel__heading">Your account has been deleted</h1>
          <div className="nhsuk-panel__body">You have been signed out.</div>
        </div>
        {kept.length > 0 ? (
          <>
            <h2 className="nhsuk-heading-m">What we have kept</h2>
            <p className="nhsuk-body">These records are kept without your name or contact details.</p>
            <table className="nhsuk-table">
              <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Records kept, and why</caption>
              <thead className="nhsuk-table__head">
                <tr className="nhsuk-table__row">
                  <th className="nhsuk-table__header" scope="col">
                    What
                  </th>
                  <th className="nhsuk-table__header nhsuk-table__header--numeric" scope="col">
                    How many
                  </th>
                  <th className="nhsuk-table__header" scope="col">
                    Why
                  </th>
                </tr>
              </thead>
              <tbody className="nhsuk-table__body">
                {kept.map((k) => (
                  <tr className="nhsuk-table__row" key={k.what}>
                    <th className="nhsuk-table__header" scope="row">
                      {k.what}
                    </th>
                    <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{k.count}</td>
                    <td className="nhsuk-table__cell">{k.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        ) : state ? (
          <p className="nhsuk-body">We did not need to keep any of your records.</p>
        ) : null}
        <p className="nhsuk-body">
          {kept.length > 0 ? `${plural(kept.reduce((n, k) => n + k.count, 0), 'record')} kept in all. ` : ''}
          Our <Link to="/privacy">privacy notice</Link> says how long they are kept. To ask about them, email{' '}
          <a href="mailto:privacy@convene.example">privacy@convene.example</a>.
        </p>
        <p className="nhsuk-body">
          <Link to="/">Go to the start page</Link>
        </p>
      </div>
    </div>
  );
}
