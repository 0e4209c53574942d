import { useCallback, useMemo, useRef, useState } from 'react';
import { useMutation, type AnyVariables, type DocumentInput } from 'urql';
import type { CombinedError, OperationContext } from '@urql/core';
import { fieldError, problemsFrom, type Problem } from './problems';

/**
 * The problems a form shows: the NHS.UK error summary at the top and the inline error of each
 * field come from this one list. Problems found before sending (`invalid`) and the server's
 * (`useFormMutation`) go through it alike.
 */
export interface FormProblems {
  problems: Problem[];
  setProblems: (problems: Problem[]) => void;
  /** The inline message for one field id, if any. */
  fieldError: (field: string) => string | undefined;
  /** Shows the problems found before sending; true when there were any (so: `if (form.invalid(found)) return;`). */
  invalid: (found: Problem[]) => boolean;
  clear: () => void;
}

export function useFormProblems(initial: Problem[] = []): FormProblems {
  const [problems, setProblems] = useState<Problem[]>(initial);
  const invalid = useCallback((found: Problem[]) => {
    setProblems(found);
    return found.length > 0;
  }, []);
  const clear = useCallback(() => setProblems([]), []);
  return useMemo(
    () => ({ problems, setProblems, fieldError: (field: string) => fieldError(problems, field), invalid, clear }),
    [problems, invalid, clear],
  );
}

/** The problems a parent keeps (a page whose sections each run their own mutations), as a form's. */
export function formProblems(problems: Problem[], setProblems: (problems: Problem[]) => void): FormProblems {
  return {
    problems,
    setProblems,
    fieldError: (field: string) => fieldError(problems, field),
    invalid: (found: Problem[]) => {
      setProblems(found);
      return found.length > 0;
    },
    clear: () => setProblems([]),
  };
}

export interface FormMutationOptions<Variables = AnyVariables> {
  /**
   * The field ids this page has. A server problem for any other field (an id in the input, say)
   * is shown in the summary without a link, since there is nothing on the page to link to.
   * Left out, every field keeps its link.
   */
  fields?: readonly string[];
  /** The server's field name → the page's field id, for fields the page names differently. */
  rename?: Record<string, string>;
  /** A last say over the problems (for example to put names in place of ids in a message). */
  map?: (problems: Problem[], error: CombinedError | undefined, variables: Variables) => Problem[];
  /** The problems of a page with several mutations: they all show in one summary. */
  form?: FormProblems;
}

/** The server's problems as the page shows them: `rename`, then `fields`, then `map`. */
export function pageProblems<Variables>(
  error: CombinedError | undefined,
  variables: Variables,
  options: Omit<FormMutationOptions<Variables>, 'form'> = {},
): Problem[] {
  const { fields, rename, map } = options;
  let problems = problemsFrom(error).map((p) => (p.field && rename?.[p.field] ? { ...p, field: rename[p.field] } : p));
  if (fields) problems = problems.map((p) => (p.field && !fields.includes(p.field) ? { message: p.message } : p));
  return map ? map(problems, error, variables) : problems;
}

export interface FormMutation<Data, Variables extends AnyVariables> extends FormProblems {
  /**
   * Runs the mutation. On success the problems are cleared and the data returned; on failure
   * the GraphQL errors become the page's problems (`extensions.fields` one per field, other
   * errors by their message) and `undefined` is returned.
   */
  submit: (variables: Variables, context?: Partial<OperationContext>) => Promise<Data | undefined>;
  /** While the mutation runs (for the button's `disabled`). */
  fetching: boolean;
  /** The error of the last run, for a page that answers some codes differently. */
  error: CombinedError | undefined;
}

/**
 * One mutation behind a form: runs it, and maps the errors to per-field messages plus the
 * error summary's list, so that a view keeps no error state of its own.
 *
 * ```tsx
 * const create = useFormMutation(CreateCommunityMutation, { fields: ['name', 'domainId'] });
 * const data = await create.submit({ input });
 * if (data) navigate(…);
 * …
 * <ErrorSummary problems={create.problems} />
 * <TextInput id="name" error={create.fieldError('name')} … />
 * ```
 */
export function useFormMutation<Data = unknown, Variables extends AnyVariables = AnyVariables>(
  mutation: DocumentInput<Data, Variables>,
  options: FormMutationOptions<Variables> = {},
): FormMutation<Data, Variables> {
  const own = useFormProblems();
  const form = options.form ?? own;
  const [{ fetching, error }, execute] = useMutation<Data, Variables>(mutation);
  const latest = useRef(options);
  latest.current = options;
  const { setProblems } = form;

  const submit = useCallback(
    async (variables: Variables, context?: Partial<OperationContext>) => {
      const r = await execute(variables, context);
      if (r.error || !r.data) {
        setProblems(pageProblems(r.error, variables, latest.current));
        return undefined;
      }
      setProblems([]);
      return r.data;
    },
    [execute, setProblems],
  );

  return { ...form, submit, fetching, error };
}
