import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useQuery } from 'urql';
import { ChallengeQuery, ChallengesQuery } from '../queries';
import { PostChallengeMutation, ReplyToChallengeMutation } from '../mutations';
import { MemberCommunity } from '../components/MemberCommunity';
import { ChallengePost } from '../components/ChallengePost';
import { Checkbox } from '../components/Checkboxes';
import { ANONYMOUS_EXPLANATION } from '../labels';
import type { CommunityHome } from '../../communities/components/CommunityLoader';
import { CommunityBackLink, CommunityCaption } from '../../communities/components/CommunityCaption';
import { Flash, type FlashState } from '../../communities/components/Flash';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { BackLink, Loading } from '../../ui/Layout';
import { Button, TextInput, Textarea } from '../../ui/fields';
import { errorCode, fieldError, problemsFrom, type Problem } from '../../ui/problems';
import { useFormMutation } from '../../ui/useFormMutation';
import { usePageTitle } from '../../ui/usePageTitle';
import { challengeUrl, challengesUrl, newChallengeUrl } from '../../urls';

// Members post and reply while the community has not closed (the server's rule).
const open = (c: CommunityHome) => c.viewerCan.postChallenges;

/** /communities/:id/challenges: members bring significant challenges and peers reply, newest first. */
export function ChallengesView() {
  return <MemberCommunity>{(c) => <Board community={c} />}</MemberCommunity>;
}

function Board({ community }: { community: CommunityHome }) {
  usePageTitle(`Challenges board – ${community.name}`);
  const [{ data, fetching, error }] = useQuery({ query: ChallengesQuery, variables: { id: community.id }, requestPolicy: 'cache-and-network' });
  const posts = data?.community?.challenges.nodes;
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <CommunityBackLink id={community.id} name={community.name} />
        <Flash />
        <CommunityCaption name={community.name} />
        <h1 className="nhsuk-heading-l">Challenges board</h1>
        <p className="nhsuk-body">
          Bring a significant challenge and get replies from your peers, without fear of judgement or blame. You can post
          and reply anonymously.
        </p>
        {open(community) && (
          <p className="nhsuk-body">
            <Link to={newChallengeUrl(community.id)}>Bring a challenge</Link>
          </p>
        )}
        {fetching && !data ? (
          <Loading />
        ) : !posts ? (
          <ErrorSummary problems={problemsFrom(error)} />
        ) : posts.length === 0 ? (
          <p className="nhsuk-body">Nobody has brought a challenge yet.</p>
        ) : (
          posts.map((c) => (
            <ChallengePost
              key={c.id}
              challenge={c}
              heading={
                <h2 className="nhsuk-card__heading nhsuk-heading-m">
                  <Link to={challengeUrl(community.id, c.id)}>{c.title}</Link>
                </h2>
              }
              footer={
                open(community) && (
                  <p className="nhsuk-body nhsuk-u-margin-bottom-0">
                    <Link to={challengeUrl(community.id, c.id)}>
                      Reply<span className="nhsuk-u-visually-hidden"> to {c.title}</span>
                    </Link>
                  </p>
                )
              }
            />
          ))
        )}
      </div>
    </div>
  );
}

/** /communities/:id/challenges/new: bring a challenge to the board. */
export function PostChallengeView() {
  return <MemberCommunity>{(c) => <Post community={c} />}</MemberCommunity>;
}

