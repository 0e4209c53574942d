import { type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ResetCalendarFeedTokenMutation } from '../mutations';
import { CommunityLoader, MembersOnly, type CommunityHome } from '../../communities/components/CommunityLoader';
import { CommunityCaption } from '../../communities/components/CommunityCaption';
import type { FlashState } from '../../communities/components/Flash';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { Button } from '../../ui/fields';
import { BackLink } from '../../ui/Layout';
import { useFormMutation } from '../../ui/useFormMutation';
import { usePageTitle } from '../../ui/usePageTitle';
import { meetingsUrl } from '../../urls';

/** /communities/:id/calendar/reset: replace the viewer's calendar-feed token, after a warning. */
export function ResetCalendarLinkView() {
  const { id = '' } = useParams();
  return <CommunityLoader id={id}>{(c) => <Reset community={c} />}</CommunityLoader>;
}

function Reset({ community }: { community: CommunityHome }) {
  const navigate = useNavigate();
  const reset = useFormMutation(ResetCalendarFeedTokenMutation);
  const { problems, fetching } = reset;
  usePageTitle('Reset your calendar link', problems.length > 0);
  const back = meetingsUrl(community.id);
  if (!community.viewerRole) return <MembersOnly community={community} />;

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await reset.submit({});
    if (!r) return;
    const state: FlashState = { flash: 'Your calendar link has been reset. Subscribe again with the new address.' };
    navigate(back, { state });
  };

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <BackLink to={back}>Back to meetings</BackLink>
        <ErrorSummary problems={problems} />
        <CommunityCaption name={community.name} />
        <h1 className="nhsuk-heading-l">Reset your calendar link</h1>
        <p className="nhsuk-body">
          Reset your link if someone else may have it, for example if you shared it by mistake. You get a new address to
          subscribe with.
        </p>
        <div className="nhsuk-warning-callout">
          <h2 className="nhsuk-warning-callout__label">
            <span role="text">
              <span className="nhsuk-u-visually-hidden">Important: </span>
              Your old subscriptions stop
            </span>
          </h2>
          <p>
            Calendars subscribed with your current link, for this and every other community you belong to, stop getting
            updates. Subscribe again with the new address, and remove the old calendar.
          </p>
        </div>
        <form onSubmit={onSubmit} noValidate>
          <div className="convene-actions">
            <Button variant="warning" disabled={fetching}>
              Reset my calendar link
            </Button>
            <p className="nhsuk-body nhsuk-u-margin-bottom-0">
              <Link to={back}>Keep my current link</Link>
            </p>
          </div>
        </form>
      </div>
    </div>
  );
}
