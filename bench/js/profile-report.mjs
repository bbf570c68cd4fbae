// Sums a `perf report --no-children --sort dso,symbol --stdio` of a site's process by where the code lives, for
// bench/profile.sh: each sample counts for the frame it was taken in (self time), the JIT's perf map naming managed code.
//   node bench/js/profile-report.mjs report.txt <logins measured> <site stats before> <site stats after>
import { readFileSync } from 'node:fs';

const [path, loginsArg, beforeArg, afterArg] = process.argv.slice(2);
const text = readFileSync(path, 'utf8');
const logins = Number(loginsArg);

// First match wins; the order puts the specific before the general.
const areas = [
  ['Wix.Auth.Core (the decisions)', (d, s) => /Wix\.Auth\.Core/.test(s)],
  ['LanguageExt (inside the core)', (d, s) => /LanguageExt/.test(s)],
  ['Wix.Auth.AspNetCore (endpoints, cookies, session handler)', (d, s) => /Wix\.Auth\.AspNetCore/.test(s)],
  ['Wix.Auth (client, interpreter, HTTP layer, stores)', (d, s) => /Wix\.Auth\./.test(s)],
  ['Polly (retry pipeline)', (d, s) => /Polly/.test(s)],
  ['Data Protection (managed side)', (d, s) => /DataProtection/.test(s)],
  ['cryptography in OpenSSL (Data Protection, SHA-256, random)', (d, s) => /libcrypto|libssl|libSystem\.Security/.test(d)],
  ['System.Text.Json', (d, s) => /System\.Text\.Json/.test(s)],
  ['logging', (d, s) => /Microsoft\.Extensions\.Logging|System\.Diagnostics\.(Activity|DiagnosticListener|Metrics)/.test(s)],
  ['HttpClient (System.Net.Http, IHttpClientFactory)', (d, s) => /System\.Net\.Http|Microsoft\.Extensions\.Http/.test(s)],
  ['sockets (managed)', (d, s) => /System\.Net\.Sockets|System\.Net\.(Security|Primitives)/.test(s)],
  ['authentication, authorization, antiforgery', (d, s) => /Microsoft\.AspNetCore\.(Authentication|Authorization|Antiforgery)/.test(s)],
  ['Kestrel, routing, ASP.NET Core pipeline', (d, s) => /Microsoft\.AspNetCore|Microsoft\.Extensions\.(Primitives|DependencyInjection|Options)/.test(s)],
  ['async machinery, threads, thread pool', (d, s) => /System\.Threading|System\.Runtime\.CompilerServices\.Async|ThreadPool/.test(s)],
  ['garbage collector', (d, s) => /libcoreclr/.test(d) && /(^|::|\b)(gc_heap|GCHeap|WKS|SVR|gc_|mark|plan_phase|relocate|sweep|memclr|GCToEE)/i.test(s)],
  ['runtime (allocation, casts, stubs, JIT)', (d, s) => /libcoreclr|libclrjit|libSystem\.Native|\[unknown\]|memfd:doublemapper/.test(d + s)],
  ['kernel (system calls, network stack, scheduler)', (d, s) => /kernel/.test(d)],
  ['C library', (d, s) => /libc[.-]/.test(d)],
  ['.NET base library (strings, collections, formatting)', (d, s) => /System\./.test(s)],
  ['other', () => true],
];

const totals = new Map(areas.map(([name]) => [name, 0]));
let sum = 0;
for (const line of text.split('\n')) {
  const m = line.match(/^\s+([\d.]+)%\s+(.+?)\s+\[[.k]\]\s+(.*)$/);
  if (!m) continue;
  const [, pct, dso, symbol] = m;
  const area = areas.find(([, test]) => test(dso, symbol))[0];
  totals.set(area, totals.get(area) + Number(pct));
  sum += Number(pct);
}
const samples = Number(text.match(/# Samples: (\d+)([KM]?)/)?.slice(1).reduce((n, unit) => n * ({ K: 1e3, M: 1e6 }[unit] ?? 1)) ?? NaN);
const events = Number(text.match(/# Event count \(approx\.\): (\d+)/)?.[1] ?? NaN);
const event = text.match(/of event '([^']+)'/)?.[1] ?? '?';
// cpu-clock counts nanoseconds: the CPU time sampled, so a share of it per login is microseconds per login.
const cpuMs = event.startsWith('cpu-clock') ? events / 1e6 : NaN;

console.log(`${samples} samples of ${event}` + (Number.isFinite(cpuMs) ? `, ${cpuMs.toFixed(0)} ms of CPU over ${logins} logins: ${(cpuMs * 1000 / logins).toFixed(0)} µs per login` : ''));
console.log();
console.log('| where the site\'s CPU goes | share of samples | µs per login |');
console.log('| --- | --- | --- |');
for (const [name, pct] of [...totals].filter(([, p]) => p > 0).sort((a, b) => b[1] - a[1])) {
  const us = Number.isFinite(cpuMs) ? ((cpuMs * 1000 / logins) * pct / sum).toFixed(0) : '–';
  console.log(`| ${name} | ${pct.toFixed(1)}% | ${us} |`);
}

// The site's own account of the same window (bench/Wix.Auth.Load SiteStats): what perf sampled should agree with it.
if (beforeArg && afterArg) {
  const [before, after] = [beforeArg, afterArg].map((j) => JSON.parse(j));
  console.log();
  console.log(`the site's own figures over the window: ${((after.cpuMs - before.cpuMsAfterCollect) * 1000 / logins).toFixed(0)} µs of CPU per login, `
    + `${((after.allocatedBytes - before.allocatedBytes) / logins).toFixed(0)} bytes allocated per login, `
    + `${((after.workItems - before.workItems) / logins).toFixed(1)} thread-pool work items per login, ${after.methodsJitted - before.methodsJitted} methods jitted`);
}
