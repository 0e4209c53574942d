import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { ApplicationReviewsQuery, ReviewApplicationQuery } from '../queries';
import { SubmitReviewMutation } from '../mutations';
import { ReviewForm, nameCriteriaInProblems, type RubricCriterion, type ScoreInputValue } from '../components/ReviewForm';
import { ReviewsList } from '../components/ReviewsList';
import { AnswersList } from '../../applications/components/AnswersList';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { BackLink, Loading } from '../../ui/Layout';
import { NotificationBanner } from '../../ui/NotificationBanner';
import { formatDateTime, formatScore } from '../../ui/format';
import { errorCode, problemsFrom } from '../../ui/problems';
import { useFormMutation } from '../../ui/useFormMutation';
import { usePageTitle } from '../../ui/usePageTitle';
import { declareConflictUrl } from '../../urls';

function CannotReview() {
  usePageTitle('You cannot review this application');
  return (
    <>
      <BackLink to="/reviews">Your reviews</BackLink>
      <h1 className="nhsuk-heading-l">You cannot review this application</h1>
      <p className="nhsuk-body">
        This application is not one you can see. You may have a conflict of interest on it, or you may not be on the
        panel of its call.
      </p>
      <p className="nhsuk-body">
        <Link to="/reviews">Go to your reviews</Link>
      </p>
    </>
  );
}

/** The call's criteria in the rubric's order, as the form lists (and sends) them. */
function rubric(application: { call: { criteria: ReadonlyArray<RubricCriterion & { position: number }> } }): RubricCriterion[] {
  return [...application.call.criteria].sort((a, b) => a.position - b.position);
}

/** /reviews/:applicationId: the application's answers, then the scoring form; others' reviews once yours is in. */
export function ReviewView() {
  const { applicationId = '' } = useParams();
  const [{ data, fetching, error }, refetch] = useQuery({
    query: ReviewApplicationQuery,
    variables: { id: applicationId },
    requestPolicy: 'cache-and-network',
  });
  const [saved, setSaved] = useState<'submitted' | 'updated' | null>(null);
  const application = data?.application ?? null;
  // The server names a score by its place in what was sent ("scores.1.score"): name the criterion.
  const submitReview = useFormMutation(SubmitReviewMutation, {
    map: (ps) => (application ? nameCriteriaInProblems(rubric(application), ps) : ps),
  });
  const { problems, setProblems } = submitReview;
  const myReview = application?.myReview ?? null;
  const [{ data: reviewsData }, refetchReviews] = useQuery({
    query: ApplicationReviewsQuery,
    variables: { id: applicationId },
    pause: !myReview,
    requestPolicy: 'cache-and-network',
  });
  const title = application ? `Review: ${application.domain.name}` : 'Review';
  usePageTitle(title, problems.length > 0);

  if (fetching && !data) return <Loading />;
  const code = errorCode(error);
  if (code === 'FORBIDDEN' || code === 'NOT_FOUND' || (!error && data && !application)) return <CannotReview />;
  if (!application) return <ErrorSummary problems={problemsFrom(error)} />;

  const criteria = rubric(application);
  const assignment = data?.viewer?.reviewAssignments.find((a) => a.application.id === application.id);
  const decided = application.call.status === 'DECIDED' || application.call.status === 'ARCHIVED';
  const canEdit = application.viewerCan.review;
  const others = (reviewsData?.application?.reviews ?? []).filter((r) => r.id !== myReview?.id);

  const onSubmit = async (scores: ScoreInputValue[]) => {
    const wasSubmitted = !!myReview;
    const r = await submitReview.submit({ input: { applicationId: application.id, scores } });
    if (!r) {
      setSaved(null);
      return;
    }
    setSaved(wasSubmitted ? 'updated' : 'submitted');
    refetch({ requestPolicy: 'network-only' });
    refetchReviews({ requestPolicy: 'network-only' });
  };

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <BackLink to="/reviews">Your reviews</BackLink>
        <ErrorSummary problems={problems} />
        {saved && (
          <NotificationBanner success heading={saved === 'submitted' ? 'Your review has been submitted' : 'Your review has been updated'}>
            <p className="nhsuk-body">
              You can change it until the decision. The other reviewers&apos; scores are now shown below your form.
            </p>
            <p className="nhsuk-body">
              <Link to="/reviews">Go to your reviews</Link>
            </p>
          </NotificationBanner>
        )}
        <span className="nhsuk-caption-l">{application.call.title}</span>
        <h1 className="nhsuk-heading-l">{title}</h1>
        <p className="nhsuk-body">
          Led by {application.lead.name}
          {application.leadOrganisation && <>, {application.leadOrganisation.name}</>}.
        </p>
        {!assignment && !decided && (
          <div className="nhsuk-inset-text">
            <span className="nhsuk-u-visually-hidden">Information: </span>
            <p>You are not assigned to review this application.</p>
          </div>
        )}
        {myReview && (
          <div className="nhsuk-inset-text">
            <span className="nhsuk-u-visually-hidden">Information: </span>
            <p>
              You submitted your review on {formatDateTime(myReview.submittedAt)}
              {myReview.updatedAt !== myReview.submittedAt && <> and last changed it on {formatDateTime(myReview.updatedAt)}</>}.
              Your weighted score is {formatScore(myReview.weightedScore)}.
              {canEdit ? ' You can change it until the decision.' : ''}
            </p>
          </div>
        )}
        {canEdit && !myReview && (
          <p className="nhsuk-body">
            If you have a conflict of interest, do not score this application:{' '}
            <Link to={declareConflictUrl(application.id)}>declare a conflict of interest</Link>.
          </p>
        )}

        <AnswersList application={application} editable={false} perspective="reviewer" />

        <h2 className="nhsuk-heading-l" id="your-review">
          Your review
        </h2>
        {canEdit ? (
          <ReviewForm
            key={myReview?.id ?? 'new'}
            criteria={criteria}
            initial={myReview?.scores.map((s) => ({ criterionId: s.criterion.id, score: s.score, comment: s.comment }))}
            problems={problems}
            submitLabel={myReview ? 'Save changes to your review' : 'Submit review'}
            busy={submitReview.fetching}
            onInvalid={(found) => {
              setSaved(null);
              setProblems(found);
            }}
            onSubmit={(scores) => void onSubmit(scores)}
          />
        ) : myReview ? (
          <>
            {decided && <p className="nhsuk-body">The decision has been made, so reviews can no longer change.</p>}
            <ReviewsList reviews={[myReview]} criteriaOrder={criteria.map((c) => c.id)} />
          </>
        ) : (
          <p className="nhsuk-body">
            {decided ? 'The decision has been made. You did not review this application.' : 'Reviewing has not started for this application.'}
          </p>
        )}

        {myReview && (
          <section aria-labelledby="other-reviews">
            <h2 className="nhsuk-heading-l" id="other-reviews">
              Other reviewers
            </h2>
            {others.length === 0 ? (
              <p className="nhsuk-body">No other reviewer has submitted a review yet.</p>
            ) : (
              <ReviewsList reviews={others} criteriaOrder={criteria.map((c) => c.id)} />
            )}
          </section>
        )}
        {canEdit && myReview && (
          <p className="nhsuk-body">
            <Link to={declareConflictUrl(application.id)}>Declare a conflict of interest</Link>
          </p>
        )}
      </div>
    </div>
  );
}
