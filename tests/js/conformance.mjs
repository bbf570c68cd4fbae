// Runs the published @wix/sdk, unchanged, through a whole member login against the local Wix auth emulator.
// Usage: node tests/js/conformance.mjs <emulator base URL> [clientId]
// Prints one JSON object on stdout; exits 1 when any step fails.
import { createClient, OAuthStrategy } from '@wix/sdk';
import { createBrowser } from './browser.mjs';

const base = (process.argv[2] ?? '').replace(/\/+$/, '');
const clientId = process.argv[3] ?? 'demo-client-id';
const redirectUri = 'http://localhost:3000/callback';
const originalUri = 'http://localhost:3000/orig';
const postLogoutUri = 'http://localhost:3000/bye';
const member = { email: 'ada@example.com', password: 'lovelace' };

// The only change: every request the SDK makes to Wix's API host goes to the emulator instead.
const realFetch = globalThis.fetch;
const sdkRequests = [];
globalThis.fetch = (input, init) => {
  const url = typeof input === 'string' || input instanceof URL ? String(input) : input.url;
  const target = url.replace(/^https:\/\/[a-z.]*wixapis\.com/, base);
  if (target === url) throw new Error(`The SDK called a host the emulator does not stand in for: ${url}`);
  sdkRequests.push(new URL(target).pathname);
  return typeof input === 'string' || input instanceof URL
    ? realFetch(target, init)
    : realFetch(new Request(target, input), init);
};

const browser = createBrowser(realFetch);

function check(condition, message) {
  if (!condition) throw new Error(message);
}

async function run() {
  check(base.startsWith('http'), 'usage: node conformance.mjs <emulator base URL> [clientId]');
  const client = createClient({ auth: OAuthStrategy({ clientId }) });
  const result = { ok: false };

  const visitor = await client.auth.generateVisitorTokens();
  client.auth.setTokens(visitor);
  result.visitor = { role: visitor.refreshToken.role, expiresIn: visitor.accessToken.expiresAt - Math.floor(Date.now() / 1000) };

  const oauthData = client.auth.generateOAuthData(redirectUri, originalUri);
  const { authUrl } = await client.auth.getAuthUrl(oauthData);
  const { authUrl: silentUrl } = await client.auth.getAuthUrl(oauthData, { prompt: 'none', responseMode: 'query' });
  result.authUrl = authUrl;

  const page = await browser.open(authUrl);
  check(page.status === 200 && page.body.includes('name="password"'), `login page: HTTP ${page.status}`);
  const loggedIn = await browser.open(authUrl, { ...member, action: 'login' });
  check(loggedIn.status === 302 && loggedIn.location, `login form: HTTP ${loggedIn.status}`);
  const fromFragment = client.auth.parseFromUrl(loggedIn.location);
  result.fragment = { hasCode: !!fromFragment.code, stateMatches: fromFragment.state === oauthData.state, error: fromFragment.error ?? null };

  const silent = await browser.open(silentUrl);
  const fromQuery = client.auth.parseFromUrl(silent.location, 'query');
  result.query = { hasCode: !!fromQuery.code, stateMatches: fromQuery.state === oauthData.state, error: fromQuery.error ?? null };

  const memberTokens = await client.auth.getMemberTokens(fromFragment.code, fromFragment.state, oauthData);
  client.auth.setTokens(memberTokens);
  result.loggedIn = client.auth.loggedIn();

  const { headers } = await client.auth.getAuthHeaders();
  const me = await realFetch(`${base}/members/v1/members/my`, { headers });
  result.member = (await me.json()).member ?? null;

  const renewed = await client.auth.renewToken(memberTokens.refreshToken);
  client.auth.setTokens(renewed);
  result.renewed = {
    newAccessToken: renewed.accessToken.value !== memberTokens.accessToken.value,
    sameRefreshToken: renewed.refreshToken.value === memberTokens.refreshToken.value,
  };

  const { logoutUrl } = await client.auth.logout(postLogoutUri);
  result.loggedInAfterLogout = client.auth.loggedIn();
  const loggedOut = await browser.open(logoutUrl);
  result.logoutRedirect = loggedOut.location;

  // After logout the emulator's session is gone: a silent login must come back with login_required.
  const { authUrl: afterUrl } = await client.auth.getAuthUrl(client.auth.generateOAuthData(redirectUri), { prompt: 'none' });
  const after = await browser.open(afterUrl);
  result.silentAfterLogout = client.auth.parseFromUrl(after.location).error ?? null;

  result.sdkRequests = sdkRequests;
  result.ok = true;
  return result;
}

try {
  console.log(JSON.stringify(await run()));
} catch (e) {
  console.log(JSON.stringify({ ok: false, error: String(e?.message ?? e), sdkRequests }));
  process.exitCode = 1;
}
