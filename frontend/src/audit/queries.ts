import { graphql } from '../graphql';

/** One page of the audit trail, with what its filters offer (entity types, people). */
export const AuditLogQuery = graphql(`
  query AuditLog($first: Int, $after: String, $last: Int, $before: String, $entityId: ID, $filter: AuditFilter) {
    auditEntityTypes
    people(first: 100) {
      nodes {
        id
        name
      }
    }
    auditLog(first: $first, after: $after, last: $last, before: $before, entityId: $entityId, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      nodes {
        id
        at
        action
        entityType
        entityId
        entityLabel
        before
        after
        actor {
          id
          name
        }
      }
    }
  }
`);
