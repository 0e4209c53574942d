import { useState, type FormEvent } from 'react';
import type { ShareFieldsFragment } from '../../graphql/graphql';
import { ApprovePaymentMutation, CancelPaymentMutation, MarkPaymentPaidMutation, SetPaymentRouteMutation } from '../mutations';
import { Button, Tag, TextInput } from '../../ui/fields';
import { formatDate, formatPence, isIsoDate, londonToday } from '../../ui/format';
import { PAYMENT_ROUTE, paymentStatus } from '../../ui/labels';
import { fieldError, type Problem } from '../../ui/problems';
import { formProblems, useFormMutation } from '../../ui/useFormMutation';

interface Props {
  share: ShareFieldsFragment;
  viewerId: string | undefined;
  problems: Problem[];
  setProblems: (p: Problem[]) => void;
  setMessage: (m: string) => void;
  onChanged: () => void;
}

const small = 'nhsuk-button nhsuk-button--small';

/** Checks the "Mark paid" form: a reference, and a real date that is not in the future. */
export function checkPayment(shareId: string, reference: string, paidOn: string, today = londonToday()): Problem[] {
  const problems: Problem[] = [];
  if (!reference.trim()) problems.push({ field: `reference-${shareId}`, message: 'Enter the payment reference' });
  if (!isIsoDate(paidOn)) {
    problems.push({ field: `paidOn-${shareId}`, message: 'Enter the date the payment was made' });
  } else if (paidOn > today) {
    problems.push({ field: `paidOn-${shareId}`, message: 'The payment date cannot be in the future' });
  }
  return problems;
}

