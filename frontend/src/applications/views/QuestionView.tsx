import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { Navigate, useLocation, useNavigate, useParams } from 'react-router';
import { UpdateApplicationMutation } from '../mutations';
import { ApplicationLoader } from '../components/ApplicationLoader';
import { ApplicationCaption, SaveStatus } from '../components/ApplicationCaption';
import { answerByKey, isEditable, nextPath, previousPath, wordCount, type Application, type Question } from '../questions';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { BackLink } from '../../ui/Layout';
import { Button, Radios, Textarea } from '../../ui/fields';
import { fieldError } from '../../ui/problems';
import { useFormMutation } from '../../ui/useFormMutation';
import { usePageTitle } from '../../ui/usePageTitle';
import { applicationUrl, checkAnswersUrl, questionUrl } from '../../urls';

/** How long after the last keystroke a draft is saved. */
export const AUTOSAVE_MS = 1500;

/** /applications/:id/questions/:key: one of the call's questions. */
export function QuestionView() {
  const { id, slug } = useParams();
  return (
    <ApplicationLoader id={id}>
      {(app) => {
        const answer = answerByKey(app, slug);
        if (!answer) return <Navigate to={checkAnswersUrl(app.id)} replace />;
        return isEditable(app) ? (
          <QuestionForm key={answer.question.key} application={app} question={answer.question} />
        ) : (
          <Navigate to={applicationUrl(app.id)} replace />
        );
      }}
    </ApplicationLoader>
  );
}

/** "You have 12 words remaining", or how many too many, as the person types. */
export function WordCount({ id, text, limit }: { id: string; text: string; limit: number }) {
  const n = wordCount(text);
  const left = limit - n;
  const words = (k: number) => (k === 1 ? '1 word' : `${k} words`);
  return (
    <div
      id={`${id}-count`}
      className={left < 0 ? 'nhsuk-error-message' : 'nhsuk-hint'}
      aria-live="polite"
    >
      {left < 0 ? `You have ${words(-left)} too many` : `You have ${words(left)} remaining`}
    </div>
  );
}

type Status = 'idle' | 'saving' | 'saved' | 'error';

export function QuestionForm({ application, question }: { application: Application; question: Question }) {
  const navigate = useNavigate();
  const location = useLocation();
  const key = question.key;
  const here = questionUrl(application.id, key);
  const saved = answerByKey(application, key)?.value ?? '';
  const [value, setValue] = useState(saved);
  const [status, setStatus] = useState<Status>('idle');
  const update = useFormMutation(UpdateApplicationMutation);
  const { problems, submit } = update;
  const lastSaved = useRef(saved);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  usePageTitle(question.title, problems.length > 0);

  const save = useCallback(
    async (text: string): Promise<boolean> => {
      if (text === lastSaved.current) return true;
      setStatus('saving');
      const r = await submit({ input: { applicationId: application.id, answers: [{ key, value: text }] } });
      if (!r) {
        setStatus('error');
        return false;
      }
      lastSaved.current = text;
      setStatus('saved');
      return true;
    },
    [submit, application.id, key],
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
    if (await save(value)) navigate(nextPath(application, here, location.search));
  };

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <BackLink to={previousPath(application, here, location.search)} />
        <ErrorSummary problems={problems} />
        <ApplicationCaption application={application} />
        <form onSubmit={onSubmit} noValidate>
          {question.kind === 'TEXT' ? (
            <>
              <Textarea
                id={key}
                label={question.title}
                isPageHeading
                labelSize="l"
                hint={question.hint || undefined}
                rows={10}
                value={value}
                onChange={onChange}
                error={fieldError(problems, key)}
              />
              {question.wordLimit != null && <WordCount id={key} text={value} limit={question.wordLimit} />}
            </>
          ) : (
            <Radios
              id={key}
              legend={question.title}
              isPageHeading
              hint={question.hint || undefined}
              value={value}
              onChange={setValue}
              options={question.choices.map((c) => ({ value: c, label: c }))}
              inline={question.kind === 'YES_NO'}
              error={fieldError(problems, key)}
            />
          )}
          {!question.required && <p className="nhsuk-body-s">You can leave this question unanswered.</p>}
          <SaveStatus status={status} />
          <Button>Save and continue</Button>
        </form>
      </div>
    </div>
  );
}
