// The OpenID Connect provider the external sign-in tests start on loopback: it stands in for Entra ID (through
// Microsoft.Identity.Web) and for an ÉduConnect-like provider. Usage: node provider.mjs <port>
// Any account id typed on its sign-in page exists; its claims derive from the id (see findAccount), so a test decides
// who it is by the id it types. Prints "listening <issuer>" once it accepts connections.
import http from 'node:http';
import Provider from 'oidc-provider';

const port = Number(process.argv[2]);
const issuer = `http://127.0.0.1:${port}`;

// The app listens on a port chosen at start-up (and the HTTP tests on https://localhost): the path is what a client
// registers, on any loopback address and port.
const client = (id, path) => ({
  client_id: id,
  client_secret: `${id}-secret`,
  redirect_uris: [`http://127.0.0.1/signin-${path}`],
  post_logout_redirect_uris: [`http://127.0.0.1/signout-callback-${path}`],
  response_types: ['code'],
  grant_types: ['authorization_code'],
  token_endpoint_auth_method: 'client_secret_post',
});

const provider = new Provider(issuer, {
  clients: [client('enoe-entra', 'oidc'), client('enoe-educonnect', 'educonnect')],
  // The directory key travels as its own claim, as an académie's federation would send the ENTPersonJointure.
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'email', 'directory_key'] },
  conformIdTokenClaims: false, // the claims in the id_token itself: what Microsoft.Identity.Web reads
  findAccount: async (_ctx, id) => ({
    accountId: id,
    claims: async () => ({
      sub: id,
      name: id,
      email: `${id}@ac-enoe.test`,
      email_verified: true,
      directory_key: `J-${id}`,
    }),
  }),
  cookies: { keys: ['enoe-test-provider-cookies'] },
  features: {
    devInteractions: { enabled: false },
    rpInitiatedLogout: {
      enabled: true,
      // No question asked: the whole provider session ends (logout=yes), as when the person confirms.
      logoutSource: async (ctx, form) => {
        const confirmed = form.replace('</form>', '<input type="hidden" name="logout" value="yes"/></form>');
        ctx.body = `<!DOCTYPE html><html><body onload="document.forms[0].submit()">${confirmed}</body></html>`;
      },
    },
  },
  interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  // Every client here is first-party: consent is given without asking.
  loadExistingGrant: async (ctx) => {
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope('openid email profile');
    await grant.save();
    return grant;
  },
});

const loopback = new Set(['127.0.0.1', 'localhost']);
const allowed = (value, registered) => {
  try {
    const url = new URL(value);
    return loopback.has(url.hostname) && registered.some((r) => new URL(r).pathname === url.pathname);
  } catch {
    return false;
  }
};
provider.Client.prototype.redirectUriAllowed = function (value) {
  return allowed(value, this.redirectUris);
};
provider.Client.prototype.postLogoutRedirectUriAllowed = function (value) {
  return allowed(value, this.postLogoutRedirectUris);
};

const escape = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

// Its own sign-in page: one field, the account id; nothing else is asked.
async function interaction(req, res) {
  const details = await provider.interactionDetails(req, res);
  if (req.method === 'POST') {
    const body = await new Promise((resolve) => {
      let data = '';
      req.on('data', (chunk) => (data += chunk));
      req.on('end', () => resolve(new URLSearchParams(data)));
    });
    const account = body.get('account')?.trim();
    if (account) return provider.interactionFinished(req, res, { login: { accountId: account } });
  }
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.end(`<!DOCTYPE html><html lang="fr"><head><title>Fournisseur d'identité de test</title></head><body>
    <h1>Fournisseur d'identité de test</h1><p>Client : ${escape(details.params.client_id)}</p>
    <form method="post" action="/interaction/${escape(details.uid)}">
      <label for="account">Compte</label> <input id="account" name="account" autofocus>
      <button type="submit">Continuer</button>
    </form></body></html>`);
}

const callback = provider.callback();
const server = http.createServer((req, res) => {
  if (req.url.startsWith('/interaction/'))
    interaction(req, res).catch((error) => {
      res.statusCode = 500;
      res.end(String(error));
    });
  else callback(req, res);
});
server.listen(port, '127.0.0.1', () => console.log(`listening ${issuer}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
