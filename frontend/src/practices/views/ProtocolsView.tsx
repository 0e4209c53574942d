import { Link, useNavigate, useParams } from 'react-router';
import { useQuery } from 'urql';
import { CommunityProtocolsQuery } from '../queries';
import { AdoptSharingProtocolMutation } from '../mutations';
import { ProtocolGuide } from '../components/ProtocolGuide';
import { runsIt } from '../../communities/labels';
import { CommunityLoader, MembersOnly, type CommunityHome } from '../../communities/components/CommunityLoader';
import { CommunityBackLink, CommunityCaption } from '../../communities/components/CommunityCaption';
import { Flash, type FlashState } from '../../communities/components/Flash';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { Loading } from '../../ui/Layout';
import { Button } from '../../ui/fields';
import { problemsFrom } from '../../ui/problems';
import { useFormMutation } from '../../ui/useFormMutation';
import { usePageTitle } from '../../ui/usePageTitle';
import { protocolUrl } from '../../urls';

/** /communities/:id/protocols: the community's sharing protocols, and the network's to adopt. */
export function ProtocolsView() {
  const { id = '' } = useParams();
  return (
    <CommunityLoader id={id}>
      {(community) => (community.viewerRole ? <Protocols community={community} /> : <MembersOnly community={community} />)}
    </CommunityLoader>
  );
}

function Protocols({ community }: { community: CommunityHome }) {
  usePageTitle(`Sharing protocols: ${community.name}`);
  const navigate = useNavigate();
  const [{ data, fetching, error }] = useQuery({
    query: CommunityProtocolsQuery,
    variables: { id: community.id },
    requestPolicy: 'cache-and-network',
  });
  const adopt = useFormMutation(AdoptSharingProtocolMutation);
  const { problems } = adopt;
  const edits = runsIt(community.viewerRole) && community.stage !== 'CLOSED';

  if (fetching && !data) return <Loading />;
  const own = data?.community?.sharingProtocols ?? [];
  const network = data?.sharingProtocols.nodes ?? [];

  const onAdopt = async (protocolId: string) => {
    const r = await adopt.submit({ input: { communityId: community.id, protocolId } });
    if (!r) return;
    const copy = r.adoptSharingProtocol.sharingProtocol;
    const state: FlashState = { flash: `${copy.name} adopted: adapt it to the community` };
    navigate(protocolUrl(community.id, copy.id), { state });
  };

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <CommunityBackLink id={community.id} name={community.name} />
        <Flash />
        <ErrorSummary problems={error && !data ? problemsFrom(error) : problems} />
        <CommunityCaption name={community.name} />
        <h1 className="nhsuk-heading-l">Sharing protocols</h1>
        <p className="nhsuk-body">
          A sharing protocol is a sequence of prompts, each with a time, that guides someone sharing their experience of
          a practice at a meeting. The network offers samples; a community adopts one and adapts it into its own.
        </p>

        <section aria-labelledby="own-heading">
          <h2 className="nhsuk-heading-m" id="own-heading">
            The community’s protocols
          </h2>
          {own.length === 0 ? (
            <p className="nhsuk-body">The community has not adopted a protocol yet.</p>
          ) : (
            <ul className="nhsuk-list" id="own-protocols">
              {own.map((p) => (
                <li key={p.id}>
                  <ProtocolGuide protocol={p} headingLevel={3} />
                  {p.adoptedFrom && <p className="nhsuk-body-s">Adapted from the network’s “{p.adoptedFrom.name}”.</p>}
                  {edits && (
                    <p className="nhsuk-body">
                      <Link to={protocolUrl(community.id, p.id)}>
                        Change<span className="nhsuk-u-visually-hidden"> {p.name}</span>
                      </Link>
                    </p>
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>

        <section aria-labelledby="network-heading">
          <h2 className="nhsuk-heading-m" id="network-heading">
            The network’s sample protocols
          </h2>
          {network.length === 0 ? (
            <p className="nhsuk-body">The network has no sample protocols yet.</p>
          ) : (
            <ul className="nhsuk-list" id="network-protocols">
              {network.map((p) => (
                <li key={p.id}>
                  <ProtocolGuide protocol={p} headingLevel={3} />
                  {edits && (
                    <Button type="button" variant="secondary" disabled={adopt.fetching} onClick={() => void onAdopt(p.id)}>
                      Adopt “{p.name}”
                    </Button>
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </div>
  );
}
