// An adapter that is right about every challenge but one, RFC 7636 Appendix B's, for which it answers the challenge of
// another verifier; every other function is not implemented. tests/Spec/Conformance shows the runner fails it.
import { createHash } from 'node:crypto';
import { createInterface } from 'node:readline';

const appendixB = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
const challenge = (verifier) => createHash('sha256').update(verifier, 'ascii').digest('base64url');

for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
  const { fn, args } = JSON.parse(line);
  const answer = fn !== 'CodeChallenge' ? { notImplemented: true }
    : { ok: challenge(args.verifier === appendixB ? `${appendixB}x` : args.verifier) };
  process.stdout.write(JSON.stringify(answer) + '\n');
}
