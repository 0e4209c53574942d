import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { CoLeadInvitationQuery } from '../queries';
import { AcceptCoLeadMutation, DeclineCoLeadMutation } from '../mutations';
import { useSession } from '../../account/SessionContext';
import { AnswersList } from '../components/AnswersList';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { Loading } from '../../ui/Layout';
import { Button, Radios } from '../../ui/fields';
import { fieldError, problemsFrom } from '../../ui/problems';
import { useFormMutation, useFormProblems } from '../../ui/useFormMutation';
import { usePageTitle } from '../../ui/usePageTitle';
import { coLeadInvitationUrl } from '../../urls';

/** /applications/:id/co-lead: the invitee accepts or declines. */
export function CoLeadInvitationView() {
  const { id = '' } = useParams();
  const { viewer, loading } = useSession();
  if (loading) return <Loading />;
  if (!viewer) return <SignInFirst id={id} />;
  // An unconfirmed address matches no invitation (issue 14): say so, with the way out.
  if (!viewer.emailVerified) return <ConfirmFirst />;
  return <Invitation id={id} viewerId={viewer.id} />;
}

function SignInFirst({ id }: { id: string }) {
  usePageTitle('You have been invited to co-lead an application');
  const next = encodeURIComponent(coLeadInvitationUrl(id));
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1 className="nhsuk-heading-l">You have been invited to co-lead an application</h1>
        <p className="nhsuk-body">
          To see the application and answer the invitation, create an account or sign in with the email address the
          invitation was sent to.
        </p>
        <Link className="nhsuk-button" role="button" draggable={false} to={`/register?next=${next}`}>
          Create an account
        </Link>
        <p className="nhsuk-body">
          Already have an account? <Link to={`/sign-in?next=${next}`}>Sign in</Link>
        </p>
      </div>
    </div>
  );
}

function ConfirmFirst() {
  usePageTitle('Confirm your email address to see this invitation');
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1 className="nhsuk-heading-l">Confirm your email address to see this invitation</h1>
        <p className="nhsuk-body">
          Invitations go to an email address, so we show them once you have shown the address is yours. Open the link we
          sent you when you created your account (or send it again, above), then come back to this page.
        </p>
      </div>
    </div>
  );
}

function Invitation({ id, viewerId }: { id: string; viewerId: string }) {
  const [{ data, fetching, error }] = useQuery({ query: CoLeadInvitationQuery, variables: { id }, requestPolicy: 'network-only' });
  const [answer, setAnswer] = useState('');
  const form = useFormProblems();
  const { problems, setProblems } = form;
  const [outcome, setOutcome] = useState<'accepted' | 'declined' | null>(null);
  const accept = useFormMutation(AcceptCoLeadMutation, { form });
  const decline = useFormMutation(DeclineCoLeadMutation, { form });

  const application = data?.application ?? null;
  const pending = !!application?.viewerIsInvited || !!data?.viewer?.coLeadInvitations.some((a) => a.id === id);
  const mine = application?.coLeads.find((c) => c.person?.id === viewerId);
  const state = outcome ?? (mine?.state === 'ACCEPTED' ? 'accepted' : mine?.state === 'DECLINED' ? 'declined' : null);

  const title =
    state === 'accepted'
      ? 'You are a co-lead'
      : state === 'declined'
        ? 'You declined the invitation'
        : pending
          ? 'Do you agree to co-lead this application?'
          : 'Invitation not found';
  usePageTitle(title, problems.length > 0);

  if (fetching && !data) return <Loading />;

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (!answer) {
      setProblems([{ field: 'answer', message: 'Select yes if you agree to co-lead this application' }]);
      return;
    }
    const r = answer === 'yes' ? await accept.submit({ input: { applicationId: id } }) : await decline.submit({ input: { applicationId: id } });
    if (!r) return;
    setOutcome(answer === 'yes' ? 'accepted' : 'declined');
  };

  if (state) {
    return (
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <div className="nhsuk-panel">
            <h1 className="nhsuk-panel__title">{title}</h1>
            {application && <div className="nhsuk-panel__body">{application.domain.name}</div>}
          </div>
          {state === 'accepted' && application && (
            <p className="nhsuk-body">
              {application.lead.name} can now submit the application. We will tell you both the outcome.
            </p>
          )}
          <p className="nhsuk-body">
            <Link to="/applications">Go to my applications</Link>
          </p>
        </div>
      </div>
    );
  }

  if (!application || !pending) {
    return (
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          {error && !application && problemsFrom(error).length > 0 && errorIsUnexpected(error.graphQLErrors[0]?.extensions?.code) && (
            <ErrorSummary problems={problemsFrom(error)} />
          )}
          <h1 className="nhsuk-heading-l">Invitation not found</h1>
          <p className="nhsuk-body">
            We could not find an open invitation for you on this application. Check you are signed in with the email
            address the invitation was sent to. The lead may also have removed the invitation.
          </p>
          <p className="nhsuk-body">
            <Link to="/sign-out">Sign out</Link> or <Link to="/applications">go to my applications</Link>.
          </p>
        </div>
      </div>
    );
  }

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <ErrorSummary problems={problems} />
        <span className="nhsuk-caption-l">{application.call.title}</span>
        <h1 className="nhsuk-heading-l">{application.lead.name} invited you to co-lead an application</h1>
        <p className="nhsuk-body">
          Co-leads convene the community together. If the application is funded, the honorarium is split among the
          co-leads.
        </p>
        <AnswersList application={application} editable={false} />
        <form onSubmit={onSubmit} noValidate>
          <Radios
            id="answer"
            legend="Do you agree to co-lead this application?"
            legendSize="m"
            value={answer}
            onChange={setAnswer}
            inline
            options={[
              { value: 'yes', label: 'Yes' },
              { value: 'no', label: 'No' },
            ]}
            error={fieldError(problems, 'answer')}
          />
          <Button disabled={accept.fetching || decline.fetching}>Continue</Button>
        </form>
      </div>
    </div>
  );
}

function errorIsUnexpected(code: unknown): boolean {
  return code !== 'NOT_FOUND' && code !== 'FORBIDDEN';
}
