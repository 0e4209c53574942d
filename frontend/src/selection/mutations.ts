import { graphql } from '../graphql';

export const SubmitReviewMutation = graphql(`
  mutation SubmitReview($input: SubmitReviewInput!) {
    submitReview(input: $input) {
      review {
        ...ReviewFields
      }
    }
  }
`);

export const DeclareConflictMutation = graphql(`
  mutation DeclareConflict($input: DeclareConflictInput!) {
    declareConflict(input: $input) {
      conflict {
        declared
        reason
        application {
          id
        }
      }
    }
  }
`);

export const AddPanelMemberMutation = graphql(`
  mutation AddPanelMember($input: AddPanelMemberInput!) {
    addPanelMember(input: $input) {
      panelMember {
        chair
        person {
          id
          name
        }
      }
      call {
        id
      }
    }
  }
`);

export const RemovePanelMemberMutation = graphql(`
  mutation RemovePanelMember($input: RemovePanelMemberInput!) {
    removePanelMember(input: $input) {
      call {
        id
      }
    }
  }
`);

export const AssignReviewersMutation = graphql(`
  mutation AssignReviewers($input: AssignReviewersInput!) {
    assignReviewers(input: $input) {
      assignments {
        id
        submitted
        application {
          id
        }
        reviewer {
          id
          name
        }
      }
      call {
        id
        status
      }
    }
  }
`);

export const AddReviewAssignmentMutation = graphql(`
  mutation AddReviewAssignment($input: AddReviewAssignmentInput!) {
    addReviewAssignment(input: $input) {
      assignment {
        id
        submitted
        reviewer {
          id
          name
        }
        application {
          id
        }
      }
    }
  }
`);

export const RemoveReviewAssignmentMutation = graphql(`
  mutation RemoveReviewAssignment($input: RemoveReviewAssignmentInput!) {
    removeReviewAssignment(input: $input) {
      removed
    }
  }
`);

export const SendReviewRemindersMutation = graphql(`
  mutation SendReviewReminders($input: SendReviewRemindersInput!) {
    sendReviewReminders(input: $input) {
      reminded
    }
  }
`);

export const RecordDecisionMutation = graphql(`
  mutation RecordDecision($input: RecordDecisionInput!) {
    recordDecision(input: $input) {
      decision {
        ...DecisionFields
      }
      call {
        id
        status
      }
    }
  }
`);

export const SendOutcomesMutation = graphql(`
  mutation SendOutcomes($input: SendOutcomesInput!) {
    sendOutcomes(input: $input) {
      told
      call {
        id
        outcomesPending
      }
    }
  }
`);
