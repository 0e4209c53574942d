import { graphql } from '../graphql';

export const AddMemberMapEntryMutation = graphql(`
  mutation AddMemberMapEntry($input: AddMemberMapEntryInput!) {
    addMemberMapEntry(input: $input) {
      entry {
        id
        name
      }
    }
  }
`);

export const UpdateMemberMapEntryMutation = graphql(`
  mutation UpdateMemberMapEntry($input: UpdateMemberMapEntryInput!) {
    updateMemberMapEntry(input: $input) {
      entry {
        id
        name
      }
    }
  }
`);

export const RemoveMemberMapEntryMutation = graphql(`
  mutation RemoveMemberMapEntry($input: RemoveMemberMapEntryInput!) {
    removeMemberMapEntry(input: $input) {
      removedEntryId
    }
  }
`);

export const AssignFunctionMutation = graphql(`
  mutation AssignFunction($input: AssignFunctionInput!) {
    assignFunction(input: $input) {
      function {
        id
        name
        from
        until
        holder {
          id
          name
        }
      }
    }
  }
`);

export const RotateFunctionMutation = graphql(`
  mutation RotateFunction($input: RotateFunctionInput!) {
    rotateFunction(input: $input) {
      function {
        id
        name
        from
        holder {
          id
          name
        }
      }
    }
  }
`);

export const EndFunctionMutation = graphql(`
  mutation EndFunction($input: EndFunctionInput!) {
    endFunction(input: $input) {
      function {
        id
        name
        until
      }
    }
  }
`);

export const AddPlanNeedMutation = graphql(`
  mutation AddPlanNeed($input: AddPlanNeedInput!) {
    addPlanNeed(input: $input) {
      need {
        id
        what
      }
    }
  }
`);

export const CompletePlanNeedMutation = graphql(`
  mutation CompletePlanNeed($input: CompletePlanNeedInput!) {
    completePlanNeed(input: $input) {
      need {
        id
        completed
        completedAt
      }
    }
  }
`);

export const RemovePlanNeedMutation = graphql(`
  mutation RemovePlanNeed($input: RemovePlanNeedInput!) {
    removePlanNeed(input: $input) {
      removedNeedId
    }
  }
`);

export const RequestSupportMutation = graphql(`
  mutation RequestSupport($input: RequestSupportInput!) {
    requestSupport(input: $input) {
      request {
        id
        kind
        status
      }
    }
  }
`);

export const AssignSupportRequestMutation = graphql(`
  mutation AssignSupportRequest($input: AssignSupportRequestInput!) {
    assignSupportRequest(input: $input) {
      request {
        id
        status
        assignee {
          id
          name
        }
      }
    }
  }
`);

export const UpdateSupportRequestMutation = graphql(`
  mutation UpdateSupportRequest($input: UpdateSupportRequestInput!) {
    updateSupportRequest(input: $input) {
      request {
        id
        status
      }
    }
  }
`);

export const PostChallengeMutation = graphql(`
  mutation PostChallenge($input: PostChallengeInput!) {
    postChallenge(input: $input) {
      challenge {
        id
        title
      }
    }
  }
`);

export const ReplyToChallengeMutation = graphql(`
  mutation ReplyToChallenge($input: ReplyToChallengeInput!) {
    replyToChallenge(input: $input) {
      reply {
        id
      }
    }
  }
`);
