import { useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { useQuery } from 'urql';
import { DomainDefinitionVersionsQuery } from '../queries';
import { AgreeDomainDefinitionMutation, ProposeDomainDefinitionMutation } from '../mutations';
import { CommunityLoader, MembersOnly, type CommunityHome } from '../components/CommunityLoader';
import { CommunityBackLink, CommunityCaption } from '../components/CommunityCaption';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { Loading } from '../../ui/Layout';
import { NotificationBanner } from '../../ui/NotificationBanner';
import { Button, Tag, Textarea } from '../../ui/fields';
import { formatInstantDate } from '../../ui/format';
import { fieldError, problemsFrom } from '../../ui/problems';
import { useFormMutation, useFormProblems } from '../../ui/useFormMutation';
import { usePageTitle } from '../../ui/usePageTitle';

/** /communities/:id/definition: propose a version of the domain definition; agree one. */
export function DefinitionView() {
  const { id = '' } = useParams();
  return <CommunityLoader id={id}>{(c) => <Definition community={c} />}</CommunityLoader>;
}

function Definition({ community }: { community: CommunityHome }) {
  const allowed = community.viewerCan.seeInside;
  const canChange = community.viewerCan.agreeDefinition;
  const [{ data, fetching, error }, refetch] = useQuery({
    query: DomainDefinitionVersionsQuery,
    variables: { id: community.id },
    pause: !allowed,
    requestPolicy: 'cache-and-network',
  });
  const [text, setText] = useState<string | null>(null);
  const form = useFormProblems();
  const { problems, setProblems } = form;
  const [done, setDone] = useState<string | null>(null);
  const propose = useFormMutation(ProposeDomainDefinitionMutation, { form });
  const agree = useFormMutation(AgreeDomainDefinitionMutation, { form, fields: [] });
  usePageTitle(`Domain definition – ${community.name}`, problems.length > 0);

  if (!allowed) return <MembersOnly community={community} />;
  if (fetching && !data) return <Loading />;
  const versions = data?.community?.domainDefinitionVersions;
  if (!versions) return <ErrorSummary problems={problemsFrom(error)} />;
  const inForce = community.domainDefinition?.id;
  const draft = text ?? versions[0]?.text ?? '';

  const onPropose = async (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    if (!draft.trim()) {
      setProblems([{ field: 'text', message: 'Write the domain definition you propose' }]);
      return;
    }
    const r = await propose.submit({ input: { communityId: community.id, text: draft.trim() } });
    if (!r) return;
    setText(null);
    setDone(`Version ${r.proposeDomainDefinition.version.version} proposed`);
    refetch({ requestPolicy: 'network-only' });
  };

  const onAgree = async (versionId: string, version: number) => {
    setDone(null);
    const r = await agree.submit({ input: { versionId } });
    if (!r) return;
    setDone(`Version ${version} agreed: it is now the community’s domain definition`);
    refetch({ requestPolicy: 'network-only' });
  };

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <CommunityBackLink id={community.id} name={community.name} />
        <ErrorSummary problems={problems} />
        {done && <NotificationBanner success heading={done} />}
        <CommunityCaption name={community.name} />
        <h1 className="nhsuk-heading-l">Domain definition</h1>
        <p className="nhsuk-body">
          The conveners sketch the domain first, enough to invite people. When the core group first meets, it develops a
          shared definition together and agrees it. The agreed version is shown on the community’s page.
        </p>

        {canChange && (
          <form onSubmit={onPropose} noValidate>
            <Textarea
              id="text"
              label="Propose a new version"
              labelSize="m"
              hint={
                versions.length
                  ? 'Starts from the latest version. The core group can agree it once it is proposed.'
                  : 'An initial sense of the domain: what it covers, and the practices within it you want to explore.'
              }
              rows={8}
              value={draft}
              onChange={setText}
              error={fieldError(problems, 'text')}
            />
            <Button disabled={propose.fetching}>Propose this version</Button>
          </form>
        )}

        <h2 className="nhsuk-heading-m">Version history</h2>
        {versions.length === 0 ? (
          <p className="nhsuk-body">No version has been proposed yet.</p>
        ) : (
          <ol className="nhsuk-list" reversed aria-label="Versions, newest first" id="versions">
            {versions.map((v) => (
              <li key={v.id}>
                <div className="nhsuk-card">
                  <div className="nhsuk-card__content">
                    <h3 className="nhsuk-card__heading nhsuk-heading-s">
                      Version {v.version}{' '}
                      {v.id === inForce ? (
                        <Tag colour="green">In force</Tag>
                      ) : v.agreed ? (
                        <Tag colour="grey">Agreed earlier</Tag>
                      ) : (
                        <Tag colour="yellow">Proposed</Tag>
                      )}
                    </h3>
                    <p className="nhsuk-body convene-pre-line">{v.text}</p>
                    <p className="nhsuk-body-s nhsuk-u-margin-bottom-2">
                      Proposed by {v.proposedBy.name} on {formatInstantDate(v.proposedAt)}.
                      {v.agreed &&
                        ` Agreed${v.agreedBy ? ` by ${v.agreedBy.name}` : ''}${v.agreedAt ? ` on ${formatInstantDate(v.agreedAt)}` : ''}.`}
                    </p>
                    {canChange && !v.agreed && (
                      <button
                        type="button"
                        className="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-0"
                        disabled={agree.fetching}
                        onClick={() => void onAgree(v.id, v.version)}
                      >
                        Agree this version<span className="nhsuk-u-visually-hidden"> (version {v.version})</span>
                      </button>
                    )}
                  </div>
                </div>
              </li>
            ))}
          </ol>
        )}
      </div>
    </div>
  );
}
