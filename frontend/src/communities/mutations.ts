import { graphql } from '../graphql';

export const CreateCommunityMutation = graphql(`
  mutation CreateCommunity($input: CreateCommunityInput!) {
    createCommunity(input: $input) {
      community {
        ...CommunitySummaryFields
      }
    }
  }
`);

export const JoinCommunityMutation = graphql(`
  mutation JoinCommunity($input: JoinCommunityInput!) {
    joinCommunity(input: $input) {
      joined
      request {
        id
        status
      }
      community {
        ...CommunitySummaryFields
      }
    }
  }
`);

export const LeaveCommunityMutation = graphql(`
  mutation LeaveCommunity($input: LeaveCommunityInput!) {
    leaveCommunity(input: $input) {
      community {
        ...CommunitySummaryFields
      }
    }
  }
`);

export const DecideJoinRequestMutation = graphql(`
  mutation DecideJoinRequest($input: DecideJoinRequestInput!) {
    decideJoinRequest(input: $input) {
      request {
        id
        status
        reason
      }
    }
  }
`);

export const SetMemberRoleMutation = graphql(`
  mutation SetMemberRole($input: SetMemberRoleInput!) {
    setMemberRole(input: $input) {
      member {
        role
        person {
          id
          name
        }
      }
    }
  }
`);

export const InviteMemberMutation = graphql(`
  mutation InviteMember($input: InviteMemberInput!) {
    inviteMember(input: $input) {
      invitation {
        id
        email
        state
        sentAt
        community {
          id
        }
      }
    }
  }
`);

export const AcceptInvitationMutation = graphql(`
  mutation AcceptInvitation($input: AcceptInvitationInput!) {
    acceptInvitation(input: $input) {
      community {
        ...CommunitySummaryFields
      }
    }
  }
`);

export const DeclineInvitationMutation = graphql(`
  mutation DeclineInvitation($input: DeclineInvitationInput!) {
    declineInvitation(input: $input) {
      declined
    }
  }
`);

export const CompleteStartupStepMutation = graphql(`
  mutation CompleteStartupStep($input: CompleteStartupStepInput!) {
    completeStartupStep(input: $input) {
      community {
        id
        startupSteps {
          step
          owner
          done
          notes
          updatedAt
        }
      }
    }
  }
`);

export const ReopenStartupStepMutation = graphql(`
  mutation ReopenStartupStep($input: ReopenStartupStepInput!) {
    reopenStartupStep(input: $input) {
      community {
        id
        startupSteps {
          step
          owner
          done
          notes
          updatedAt
        }
      }
    }
  }
`);

export const ProposeDomainDefinitionMutation = graphql(`
  mutation ProposeDomainDefinition($input: ProposeDomainDefinitionInput!) {
    proposeDomainDefinition(input: $input) {
      version {
        id
        version
        text
        agreed
      }
    }
  }
`);

export const AgreeDomainDefinitionMutation = graphql(`
  mutation AgreeDomainDefinition($input: AgreeDomainDefinitionInput!) {
    agreeDomainDefinition(input: $input) {
      version {
        id
        version
        agreed
        agreedAt
      }
      community {
        id
      }
    }
  }
`);

export const UpdateCommunityMutation = graphql(`
  mutation UpdateCommunity($input: UpdateCommunityInput!) {
    updateCommunity(input: $input) {
      community {
        ...CommunitySummaryFields
      }
    }
  }
`);

export const AssignCoachMutation = graphql(`
  mutation AssignCoach($input: AssignCoachInput!) {
    assignCoach(input: $input) {
      community {
        id
        coach {
          id
          name
        }
      }
    }
  }
`);

export const RemoveMemberMutation = graphql(`
  mutation RemoveMember($input: RemoveMemberInput!) {
    removeMember(input: $input) {
      community {
        id
      }
    }
  }
`);

export const CancelInvitationMutation = graphql(`
  mutation CancelInvitation($input: CancelInvitationInput!) {
    cancelInvitation(input: $input) {
      community {
        id
      }
    }
  }
`);
