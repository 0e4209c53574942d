import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { Navigate, useLocation, useNavigate, useParams } from 'react-router';
import { UpdateApplicationMutation } from '../mutations';
import { ApplicationLoader } from '../components/ApplicationLoader';
import { ApplicationCaption, SaveStatus } from '../components/ApplicationCaption';
import { isEditable, nextPath, previousPath, questionBySlug, type Application, type Question } from '../questions';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { BackLink } from '../../ui/Layout';
import { Button, Textarea } from '../../ui/fields';
import { fieldError } from '../../ui/problems';
import { useFormMutation } from '../../ui/useFormMutation';
import { usePageTitle } from '../../ui/usePageTitle';
import { applicationUrl, checkAnswersUrl, questionUrl } from '../../urls';

/** How long after the last keystroke a draft is saved. */
export const AUTOSAVE_MS = 1500;

export function QuestionView() {
  const { id, slug } = useParams();
  const question = questionBySlug(slug);
  if (!question) return <Navigate to={checkAnswersUrl(id ?? '')} replace />;
  return (
    <ApplicationLoader id={id}>
      {(app) =>
        isEditable(app) ? (
          <QuestionForm key={question.field} application={app} question={question} />
        ) : (
          <Navigate to={applicationUrl(app.id)} replace />
        )
      }
    </ApplicationLoader>
  );
}

type Status = 'idle' | 'saving' | 'saved' | 'error';

export function QuestionForm({ application, question }: { application: Application; question: Question }) {
  const navigate = useNavigate();
  const location = useLocation();
  const here = questionUrl(application.id, question.slug);
  const [value, setValue] = useState(application[question.field] ?? '');
  const [status, setStatus] = useState<Status>('idle');
  const update = useFormMutation(UpdateApplicationMutation);
  const { problems, submit } = update;
  const lastSaved = useRef(application[question.field] ?? '');
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  usePageTitle(question.title, problems.length > 0);

  const save = useCallback(
    async (text: string): Promise<boolean> => {
      if (text === lastSaved.current) return true;
      setStatus('saving');
      const r = await submit({ input: { applicationId: application.id, [question.field]: text } });
      if (!r) {
        setStatus('error');
        return false;
      }
      lastSaved.current = text;
      setStatus('saved');
      return true;
    },
    [submit, application.id, question.field],
  );

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  const onChange = (text: string) => {
    setValue(text);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      timer.current = null;
      void save(text);
    }, AUTOSAVE_MS);
  };

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (timer.current) {
      clearTimeout(timer.current);
      timer.current = null;
    }
    if (await save(value)) navigate(nextPath(application.id, here, location.search));
  };

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <BackLink to={previousPath(application.id, here, location.search)} />
        <ErrorSummary problems={problems} />
        <ApplicationCaption application={application} />
        <form onSubmit={onSubmit} noValidate>
          <Textarea
            id={question.field}
            label={question.title}
            isPageHeading
            labelSize="l"
            hint={question.hint}
            rows={10}
            value={value}
            onChange={onChange}
            error={fieldError(problems, question.field)}
          />
          <SaveStatus status={status} />
          <Button>Save and continue</Button>
        </form>
      </div>
    </div>
  );
}
