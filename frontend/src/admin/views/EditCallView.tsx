import { useEffect, useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useQuery } from 'urql';
import { AdminCallQuery } from '../queries';
import { UpdateCallMutation } from '../mutations';
import type { UpdateCallInput } from '../../graphql/graphql';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { BackLink, Loading } from '../../ui/Layout';
import { Button, TextInput, Textarea } from '../../ui/fields';
import { isIsoDate, londonClock, londonToInstant, parsePounds } from '../../ui/format';
import { fieldError, problemsFrom, type Problem } from '../../ui/problems';
import { useFormMutation } from '../../ui/useFormMutation';
import { usePageTitle } from '../../ui/usePageTitle';
import { adminCallUrl } from '../../urls';
import { CALL_PARTS, type CallPart } from '../callParts';
import { CriteriaFields, criteriaProblems, filledCriteria, mapCriteriaProblems, whole, type CriterionRow } from '../components/CriteriaFields';

interface Values {
  text: string;
  date: string;
  time: string;
  criteria: CriterionRow[];
}

/** One part of a call, on its own page ("Change" from the call page's summary list). */
export function EditCallView() {
  const { id = '', part = '' } = useParams();
  const navigate = useNavigate();
  const [{ data, fetching, error }] = useQuery({ query: AdminCallQuery, variables: { id } });
  const [values, setValues] = useState<Values | null>(null);
  const [criteria, setCriteria] = useState<CriterionRow[]>([]);
  const update = useFormMutation(UpdateCallMutation, { map: (ps) => mapCriteriaProblems(criteria, ps) });
  const { problems, setProblems } = update;
  const known = part in CALL_PARTS ? (part as CallPart) : null;
  const info = known ? CALL_PARTS[known] : null;
  const call = data?.call;
  usePageTitle(info ? `Change: ${info.label.toLowerCase()}` : 'Change a call', problems.length > 0);

  useEffect(() => {
    if (!call || !known || values) return;
    const instant = known === 'opens' ? call.opensAt : call.closesAt;
    const clock = londonClock(instant);
    const text: Record<CallPart, string> = {
      title: call.title,
      description: call.description,
      opens: '',
      closes: '',
      decision: call.decisionDueOn,
      reviews: call.reviewsDueOn ?? '',
      places: String(call.fundedPlaces),
      honorarium: (call.honorariumPence / 100).toFixed(2),
      criteria: '',
    };
    setValues({ text: text[known], date: clock.date, time: clock.time, criteria: [] });
    setCriteria(call.criteria.map((c, key) => ({ key, name: c.name, weight: String(c.weight) })));
  }, [call, known, values]);

  if (fetching && !data) return <Loading />;
  if (!call || !known || !info) {
    return (
      <>
        <ErrorSummary problems={problemsFrom(error)} />
        <h1 className="nhsuk-heading-l">Page not found</h1>
      </>
    );
  }
  if (!values) return <Loading />;
  const set = (patch: Partial<Values>) => setValues({ ...values, ...patch });

  /** The input for this part, or the problems found before sending. */
  const build = (): Partial<UpdateCallInput> | Problem[] => {
    const t = values.text.trim();
    switch (known) {
      case 'title':
        return t ? { title: t } : [{ field: 'title', message: 'Enter a title' }];
      case 'description':
        return { description: t };
      case 'opens':
      case 'closes': {
        const at = londonToInstant(values.date, values.time);
        return at ? { [info.field]: at } : [{ field: info.field, message: 'Enter a real date and a time like 17:00' }];
      }
      case 'decision':
      case 'reviews':
        return isIsoDate(t) ? { [info.field]: t } : [{ field: info.field, message: 'Enter a real date' }];
      case 'places': {
        const n = whole(t);
        return n !== null && n > 0 ? { fundedPlaces: n } : [{ field: 'fundedPlaces', message: 'Enter the number of funded places, like 5' }];
      }
      case 'honorarium': {
        const pence = parsePounds(t);
        return pence !== null ? { honorariumPence: pence } : [{ field: 'honorariumPence', message: 'Enter the honorarium in pounds, like 5000 or 5000.00' }];
      }
      case 'criteria': {
        const local = criteriaProblems(criteria);
        return local.length ? local : { criteria: filledCriteria(criteria).map((c) => ({ name: c.name.trim(), weight: Number(c.weight.trim()) })) };
      }
    }
  };

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const built = build();
    if (Array.isArray(built)) {
      setProblems(built);
      return;
    }
    const r = await update.submit({ input: { callId: call.id, ...built } });
    if (r) navigate(adminCallUrl(call.id), { state: { changed: info.label } });
  };

  const err = fieldError(problems, info.field);
  const heading = `${info.label} of ${call.title}`;
  const field = () => {
    switch (known) {
      case 'description':
        return <Textarea id="description" label={heading} isPageHeading labelSize="l" value={values.text} onChange={(text) => set({ text })} rows={8} error={err} />;
      case 'opens':
      case 'closes':
        return (
          <>
            <h1 className="nhsuk-heading-l">{heading}</h1>
            {known === 'closes' && call.status === 'OPEN' && (
              <p className="nhsuk-body">An open call can only close later. Everyone with an application in it will be e-mailed the new closing time.</p>
            )}
            <p className="nhsuk-body">Times are UK time (Europe/London).</p>
            <TextInput id={info.field} label="Date" type="date" value={values.date} onChange={(date) => set({ date })} error={err} widthClass="nhsuk-input--width-10" />
            <TextInput id={`${info.field}Time`} label="Time" hint="For example, 17:00" type="time" value={values.time} onChange={(time) => set({ time })} widthClass="nhsuk-input--width-10" />
          </>
        );
      case 'criteria':
        return (
          <>
            <h1 className="nhsuk-heading-l">{heading}</h1>
            <p className="nhsuk-body">The criteria can change only until the first review is submitted.</p>
            <CriteriaFields criteria={criteria} setCriteria={setCriteria} problems={problems} />
          </>
        );
      default: {
        const date = known === 'decision' || known === 'reviews';
        const hint =
          known === 'reviews'
            ? 'Reviewers with reviews outstanding are reminded three days before and on the day.'
            : known === 'honorarium'
              ? 'In pounds. For example, 5000'
              : undefined;
        return (
          <TextInput
            id={info.field}
            label={heading}
            isPageHeading
            labelSize="l"
            hint={hint}
            type={date ? 'date' : 'text'}
            inputMode={known === 'places' ? 'numeric' : known === 'honorarium' ? 'decimal' : undefined}
            value={values.text}
            onChange={(text) => set({ text })}
            error={err}
            widthClass={date ? 'nhsuk-input--width-10' : undefined}
          />
        );
      }
    }
  };

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <BackLink to={adminCallUrl(call.id)}>{call.title}</BackLink>
        <ErrorSummary problems={problems} />
        <form onSubmit={onSubmit} noValidate>
          {field()}
          <Button disabled={update.fetching}>Save and return</Button>
        </form>
      </div>
    </div>
  );
}
