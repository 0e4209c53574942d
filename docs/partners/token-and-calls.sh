#!/bin/sh
# Exchange a service client's id and secret for a token, then read the first page of calls.
# Needs curl and jq. CONVENE_URL is the server (https://convene.example.nhs.uk).
set -eu

token=$(
  jq -n --arg id "$CONVENE_CLIENT_ID" --arg secret "$CONVENE_CLIENT_SECRET" '{
    query: "mutation($id: String!, $secret: String!) { issueServiceToken(input: { clientId: $id, clientSecret: $secret }) { accessToken expiresAt scopes } }",
    variables: { id: $id, secret: $secret }
  }' |
    curl -sS --fail "$CONVENE_URL/graphql" -H 'Content-Type: application/json' --data @- |
    jq -er '.data.issueServiceToken.accessToken'
)

# The first page of calls, with the cursor to ask for the next one.
jq -n --argjson first "${PAGE_SIZE:-50}" '{
  query: "query($first: Int, $after: String) { calls(first: $first, after: $after) { totalCount nodes { id title status } pageInfo { hasNextPage endCursor } } }",
  variables: { first: $first }
}' |
  curl -sS --fail "$CONVENE_URL/graphql" \
    -H 'Content-Type: application/json' \
    -H "Authorization: Bearer $token" \
    --data @- |
  jq '.data.calls'
