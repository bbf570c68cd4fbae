// Runs the published @wix/sdk, unchanged, through member authentication beyond the Wix login page (the site's own
// login and sign-up, verification, password reset, direct, social and external login) against the local emulator.
// Usage: node tests/js/member-auth.mjs <emulator base URL> <wire|outcomes>
//   wire:     replays the SDK calls of tests/Emulator.Tests/Fixtures/wix-sdk-1.21.16-member-auth.json with the
//             capture's inputs and in its order; prints the calls made, so the test can compare the emulator's
//             request log with the capture. The outcomes do not matter there.
//   outcomes: arranges each state through the emulator's admin API and records what the SDK returned.
// The emulator must know app cid-1 (redirect URI http://localhost:3000/callback), the member jane@example.com /
// Secret-123 with id 7f1c1a4e-9a43-4b8e-8e0b-3c6a1f2d5e10, the API keys API-KEY-1 (all rights) and API-KEY-NOPERM
// (none), and accept the captcha tokens RECAPTCHA-TOKEN-1 and INVISIBLE-RECAPTCHA-TOKEN-1.
// Prints one JSON object on stdout; exits 1 when the script itself fails.
import { createClient, OAuthStrategy } from '@wix/sdk';
import { createBrowser } from './browser.mjs';
import { recovery } from '@wix/identity';

const base = (process.argv[2] ?? '').replace(/\/+$/, '');
const mode = process.argv[3] ?? 'outcomes';
const clientId = 'cid-1';
const redirectUri = 'http://localhost:3000/callback';
const originalUri = 'http://localhost:3000/orig';
const siteOrigin = 'http://localhost:3000';
const jane = { id: '7f1c1a4e-9a43-4b8e-8e0b-3c6a1f2d5e10', email: 'jane@example.com', password: 'Secret-123' };
const apiKey = 'API-KEY-1';
const noPermissionKey = 'API-KEY-NOPERM';
const connectionId = 'c0ffee00-0000-4000-8000-000000000001';
// The capture's getAuthUrl oauthData (seeded there), so those bodies match it exactly.
const captureOAuthData = {
  redirectUri, originalUri,
  codeChallenge: 'Uz0mnYkcm9fC1dBV8OuVlhM1Zmvar6XXtFoVEa81ZqU',
  codeVerifier: 'GPCudSrz8BYFOYV7jg59t7GsfHclTRKZ-8JhEIj5.1S',
  state: 'XO_gzsU-YxjY441M0a9scHyyFix-tL7bCaTywm6B1eQ',
};

// The only change to the SDK's world: every request to Wix's API hosts goes to the emulator instead. In wire mode
// each request is also recorded as the SDK handed it to fetch (headers as given), with the emulator's answer.
const realFetch = globalThis.fetch;
let recording = null;
globalThis.fetch = async (input, init) => {
  const url = typeof input === 'string' || input instanceof URL ? String(input) : input.url;
  const target = url.replace(/^https:\/\/[a-z.]*wixapis\.com/, base);
  if (target === url) throw new Error(`The SDK called a host the emulator does not stand in for: ${url}`);
  const res = await (typeof input === 'string' || input instanceof URL
    ? realFetch(target, init)
    : realFetch(new Request(target, input), init));
  if (recording) {
    const text = await res.clone().text();
    let body;
    try { body = JSON.parse(text); } catch { body = text; }
    recording.push({
      method: init?.method ?? 'GET', url, path: new URL(url).pathname, headers: { ...(init?.headers ?? {}) },
      body: init?.body ? JSON.parse(init.body) : null,
      response: { status: res.status, body },
    });
  }
  return res;
};

// Wire mode draws PKCE from a seeded xorshift32, so a recording is the same on every run.
function seedRandom(seed) {
  let x = seed >>> 0;
  globalThis.crypto.getRandomValues = (array) => {
    const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
    for (let i = 0; i < bytes.length; i++) {
      x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
      bytes[i] = x & 0xff;
    }
    return array;
  };
}

