import { useState } from 'react';
import type { DecisionFieldsFragment, RankingEntryFieldsFragment } from '../../graphql/graphql';
import { RecordDecisionMutation } from '../mutations';
import { AllocationBoard, mapDecisionProblems } from './AllocationBoard';
import { DecisionSummary } from './DecisionSummary';
import { toBoardEntries } from './RankingTable';
import { NotificationBanner } from '../../ui/NotificationBanner';
import type { Problem } from '../../ui/problems';
import { formProblems, useFormMutation } from '../../ui/useFormMutation';

interface Props {
  call: {
    id: string;
    status: string;
    fundedPlaces: number;
    panel: ReadonlyArray<{ chair: boolean; person: { id: string; name: string } }>;
    ranking: RankingEntryFieldsFragment[];
    allocationProposal: { funded: ReadonlyArray<{ id: string }>; ties: ReadonlyArray<ReadonlyArray<{ id: string }>> };
    decision?: DecisionFieldsFragment | null;
  };
  viewerId: string | undefined;
  problems: Problem[];
  setProblems: (p: Problem[]) => void;
  onDecided: () => void;
}

/**
 * The allocation board until the decision (the chair records it; everyone else may only try
 * choices), then the decision itself.
 */
export function DecisionSection({ call, viewerId, problems, setProblems, onDecided }: Props) {
  const entries = toBoardEntries(call.ranking);
  const record = useFormMutation(RecordDecisionMutation, {
    form: formProblems(problems, setProblems),
    map: (ps, _e, v) => mapDecisionProblems(ps, ([] as Array<string | number>).concat(v.input.fundedApplicationIds).map(String), entries),
  });
  const { fetching } = record;
  const [justDecided, setJustDecided] = useState(false);
  const chair = call.panel.find((m) => m.chair);
  const isChair = !!viewerId && chair?.person.id === viewerId;

  if (call.decision) {
    return (
      <>
        {justDecided && <NotificationBanner success heading="The decision has been recorded" />}
        <DecisionSummary decision={call.decision} />
      </>
    );
  }
  if (call.status !== 'CLOSED' && call.status !== 'IN_REVIEW') {
    return <p className="nhsuk-body">The decision is made after the call closes and the panel has reviewed the applications.</p>;
  }
  if (entries.length === 0) return <p className="nhsuk-body">There are no submitted applications to decide on.</p>;
  const noChair = !chair && (
    <div className="nhsuk-warning-callout">
      <h3 className="nhsuk-warning-callout__label">
        <span role="text">
          <span className="nhsuk-u-visually-hidden">Important: </span>The panel has no chair
        </span>
      </h3>
      <p>Only the chair can record the decision. The programme team can make a panel member the chair.</p>
    </div>
  );

  const onDecide = async (ids: string[], rationale: string) => {
    const r = await record.submit({ input: { callId: call.id, fundedApplicationIds: ids, rationale } });
    if (!r) return;
    setJustDecided(true);
    onDecided();
  };

  return (
    <>
      {noChair}
      <AllocationBoard
        key={call.allocationProposal.funded.map((a) => a.id).join()}
        entries={entries}
        places={call.fundedPlaces}
        proposal={{
          funded: call.allocationProposal.funded.map((a) => a.id),
          ties: call.allocationProposal.ties.map((t) => t.map((a) => a.id)),
        }}
        mode={isChair ? 'chair' : 'explore'}
        chairName={chair?.person.name}
        problems={problems}
        busy={fetching}
        onInvalid={setProblems}
        onDecide={(ids, rationale) => void onDecide(ids, rationale)}
      />
    </>
  );
}
