import { graphql } from '../graphql';

export const ProposeDomainMutation = graphql(`
  mutation ProposeDomain($input: ProposeDomainInput!) {
    proposeDomain(input: $input) {
      domain {
        id
        name
        status
      }
    }
  }
`);

export const StartApplicationMutation = graphql(`
  mutation StartApplication($input: StartApplicationInput!) {
    startApplication(input: $input) {
      application {
        ...ApplicationFields
      }
    }
  }
`);

export const UpdateApplicationMutation = graphql(`
  mutation UpdateApplication($input: UpdateApplicationInput!) {
    updateApplication(input: $input) {
      application {
        ...ApplicationFields
      }
    }
  }
`);

export const InviteCoLeadMutation = graphql(`
  mutation InviteCoLead($input: InviteCoLeadInput!) {
    inviteCoLead(input: $input) {
      application {
        ...ApplicationFields
      }
    }
  }
`);

export const RemoveCoLeadMutation = graphql(`
  mutation RemoveCoLead($input: RemoveCoLeadInput!) {
    removeCoLead(input: $input) {
      application {
        ...ApplicationFields
      }
    }
  }
`);

export const AcceptCoLeadMutation = graphql(`
  mutation AcceptCoLead($input: AcceptCoLeadInput!) {
    acceptCoLead(input: $input) {
      application {
        ...ApplicationFields
      }
    }
  }
`);

export const DeclineCoLeadMutation = graphql(`
  mutation DeclineCoLead($input: DeclineCoLeadInput!) {
    declineCoLead(input: $input) {
      application {
        ...ApplicationFields
      }
    }
  }
`);

export const SubmitApplicationMutation = graphql(`
  mutation SubmitApplication($input: SubmitApplicationInput!) {
    submitApplication(input: $input) {
      application {
        ...ApplicationFields
      }
    }
  }
`);

export const WithdrawApplicationMutation = graphql(`
  mutation WithdrawApplication($input: WithdrawApplicationInput!) {
    withdrawApplication(input: $input) {
      application {
        ...ApplicationFields
      }
    }
  }
`);

export const StartCommunityFromApplicationMutation = graphql(`
  mutation StartCommunityFromApplication($input: StartCommunityFromApplicationInput!) {
    startCommunityFromApplication(input: $input) {
      community {
        ...CommunityFields
      }
    }
  }
`);
