// Prints the table of bench/site.sh from its JSON lines: requests.jsonl (bench/Wix.Auth.Load requests), logins.jsonl
// (site-logins) and micro.jsonl (bench/Wix.Auth.Compare micro). Each ratio is the ratio of the medians over the rounds,
// with the min–max of the round-by-round ratios beside it (sides measured back to back in the same round).
//   node bench/js/site-report.mjs requests.jsonl logins.jsonl micro.jsonl
import { readFileSync } from 'node:fs';

const read = (path) => readFileSync(path, 'utf8').split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l));
const [requests, logins, micro] = process.argv.slice(2).map(read);
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const fmt = (x, digits = 0) => x == null || Number.isNaN(x) ? '–' : x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const byRound = (lines, key, name) => new Map(lines.filter((l) => l[key] === name).map((l) => [l.round, l]));

const rows = [];
// ours vs theirs on figure f; higher is better unless lowerIsBetter (then the ratio is theirs / ours: "× less").
function compare(measure, ours, theirs, f, { digits = 0, lowerIsBetter = false, target = null } = {}) {
  const rounds = [...ours.keys()].filter((r) => theirs.has(r));
  if (!rounds.length) return;
  const o = rounds.map((r) => f(ours.get(r))), t = rounds.map((r) => f(theirs.get(r)));
  const ratio = (a, b) => (lowerIsBetter ? b / a : a / b);
  const perRound = rounds.map((_, i) => ratio(o[i], t[i]));
  const overall = ratio(median(o), median(t));
  const suffix = lowerIsBetter ? '× less' : '×';
  rows.push([measure, fmt(median(o), digits), fmt(median(t), digits), `${fmt(overall, 2)}${suffix}`,
    `${fmt(Math.min(...perRound), 2)}–${fmt(Math.max(...perRound), 2)}×`, target ? `≥ ${target}×` : '', target ? (overall >= target ? 'met' : 'MISSED') : '']);
}

const REDIS = 'member session, Redis', MEMORY = 'member session, in memory', STORE = 'cookie, ITicketStore in Redis', TICKET = 'cookie, ticket in cookie';
const req = (name) => byRound(requests, 'variant', name);
compare(`requests per CPU-s: ${REDIS} vs ${STORE}`, req(REDIS), req(STORE), (l) => l.perCpuSecond, { target: 1.5 });
compare(`requests per CPU-s: ${MEMORY} vs ${TICKET}`, req(MEMORY), req(TICKET), (l) => l.perCpuSecond);
compare(`requests per CPU-s: ${REDIS} vs ${TICKET}`, req(REDIS), req(TICKET), (l) => l.perCpuSecond);
compare(`p50 ms: ${REDIS} vs ${STORE}`, req(REDIS), req(STORE), (l) => l.p50Ms, { digits: 2, lowerIsBetter: true });
compare(`p99 ms: ${REDIS} vs ${STORE}`, req(REDIS), req(STORE), (l) => l.p99Ms, { digits: 2, lowerIsBetter: true });
compare(`bytes allocated per request: ${REDIS} vs ${STORE}`, req(REDIS), req(STORE), (l) => l.allocatedBytesPerRequest, { lowerIsBetter: true });
compare(`bytes allocated per request: ${MEMORY} vs ${TICKET}`, req(MEMORY), req(TICKET), (l) => l.allocatedBytesPerRequest, { lowerIsBetter: true });

// How many times the floor's cost a side's cost is (lower is better): the floor's figure over the side's for rates
// (higher is better), the side's over the floor's for costs.
function timesTheFloor(measure, side, floor, f, { rate = true, target = null } = {}) {
  const rounds = [...side.keys()].filter((r) => floor.has(r));
  if (!rounds.length) return;
  const s = rounds.map((r) => f(side.get(r))), fl = rounds.map((r) => f(floor.get(r)));
  const times = (a, b) => (rate ? b / a : a / b);
  const overall = times(median(s), median(fl)), perRound = rounds.map((_, i) => times(s[i], fl[i]));
  rows.push([measure, fmt(median(s), rate ? 1 : 0), fmt(median(fl), rate ? 1 : 0), `${fmt(overall, 2)}× the floor`,
    `${fmt(Math.min(...perRound), 2)}–${fmt(Math.max(...perRound), 2)}×`, target ? `≤ ${target}×` : '', target ? (overall <= target ? 'met' : 'MISSED') : '']);
}

