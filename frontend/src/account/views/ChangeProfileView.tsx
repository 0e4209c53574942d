import { useEffect, useState, type FormEvent } from 'react';
import { Navigate, useNavigate, useParams } from 'react-router';
import { useQuery } from 'urql';
import { AccountQuery } from '../queries';
import { UpdateProfileMutation } from '../mutations';
import { OrganisationPicker } from '../components/OrganisationPicker';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { BackLink, Loading } from '../../ui/Layout';
import { Button, TextInput } from '../../ui/fields';
import { problemsFrom } from '../../ui/problems';
import { useFormMutation } from '../../ui/useFormMutation';
import { usePageTitle } from '../../ui/usePageTitle';
import { TwoThirds } from '../../ui/TwoThirds';
import { accountUrl, type ProfileField } from '../../urls';

const QUESTIONS: Record<ProfileField, { title: string; label: string; hint?: string; missing?: string; done: string; field: string }> = {
  name: { title: 'Change your name', label: 'Full name', missing: 'Enter your name', done: 'Your name has been changed', field: 'name' },
  profession: {
    title: 'Change your profession',
    label: 'Profession (optional)',
    hint: 'For example, nurse, pharmacist, physiotherapist or patient safety manager. Leave it empty to remove it.',
    done: 'Your profession has been changed',
    field: 'profession',
  },
  organisation: {
    title: 'Change your organisation',
    label: 'Organisation you work for',
    hint: 'Choose the organisation you work for now. We keep a record of the one you are leaving, and applications you have already submitted keep the organisation you had then.',
    missing: 'Select your organisation',
    done: 'Your organisation has been changed',
    field: 'organisationId',
  },
};

/** /account/profile/:field: one question per page, for the name, the profession or the organisation. */
export function ChangeProfileView() {
  const { field = '' } = useParams();
  if (!(field in QUESTIONS)) return <Navigate to={accountUrl()} replace />;
  return <ChangeProfile which={field as ProfileField} />;
}

function ChangeProfile({ which }: { which: ProfileField }) {
  const q = QUESTIONS[which];
  const navigate = useNavigate();
  const [{ data, error }] = useQuery({ query: AccountQuery });
  const account = data?.viewer;
  const [value, setValue] = useState<string | null>(null);
  const update = useFormMutation(UpdateProfileMutation, { fields: [q.field] });
  usePageTitle(q.title, update.problems.length > 0);
  // The current answer, once known, fills the field.
  useEffect(() => {
    if (!account || value !== null) return;
    setValue(which === 'name' ? account.name : which === 'profession' ? (account.profession ?? '') : account.organisation.id);
  }, [account, value, which]);
  if (value === null) return error ? <ErrorSummary problems={problemsFrom(error)} /> : <Loading />;

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const answer = value.trim();
    if (update.invalid(!answer && q.missing ? [{ field: q.field, message: q.missing }] : [])) return;
    if (!(await update.submit({ input: { [q.field]: answer } }))) return;
    navigate(accountUrl(), { state: { flash: q.done } });
  };

  return (
    <TwoThirds>
      <BackLink to={accountUrl()}>Back to your account</BackLink>
      <ErrorSummary problems={update.problems} />
      <h1 className="nhsuk-heading-l">{q.title}</h1>
      <form onSubmit={onSubmit} noValidate>
        {which === 'organisation' ? (
          <OrganisationPicker id={q.field} label={q.label} hint={q.hint} value={value} onChange={setValue} error={update.fieldError(q.field)} />
        ) : (
          <TextInput
            id={q.field}
            label={q.label}
            hint={q.hint}
            autoComplete={which === 'name' ? 'name' : 'organization-title'}
            value={value}
            onChange={setValue}
            error={update.fieldError(q.field)}
          />
        )}
        <Button disabled={update.fetching}>Save</Button>
      </form>
    </TwoThirds>
  );
}
