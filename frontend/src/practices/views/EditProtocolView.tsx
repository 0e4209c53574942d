import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useQuery } from 'urql';
import { CommunityProtocolsQuery } from '../queries';
import { UpdateSharingProtocolMutation } from '../mutations';
import { formatMinutes, totalMinutes } from '../labels';
import { runsIt } from '../../communities/labels';
import { CommunityLoader, MembersOnly, type CommunityHome } from '../../communities/components/CommunityLoader';
import { CommunityCaption } from '../../communities/components/CommunityCaption';
import { Flash, type FlashState } from '../../communities/components/Flash';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { BackLink, Loading } from '../../ui/Layout';
import { Button, cx, ErrorMessage, TextInput } from '../../ui/fields';
import { fieldError, problemsFrom, type Problem } from '../../ui/problems';
import { useFormMutation } from '../../ui/useFormMutation';
import { usePageTitle } from '../../ui/usePageTitle';
import { protocolsUrl } from '../../urls';

interface Row {
  key: number;
  prompt: string;
  minutes: string;
}

/** /communities/:id/protocols/:protocolId: the community's copy, its prompts ordered with minutes. */
export function EditProtocolView() {
  const { id = '', protocolId = '' } = useParams();
  return (
    <CommunityLoader id={id}>
      {(community) =>
        runsIt(community.viewerRole) ? <Loader community={community} protocolId={protocolId} /> : <MembersOnly community={community} />
      }
    </CommunityLoader>
  );
}

function Loader({ community, protocolId }: { community: CommunityHome; protocolId: string }) {
  const [{ data, fetching, error }] = useQuery({ query: CommunityProtocolsQuery, variables: { id: community.id } });
  if (fetching && !data) return <Loading />;
  const protocol = data?.community?.sharingProtocols.find((p) => p.id === protocolId);
  if (!protocol) {
    return (
      <>
        <ErrorSummary problems={error ? problemsFrom(error) : []} />
        <h1 className="nhsuk-heading-l">Protocol not found</h1>
        <p className="nhsuk-body">
          <Link to={protocolsUrl(community.id)}>Go to the community’s sharing protocols</Link>
        </p>
      </>
    );
  }
  return <EditProtocol community={community} protocol={protocol} />;
}

type Protocol = { id: string; name: string; prompts: ReadonlyArray<{ prompt: string; minutes: number }> };

let nextKey = 1;

function EditProtocol({ community, protocol }: { community: CommunityHome; protocol: Protocol }) {
  const navigate = useNavigate();
  const [name, setName] = useState(protocol.name);
  const [rows, setRows] = useState<Row[]>(() =>
    protocol.prompts.map((p) => ({ key: nextKey++, prompt: p.prompt, minutes: String(p.minutes) })),
  );
  const update = useFormMutation(UpdateSharingProtocolMutation);
  const { problems, setProblems, fetching } = update;
  usePageTitle(`Change ${protocol.name}`, problems.length > 0);

  const set = (i: number, patch: Partial<Row>) => setRows((prev) => prev.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const move = (i: number, by: number) =>
    setRows((prev) => {
      const j = i + by;
      if (j < 0 || j >= prev.length) return prev;
      const next = [...prev];
      [next[i], next[j]] = [next[j]!, next[i]!];
      return next;
    });
  const remove = (i: number) => setRows((prev) => prev.filter((_, j) => j !== i));
  const add = () => setRows((prev) => [...prev, { key: nextKey++, prompt: '', minutes: '5' }]);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const local: Problem[] = [];
    if (!name.trim()) local.push({ field: 'name', message: 'Enter a name for the protocol' });
    if (rows.length === 0) local.push({ field: 'prompts', message: 'Add at least one prompt' });
    rows.forEach((r, i) => {
      if (!r.prompt.trim()) local.push({ field: `prompts.${i}.prompt`, message: `Enter the text of prompt ${i + 1}` });
      const m = Number(r.minutes);
      if (!Number.isInteger(m) || m < 1) local.push({ field: `prompts.${i}.minutes`, message: `Enter the minutes for prompt ${i + 1} as a whole number` });
    });
    if (local.length) {
      setProblems(local);
      return;
    }
    const r = await update.submit({
      input: {
        protocolId: protocol.id,
        name: name.trim(),
        prompts: rows.map((row) => ({ prompt: row.prompt.trim(), minutes: Number(row.minutes) })),
      },
    });
    if (!r) return;
    const state: FlashState = { flash: `${r.updateSharingProtocol.sharingProtocol.name} saved` };
    navigate(protocolsUrl(community.id), { state });
  };

  const promptsError = fieldError(problems, 'prompts');

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <BackLink to={protocolsUrl(community.id)}>Back to sharing protocols</BackLink>
        <Flash />
        <ErrorSummary problems={problems} hrefFor={(f) => (f === 'prompts' ? '#add-prompt' : `#${f}`)} />
        <CommunityCaption name={community.name} />
        <h1 className="nhsuk-heading-l">Change {protocol.name}</h1>
        <form onSubmit={onSubmit} noValidate>
          <TextInput id="name" label="Name" labelSize="m" value={name} onChange={setName} error={fieldError(problems, 'name')} />
          <h2 className="nhsuk-heading-m">Prompts</h2>
          <p className="nhsuk-body">In the order they are followed, each with the minutes it takes.</p>
          <ErrorMessage id="prompts" error={promptsError} />
          <ol className="nhsuk-list" id="prompts-list">
            {rows.map((r, i) => {
              const promptErr = fieldError(problems, `prompts.${i}.prompt`);
              const minutesErr = fieldError(problems, `prompts.${i}.minutes`);
              return (
                <li key={r.key}>
                  <fieldset className="nhsuk-fieldset nhsuk-u-margin-bottom-5">
                    <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Prompt {i + 1}</legend>
                    <TextInput
                      id={`prompts.${i}.prompt`}
                      label="What to talk about"
                      value={r.prompt}
                      onChange={(v) => set(i, { prompt: v })}
                      error={promptErr}
                    />
                    <TextInput
                      id={`prompts.${i}.minutes`}
                      label="Minutes"
                      inputMode="numeric"
                      widthClass="nhsuk-input--width-3"
                      value={r.minutes}
                      onChange={(v) => set(i, { minutes: v })}
                      error={minutesErr}
                    />
                    <div className={cx('convene-actions')}>
                      <Button type="button" variant="secondary" onClick={() => move(i, -1)} disabled={i === 0}>
                        Move up<span className="nhsuk-u-visually-hidden"> prompt {i + 1}</span>
                      </Button>
                      <Button type="button" variant="secondary" onClick={() => move(i, 1)} disabled={i === rows.length - 1}>
                        Move down<span className="nhsuk-u-visually-hidden"> prompt {i + 1}</span>
                      </Button>
                      <Button type="button" variant="warning" onClick={() => remove(i)}>
                        Remove<span className="nhsuk-u-visually-hidden"> prompt {i + 1}</span>
                      </Button>
                    </div>
                  </fieldset>
                </li>
              );
            })}
          </ol>
          <p className="nhsuk-body" role="status" id="protocol-total">
            Total: {formatMinutes(totalMinutes(rows))}
          </p>
          <div className="convene-actions nhsuk-u-margin-bottom-5">
            <button type="button" className="nhsuk-button nhsuk-button--secondary" id="add-prompt" onClick={add}>
              Add a prompt
            </button>
          </div>
          <Button disabled={fetching}>Save the protocol</Button>
        </form>
      </div>
    </div>
  );
}
