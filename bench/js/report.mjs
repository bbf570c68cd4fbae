// Reads the JSON lines bench/compare.sh collected (both implementations, several rounds) and prints the table:
// the median of each side, the ratio of the medians, the spread of the round-by-round ratios (the noise), and
// whether the target is met. Round k of one side is paired with round k of the other: they ran back to back.
import { readFileSync } from 'node:fs';

const lines = readFileSync(process.argv[2], 'utf8').split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l));
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const byCase = (impl, kase) => lines.filter((l) => l.impl === impl && l.case === kase);
const fmt = (x, digits = 0) => x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

const rows = [];
// Higher is better: ratio = ours / SDK.
for (const [kase, target] of [
  ['generateOAuthData', 30],
  ['parseFromUrl fragment success', 5],
  ['parseFromUrl query success', 5],
  ['parseFromUrl fragment error', 5],
  ['parseFromUrl query error', 5],
]) {
  // Two rows: per wall-clock second (what a user sees, noisy here) and per CPU second (the verdict: robust to
  // other processes taking the cores in the middle of a loop).
  for (const [unit, key, judged] of [['ops/s', 'opsPerSec', false], ['ops per CPU-s', 'opsPerCpuSec', true]]) {
    const ours = byCase('dotnet', kase).map((l) => l[key]), sdk = byCase('sdk', kase).map((l) => l[key]);
    if (!ours.length || !sdk.length) continue;
    const pairs = ours.slice(0, sdk.length).map((o, i) => o / sdk[i]);
    const ratio = median(ours) / median(sdk);
    rows.push([`${kase} (${unit})`, fmt(median(ours)), fmt(median(sdk)), `${fmt(ratio, 1)}×`, `${fmt(Math.min(...pairs), 1)}–${fmt(Math.max(...pairs), 1)}×`,
      judged ? `≥ ${target}×` : '', judged ? (ratio >= target ? 'met' : 'MISSED') : '']);
  }
}
// The whole flow: throughput for information, CPU per flow is the target (ours must be lower).
const oursFlow = byCase('dotnet', 'login flow'), sdkFlow = byCase('sdk', 'login flow');
if (oursFlow.length && sdkFlow.length) {
  const c = oursFlow[0].concurrency;
  const fps = (xs) => xs.map((l) => l.flowsPerSec), cpu = (xs) => xs.map((l) => l.cpuMsPerFlow);
  const fpsPairs = fps(oursFlow).map((o, i) => o / fps(sdkFlow)[i]).filter(Number.isFinite);
  const cpuPairs = cpu(sdkFlow).map((s, i) => s / cpu(oursFlow)[i]).filter(Number.isFinite);
  const fpsRatio = median(fps(oursFlow)) / median(fps(sdkFlow));
  const cpuRatio = median(cpu(sdkFlow)) / median(cpu(oursFlow));
  rows.push([`login flow, ${c} concurrent (flows/s)`, fmt(median(fps(oursFlow)), 1), fmt(median(fps(sdkFlow)), 1), `${fmt(fpsRatio, 2)}×`, `${fmt(Math.min(...fpsPairs), 2)}–${fmt(Math.max(...fpsPairs), 2)}×`, '(none)', '']);
  rows.push([`login flow, client CPU ms per flow (lower is better)`, fmt(median(cpu(oursFlow)), 2), fmt(median(cpu(sdkFlow)), 2), `${fmt(cpuRatio, 2)}× less`, `${fmt(Math.min(...cpuPairs), 2)}–${fmt(Math.max(...cpuPairs), 2)}×`, '≥ 10× less', cpuRatio >= 10 ? 'met' : 'MISSED']);
  // The floor: the same four requests with no client. Its ratio to the SDK is the most any client could reach.
  const floorFlow = byCase('floor', 'login flow');
  if (floorFlow.length) {
    const floorPairs = cpu(oursFlow).map((o, i) => o / cpu(floorFlow)[i]).filter(Number.isFinite);
    const ceilingPairs = cpu(sdkFlow).map((s, i) => s / cpu(floorFlow)[i]).filter(Number.isFinite);
    rows.push([`login flow, client CPU ms per flow: ours vs the floor (the same requests, no client)`, fmt(median(cpu(oursFlow)), 2), `floor ${fmt(median(cpu(floorFlow)), 2)}`,
      `${fmt(median(cpu(oursFlow)) / median(cpu(floorFlow)), 2)}× the floor`, `${fmt(Math.min(...floorPairs), 2)}–${fmt(Math.max(...floorPairs), 2)}×`, '', '']);
    rows.push([`login flow, client CPU ms per flow: the floor vs the SDK (the most any client could reach)`, `floor ${fmt(median(cpu(floorFlow)), 2)}`, fmt(median(cpu(sdkFlow)), 2),
      `${fmt(median(cpu(sdkFlow)) / median(cpu(floorFlow)), 2)}× less`, `${fmt(Math.min(...ceilingPairs), 2)}–${fmt(Math.max(...ceilingPairs), 2)}×`, '', '']);
  }
  const rounds = (xs) => xs.map((l) => `${l.warmupRounds ?? '?'}${l.settled === false ? ' (not settled)' : ''}`).join(', ');
  console.log(`warm-up rounds per process: ours ${rounds(oursFlow)}; floor ${rounds(byCase('floor', 'login flow'))}; SDK ${rounds(sdkFlow)}`);
}

const header = ['measure', 'ours (.NET)', '@wix/sdk (Node)', 'ratio of medians', 'ratio per round (min–max)', 'target', ''];
console.log(`| ${header.join(' | ')} |`);
console.log(`|${header.map(() => ' --- ').join('|')}|`);
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
