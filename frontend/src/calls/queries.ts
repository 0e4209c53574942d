import { graphql } from '../graphql';

export const OpenCallsQuery = graphql(`
  query OpenCalls {
    calls(first: 20, status: OPEN) {
      nodes {
        id
        title
        description
        opensAt
        closesAt
        decisionDueOn
        fundedPlaces
        honorariumPence
        acceptingApplications
      }
    }
  }
`);

export const CallSummaryQuery = graphql(`
  query CallSummary($id: ID!) {
    call(id: $id) {
      id
      title
      status
      closesAt
      decisionDueOn
      acceptingApplications
    }
  }
`);
