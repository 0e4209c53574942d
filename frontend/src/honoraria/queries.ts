import { graphql } from '../graphql';

export const ShareFields = graphql(`
  fragment ShareFields on HonorariumShare {
    id
    amountPence
    eligible
    route
    status
    reference
    paidOn
    approvedAt
    person {
      id
      name
    }
  }
`);

export const CallHonorariaQuery = graphql(`
  query CallHonoraria($id: ID!) {
    viewer {
      id
    }
    call(id: $id) {
      id
      title
      status
      honorariumPence
      honorariumPolicy
      honorariaTotals {
        budgetPence
        committedPence
        paidPence
      }
      honoraria {
        totalPence
        application {
          id
          domain {
            id
            name
          }
          lead {
            id
            name
          }
        }
        shares {
          ...ShareFields
        }
      }
    }
  }
`);
