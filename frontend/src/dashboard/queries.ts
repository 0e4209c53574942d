import { graphql } from '../graphql';

/** The whole dashboard in one request: the calls for the filter and every figure. */
export const ProgrammeDashboardQuery = graphql(`
  query ProgrammeDashboard($filter: DashboardFilter) {
    calls(first: 100) {
      nodes {
        id
        title
      }
    }
    programmeDashboard(filter: $filter) {
      applicationsByDomain {
        key
        label
        count
      }
      applicationsBySector {
        key
        label
        count
      }
      applicationsByStatus {
        key
        label
        count
      }
      reviewProgress {
        panelMember {
          id
          name
        }
        call {
          id
          title
        }
        assigned
        submitted
        conflicts
        overdue
      }
      reviewsOverdue
      decisions {
        call {
          id
          title
        }
        decidedAt
        funded
        notFunded
      }
      outcomesPending {
        call {
          id
          title
        }
        decisionDueOn
        daysUntilDecisionDue
        pending
        overdue
      }
      communitiesByStage {
        key
        label
        count
      }
      startupProgress {
        step
        done
        notDone
      }
      communityReach {
        community {
          id
          name
        }
        stage
        reach {
          members
          organisations
          professions
          sectors
        }
      }
      networkReach {
        members
        organisations
        professions
        sectors
      }
      meetings {
        held
        scheduled
        cancelled
        attendances
        averageAttendance
      }
      exchangesByVisibility {
        key
        label
        count
      }
      promisingPractices
      honoraria {
        call {
          id
          title
        }
        budgetPence
        committedPence
        paidPence
      }
    }
  }
`);
