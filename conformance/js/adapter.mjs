// A conformance adapter to start a port from (spec/conformance.md): Node, no dependencies. It implements CodeChallenge
// and ParseFromUrl, and passes every case of pkce.json's challenges and of parse.json, bar the hosts that Node 20's
// new URL() accepts under an older UTS 46 (spec/parsing.md's host processing refuses them); every other function answers
// {"notImplemented": true}, which the runner counts apart from failures. Run it with, from the repository root:
//   dotnet run --project tools/Wix.Auth.Conformance -- --adapter "node conformance/js/adapter.mjs"
import { createHash } from 'node:crypto';
import { createInterface } from 'node:readline';

const MAX_URL_LENGTH = 8192;
const PROTOCOL = new Set(['code', 'state', 'error', 'error_description', 'iss']);
const fail = (code, fields = {}) => ({ error: { code, ...fields } });

// RFC 7636 §4.2: base64url without padding of SHA-256 of the verifier's ASCII bytes.
const CodeChallenge = ({ verifier }) => ({ ok: createHash('sha256').update(verifier, 'ascii').digest('base64url') });

// spec/parsing.md: read the URL as @wix/sdk does (WHATWG URL, URLSearchParams), then the four stricter rules.
function ParseFromUrl({ url, responseMode }) {
  if (typeof url !== 'string') return fail('invalid_url');
  if (url.length > MAX_URL_LENGTH) return fail('url_too_long', { limit: MAX_URL_LENGTH });
  if (responseMode === 'web_message') return fail('invalid_settings');
  let parsed;
  try { parsed = new URL(url); } catch { return fail('invalid_url'); }
  const first = new Map();
  let duplicate = null; // the parameter whose second occurrence comes first
  for (const [name, value] of new URLSearchParams(responseMode === 'query' ? parsed.search : parsed.hash.slice(1))) {
    if (!PROTOCOL.has(name)) continue;
    if (first.has(name)) duplicate ??= name;
    else first.set(name, value);
  }
  if (duplicate) return fail('duplicate_parameter', { parameter: duplicate });
  const p = (name) => first.get(name) ?? '';
  const iss = first.get('iss') ?? null;
  if (p('error')) return { ok: { kind: 'denied', error: p('error'), errorDescription: p('error_description'), state: p('state'), iss } };
  if (!p('code')) return fail('missing_parameter', { parameter: 'code' });
  if (!p('state')) return fail('missing_parameter', { parameter: 'state' });
  return { ok: { kind: 'granted', code: p('code'), state: p('state'), iss } };
}

const functions = { CodeChallenge, ParseFromUrl };

// One request per line in, one answer per line out, in order, until the input ends.
for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
  if (!line) continue;
  let answer;
  try {
    const { fn, args } = JSON.parse(line);
    answer = functions[fn] ? functions[fn](args) : { notImplemented: true };
  } catch (e) {
    answer = { fault: String(e) };
  }
  process.stdout.write(JSON.stringify(answer) + '\n');
}
