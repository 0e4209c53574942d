import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { AnswerInquiryMutation, AskInquiryMutation } from '../mutations';
import { ANONYMOUS_MEMBER, SECTIONS, visibilityLabel } from '../labels';
import type { ExchangeItem } from './PracticeLoader';
import { useSession } from '../../account/SessionContext';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { Button, Tag, Textarea } from '../../ui/fields';
import { formatDateTime, formatInstantDate } from '../../ui/format';
import { fieldError } from '../../ui/problems';
import { useFormMutation } from '../../ui/useFormMutation';
import { exchangeVisibilityUrl, meetingUrl } from '../../urls';

type Inquiry = ExchangeItem['inquiries'][number];
type Answer = Inquiry['answers'][number];

function answerBy(a: Answer): string {
  if (a.author) return a.byExchangeAuthor ? `${a.author.name} (who shared this)` : a.author.name;
  return a.byExchangeAuthor ? 'the member who shared this' : ANONYMOUS_MEMBER;
}

/** One person's exchange: who shared it (or "Anonymous member"), its six sections and its inquiries. */
export function ExchangeArticle({
  exchange,
  practiceId,
  index,
  communityId,
}: {
  exchange: ExchangeItem;
  practiceId: string;
  index: number;
  communityId?: string;
}) {
  const { viewer } = useSession();
  const vis = visibilityLabel(exchange.visibility);
  const who = exchange.author?.name ?? ANONYMOUS_MEMBER;
  const headingId = `exchange-${index}-heading`;
  return (
    <article className="nhsuk-card convene-exchange" id={`exchange-${index}`} aria-labelledby={headingId}>
      <div className="nhsuk-card__content">
        <h3 className="nhsuk-card__heading nhsuk-heading-m" id={headingId}>
          {who}
          <span className="nhsuk-caption-m">Shared on {formatInstantDate(exchange.createdAt)}</span>
        </h3>
        <p className="nhsuk-body-s convene-card-tags">
          {exchange.viewerIsAuthor && <Tag colour="green">You shared this</Tag>}
          <Tag colour={vis.colour}>{vis.tag}</Tag>
          {exchange.anonymous && <Tag colour="grey">Anonymous</Tag>}
        </p>
        {exchange.viewerIsAuthor && (
          <p className="nhsuk-body-s">
            {exchange.anonymous
              ? 'Other people see this as shared by an anonymous member. '
              : 'Other people see your name on this. '}
            Who can read it: {vis.text.toLowerCase()}.{' '}
            <Link to={exchangeVisibilityUrl(practiceId, exchange.id)}>
              Change who can see this<span className="nhsuk-u-visually-hidden"> exchange</span>
            </Link>
          </p>
        )}
        {(exchange.protocol || exchange.meeting) && (
          <p className="nhsuk-body-s">
            {exchange.meeting && (
              <>
                Shared at{' '}
                {communityId ? (
                  <Link to={meetingUrl(communityId, exchange.meeting.id)}>
                    the meeting on {formatDateTime(exchange.meeting.startsAt)}
                  </Link>
                ) : (
                  `the meeting on ${formatDateTime(exchange.meeting.startsAt)}`
                )}
                .{' '}
              </>
            )}
            {exchange.protocol && <>Following the protocol “{exchange.protocol.name}”.</>}
          </p>
        )}
        {SECTIONS.map((s) => {
          const text = exchange[s.field];
          if (!text) return null;
          return (
            <div key={s.field}>
              <h4 className="nhsuk-heading-s nhsuk-u-margin-bottom-1">{s.title}</h4>
              <p className="nhsuk-body convene-pre-line">{text}</p>
            </div>
          );
        })}
        <Inquiries exchange={exchange} index={index} signedIn={!!viewer} />
      </div>
    </article>
  );
}

