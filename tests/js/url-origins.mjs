// Node's WHATWG URL parser as a peer for the URL rules of spec/return-urls.md: reads a JSON array of strings from
// stdin and prints, in the same order, each one's origin as `new URL(text).origin` gives it for http(s), else null.
import { readFileSync } from 'node:fs';

const origin = (text) => {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null;
  } catch {
    return null;
  }
};
console.log(JSON.stringify(JSON.parse(readFileSync(0, 'utf8')).map(origin)));
