import { graphql } from '../graphql';

export const ApprovePaymentMutation = graphql(`
  mutation ApprovePayment($input: ApprovePaymentInput!) {
    approvePayment(input: $input) {
      share {
        ...ShareFields
      }
    }
  }
`);

export const MarkPaymentPaidMutation = graphql(`
  mutation MarkPaymentPaid($input: MarkPaymentPaidInput!) {
    markPaymentPaid(input: $input) {
      share {
        ...ShareFields
      }
    }
  }
`);

export const CancelPaymentMutation = graphql(`
  mutation CancelPayment($input: CancelPaymentInput!) {
    cancelPayment(input: $input) {
      share {
        ...ShareFields
      }
    }
  }
`);

export const SetPaymentRouteMutation = graphql(`
  mutation SetPaymentRoute($input: SetPaymentRouteInput!) {
    setPaymentRoute(input: $input) {
      share {
        ...ShareFields
      }
    }
  }
`);
