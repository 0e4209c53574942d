import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { SetExchangeVisibilityMutation } from '../mutations';
import { PracticeLoader, type ExchangeItem, type PracticePage } from '../components/PracticeLoader';
import { AnonymousCheckbox, VisibilityRadios } from '../components/VisibilityFields';
import { visibilityLabel } from '../labels';
import type { FlashState } from '../../communities/components/Flash';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { BackLink } from '../../ui/Layout';
import { Button } from '../../ui/fields';
import { formatInstantDate } from '../../ui/format';
import { fieldError } from '../../ui/problems';
import { useFormMutation } from '../../ui/useFormMutation';
import { usePageTitle } from '../../ui/usePageTitle';
import type { ExchangeVisibility } from '../../graphql/graphql';
import { practiceUrl } from '../../urls';

/** /practices/:id/exchanges/:exchangeId/visibility: its author chooses who reads it and whether it is anonymous. */
export function ExchangeVisibilityView() {
  const { id = '', exchangeId = '' } = useParams();
  return (
    <PracticeLoader id={id}>
      {(practice) => {
        const exchange = practice.exchanges.nodes.find((e) => e.id === exchangeId);
        return exchange?.viewerIsAuthor ? <ChangeVisibility practice={practice} exchange={exchange} /> : <NotYours practice={practice} />;
      }}
    </PracticeLoader>
  );
}

function NotYours({ practice }: { practice: PracticePage }) {
  usePageTitle('Only the author can change this');
  return (
    <>
      <h1 className="nhsuk-heading-l">Only the person who shared an exchange can change who sees it</h1>
      <p className="nhsuk-body">
        <Link to={practiceUrl(practice.id)}>Go back to {practice.name}</Link>
      </p>
    </>
  );
}

function ChangeVisibility({ practice, exchange }: { practice: PracticePage; exchange: ExchangeItem }) {
  const navigate = useNavigate();
  const [visibility, setVisibility] = useState<string>(exchange.visibility);
  const [anonymous, setAnonymous] = useState(exchange.anonymous);
  const save = useFormMutation(SetExchangeVisibilityMutation);
  const { problems, fetching } = save;
  usePageTitle('Who can see your exchange', problems.length > 0);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await save.submit({ input: { exchangeId: exchange.id, visibility: visibility as ExchangeVisibility, anonymous } });
    if (!r) return;
    const x = r.setExchangeVisibility.exchange;
    const state: FlashState = {
      flash: `Your exchange can be read by ${visibilityLabel(x.visibility).text.toLowerCase()}${x.anonymous ? ', without your name' : ', with your name'}`,
    };
    navigate(practiceUrl(practice.id), { state });
  };

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <BackLink to={practiceUrl(practice.id)}>Back to {practice.name}</BackLink>
        <ErrorSummary problems={problems} />
        <span className="nhsuk-caption-l">{practice.name}</span>
        <h1 className="nhsuk-heading-l">Who can see your exchange</h1>
        <p className="nhsuk-body">You shared this on {formatInstantDate(exchange.createdAt)}.</p>
        <form onSubmit={onSubmit} noValidate>
          <VisibilityRadios value={visibility} onChange={setVisibility} error={fieldError(problems, 'visibility')} />
          <AnonymousCheckbox checked={anonymous} onChange={setAnonymous} />
          <Button disabled={fetching}>Save changes</Button>
        </form>
      </div>
    </div>
  );
}
