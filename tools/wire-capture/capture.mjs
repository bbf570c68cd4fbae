// Records every HTTP request the pinned @wix/sdk (tests/js/package-lock.json) makes in one whole flow, run unchanged
// under Node against the local emulator: visitor tokens, a login URL (fragment, prompt=login), a silent login URL
// (query, prompt=none), the code exchange, a refresh and a logout. Prints the capture as JSON on stdout.
// Usage: node tools/wire-capture/capture.mjs <emulator base URL> [clientId]   (capture.sh starts the emulator and writes the file)
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const sdkDir = join(repo, 'tests', 'js', 'node_modules', '@wix', 'sdk');
const sdkPackage = JSON.parse(readFileSync(join(sdkDir, 'package.json'), 'utf8'));
const { createClient, OAuthStrategy } = await import(pathToFileURL(join(sdkDir, sdkPackage.exports['.'].import)).href);

const base = (process.argv[2] ?? '').replace(/\/+$/, '');
const clientId = process.argv[3] ?? 'demo-client-id';
const wixApi = 'https://www.wixapis.com';
const redirectUri = 'http://localhost:3000/callback';
const originalUri = 'http://localhost:3000/orig';
const postLogoutUri = 'http://localhost:3000/bye';
const member = { email: 'ada@example.com', password: 'lovelace' };

// Values that differ on every run are written as stable placeholders, numbered in order of first appearance, so that
// two captures differ only where the SDK's behaviour does: AT-n (access tokens), RT-n (refresh tokens), CODE-n.
const placeholders = new Map();
const counts = { AT: 0, RT: 0, CODE: 0 };
const name = (value, kind) => {
  if (typeof value !== 'string' || value === '') return value;
  if (!placeholders.has(value)) placeholders.set(value, `${kind}-${++counts[kind]}`);
  return placeholders.get(value);
};
const hide = (value) => (typeof value === 'string' && placeholders.has(value) ? placeholders.get(value) : value);
const hideAll = (node) => {
  if (Array.isArray(node)) return node.map(hideAll);
  if (node && typeof node === 'object') return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, hideAll(v)]));
  return hide(node);
};

// The only change to the SDK's world: requests to Wix's API host go to the emulator, and each is recorded as sent.
const realFetch = globalThis.fetch;
const recorded = [];
globalThis.fetch = async (input, init = {}) => {
  const url = typeof input === 'string' || input instanceof URL ? String(input) : input.url;
  if (!url.startsWith(wixApi)) throw new Error(`The SDK called a host the emulator does not stand in for: ${url}`);
  const headers = init.headers instanceof Headers ? Object.fromEntries(init.headers.entries()) : { ...(init.headers ?? {}) };
  const body = init.body ? JSON.parse(init.body) : null;
  if (body?.code) name(body.code, 'CODE');
  recorded.push({ url, method: init.method ?? 'GET', headers, body });
  const response = await realFetch(base + url.slice(wixApi.length), init);
  const answer = await response.clone().json().catch(() => null);
  name(answer?.access_token, 'AT');
  name(answer?.refresh_token, 'RT');
  return response;
};

// A browser without JavaScript for the emulator's login page: follows nothing by itself and carries one cookie.
let cookie = null;
async function open(url, form) {
  const init = { redirect: 'manual', headers: cookie ? { cookie } : {} };
  if (form) Object.assign(init, { method: 'POST', body: new URLSearchParams(form) });
  const res = await realFetch(url, init);
  cookie = res.headers.get('set-cookie')?.split(';')[0] ?? cookie;
  return { status: res.status, location: res.headers.get('location') };
}

function check(condition, message) {
  if (!condition) throw new Error(message);
}

check(base.startsWith('http'), 'usage: node tools/wire-capture/capture.mjs <emulator base URL> [clientId]');
const client = createClient({ auth: OAuthStrategy({ clientId }) });
client.auth.setTokens(await client.auth.generateVisitorTokens());
const oauthData = client.auth.generateOAuthData(redirectUri, originalUri);
const { authUrl } = await client.auth.getAuthUrl(oauthData);
await client.auth.getAuthUrl(oauthData, { prompt: 'none', responseMode: 'query' });
const loggedIn = await open(authUrl, { ...member, action: 'login' });
check(loggedIn.status === 302 && loggedIn.location, `login form: HTTP ${loggedIn.status}`);
const { code, state } = client.auth.parseFromUrl(loggedIn.location);
const tokens = await client.auth.getMemberTokens(code, state, oauthData);
client.auth.setTokens(tokens);
client.auth.setTokens(await client.auth.renewToken(tokens.refreshToken));
await client.auth.logout(postLogoutUri);

console.log(JSON.stringify({
  sdk: `@wix/sdk ${sdkPackage.version}`,
  capturedWith: 'tools/wire-capture/capture.sh: the SDK unchanged, under Node, against src/Wix.Auth.Emulator; secrets as placeholders',
  oauthData,
  requests: recorded.map(hideAll),
}, null, 1));