const DEMO = 'demo site (.NET)', FLOOR = 'floor app (same I/O, no auth)', NODE = '@wix/sdk site (Node)';
const login = (name) => byRound(logins, 'site', name);
timesTheFloor(`CPU per login: ${DEMO} vs ${FLOOR} (logins per CPU-s shown)`, login(DEMO), login(FLOOR), (l) => l.perCpuSecond, { target: 1.3 });
timesTheFloor(`bytes allocated per login: ${DEMO} vs ${FLOOR}`, login(DEMO), login(FLOOR), (l) => l.allocatedBytesPerLogin, { rate: false, target: 1.5 });
compare(`logins per CPU-s of the site: ${DEMO} vs ${NODE}`, login(DEMO), login(NODE), (l) => l.perCpuSecond, { digits: 1, target: 5 });
compare(`logins per second: ${DEMO} vs ${NODE}`, login(DEMO), login(NODE), (l) => l.perSecond, { digits: 1 });
compare(`login p99 ms: ${DEMO} vs ${NODE}`, login(DEMO), login(NODE), (l) => l.p99Ms, { digits: 1, lowerIsBetter: true });

// generateOAuthData: the floor's rate over the whole's (how many times the floor the whole takes), per CPU-second.
const microRound = (name) => new Map(micro.filter((l) => l.case === name).map((l, i) => [i + 1, l]));
const floor = microRound('generateOAuthData floor');
for (const [name, label, target] of [['generateOAuthData', 'generateOAuthData (OS random source)', 1.5], ['generateOAuthData, buffered random', 'generateOAuthData, buffered random', null]]) {
  const whole = microRound(name);
  const rounds = [...whole.keys()].filter((r) => floor.has(r));
  if (!rounds.length) continue;
  const w = rounds.map((r) => whole.get(r).opsPerCpuSec), f = rounds.map((r) => floor.get(r).opsPerCpuSec);
  const times = median(f) / median(w), perRound = rounds.map((_, i) => f[i] / w[i]);
  rows.push([`${label}: time per call vs its floor (ops per CPU-s shown)`, fmt(median(w)), fmt(median(f)), `${fmt(times, 2)}× the floor`,
    `${fmt(Math.min(...perRound), 2)}–${fmt(Math.max(...perRound), 2)}×`, target ? `≤ ${target}×` : '', target ? (times <= target ? 'met' : 'MISSED') : '']);
}

const header = ['measure', 'ours', 'against', 'ratio of medians', 'ratio per round (min–max)', 'target', ''];
console.log(`| ${header.join(' | ')} |`);
console.log(`|${header.map(() => ' --- ').join('|')}|`);
for (const r of rows) console.log(`| ${r.join(' | ')} |`);

// The medians behind the ratios, and the must-hold figures.
console.log();
console.log('| authenticated request | requests/s | requests per CPU-s | p50 ms | p99 ms | bytes allocated/request | Redis commands/request | errors |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
for (const name of [TICKET, STORE, MEMORY, REDIS]) {
  const ls = requests.filter((l) => l.variant === name);
  if (!ls.length) continue;
  const m = (k, d = 0) => fmt(ls[0][k] == null ? null : median(ls.map((l) => l[k])), d);
  console.log(`| ${name} | ${m('perSecond')} | ${m('perCpuSecond')} | ${m('p50Ms', 2)} | ${m('p99Ms', 2)} | ${m('allocatedBytesPerRequest')} | ${m('redisCommandsPerRequest', 2)} | ${ls.reduce((s, l) => s + l.errors, 0)} |`);
}
console.log();
console.log('| site login | logins/s | logins per CPU-s | p50 ms | p99 ms | live heap per session (bytes) | bytes allocated/login | errors |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
for (const name of [DEMO, FLOOR, NODE]) {
  const ls = logins.filter((l) => l.site === name);
  if (!ls.length) continue;
  const m = (k, d = 0) => fmt(ls[0][k] == null ? null : median(ls.map((l) => l[k])), d);
  console.log(`| ${name} | ${m('perSecond', 1)} | ${m('perCpuSecond', 1)} | ${m('p50Ms', 1)} | ${m('p99Ms', 1)} | ${m('heapBytesPerSession')} | ${m('allocatedBytesPerLogin')} | ${ls.reduce((s, l) => s + l.errors, 0)} |`);
}
console.log();
for (const [what, lines] of [['requests', requests], ['logins', logins]]) {
  if (!lines.length || lines[0].warmupRounds == null) continue;
  const { warmupRounds, settled } = lines[0];
  console.log(`${what}: warmed up for ${warmupRounds} rounds per site before these; ${settled ? 'every site\'s last two agreed within 10%' : 'NOT settled: the last two still differed by more than 10%'}`);
}
