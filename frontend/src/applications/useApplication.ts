import { useQuery } from 'urql';
import { ApplicationQuery } from './queries';

export function useApplication(id: string | undefined) {
  const [{ data, fetching, error }, refetch] = useQuery({
    query: ApplicationQuery,
    variables: { id: id ?? '' },
    pause: !id,
  });
  return { application: data?.application ?? null, fetching: fetching && !data, error, refetch };
}