/** One payee's share: amount, route, status, and Approve / Mark paid / Cancel as its status allows. */
export function ShareRow({ share, viewerId, problems, setProblems, setMessage, onChanged }: Props) {
  const [paying, setPaying] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [reference, setReference] = useState('');
  const [paidOn, setPaidOn] = useState(londonToday());
  const refId = `reference-${share.id}`;
  const dateId = `paidOn-${share.id}`;
  const form = formProblems(problems, setProblems);
  const approve = useFormMutation(ApprovePaymentMutation, { form });
  // Every row has its own inputs: point the server's fields at this row's.
  const markPaid = useFormMutation(MarkPaymentPaidMutation, { form, rename: { reference: refId, paidOn: dateId } });
  const cancel = useFormMutation(CancelPaymentMutation, { form });
  const setRoute = useFormMutation(SetPaymentRouteMutation, { form });
  const status = paymentStatus(share.status);
  const open = share.status === 'PROPOSED' || share.status === 'APPROVED';
  const ownShare = share.person.id === viewerId;
  const name = share.person.name;

  const done = (text: string) => {
    setMessage(text);
    onChanged();
  };

  const onApprove = async () => {
    const r = await approve.submit({ input: { shareId: share.id } });
    if (!r) return;
    done(`Payment of ${formatPence(share.amountPence)} to ${name} approved.`);
  };

  const onMarkPaid = async (e: FormEvent) => {
    e.preventDefault();
    const found = checkPayment(share.id, reference, paidOn);
    if (found.length) return setProblems(found);
    const r = await markPaid.submit({ input: { shareId: share.id, reference: reference.trim(), paidOn } });
    if (!r) return;
    setPaying(false);
    done(`Payment to ${name} marked as paid (reference ${reference.trim()}).`);
  };

  const onCancel = async () => {
    const r = await cancel.submit({ input: { shareId: share.id } });
    setCancelling(false);
    if (!r) return;
    done(`Payment to ${name} cancelled.`);
  };

  const onRoute = async () => {
    const route = share.route === 'EMPLOYER' ? 'PERSON' : 'EMPLOYER';
    const r = await setRoute.submit({ input: { shareId: share.id, route } });
    if (!r) return;
    done(`Payment to ${name} will go ${route === 'PERSON' ? 'to the person' : 'through their employer'}.`);
  };

  return (
    <>
      <tr className="nhsuk-table__row">
        <td className="nhsuk-table__cell">
          {name}
          {!share.eligible && (
            <span className="nhsuk-body-s nhsuk-u-display-block nhsuk-u-margin-bottom-0">Not eligible: industry or third sector</span>
          )}
        </td>
        <td className="nhsuk-table__cell nhsuk-table__cell--numeric">{formatPence(share.amountPence)}</td>
        <td className="nhsuk-table__cell">
          {PAYMENT_ROUTE[share.route]}
          {open && share.eligible && (
            <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small nhsuk-u-margin-top-2 nhsuk-u-margin-bottom-0 nhsuk-u-display-block" disabled={setRoute.fetching} onClick={() => void onRoute()}>
              {share.route === 'EMPLOYER' ? 'Pay the person instead' : 'Pay through their employer instead'}
              <span className="nhsuk-u-visually-hidden"> ({name})</span>
            </button>
          )}
        </td>
        <td className="nhsuk-table__cell">
          <Tag colour={status.colour}>{status.text}</Tag>
          {share.status === 'PAID' && (
            <span className="nhsuk-body-s nhsuk-u-display-block nhsuk-u-margin-bottom-0">
              {share.reference} on {formatDate(share.paidOn)}
            </span>
          )}
        </td>
        <td className="nhsuk-table__cell">
          {open && share.eligible && !cancelling && (
            <div className="convene-actions">
              {share.status === 'PROPOSED' &&
                (ownShare ? (
                  <span className="nhsuk-body-s">You cannot approve your own payment</span>
                ) : (
                  <button type="button" className={small} disabled={approve.fetching} onClick={() => void onApprove()}>
                    Approve<span className="nhsuk-u-visually-hidden"> payment to {name}</span>
                  </button>
                ))}
              {share.status === 'APPROVED' && !paying && (
                <button type="button" className={small} onClick={() => setPaying(true)}>
                  Mark paid<span className="nhsuk-u-visually-hidden"> for {name}</span>
                </button>
              )}
              <button type="button" className={`${small} nhsuk-button--secondary`} onClick={() => setCancelling(true)}>
                Cancel<span className="nhsuk-u-visually-hidden"> payment to {name}</span>
              </button>
            </div>
          )}
          {cancelling && (
            <div className="convene-actions">
              <button type="button" className={`${small} nhsuk-button--warning`} disabled={cancel.fetching} onClick={() => void onCancel()}>
                Yes, cancel payment<span className="nhsuk-u-visually-hidden"> to {name}</span>
              </button>
              <button type="button" className={`${small} nhsuk-button--secondary`} onClick={() => setCancelling(false)}>
                No, keep it
              </button>
            </div>
          )}
        </td>
      </tr>
      {paying && (
        <tr className="nhsuk-table__row">
          <td className="nhsuk-table__cell" colSpan={5}>
            <form onSubmit={(e) => void onMarkPaid(e)} noValidate aria-label={`Mark the payment to ${name} as paid`}>
              <TextInput
                id={refId}
                label={`Payment reference for ${name}`}
                hint="For example, the BACS or invoice reference"
                value={reference}
                onChange={setReference}
                error={fieldError(problems, refId)}
                widthClass="nhsuk-input--width-20"
              />
              <TextInput
                id={dateId}
                label="Date paid"
                type="date"
                max={londonToday()}
                value={paidOn}
                onChange={setPaidOn}
                error={fieldError(problems, dateId)}
                widthClass="nhsuk-input--width-10"
              />
              <div className="convene-actions">
                <Button disabled={markPaid.fetching}>Confirm payment</Button>
                <Button type="button" variant="secondary" onClick={() => setPaying(false)}>
                  Do not mark paid
                </Button>
              </div>
            </form>
          </td>
        </tr>
      )}
    </>
  );
}
