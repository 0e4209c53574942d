import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { CommunityDomainsQuery } from '../queries';
import { CreateCommunityMutation } from '../mutations';
import { AccessFields } from '../components/AccessFields';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { BackLink, Loading } from '../../ui/Layout';
import { Button, Select, TextInput } from '../../ui/fields';
import { fieldError, problemsFrom, type Problem } from '../../ui/problems';
import { usePageTitle } from '../../ui/usePageTitle';
import type { MembershipMode } from '../../graphql/graphql';

/** /communities/new: anyone signed in starts a community and becomes its convener. */
export function CreateCommunityView() {
  const navigate = useNavigate();
  const [{ data, fetching }] = useQuery({ query: CommunityDomainsQuery });
  const [name, setName] = useState('');
  const [domainId, setDomainId] = useState('');
  const [mode, setMode] = useState('');
  const [listed, setListed] = useState(true);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [{ fetching: creating }, create] = useMutation(CreateCommunityMutation);
  usePageTitle('Start a community', problems.length > 0);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const local: Problem[] = [];
    if (!name.trim()) local.push({ field: 'name', message: 'Enter a name for the community' });
    if (!domainId) local.push({ field: 'domainId', message: 'Choose the community’s domain' });
    if (!mode) local.push({ field: 'membershipMode', message: 'Choose how people join the community' });
    if (local.length) {
      setProblems(local);
      return;
    }
    const r = await create({
      input: { name: name.trim(), domainId, membershipMode: mode as MembershipMode, listed },
    });
    if (r.error || !r.data) {
      setProblems(problemsFrom(r.error));
      return;
    }
    navigate(`/communities/${r.data.createCommunity.community.id}`);
  };

  if (fetching && !data) return <Loading />;
  const domains = data?.domains.nodes ?? [];

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <BackLink to="/communities">Back to communities</BackLink>
        <ErrorSummary problems={problems} />
        <h1 className="nhsuk-heading-l">Start a community</h1>
        <p className="nhsuk-body">
          You will be its convener. You can invite co-conveners later: co-conveners work well.
        </p>
        <form onSubmit={onSubmit} noValidate>
          <TextInput
            id="name"
            label="Name of the community"
            labelSize="m"
            hint="For example, Medication safety community of practice"
            value={name}
            onChange={setName}
            error={fieldError(problems, 'name')}
          />
          <Select
            id="domainId"
            label="Domain"
            labelSize="m"
            hint="The area of patient-safety practice the community is about"
            value={domainId}
            onChange={setDomainId}
            placeholder="Choose a domain"
            options={domains.map((d) => ({ value: d.id, label: d.name }))}
            error={fieldError(problems, 'domainId')}
          />
          <AccessFields
            mode={mode}
            onModeChange={setMode}
            listed={listed}
            onListedChange={setListed}
            problems={problems}
          />
          <Button disabled={creating}>Start the community</Button>
        </form>
      </div>
    </div>
  );
}