function Post({ community }: { community: CommunityHome }) {
  const navigate = useNavigate();
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  const post = useFormMutation(PostChallengeMutation);
  const { problems, setProblems, fetching } = post;
  const heading = 'Bring a challenge';
  usePageTitle(`${heading} – ${community.name}`, problems.length > 0);
  const back = challengesUrl(community.id);
  const err = (f: string) => fieldError(problems, f);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const local: Problem[] = [];
    if (!title.trim()) local.push({ field: 'title', message: 'Enter a title' });
    if (!body.trim()) local.push({ field: 'body', message: 'Enter your challenge' });
    if (local.length) {
      setProblems(local);
      return;
    }
    const r = await post.submit({ input: { communityId: community.id, title: title.trim(), body: body.trim(), anonymous } });
    if (!r) return;
    const state: FlashState = { flash: anonymous ? 'Challenge posted anonymously' : 'Challenge posted' };
    navigate(back, { state });
  };

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <BackLink to={back}>Back to the challenges board</BackLink>
        <ErrorSummary problems={problems} />
        <CommunityCaption name={community.name} />
        <h1 className="nhsuk-heading-l">{heading}</h1>
        <form onSubmit={onSubmit} noValidate>
          <TextInput id="title" label="Title" hint="In a few words, what is the challenge?" value={title} onChange={setTitle} error={err('title')} />
          <Textarea
            id="body"
            label="Your challenge"
            hint="What happened, what you have tried, and what you would like help with"
            rows={8}
            value={body}
            onChange={setBody}
            error={err('body')}
          />
          <Checkbox id="anonymous" label="Anonymous to other members" hint={ANONYMOUS_EXPLANATION} checked={anonymous} onChange={setAnonymous} />
          <Button disabled={fetching}>Post the challenge</Button>
        </form>
      </div>
    </div>
  );
}

/** /communities/:id/challenges/:challengeId: a challenge with its replies, and a reply form. */
export function ChallengeView() {
  return <MemberCommunity>{(c) => <Thread community={c} />}</MemberCommunity>;
}

function Thread({ community }: { community: CommunityHome }) {
  const { challengeId = '' } = useParams();
  const [{ data, fetching, error }, refetch] = useQuery({ query: ChallengeQuery, variables: { id: challengeId }, requestPolicy: 'cache-and-network' });
  const [body, setBody] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const reply = useFormMutation(ReplyToChallengeMutation);
  const { problems, setProblems } = reply;
  const node = data?.node;
  const challenge = node?.__typename === 'Challenge' && node.community.id === community.id ? node : null;
  usePageTitle(`${challenge?.title ?? 'Challenge'} – ${community.name}`, problems.length > 0);
  const back = challengesUrl(community.id);
  if (fetching && !data) return <Loading />;
  if (!challenge) {
    const code = errorCode(error);
    if (error && code !== 'NOT_FOUND' && code !== 'FORBIDDEN' && code !== 'VALIDATION') return <ErrorSummary problems={problemsFrom(error)} />;
    return (
      <>
        <BackLink to={back}>Back to the challenges board</BackLink>
        <h1 className="nhsuk-heading-l">Challenge not found</h1>
        <p className="nhsuk-body">We could not find this challenge.</p>
      </>
    );
  }

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setMessage(null);
    if (!body.trim()) {
      setProblems([{ field: 'body', message: 'Enter your reply' }]);
      return;
    }
    const r = await reply.submit({ input: { challengeId: challenge.id, body: body.trim(), anonymous } });
    if (!r) return;
    setProblems([]);
    setBody('');
    setAnonymous(false);
    setMessage(anonymous ? 'Reply posted anonymously' : 'Reply posted');
    refetch({ requestPolicy: 'network-only' });
  };

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <BackLink to={back}>Back to the challenges board</BackLink>
        <ErrorSummary problems={problems} />
        <CommunityCaption name={community.name} />
        <h1 className="nhsuk-heading-l">{challenge.title}</h1>
        {message && (
          <p className="nhsuk-body" role="status">
            {message}
          </p>
        )}
        <ChallengePost challenge={challenge} heading={null} />
        {open(community) && (
          <form onSubmit={onSubmit} noValidate>
            <Textarea id="body" label="Your reply" labelSize="m" rows={5} value={body} onChange={setBody} error={fieldError(problems, 'body')} />
            <Checkbox id="anonymous" label="Anonymous to other members" hint={ANONYMOUS_EXPLANATION} checked={anonymous} onChange={setAnonymous} />
            <Button disabled={reply.fetching}>Post the reply</Button>
          </form>
        )}
      </div>
    </div>
  );
}
