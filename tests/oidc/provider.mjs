// A real OpenID Provider for the single sign-on tests: panva's certified oidc-provider with its
// development login and consent pages, which accept any login name.
//
//   OIDC_PORT          the port to serve on (0 or unset: a free one)
//   OIDC_REDIRECT_URI  the one redirect URI of the client (Convene's /auth/oidc/callback)
//   OIDC_CLIENT_ID     default convene
//   OIDC_CLIENT_SECRET default convene-test-secret
//   OIDC_LEAN_ID_TOKEN 1: the address only at the userinfo endpoint (oidc-provider's default)
//
// The account is made from the login name: "alice" is alice@nhs.example with a verified
// address; a name starting with "unverified-" has email_verified false. Prints one line,
// `ready <issuer>`, once it serves.
import { createServer } from 'node:net';
import Provider from 'oidc-provider';

async function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

const port = Number(process.env.OIDC_PORT || 0) || (await freePort());
const redirectUri = process.env.OIDC_REDIRECT_URI;
if (!redirectUri) {
  console.error('OIDC_REDIRECT_URI is required');
  process.exit(2);
}
const issuer = `http://127.0.0.1:${port}`;

function account(login) {
  const name = String(login).trim().toLowerCase();
  return {
    accountId: name,
    async claims() {
      return {
        sub: name,
        email: `${name}@nhs.example`,
        email_verified: !name.startsWith('unverified-'),
        name: name.split(/[-.]/).filter(Boolean).map((p) => p[0].toUpperCase() + p.slice(1)).join(' '),
      };
    },
  };
}

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: process.env.OIDC_CLIENT_ID || 'convene',
      client_secret: process.env.OIDC_CLIENT_SECRET || 'convene-test-secret',
      redirect_uris: [redirectUri],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
    },
  ],
  pkce: { required: () => true },
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
  // the claims of the granted scopes go in the ID token too (as Entra ID does), not only to
  // the userinfo endpoint, unless OIDC_LEAN_ID_TOKEN=1
  conformIdTokenClaims: process.env.OIDC_LEAN_ID_TOKEN === '1',
  findAccount: (_ctx, id) => account(id),
  features: { devInteractions: { enabled: true } },
  cookies: { keys: ['convene-test-provider-cookie-key'] },
});
provider.proxy = false;

provider.listen(port, '127.0.0.1', () => {
  console.log(`ready ${issuer}`);
});

for (const sig of ['SIGTERM', 'SIGINT']) process.on(sig, () => process.exit(0));
