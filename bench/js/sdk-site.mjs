// A small Node site that logs members in with @wix/sdk server-side, the way Wix's own examples do: a client per login,
// generateOAuthData + getAuthUrl in query mode, the OAuth data and then the member's tokens in an encrypted cookie
// (AES-256-GCM, node:crypto), parseFromUrl + getMemberTokens at the callback. The Node side of issue 16's login
// comparison (bench/Wix.Auth.Load site-logins): same paths as the demo site, /auth/login, /auth/callback, /account.
//   node --expose-gc bench/js/sdk-site.mjs --api-base-url URL [--client-id demo-client-id]
// Prints its base URL, then answers each line on stdin with one line of JSON stats (CPU, heap after a full GC), and
// stops when stdin closes.
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { createInterface } from 'node:readline';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const require = createRequire(new URL('../../tests/js/package.json', import.meta.url));
const { createClient, OAuthStrategy } = await import(require.resolve('@wix/sdk'));

const args = process.argv.slice(2);
const opt = (name, fallback) => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1] : fallback; };
const apiBase = new URL(opt('api-base-url'));
const clientId = opt('client-id', 'demo-client-id');

// The SDK always calls Wix's public API host; send those requests to the emulator, keeping path and query.
const originalFetch = globalThis.fetch;
globalThis.fetch = (input, init) => {
  const url = new URL(input instanceof Request ? input.url : String(input));
  if (url.origin !== apiBase.origin) { url.protocol = apiBase.protocol; url.host = apiBase.host; }
  return input instanceof Request ? originalFetch(new Request(url, input), init) : originalFetch(url, init);
};

// The cookie's sealing key, made at start (a real site reads it from its secrets).
const key = randomBytes(32);
const seal = (value) => {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
};
const open = (sealed) => {
  try {
    const bytes = Buffer.from(sealed, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12));
    decipher.setAuthTag(bytes.subarray(12, 28));
    return JSON.parse(Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8'));
  } catch { return null; }
};
const cookies = (req) => Object.fromEntries((req.headers.cookie ?? '').split(';').map((c) => c.trim().split('=')).filter((p) => p.length === 2));
const cookie = (name, value, maxAge) => `${name}=${value}; Path=/; HttpOnly; SameSite=Lax${maxAge === undefined ? '' : `; Max-Age=${maxAge}`}`;
const redirect = (res, location, setCookies = []) => { res.writeHead(302, { location, 'set-cookie': setCookies }); res.end(); };

let origin;
const server = createServer(async (req, res) => {
  try {
    const url = new URL(req.url, origin);
    if (url.pathname === '/auth/login') {
      const client = createClient({ auth: OAuthStrategy({ clientId }) });
      const oauthData = client.auth.generateOAuthData(`${origin}/auth/callback`, `${origin}/account`);
      const { authUrl } = await client.auth.getAuthUrl(oauthData, { responseMode: 'query' });
      return redirect(res, authUrl, [cookie('oauth', seal(oauthData), 600)]);
    }
    if (url.pathname === '/auth/callback') {
      const oauthData = open(cookies(req).oauth ?? '');
      if (!oauthData) { res.writeHead(400); return res.end('no login in progress'); }
      const client = createClient({ auth: OAuthStrategy({ clientId }) });
      const { code, state, error } = client.auth.parseFromUrl(url.href, 'query');
      if (error) { res.writeHead(400); return res.end('login failed'); }
      const tokens = await client.auth.getMemberTokens(code, state, oauthData);
      return redirect(res, oauthData.originalUri, [cookie('session', seal(tokens), 14 * 24 * 3600), cookie('oauth', '', 0)]);
    }
    if (url.pathname === '/account') {
      const tokens = open(cookies(req).session ?? '');
      const client = createClient({ auth: OAuthStrategy({ clientId, tokens: tokens ?? undefined }) });
      if (!tokens || !client.auth.loggedIn()) return redirect(res, '/auth/login');
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      return res.end('<!doctype html><title>Your account</title><p id="status">Only members see this page.</p>');
    }
    res.writeHead(404); res.end();
  } catch (e) {
    res.writeHead(502); res.end(String(e?.message ?? e));
  }
});

server.listen(0, '127.0.0.1', () => {
  origin = `http://127.0.0.1:${server.address().port}`;
  console.log(`${origin}/`);
});

// Stats on request; stop when stdin closes (the bench is done with this site).
const cpuMs = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
createInterface({ input: process.stdin })
  .on('line', () => {
    const cpu = cpuMs();
    globalThis.gc?.();
    const memory = process.memoryUsage();
    console.log(JSON.stringify({ cpuMs: cpu, allocatedBytes: null, heapBytes: memory.heapUsed + memory.external, cpuMsAfterCollect: cpuMs() }));
  })
  .on('close', () => { server.close(); server.closeAllConnections?.(); process.exit(0); });
