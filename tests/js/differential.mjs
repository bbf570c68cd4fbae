// Runs the published @wix/sdk (pinned in package.json) on cases read as JSON from stdin (or the file named
// as the first argument) and prints its answers as JSON, in the same order, for tests/Spec to compare with ours.
//
// Input:  {"parse":[{"url":"…","responseMode":"fragment"|"query"}], "challenge":["verifier", …]}
// Output: {"sdk":"<version>","parse":[{"threw":false,"code":…,"state":…,"error":…,"errorDescription":…,
//          "all":{"code":[…],"state":[…],"error":[…],"error_description":[…],"iss":[…]}} | {"threw":true}],
//          "challenge":["…", …]}
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { OAuthStrategy } from '@wix/sdk';

const require = createRequire(import.meta.url);
const sdkRoot = dirname(require.resolve('@wix/sdk/package.json'));
const sdkVersion = JSON.parse(readFileSync(join(sdkRoot, 'package.json'), 'utf8')).version;
// The SDK's own challenge function: not in its exports map, so imported by file (the code generateOAuthData runs).
const { generateChallenge } = await import(pathToFileURL(join(sdkRoot, 'build/auth/oauth2/pkce-challenge.js')).href);

const input = JSON.parse(readFileSync(process.argv[2] ?? 0, 'utf8'));
const auth = OAuthStrategy({ clientId: 'differential-check' });

// Every value of each protocol parameter, read the way parseFromUrl reads them, so the C# side can check
// that a "duplicate" exemption really is a duplicate.
const protocolNames = ['code', 'state', 'error', 'error_description', 'iss'];
function allValues(url, responseMode) {
  const parsed = new URL(url);
  const params = responseMode === 'query' ? parsed.searchParams : new URLSearchParams(parsed.hash.substring(1));
  return Object.fromEntries(protocolNames.map((n) => [n, params.getAll(n)]));
}

function parseCase({ url, responseMode }) {
  try {
    const r = auth.parseFromUrl(url, responseMode);
    return {
      threw: false,
      code: r.code,
      state: r.state,
      error: r.error ?? null,
      errorDescription: r.errorDescription ?? null,
      all: allValues(url, responseMode),
    };
  } catch {
    return { threw: true };
  }
}

const output = {
  sdk: sdkVersion,
  parse: (input.parse ?? []).map(parseCase),
  challenge: (input.challenge ?? []).map((v) => generateChallenge(v)),
};
process.stdout.write(JSON.stringify(output));
