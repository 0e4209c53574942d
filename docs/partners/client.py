"""Read every call from Convene as a partner system: Python 3, standard library only.

CONVENE_URL, CONVENE_CLIENT_ID and CONVENE_CLIENT_SECRET come from the environment.
"""

import json
import os
import time
import urllib.error
import urllib.request

GRAPHQL = os.environ["CONVENE_URL"].rstrip("/") + "/graphql"


class ConveneError(Exception):
    """An answer with errors: `code` is extensions.code, `fields` names the bad inputs."""

    def __init__(self, code, message, fields):
        super().__init__(f"{code}: {message}")
        self.code = code
        self.fields = [f["field"] for f in fields]


def graphql(query, variables=None, token=None):
    body = json.dumps({"query": query, "variables": variables or {}}).encode()
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    for _ in range(5):
        request = urllib.request.Request(GRAPHQL, data=body, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                answer = json.load(response)
            break
        except urllib.error.HTTPError as e:
            if e.code != 429:
                raise
            # rate limited: wait as long as the server asks, then try again
            time.sleep(float(e.headers.get("Retry-After", "1")))
    else:
        raise RuntimeError("still rate limited after five tries")
    if answer.get("errors"):
        error = answer["errors"][0]
        extensions = error.get("extensions", {})
        raise ConveneError(
            extensions.get("code"), error["message"], extensions.get("fields", [])
        )
    return answer["data"]


def issue_token():
    data = graphql(
        "mutation($id: String!, $secret: String!) {"
        " issueServiceToken(input: { clientId: $id, clientSecret: $secret })"
        " { accessToken expiresAt scopes } }",
        {
            "id": os.environ["CONVENE_CLIENT_ID"],
            "secret": os.environ["CONVENE_CLIENT_SECRET"],
        },
    )
    return data["issueServiceToken"]["accessToken"]


def all_calls(token, page_size=50):
    """Every call, page by page: `after` is the last page's endCursor."""
    after, pages = None, 0
    while True:
        data = graphql(
            "query($first: Int, $after: String) {"
            " calls(first: $first, after: $after)"
            " { nodes { id title status } pageInfo { hasNextPage endCursor } } }",
            {"first": page_size, "after": after},
            token,
        )
        pages += 1
        yield from data["calls"]["nodes"]
        info = data["calls"]["pageInfo"]
        if not info["hasNextPage"]:
            print(json.dumps({"pages": pages}))
            return
        after = info["endCursor"]


if __name__ == "__main__":
    token = issue_token()
    for call in all_calls(token, int(os.environ.get("PAGE_SIZE", "50"))):
        print(json.dumps({"call": call["id"], "title": call["title"]}))
    # a page larger than 100 is refused, naming the argument
    try:
        graphql("query { calls(first: 500) { totalCount } }", token=token)
    except ConveneError as e:
        print(json.dumps({"error": e.code, "fields": e.fields}))