function Inquiries({ exchange, index, signedIn }: { exchange: ExchangeItem; index: number; signedIn: boolean }) {
  return (
    <section aria-labelledby={`exchange-${index}-questions`}>
      <h4 className="nhsuk-heading-s" id={`exchange-${index}-questions`}>
        Questions of inquiry ({exchange.inquiries.length})
      </h4>
      {exchange.inquiries.length === 0 && <p className="nhsuk-body-s">Nobody has asked a question yet.</p>}
      {exchange.inquiries.map((q, qi) => (
        <div className="nhsuk-inset-text nhsuk-u-margin-top-2 nhsuk-u-margin-bottom-3" key={q.id}>
          <span className="nhsuk-u-visually-hidden">Question: </span>
          <p className="nhsuk-body convene-pre-line nhsuk-u-margin-bottom-1">{q.question}</p>
          <p className="nhsuk-body-s">
            Asked by {q.askedBy?.name ?? ANONYMOUS_MEMBER} on {formatInstantDate(q.askedAt)}
          </p>
          {q.answers.length > 0 && (
            <ul className="nhsuk-list">
              {q.answers.map((a) => (
                <li key={a.id}>
                  <p className="nhsuk-body convene-pre-line nhsuk-u-margin-bottom-1">{a.answer}</p>
                  <p className="nhsuk-body-s">
                    Reply from {answerBy(a)} on {formatInstantDate(a.answeredAt)}
                  </p>
                </li>
              ))}
            </ul>
          )}
          {signedIn && <ReplyForm inquiryId={q.id} formId={`reply-${index}-${qi}`} />}
        </div>
      ))}
      {signedIn && <AskForm exchangeId={exchange.id} formId={`ask-${index}`} />}
    </section>
  );
}

function AskForm({ exchangeId, formId }: { exchangeId: string; formId: string }) {
  const [question, setQuestion] = useState('');
  const [done, setDone] = useState(false);
  const ask = useFormMutation(AskInquiryMutation);
  const { problems, setProblems, fetching } = ask;
  const fieldId = `${formId}-question`;
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(false);
    if (!question.trim()) {
      setProblems([{ field: 'question', message: 'Enter your question' }]);
      return;
    }
    const r = await ask.submit({ input: { exchangeId, question: question.trim() } }, { additionalTypenames: ['Exchange'] });
    if (!r) return;
    setProblems([]);
    setQuestion('');
    setDone(true);
  };
  return (
    <details className="nhsuk-details" open={problems.length > 0 || undefined}>
      <summary className="nhsuk-details__summary">
        <span className="nhsuk-details__summary-text">Ask a question</span>
      </summary>
      <div className="nhsuk-details__text">
        <ErrorSummary problems={problems} hrefFor={() => `#${fieldId}`} />
        {done && (
          <p className="nhsuk-body" role="status">
            Your question has been added.
          </p>
        )}
        <form onSubmit={onSubmit} noValidate>
          <Textarea
            id={fieldId}
            label="Your question"
            hint="Ask out of curiosity, to understand their experience, not to judge it."
            rows={3}
            value={question}
            onChange={setQuestion}
            error={fieldError(problems, 'question')}
          />
          <Button variant="secondary" disabled={fetching}>
            Ask the question
          </Button>
        </form>
      </div>
    </details>
  );
}

function ReplyForm({ inquiryId, formId }: { inquiryId: string; formId: string }) {
  const [answer, setAnswer] = useState('');
  const reply = useFormMutation(AnswerInquiryMutation);
  const { problems, setProblems, fetching } = reply;
  const fieldId = `${formId}-answer`;
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (!answer.trim()) {
      setProblems([{ field: 'answer', message: 'Enter your reply' }]);
      return;
    }
    const r = await reply.submit({ input: { inquiryId, answer: answer.trim() } }, { additionalTypenames: ['Exchange'] });
    if (!r) return;
    setProblems([]);
    setAnswer('');
  };
  return (
    <details className="nhsuk-details nhsuk-u-margin-bottom-0" open={problems.length > 0 || undefined}>
      <summary className="nhsuk-details__summary">
        <span className="nhsuk-details__summary-text">Reply</span>
      </summary>
      <div className="nhsuk-details__text">
        <ErrorSummary problems={problems} hrefFor={() => `#${fieldId}`} />
        <form onSubmit={onSubmit} noValidate>
          <Textarea
            id={fieldId}
            label="Your reply"
            rows={3}
            value={answer}
            onChange={setAnswer}
            error={fieldError(problems, 'answer')}
          />
          <Button variant="secondary" disabled={fetching}>
            Send reply
          </Button>
        </form>
      </div>
    </details>
  );
}
