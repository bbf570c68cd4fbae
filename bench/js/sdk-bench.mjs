// The @wix/sdk side of bench/compare.sh: the same loops and inputs as bench/Wix.Auth.Compare, one JSON line per
// figure. The SDK is the one pinned in tests/js/package.json (run `npm ci --prefix tests/js` first).
//   node bench/js/sdk-bench.mjs micro [--seconds S]
//   node bench/js/sdk-bench.mjs flows --base-url URL [--flows N] [--concurrency C] [--warmup W]
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';

// Resolve the SDK from tests/js, where the pinned version is installed, not from wherever this file sits.
const require = createRequire(new URL('../../tests/js/package.json', import.meta.url));
const { createClient, OAuthStrategy } = await import(require.resolve('@wix/sdk'));

// Same literals as bench/Wix.Auth.Benchmarks/Shared/Inputs.cs.
const redirectUri = 'http://localhost:3000/callback';
const originalUri = 'http://localhost:3000/orig';
const state = 'z6gltxLzOp1XHkrl_DxvriEjA6p02FC61RLysp3_3CY';
const code = 'OAUTH2.code-7c1f5a0e2b9d4c8aa3f6e1d0b5c9a8f7';
const description = 'The%20member%20cancelled%20the%20login.';
const clientId = 'demo-client-id';

const [mode, ...rest] = process.argv.slice(2);
const opts = {};
for (let i = 0; i < rest.length; i++) if (rest[i].startsWith('--')) opts[rest[i].slice(2)] = rest[i + 1];
const print = (kase, figures) => console.log(JSON.stringify({ ...figures, impl: 'sdk', case: kase }));

if (mode === 'micro') micro(Number(opts.seconds ?? 1));
else if (mode === 'flows') await flows(opts['base-url'], Number(opts.flows ?? 200), Number(opts.concurrency ?? 8), Number(opts.warmup ?? 40));
else { console.error('usage: sdk-bench.mjs micro [--seconds S] | flows --base-url URL [--flows N] [--concurrency C] [--warmup W]'); process.exit(2); }

function micro(seconds) {
  const auth = OAuthStrategy({ clientId });
  // Built once, as the .NET side's are compile-time constants: the loop times parsing, not string building.
  const fragmentSuccess = `${redirectUri}#code=${code}&state=${state}`;
  const querySuccess = `${redirectUri}?code=${code}&state=${state}`;
  const fragmentError = `${redirectUri}#error=access_denied&error_description=${description}&state=${state}`;
  const queryError = `${redirectUri}?error=access_denied&error_description=${description}&state=${state}`;
  const cases = [
    ['generateOAuthData', () => auth.generateOAuthData(redirectUri, originalUri).state.length],
    ['parseFromUrl fragment success', () => auth.parseFromUrl(fragmentSuccess, 'fragment').state.length],
    ['parseFromUrl query success', () => auth.parseFromUrl(querySuccess, 'query').state.length],
    ['parseFromUrl fragment error', () => auth.parseFromUrl(fragmentError, 'fragment').state.length],
    ['parseFromUrl query error', () => auth.parseFromUrl(queryError, 'query').state.length],
  ];
  for (const [name, op] of cases) {
    measure(op, Math.min(0.5, seconds)); // warm-up: V8 optimises the loop, as the .NET JIT tiers up
    const { ops, elapsed, cpu, checksum } = measure(op, seconds);
    print(name, { opsPerSec: ops / elapsed, opsPerCpuSec: ops / cpu, checksum });
  }
}

// CPU time as well as wall time: on a shared machine the wall clock also counts the time other processes held the
// core; process.cpuUsage() (all threads, GC included, like .NET's TotalProcessorTime) does not.
function measure(op, seconds) {
  let ops = 0, checksum = 0;
  const cpuBefore = process.cpuUsage();
  const start = performance.now(), limit = seconds * 1000;
  while (performance.now() - start < limit) {
    for (let i = 0; i < 1024; i++) checksum += op();
    ops += 1024;
  }
  const elapsed = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  return { ops, elapsed, cpu: (cpu.user + cpu.system) / 1e6, checksum };
}

// The SDK always calls Wix's public API host; send those requests to the emulator instead, keeping path and query.
function rewriteFetchTo(baseUrl) {
  const original = globalThis.fetch;
  const base = new URL(baseUrl);
  globalThis.fetch = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (url.origin !== base.origin) { url.protocol = base.protocol; url.host = base.host; }
    return input instanceof Request ? original(new Request(url, input), init) : original(url, init);
  };
  return original;
}

async function flows(baseUrl, count, concurrency, warmup) {
  const fetchDirect = rewriteFetchTo(baseUrl);
  const runFlows = async (n) => {
    let next = 0;
    await Promise.all(Array.from({ length: concurrency }, async () => {
      while (++next <= n) await loginOnce(fetchDirect);
    }));
  };
  const round = async (n) => {
    const cpuBefore = process.cpuUsage();
    const start = performance.now();
    await runFlows(n);
    const elapsed = (performance.now() - start) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    return { elapsed, cpuMsPerFlow: (cpu.user + cpu.system) / 1000 / n };
  };
  // Warm-up rounds until two in a row agree within 10% in CPU per flow (at most 30), as the .NET side does.
  let rounds = 0, settled = false, previous = NaN;
  while (!settled && rounds < 30) {
    rounds++;
    const { cpuMsPerFlow } = await round(warmup);
    settled = Math.abs(cpuMsPerFlow - previous) <= 0.1 * Math.max(cpuMsPerFlow, previous);
    previous = cpuMsPerFlow;
  }
  const { elapsed, cpuMsPerFlow } = await round(count);
  print('login flow', { flows: count, concurrency, seconds: elapsed, flowsPerSec: count / elapsed, cpuMsPerFlow, warmupRounds: rounds, settled });
}

// Visitor tokens → login Redirect Session → the member's form POST (the emulator's login page) → code exchange.
async function loginOnce(fetchDirect) {
  const client = createClient({ auth: OAuthStrategy({ clientId }) });
  const oauthData = client.auth.generateOAuthData(redirectUri, originalUri);
  const { authUrl } = await client.auth.getAuthUrl(oauthData);
  const form = new URLSearchParams({ email: 'ada@example.com', password: 'lovelace', action: 'login' });
  const page = await fetchDirect(authUrl, { method: 'POST', body: form, redirect: 'manual' });
  await page.arrayBuffer();
  const location = page.headers.get('location');
  if (page.status !== 302 && page.status !== 303 || !location) throw new Error(`login form answered ${page.status}`);
  const { code: c, state: s } = client.auth.parseFromUrl(location, 'fragment');
  const tokens = await client.auth.getMemberTokens(c, s, oauthData);
  client.auth.setTokens(tokens);
  if (!tokens.accessToken?.value) throw new Error('no member token');
}
