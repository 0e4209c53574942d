import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useQuery } from 'urql';
import { CommunityDomainsQuery } from '../queries';
import { CreateCommunityMutation } from '../mutations';
import { AccessFields } from '../components/AccessFields';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { BackLink, Loading } from '../../ui/Layout';
import { Button, Select, TextInput } from '../../ui/fields';
import type { Problem } from '../../ui/problems';
import { useFormMutation } from '../../ui/useFormMutation';
import { usePageTitle } from '../../ui/usePageTitle';
import type { MembershipMode } from '../../graphql/graphql';
import { communityUrl } from '../../urls';

/** /communities/new: anyone signed in starts a community and becomes its convener. */
export function CreateCommunityView() {
  const navigate = useNavigate();
  const [{ data, fetching }] = useQuery({ query: CommunityDomainsQuery });
  const [name, setName] = useState('');
  const [domainId, setDomainId] = useState('');
  const [mode, setMode] = useState('');
  const [listed, setListed] = useState(true);
  const create = useFormMutation(CreateCommunityMutation);
  const { problems, fieldError } = create;
  usePageTitle('Start a community', problems.length > 0);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const local: Problem[] = [];
    if (!name.trim()) local.push({ field: 'name', message: 'Enter a name for the community' });
    if (!domainId) local.push({ field: 'domainId', message: 'Choose the community’s domain' });
    if (!mode) local.push({ field: 'membershipMode', message: 'Choose how people join the community' });
    if (create.invalid(local)) return;
    const data = await create.submit({
      input: { name: name.trim(), domainId, membershipMode: mode as MembershipMode, listed },
    });
    if (data) navigate(communityUrl(data.createCommunity.community.id));
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
            error={fieldError('name')}
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
            error={fieldError('domainId')}
          />
          <AccessFields
            mode={mode}
            onModeChange={setMode}
            listed={listed}
            onListedChange={setListed}
            problems={problems}
          />
          <Button disabled={create.fetching}>Start the community</Button>
        </form>
      </div>
    </div>
  );
}