// The emulator's random tokens, replaced by numbered placeholders in order of first appearance.
function placeholders(value) {
  const seen = new Map();
  const names = { 'emu-at-': 'AT', 'emu-rt-': 'RT', 'emu-st-': 'SESSION-TOKEN', 'emu-vt-': 'STATE-TOKEN', 'emu-code-': 'CODE', 'rs-': 'RS' };
  const replace = (text) => text.replace(/(emu-at-|emu-rt-|emu-st-|emu-vt-|emu-code-|rs-)[A-Za-z0-9_-]{43}/g, (token, prefix) => {
    if (!seen.has(token)) seen.set(token, `${names[prefix]}-${[...seen.keys()].filter((k) => k.startsWith(prefix)).length + 1}`);
    return seen.get(token);
  });
  const walk = (v) => typeof v === 'string' ? replace(v)
    : Array.isArray(v) ? v.map(walk)
    : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]))
    : v;
  return walk(value);
}

const strategy = (options = {}) => OAuthStrategy({ clientId, ...options });

async function admin(method, path, body) {
  const res = await realFetch(`${base}/_emulator/${path}`, {
    method,
    headers: body ? { 'content-type': 'application/json' } : {},
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!res.ok) throw new Error(`admin ${method} ${path}: HTTP ${res.status} ${await res.text()}`);
  return res.status === 204 ? null : res.json();
}

const setMember = (id, flags) => admin('POST', `members/${id}`, flags);
const setSwitches = (flags) => admin('POST', 'member-auth', flags);
const memberByEmail = async (email) => (await admin('GET', 'members')).find((m) => m.email === email);
const lastMail = async (email) => (await admin('GET', `outbox?to=${encodeURIComponent(email)}`)).at(-1);

const browser = createBrowser(realFetch);

// Just enough of a browser window for getMemberTokensForDirectLogin: the hidden iframe loads the emulator's
// web_message page, whose script posts to window.parent once per target origin; as a browser does, a message is
// delivered only when the target origin is this window's origin (http://localhost:3000).
async function withWindow(fn) {
  const listeners = new Set();
  const frames = new Set();
  const delivered = [];
  globalThis.window = {
    addEventListener: (type, handler) => type === 'message' && listeners.add(handler),
    removeEventListener: (type, handler) => listeners.delete(handler),
  };
  globalThis.document = {
    createElement: (tag) => ({ tagName: tag.toUpperCase(), style: {}, src: '', parentElement: null }),
    body: {
      contains: (el) => frames.has(el),
      appendChild(el) {
        frames.add(el);
        el.parentElement = { removeChild: (child) => frames.delete(child) };
        browser.open(el.src).then((page) => {
          const data = /var data = (\{.*?\});/.exec(page.body);
          const origins = /var origins = (\[.*?\]);/.exec(page.body);
          if (!data || !origins) return;
          for (const origin of JSON.parse(origins[1])) {
            if (origin !== siteOrigin) continue;
            const event = { data: JSON.parse(data[1]), origin: new URL(el.src).origin };
            delivered.push(event.data);
            for (const handler of [...listeners]) handler(event);
          }
        });
        return el;
      },
    },
  };
  try {
    return { value: await fn(), delivered };
  } finally {
    delete globalThis.window;
    delete globalThis.document;
  }
}

/** Runs one SDK call; records what it returned or threw, never stops the run. */
async function attempt(fn) {
  try {
    return { returned: (await fn()) ?? null };
  } catch (e) {
    return { threw: { name: e?.name ?? 'Error', message: String(e?.message ?? e), details: e?.details ?? null } };
  }
}

async function memberOf(tokens) {
  const res = await realFetch(`${base}/members/v1/members/my`, { headers: { authorization: tokens.accessToken.value } });
  return res.ok ? (await res.json()).member.id : `HTTP ${res.status}`;
}

/** The browser half of a full-page login: opens the URL, follows the emulator's redirects, returns the last Location. */
async function follow(url, form) {
  let page = await browser.open(url, form);
  for (let hops = 0; page.status === 302 && page.location.startsWith(base) && hops < 5; hops++) page = await browser.open(page.location);
  return page;
}

// ---------------------------------------------------------------------------------------------------------------
// wire: the capture's calls, its inputs, its order. Each entry: the capture's call id.
async function wire() {
  const calls = [];
  // Each call with the window of the emulator's request log it filled: sequence numbers after `from`, up to `to`.
  const lastSequence = async () => (await admin('GET', 'requests')).at(-1)?.sequence ?? 0;
  const run = async (id, fn) => {
    const from = await lastSequence();
    recording = [];
    const outcome = await attempt(fn);
    const requests = recording;
    recording = null;
    calls.push({ id, from, to: await lastSequence(), requests, ...outcome });
  };
  const profile = {
    firstName: 'Jane', lastName: 'Doe', nickname: 'jd', picture: 'https://static.example/jd.png', language: 'en',
    privacyStatus: 'PUBLIC', labels: ['custom.vip'], phonesV2: [{ phone: '+15551234567', tag: 'MOBILE' }],
    secondaryEmails: [{ email: 'jane.work@example.com', tag: 'WORK' }],
    addresses: [{ tag: 'HOME', address: { addressLine1: '1 Main St', city: 'Springfield', subdivision: 'US-IL', country: 'US', postalCode: '62701', formatted: '1 Main St, Springfield, IL 62701' } }],
    customFields: [
      { name: 'custom.shoe-size', value: { numValue: 42.5 } },
      { name: 'custom.member-since', value: { dateValue: new Date('2020-02-03T04:05:06.000Z') } },
      { name: 'custom.nick', value: { strValue: 'JJ' } },
    ],
  };
  const login = (s, password = jane.password, extra = {}) => s.login({ email: jane.email, password, ...extra });

  const s1 = strategy();
  let sessionToken = 'SESSION-TOKEN-1';
  await run(1, async () => {
    const r = await login(s1);
    sessionToken = r.data?.sessionToken ?? sessionToken;
    return r;
  });
  await run(2, async () => (await withWindow(() => s1.getMemberTokensForDirectLogin(sessionToken))).value);
  await run(3, () => new Promise((resolve, reject) => {
    // Without a window the SDK also leaves an unhandled rejection behind; keep it from ending the process.
    const swallow = () => {};
    process.on('unhandledRejection', swallow);
    strategy().getMemberTokensForDirectLogin('SESSION-TOKEN-1').then(resolve, reject)
      .finally(() => setTimeout(() => process.off('unhandledRejection', swallow), 50));
  }));
  await run(5, async () => (await withWindow(() => strategy().getMemberTokensForDirectLogin('SESSION-TOKEN-BAD'))).value);

  const s2 = strategy();
  await run(7, () => login(s2, jane.password, { captchaTokens: { recaptchaToken: 'RECAPTCHA-TOKEN-1', invisibleRecaptchaToken: 'INVISIBLE-RECAPTCHA-TOKEN-1' } }));
  await run(8, () => login(s2, jane.password, { captchaTokens: { invisibleRecaptchaToken: 'INVISIBLE-RECAPTCHA-TOKEN-1' } }));

  await setMember(jane.id, { emailVerified: false });
  const s3 = strategy();
  await run(9, () => login(s3));
  await run(10, () => s3.processVerification({ verificationCode: '123456' }));
  await run(11, () => s3.processVerification({ verificationCode: '654321' }));
  const s4 = strategy();
  await run(12, () => s4.processVerification({ code: '123456' }, { loginState: 'EMAIL_VERIFICATION_REQUIRED', data: { stateToken: 'STATE-TOKEN-FROM-ELSEWHERE' } }));
  await run(13, () => s4.processVerification({ verificationCode: '000000' }, { loginState: 'EMAIL_VERIFICATION_REQUIRED', data: { stateToken: 'STATE-TOKEN-1' } }));
  await run(14, () => strategy().processVerification({ verificationCode: '123456' }));
  await setMember(jane.id, { emailVerified: true, approved: false });
  for (const id of [15, 16, 17, 18]) await run(id, () => login(strategy()));
  await setMember(jane.id, { approved: true });
  for (const id of [19, 20, 21, 22, 23, 24, 25, 26]) await run(id, () => login(strategy(), 'wrong'));

  await run(28, () => strategy().register({ email: jane.email, password: jane.password, profile }));
  await run(29, () => strategy().register({ email: jane.email, password: jane.password, profile: { nickname: 'jd' }, captchaTokens: { recaptchaToken: 'RECAPTCHA-TOKEN-1' } }));
  await run(30, () => strategy().register({ email: jane.email, password: jane.password }));
  // Calls 31 and 32 need a registration that succeeds with Jane's email: she leaves, registers anew, and comes back.
  await admin('DELETE', `members/${jane.id}`);
  const r1 = strategy();
  await run(31, () => r1.register({ email: jane.email, password: jane.password }));
  await run(32, () => r1.processVerification({ verificationCode: '123456' }));
  await admin('DELETE', `members/${(await memberByEmail(jane.email)).id}`);
  await admin('POST', 'members', { email: jane.email, password: jane.password, id: jane.id, firstName: 'Jane', lastName: 'Doe', nickname: 'jd' });
  await run(33, () => strategy().register({ email: jane.email, password: jane.password }));
  for (const id of [34, 35, 36, 37, 38, 39]) await run(id, () => strategy().register({ email: jane.email, password: 'x' }));

  await run(40, () => strategy().sendPasswordResetEmail(jane.email, 'http://localhost:3000/reset-done'));
  await run(41, () => strategy().sendPasswordResetEmail(jane.email, 'http://localhost:3000/reset-done'));

  const g1 = strategy();
  await run(42, () => g1.getAuthUrl(captureOAuthData, { idp: 'google' }));
  await run(43, () => g1.getAuthUrl(captureOAuthData, { idp: 'facebook', responseMode: 'query' }));
  await run(44, () => g1.getAuthUrl(captureOAuthData, { idp: { connectionId } }));
  await run(45, () => g1.getAuthUrl(captureOAuthData, { idp: 'apple' }));
  await run(46, () => g1.getAuthUrl(captureOAuthData, { sessionToken: 'SESSION-TOKEN-1', responseMode: 'query' }));
  await run(47, () => g1.getAuthUrl(captureOAuthData, { sessionToken: 'SESSION-TOKEN-1' }));
  await run(48, () => g1.getAuthUrl(captureOAuthData, { responseMode: 'web_message', prompt: 'none' }));
  await run(49, () => g1.getAuthUrl(captureOAuthData, { responseMode: 'web_message', prompt: 'none', sessionToken: 'SESSION-TOKEN-1' }));
  await run(50, () => g1.getAuthUrl(captureOAuthData, {}));
  await run(51, () => g1.getAuthUrl());

  await run(52, () => strategy().getMemberTokensForExternalLogin(jane.id, apiKey));
  const e1 = strategy();
  await run(53, async () => e1.setTokens(await e1.generateVisitorTokens()));
  await run(54, () => e1.getMemberTokensForExternalLogin(jane.id, apiKey));
  await run(55, () => strategy().getMemberTokensForExternalLogin(jane.id, noPermissionKey));
  await run(56, () => strategy({ tokenRequestOptions: { headers: { 'client-binding': 'CB-1' } } }).getMemberTokensForExternalLogin(jane.id, apiKey));
  await run(57, () => strategy().getMemberTokensForExternalLoginWithSession(jane.email, apiKey));
  await run(58, () => strategy().getMemberTokensForExternalLoginWithSession(jane.email, apiKey, { profile: { firstName: 'Jane', lastName: 'Doe' }, verifyEmail: true, mergeExistingContact: false }));
  await run(59, () => strategy().getMemberTokensForExternalLoginWithSession(jane.email, noPermissionKey));

  await setMember(jane.id, { emailVerified: false });
  const t1 = strategy({ tokenRequestOptions: { headers: { 'client-binding': 'CB-1' } } });
  await run(60, () => login(t1));
  await run(61, () => t1.processVerification({ verificationCode: '123456' }));
  await setMember(jane.id, { emailVerified: true });
  const st = (await login(t1)).data?.sessionToken ?? 'SESSION-TOKEN-1';
  await run(62, async () => (await withWindow(() => t1.getMemberTokensForDirectLogin(st))).value);

  const u1 = createClient({ auth: strategy(), modules: { recovery } });
  await run(66, () => u1.recovery.recover('RECOVERY-TOKEN-1', { password: 'New-Secret-456' }));
  return { calls };
}

// ---------------------------------------------------------------------------------------------------------------
// outcomes: each state arranged, then what the SDK made of the emulator's answer.
async function outcomes() {
  const out = {};
  const una = { email: 'una@example.com', password: 'Unverified-1' };
  const pat = { email: 'pat@example.com', password: 'Pending-1' };

  // The site's own form, then the full-page alternative to the iframe: the Wix login URL with the session token.
  const s = strategy();
  const ok = await s.login(jane);
  out.loginSuccess = ok;
  const oauthData = s.generateOAuthData(redirectUri, originalUri);
  const { authUrl } = await s.getAuthUrl(oauthData, { sessionToken: ok.data.sessionToken, responseMode: 'query' });
  const back = await follow(authUrl);
  const parsed = s.parseFromUrl(back.location, 'query');
  const tokens = await s.getMemberTokens(parsed.code, parsed.state, oauthData);
  out.sessionTokenToTokens = { loggedIn: (s.setTokens(tokens), s.loggedIn()), member: await memberOf(tokens) };
  out.sessionTokenTwice = (await follow((await s.getAuthUrl(oauthData, { sessionToken: ok.data.sessionToken, responseMode: 'query' })).authUrl)).location;

  // Direct login: the hidden iframe and postMessage, in a stand-in window.
  const d = strategy();
  const direct = await withWindow(async () => d.getMemberTokensForDirectLogin((await d.login(jane)).data.sessionToken));
  out.directLogin = { role: direct.value.refreshToken.role, member: await memberOf(direct.value), messages: direct.delivered.length };
  const bad = await withWindow(() => attempt(() => strategy().getMemberTokensForDirectLogin('SESSION-TOKEN-BAD')));
  out.directLoginBadToken = { ...bad.value, delivered: bad.delivered };

  // Captcha.
  await setSwitches({ requireCaptcha: true });
  out.captchaMissing = await strategy().login(jane);
  out.captchaInvalid = await strategy().login({ ...jane, captchaTokens: { recaptchaToken: 'FORGED' } });
  out.captchaSolved = await strategy().login({ ...jane, captchaTokens: { recaptchaToken: 'RECAPTCHA-TOKEN-1' } });
  await setSwitches({ requireCaptcha: false });

  // Email verification with the mailed code; a wrong code first.
  const v = strategy();
  out.verificationRequired = await v.login(una);
  out.verificationWrongCode = await attempt(() => v.processVerification({ verificationCode: '000000' }));
  const code = (await lastMail(una.email)).code;
  out.verificationRightCode = await v.processVerification({ verificationCode: code });
  out.loginAfterVerification = await strategy().login(una);

  out.ownerApprovalRequired = await strategy().login(pat);
  out.wrongPassword = await strategy().login({ ...jane, password: 'wrong' });
  out.unknownEmail = await strategy().login({ email: 'nobody@example.com', password: 'whatever' });
  const rex = await memberByEmail('rex@example.com');
  await setMember(rex.id, { passwordResetRequired: true });
  out.resetRequired = await strategy().login({ email: 'rex@example.com', password: 'Reset-1' });

  // Sign-up: verification by mailed code, then the owner's approval.
  const newcomer = { email: 'new@example.com', password: 'Brand-new-1', profile: { firstName: 'New', lastName: 'Comer', nickname: 'nc' } };
  const r = strategy();
  out.registerVerification = await r.register(newcomer);
  out.registerVerified = await r.processVerification({ verificationCode: (await lastMail(newcomer.email)).code });
  out.registerTwice = await strategy().register(newcomer);
  out.registerInvalidEmail = await strategy().register({ email: 'not-an-email', password: 'Long-enough-1' });
  out.registerShortPassword = await attempt(() => strategy().register({ email: 'short@example.com', password: 'x' }));
  out.registerShortPasswordStored = (await memberByEmail('short@example.com')) ?? null;
  await setSwitches({ requireOwnerApproval: true });
  const a = strategy();
  const approvalUser = { email: 'wait@example.com', password: 'Waiting-1' };
  out.registerApprovalVerification = await a.register(approvalUser);
  out.registerApprovalAfterCode = await a.processVerification({ verificationCode: (await lastMail(approvalUser.email)).code });
  await setSwitches({ requireOwnerApproval: false });
  await setMember((await memberByEmail(approvalUser.email)).id, { approved: true });
  out.loginAfterApproval = await strategy().login(approvalUser);

  // Password reset: the mail's link carries the recovery token; recover with it; the new password works.
  out.resetMailSent = await attempt(() => strategy().sendPasswordResetEmail(jane.email, 'http://localhost:3000/reset-done'));
  const mail = await lastMail(jane.email);
  out.resetMail = { kind: mail.kind, link: mail.link };
  const u = createClient({ auth: strategy(), modules: { recovery } });
  out.recovered = await attempt(async () => (await u.recovery.recover(mail.recoveryToken, { password: 'New-Secret-456' })).state);
  out.loginNewPassword = await strategy().login({ ...jane, password: 'New-Secret-456' });
  out.loginOldPassword = await strategy().login(jane);
  out.resetUnknownEmail = await attempt(() => strategy().sendPasswordResetEmail('nobody@example.com', 'http://localhost:3000/reset-done'));
  out.resetForeignRedirect = await attempt(() => strategy().sendPasswordResetEmail(jane.email, 'https://evil.example/steal'));

  // External login with an API key, with and without Sign On.
  const ext = await strategy().getMemberTokensForExternalLogin(jane.id, apiKey);
  out.externalLogin = { role: ext.refreshToken.role, member: await memberOf(ext) };
  out.externalLoginNoPermission = await attempt(() => strategy().getMemberTokensForExternalLogin(jane.id, noPermissionKey));
  out.externalLoginUnknownKey = await attempt(() => strategy().getMemberTokensForExternalLogin(jane.id, 'API-KEY-FORGED'));
  out.externalLoginUnknownMember = await attempt(() => strategy().getMemberTokensForExternalLogin('no-such-member', apiKey));
  const so = await strategy().getMemberTokensForExternalLoginWithSession(jane.email, apiKey);
  out.signOn = { role: so.refreshToken.role, member: await memberOf(so) };
  const soNew = await strategy().getMemberTokensForExternalLoginWithSession('sso@example.com', apiKey, { profile: { firstName: 'Sso', lastName: 'User' }, verifyEmail: true });
  out.signOnNewMember = { role: soNew.refreshToken.role, created: await memberByEmail('sso@example.com') };
  out.signOnNoPermission = await attempt(() => strategy().getMemberTokensForExternalLoginWithSession(jane.email, noPermissionKey));

  // Social login through the stand-in provider page.
  for (const [name, idp] of [['google', 'google'], ['facebook', 'facebook'], ['connection', { connectionId }]]) {
    const g = strategy();
    const data = g.generateOAuthData(redirectUri);
    const { authUrl: socialUrl } = await g.getAuthUrl(data, { idp, responseMode: 'query' });
    const first = await browser.open(socialUrl);
    const providerPage = await browser.open(first.location);
    const done = await follow(first.location, { email: `${name}@example.com`, name: 'Social Person', action: 'continue' });
    const p = g.parseFromUrl(done.location, 'query');
    const socialTokens = await g.getMemberTokens(p.code, p.state, data);
    out[`social_${name}`] = {
      toProvider: first.status === 302 && first.location.startsWith(`${base}/_idp/authorize`),
      providerPage: providerPage.status,
      member: (await memberByEmail(`${name}@example.com`))?.id === (await memberOf(socialTokens)),
    };
  }
  return out;
}

try {
  if (!base.startsWith('http')) throw new Error('usage: node member-auth.mjs <emulator base URL> <wire|outcomes>');
  if (mode === 'wire') seedRandom(0x2545f491);
  const result = mode === 'wire' ? placeholders(await wire()) : await outcomes();
  console.log(JSON.stringify({ ok: true, ...result }));
} catch (e) {
  console.log(JSON.stringify({ ok: false, error: String(e?.stack ?? e) }));
  process.exitCode = 1;
}
