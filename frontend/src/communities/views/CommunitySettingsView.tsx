import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { UpdateCommunityMutation } from '../mutations';
import { CommunityLoader, MembersOnly, type CommunityHome } from '../components/CommunityLoader';
import { CommunityBackLink, CommunityCaption } from '../components/CommunityCaption';
import type { FlashState } from '../components/Flash';
import { nextStages, STAGE_HINTS, stageTag } from '../labels';
import { AccessFields } from '../components/AccessFields';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { Button, Radios, TextInput } from '../../ui/fields';
import { fieldError, type Problem } from '../../ui/problems';
import { useFormMutation } from '../../ui/useFormMutation';
import { usePageTitle } from '../../ui/usePageTitle';
import type { CommunityStage, MembershipMode, UpdateCommunityInput } from '../../graphql/graphql';
import { communitySettingsUrl, communityUrl } from '../../urls';

/** /communities/:id/settings: the conveners (and the programme team) steer the community. */
export function CommunitySettingsView() {
  const { id = '' } = useParams();
  return <CommunityLoader id={id}>{(c) => <Settings community={c} />}</CommunityLoader>;
}

/** Only the fields that changed (the input's fields are all optional). */
export function settingsChanges(
  community: Pick<CommunityHome, 'id' | 'name' | 'membershipMode' | 'listed' | 'stage'>,
  v: { name: string; mode: string; listed: boolean; stage: string },
): UpdateCommunityInput {
  const input: UpdateCommunityInput = { communityId: community.id };
  if (v.name.trim() !== community.name) input.name = v.name.trim();
  if (v.mode !== community.membershipMode) input.membershipMode = v.mode as MembershipMode;
  if (v.listed !== community.listed) input.listed = v.listed;
  if (v.stage !== community.stage) input.stage = v.stage as CommunityStage;
  return input;
}

function Settings({ community }: { community: CommunityHome }) {
  const navigate = useNavigate();
  const [name, setName] = useState(community.name);
  const [mode, setMode] = useState<string>(community.membershipMode);
  const [listed, setListed] = useState(community.listed);
  const [stage, setStage] = useState<string>(community.stage);
  const [confirmClose, setConfirmClose] = useState(false);
  const update = useFormMutation(UpdateCommunityMutation, { fields: ['name', 'membershipMode', 'listed', 'stage'] });
  const { problems, setProblems, fetching } = update;
  const closing = confirmClose && stage === 'CLOSED';
  usePageTitle(closing ? `Are you sure you want to close ${community.name}?` : `Community settings – ${community.name}`, problems.length > 0);
  const home = communityUrl(community.id);
  if (!community.viewerCan.steer) return <MembersOnly community={community} />;

  if (community.stage === 'CLOSED') {
    return (
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <CommunityBackLink id={community.id} name={community.name} />
          <CommunityCaption name={community.name} />
          <h1 className="nhsuk-heading-l">Community settings</h1>
          <p className="nhsuk-body">This community has closed. Its settings can no longer change.</p>
        </div>
      </div>
    );
  }

  const save = async () => {
    const input = settingsChanges(community, { name, mode, listed, stage });
    if (Object.keys(input).length === 1) {
      navigate(home);
      return;
    }
    const r = await update.submit({ input });
    if (!r) {
      setConfirmClose(false);
      return;
    }
    const saved = r.updateCommunity.community;
    const state: FlashState = { flash: saved.stage === 'CLOSED' ? `${saved.name} has closed` : 'Community settings saved' };
    navigate(home, { state });
  };

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const local: Problem[] = [];
    if (!name.trim()) local.push({ field: 'name', message: 'Enter a name for the community' });
    if (local.length) {
      setProblems(local);
      return;
    }
    setProblems([]);
    if (stage === 'CLOSED' && !confirmClose) {
      setConfirmClose(true);
      window.scrollTo?.(0, 0);
      return;
    }
    await save();
  };

  if (closing) {
    return (
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <ErrorSummary problems={problems} />
          <CommunityCaption name={community.name} />
          <h1 className="nhsuk-heading-l">Are you sure you want to close {community.name}?</h1>
          <div className="nhsuk-warning-callout">
            <h2 className="nhsuk-warning-callout__label">
              <span role="text">
                <span className="nhsuk-u-visually-hidden">Important: </span>
                Closing cannot be undone
              </span>
            </h2>
            <p>
              A closed community stays as it is: nobody can join, and its settings, meetings and start-up steps can no
              longer change. Members can still read what it did.
            </p>
          </div>
          <form onSubmit={onSubmit} noValidate>
            <div className="convene-actions">
              <Button variant="warning" disabled={fetching}>
                Close the community
              </Button>
              <p className="nhsuk-body nhsuk-u-margin-bottom-0">
                <a
                  href={communitySettingsUrl(community.id)}
                  onClick={(e) => {
                    e.preventDefault();
                    setConfirmClose(false);
                    setStage(community.stage);
                  }}
                >
                  Keep it open
                </a>
              </p>
            </div>
          </form>
        </div>
      </div>
    );
  }

  const stages = [community.stage, ...nextStages(community.stage)];
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <CommunityBackLink id={community.id} name={community.name} />
        <ErrorSummary problems={problems} />
        <CommunityCaption name={community.name} />
        <h1 className="nhsuk-heading-l">Community settings</h1>
        <form onSubmit={onSubmit} noValidate>
          <TextInput id="name" label="Name of the community" labelSize="m" value={name} onChange={setName} error={fieldError(problems, 'name')} />
          <AccessFields
            mode={mode}
            onModeChange={setMode}
            listed={listed}
            onListedChange={setListed}
            problems={problems}
          />
          <Radios
            id="stage"
            legend="Stage"
            legendSize="m"
            hint="Forming, then active; an active community can rest as dormant and become active again. Closing is final."
            value={stage}
            onChange={setStage}
            options={stages.map((s, i) => ({
              value: s,
              label: i === 0 ? `${stageTag(s).text} (now)` : stageTag(s).text,
              hint: STAGE_HINTS[s],
            }))}
            error={fieldError(problems, 'stage')}
          />
          <div className="convene-actions">
            <Button disabled={fetching}>Save settings</Button>
            <p className="nhsuk-body nhsuk-u-margin-bottom-0">
              <Link to={home}>Cancel</Link>
            </p>
          </div>
        </form>
      </div>
    </div>
  );
}
