import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useQuery } from 'urql';
import { ShareExchangeFormQuery } from '../queries';
import { ShareExchangeMutation } from '../mutations';
import { ProtocolGuide } from '../components/ProtocolGuide';
import { AnonymousCheckbox, VisibilityRadios } from '../components/VisibilityFields';
import { formatMinutes, SECTIONS, type SectionField } from '../labels';
import type { FlashState } from '../../communities/components/Flash';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { BackLink, Loading } from '../../ui/Layout';
import { Button, Select, Textarea } from '../../ui/fields';
import { formatDateTime } from '../../ui/format';
import { errorCode, fieldError, problemsFrom, type Problem } from '../../ui/problems';
import { useFormMutation } from '../../ui/useFormMutation';
import { usePageTitle } from '../../ui/usePageTitle';
import type { ExchangeVisibility, ShareExchangeFormQuery as FormData } from '../../graphql/graphql';
import { practiceUrl } from '../../urls';

type Sections = Record<SectionField, string>;
const EMPTY: Sections = { technical: '', cultural: '', challenges: '', barriersOvercome: '', missing: '', helpNeeded: '' };

/** /practices/:id/share: a member shares their experience of a practice in FAQ 10's six sections. */
export function ShareExchangeView() {
  const { id = '' } = useParams();
  const [{ data, fetching, error }] = useQuery({ query: ShareExchangeFormQuery, variables: { id }, requestPolicy: 'cache-and-network' });
  if (fetching && !data) return <Loading />;
  const practice = data?.practice;
  if (!practice || !practice.community || !practice.community.viewerRole) {
    return <NotAMember practiceId={id} problems={error && errorCode(error) !== 'FORBIDDEN' && errorCode(error) !== 'NOT_FOUND' ? problemsFrom(error) : []} />;
  }
  return <ShareForm data={data} practice={practice} />;
}

function NotAMember({ practiceId, problems }: { practiceId: string; problems: Problem[] }) {
  usePageTitle('Only members can share');
  return (
    <>
      <ErrorSummary problems={problems} />
      <h1 className="nhsuk-heading-l">Only members of the community can share their experience</h1>
      <p className="nhsuk-body">
        <Link to={practiceUrl(practiceId)}>Go back to the practice</Link>
      </p>
    </>
  );
}

type Practice = NonNullable<FormData['practice']>;

function ShareForm({ data, practice }: { data: FormData; practice: Practice }) {
  const navigate = useNavigate();
  const community = practice.community!;
  const [sections, setSections] = useState<Sections>(EMPTY);
  const [protocolId, setProtocolId] = useState('');
  const [meetingId, setMeetingId] = useState('');
  const [visibility, setVisibility] = useState<string>('COMMUNITY');
  const [anonymous, setAnonymous] = useState(false);
  const share = useFormMutation(ShareExchangeMutation);
  const { problems, setProblems, fetching } = share;
  usePageTitle(`Share your experience: ${practice.name}`, problems.length > 0);

  const own = community.sharingProtocols;
  const network = data.sharingProtocols.nodes;
  const protocols = [...own, ...network];
  const protocol = protocols.find((p) => p.id === protocolId) ?? null;
  const meetings = [...community.coming.nodes, ...community.held.nodes].filter((m) => m.status !== 'CANCELLED');

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (SECTIONS.every((s) => !sections[s.field].trim())) {
      setProblems([{ field: 'technical', message: 'Write about at least one of the six sections' }]);
      return;
    }
    const r = await share.submit({
      input: {
        practiceId: practice.id,
        ...Object.fromEntries(SECTIONS.map((s) => [s.field, sections[s.field].trim()])),
        protocolId: protocolId || null,
        meetingId: meetingId || null,
        visibility: visibility as ExchangeVisibility,
        anonymous,
      },
    });
    if (!r) return;
    const state: FlashState = { flash: 'Thank you for sharing your experience' };
    navigate(practiceUrl(practice.id), { state });
  };

  return (
    <>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <BackLink to={practiceUrl(practice.id)}>Back to {practice.name}</BackLink>
          <ErrorSummary problems={problems} />
          <span className="nhsuk-caption-l">{practice.name}</span>
          <h1 className="nhsuk-heading-l">Share your experience</h1>
          <p className="nhsuk-body">
            Tell your peers about your experience of this practice: the struggles behind what you learned as well as the
            successes. Write as much or as little as you like in each section; at least one needs some text.
          </p>
        </div>
      </div>
      <form onSubmit={onSubmit} noValidate>
        <div className="nhsuk-grid-row">
          <div className="nhsuk-grid-column-two-thirds">
            <Select
              id="protocolId"
              label="Sharing protocol (optional)"
              labelSize="s"
              hint="A sequence of prompts and timings to guide you. Its prompts are shown beside the form."
              value={protocolId}
              onChange={setProtocolId}
              placeholder="No protocol"
              options={[
                ...own.map((p) => ({ value: p.id, label: `${p.name} (this community’s, ${formatMinutes(p.totalMinutes)})` })),
                ...network.map((p) => ({ value: p.id, label: `${p.name} (the network’s, ${formatMinutes(p.totalMinutes)})` })),
              ]}
              error={fieldError(problems, 'protocolId')}
            />
            <Select
              id="meetingId"
              label="Meeting (optional)"
              labelSize="s"
              hint="The community meeting where you shared this, if any"
              value={meetingId}
              onChange={setMeetingId}
              placeholder="Not shared at a meeting"
              options={meetings.map((m) => ({ value: m.id, label: `Meeting on ${formatDateTime(m.startsAt)}` }))}
              error={fieldError(problems, 'meetingId')}
            />
            {SECTIONS.map((s) => (
              <Textarea
                key={s.field}
                id={s.field}
                label={s.title}
                labelSize="m"
                hint={s.hint}
                rows={4}
                value={sections[s.field]}
                onChange={(v) => setSections((prev) => ({ ...prev, [s.field]: v }))}
                error={fieldError(problems, s.field)}
              />
            ))}
            <VisibilityRadios value={visibility} onChange={setVisibility} error={fieldError(problems, 'visibility')} />
            <AnonymousCheckbox checked={anonymous} onChange={setAnonymous} />
            <Button disabled={fetching}>Share your experience</Button>
          </div>
          <div className="nhsuk-grid-column-one-third">
            <aside aria-labelledby="protocol-aside-heading">
              <h2 className="nhsuk-heading-s" id="protocol-aside-heading">
                Prompts and timings
              </h2>
              {protocol ? (
                <ProtocolGuide protocol={protocol} headingLevel={3} />
              ) : (
                <p className="nhsuk-body-s">Choose a sharing protocol to see its prompts and timings here.</p>
              )}
            </aside>
          </div>
        </div>
      </form>
    </>
  );
}
