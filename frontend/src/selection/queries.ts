import { graphql } from '../graphql';

/** The panel member's queue: every application they are assigned to review. */
export const MyReviewsQuery = graphql(`
  query MyReviews {
    viewer {
      id
      reviewAssignments {
        id
        submitted
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
          call {
            id
            title
            status
          }
        }
      }
    }
  }
`);

export const ReviewFields = graphql(`
  fragment ReviewFields on Review {
    id
    submittedAt
    updatedAt
    weightedScore
    reviewer {
      id
      name
    }
    scores {
      score
      comment
      criterion {
        id
        name
      }
    }
  }
`);

/** An application to review, with the rubric and the viewer's own review. */
export const ReviewApplicationQuery = graphql(`
  query ReviewApplication($id: ID!) {
    viewer {
      id
      reviewAssignments {
        id
        submitted
        application {
          id
        }
      }
    }
    application(id: $id) {
      ...ApplicationFields
      viewerConflicted
      viewerCan {
        review
      }
      call {
        id
        criteria {
          id
          name
          weight
          position
        }
      }
      myReview {
        ...ReviewFields
      }
    }
  }
`);

/** Every review of an application: the team always; a panel member after submitting their own. */
export const ApplicationReviewsQuery = graphql(`
  query ApplicationReviews($id: ID!) {
    application(id: $id) {
      id
      reviews {
        ...ReviewFields
      }
    }
  }
`);

export const RankingEntryFields = graphql(`
  fragment RankingEntryFields on RankingEntry {
    rank
    weightedScore
    normalisedScore
    disagreement
    reviewCount
    application {
      id
      status
      domain {
        id
        name
      }
      lead {
        id
        name
      }
    }
  }
`);

export const DecisionFields = graphql(`
  fragment DecisionFields on Decision {
    id
    rationale
    decidedAt
    chair {
      id
      name
    }
    funded {
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
  }
`);

/** What the panel (and the chair) sees of a call: the panel, the ranking, the proposal, the decision. */
export const PanelCallQuery = graphql(`
  query PanelCall($id: ID!) {
    viewer {
      id
    }
    call(id: $id) {
      id
      title
      status
      fundedPlaces
      decisionDueOn
      rankBy
      panel {
        chair
        person {
          id
          name
        }
      }
      conflicts {
        declared
        reason
        application {
          id
          domain {
            id
            name
          }
        }
        person {
          id
          name
        }
      }
      ranking {
        ...RankingEntryFields
      }
      allocationProposal {
        funded {
          id
        }
        ties {
          id
        }
      }
      decision {
        ...DecisionFields
      }
    }
  }
`);

/** Everything the programme team needs to run a call's selection. */
export const CallSelectionQuery = graphql(`
  query CallSelection($id: ID!) {
    viewer {
      id
    }
    call(id: $id) {
      id
      title
      status
      fundedPlaces
      reviewersPerApplication
      decisionDueOn
      daysUntilDecisionDue
      outcomesPending
      panel {
        chair
        addedAt
        person {
          id
          name
          email
          organisation {
            id
            name
          }
        }
      }
      conflicts {
        declared
        reason
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
        person {
          id
          name
        }
      }
      assignments {
        id
        manual
        submitted
        application {
          id
        }
        reviewer {
          id
          name
        }
      }
      ranking {
        ...RankingEntryFields
      }
      allocationProposal {
        funded {
          id
        }
        ties {
          id
        }
      }
      decision {
        ...DecisionFields
      }
    }
  }
`);

export const PeopleSearchQuery = graphql(`
  query PeopleSearch($search: String) {
    people(first: 50, search: $search) {
      totalCount
      nodes {
        id
        name
        email
        organisation {
          id
          name
        }
      }
    }
  }
`);
