// Runs tr46 (pinned in package.json), the URL standard's reference implementation of UTS 46, on domains read as a JSON
// array from stdin, with the options the URL standard's "domain to ASCII" uses, and prints each result (null when it
// fails; an empty result fails too, as the URL standard says) as a JSON array in the same order, for tests/Spec to compare.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const tr46 = require('tr46');
const version = require('tr46/package.json').version;

const domains = JSON.parse(readFileSync(0, 'utf8'));
const options = {
  checkHyphens: false, checkBidi: true, checkJoiners: true, useSTD3ASCIIRules: false,
  transitionalProcessing: false, verifyDNSLength: false, ignoreInvalidPunycode: false,
};
const results = domains.map((d) => {
  const ascii = tr46.toASCII(d, options);
  return ascii === '' ? null : ascii;
});
process.stdout.write(JSON.stringify({ tr46: version, results }));
