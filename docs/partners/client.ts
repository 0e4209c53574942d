// Read every call from Convene as a partner system: TypeScript for Node 18 or later (fetch),
// no packages. CONVENE_URL, CONVENE_CLIENT_ID and CONVENE_CLIENT_SECRET come from the
// environment.

const GRAPHQL = `${process.env.CONVENE_URL!.replace(/\/$/, "")}/graphql`;

interface GraphQLError {
  message: string;
  extensions?: { code?: string; fields?: { field: string; message: string }[] };
}

/** An answer with errors: `code` is extensions.code, `fields` names the bad inputs. */
export class ConveneError extends Error {
  constructor(
    public code: string | undefined,
    message: string,
    public fields: string[],
  ) {
    super(`${code}: ${message}`);
  }
}

export async function graphql<T>(
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<T> {
  const headers: Record<string, string> = { "Content-Type": "application/json" };
  if (token) headers.Authorization = `Bearer ${token}`;
  for (let attempt = 0; attempt < 5; attempt++) {
    const response = await fetch(GRAPHQL, {
      method: "POST",
      headers,
      body: JSON.stringify({ query, variables }),
    });
    if (response.status === 429) {
      // rate limited: wait as long as the server asks, then try again
      const seconds = Number(response.headers.get("Retry-After") ?? "1");
      await new Promise((done) => setTimeout(done, seconds * 1000));
      continue;
    }
    const answer = (await response.json()) as { data?: T; errors?: GraphQLError[] };
    if (answer.errors?.length) {
      const [error] = answer.errors;
      const fields = (error.extensions?.fields ?? []).map((f) => f.field);
      throw new ConveneError(error.extensions?.code, error.message, fields);
    }
    return answer.data as T;
  }
  throw new Error("still rate limited after five tries");
}

export async function issueToken(): Promise<string> {
  const data = await graphql<{ issueServiceToken: { accessToken: string } }>(
    `mutation($id: String!, $secret: String!) {
      issueServiceToken(input: { clientId: $id, clientSecret: $secret }) { accessToken expiresAt scopes }
    }`,
    { id: process.env.CONVENE_CLIENT_ID, secret: process.env.CONVENE_CLIENT_SECRET },
  );
  return data.issueServiceToken.accessToken;
}

interface Call {
  id: string;
  title: string;
  status: string;
}
interface CallPage {
  calls: { nodes: Call[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}

/** Every call, page by page: `after` is the last page's endCursor. */
export async function* allCalls(token: string, pageSize = 50): AsyncGenerator<Call> {
  let after: string | null = null;
  let pages = 0;
  for (;;) {
    const data: CallPage = await graphql<CallPage>(
      `query($first: Int, $after: String) {
        calls(first: $first, after: $after) { nodes { id title status } pageInfo { hasNextPage endCursor } }
      }`,
      { first: pageSize, after },
      token,
    );
    pages += 1;
    yield* data.calls.nodes;
    if (!data.calls.pageInfo.hasNextPage) {
      console.log(JSON.stringify({ pages }));
      return;
    }
    after = data.calls.pageInfo.endCursor;
  }
}

const token = await issueToken();
for await (const call of allCalls(token, Number(process.env.PAGE_SIZE ?? "50"))) {
  console.log(JSON.stringify({ call: call.id, title: call.title }));
}
// a page larger than 100 is refused, naming the argument
try {
  await graphql("query { calls(first: 500) { totalCount } }", {}, token);
} catch (e) {
  if (!(e instanceof ConveneError)) throw e;
  console.log(JSON.stringify({ error: e.code, fields: e.fields }));
}
