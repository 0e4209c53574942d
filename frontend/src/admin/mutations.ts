import { graphql } from '../graphql';

export const CreateCallMutation = graphql(`
  mutation CreateCall($input: CreateCallInput!) {
    createCall(input: $input) {
      call {
        id
        title
        status
      }
    }
  }
`);

export const UpdateCallMutation = graphql(`
  mutation UpdateCall($input: UpdateCallInput!) {
    updateCall(input: $input) {
      call {
        id
        title
        description
        status
        opensAt
        closesAt
        decisionDueOn
        reviewsDueOn
        fundedPlaces
        honorariumPence
        budgetPence
        criteria {
          id
          name
          weight
        }
      }
    }
  }
`);

export const CloseCallMutation = graphql(`
  mutation CloseCall($input: CloseCallInput!) {
    closeCall(input: $input) {
      call {
        id
        status
        acceptingApplications
      }
    }
  }
`);

export const OpenCallMutation = graphql(`
  mutation OpenCall($input: OpenCallInput!) {
    openCall(input: $input) {
      call {
        id
        status
        acceptingApplications
      }
    }
  }
`);

export const CreateDomainMutation = graphql(`
  mutation CreateDomain($input: CreateDomainInput!) {
    createDomain(input: $input) {
      domain {
        id
        name
        description
        status
      }
    }
  }
`);

export const AcceptDomainMutation = graphql(`
  mutation AcceptDomain($input: AcceptDomainInput!) {
    acceptDomain(input: $input) {
      domain {
        id
        name
        status
      }
    }
  }
`);

export const RenameDomainMutation = graphql(`
  mutation RenameDomain($input: RenameDomainInput!) {
    renameDomain(input: $input) {
      domain {
        id
        name
        description
        status
      }
    }
  }
`);

export const MergeDomainMutation = graphql(`
  mutation MergeDomain($input: MergeDomainInput!) {
    mergeDomain(input: $input) {
      domain {
        id
        name
        status
        mergedInto {
          id
          name
        }
      }
    }
  }
`);

export const CreateOrganisationMutation = graphql(`
  mutation CreateOrganisation($input: CreateOrganisationInput!) {
    createOrganisation(input: $input) {
      organisation {
        id
        name
        sector
        nhsMember
      }
    }
  }
`);

export const SetOrganisationNhsMemberMutation = graphql(`
  mutation SetOrganisationNhsMember($input: SetOrganisationNhsMemberInput!) {
    setOrganisationNhsMember(input: $input) {
      organisation {
        id
        nhsMember
        nhsMemberChangedOn
      }
    }
  }
`);

export const GrantRoleMutation = graphql(`
  mutation GrantRole($input: GrantRoleInput!) {
    grantRole(input: $input) {
      person {
        id
        roles
      }
    }
  }
`);

export const RevokeRoleMutation = graphql(`
  mutation RevokeRole($input: RevokeRoleInput!) {
    revokeRole(input: $input) {
      person {
        id
        roles
      }
    }
  }
`);

export const ImportOrganisationsMutation = graphql(`
  mutation ImportOrganisations($input: ImportOrganisationsInput!) {
    importOrganisations(input: $input) {
      created
      updated
      unchanged
      saved
      errors {
        line
        message
      }
      lines {
        line
        name
        sector
        nhsMember
        nhsMemberSince
        action
      }
    }
  }
`);
