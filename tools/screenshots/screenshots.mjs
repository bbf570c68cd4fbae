// Usage: node screenshots.mjs <site URL> <output folder>
// A person's walk through the demo site, one screenshot per page, in Debian's Chromium (playwright-core downloads no browser).
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const [site, out] = process.argv.slice(2);
if (!site || !out) {
  console.error('Usage: node screenshots.mjs <site URL> <output folder>');
  process.exit(2);
}
mkdirSync(out, { recursive: true });

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const context = await browser.newContext({ viewport: { width: 900, height: 760 }, deviceScaleFactor: 1 });
  context.setDefaultTimeout(30_000);
  const page = await context.newPage();
  const shot = async (name) => {
    await page.screenshot({ path: join(out, `${name}.png`), fullPage: true });
    console.log(`${name}.png  ${page.url()}`);
  };

  await page.goto(site);
  await shot('home-visitor');

  await page.locator('#own-forms').click();
  await page.locator('#login-email').fill('ada@example.com');
  await page.locator('#login-password').fill('not-her-password');
  await page.getByRole('button', { name: 'Log in', exact: true }).click();
  await page.locator('#form-error').waitFor();
  await shot('sign-in-wrong-password');

  await page.locator('#register-name').fill('Grace');
  await page.locator('#register-email').fill(`grace-${Date.now()}@example.com`);
  await page.locator('#register-password').fill('Hopper-1906-cobol');
  await page.getByRole('button', { name: 'Sign up' }).click();
  await page.locator('#verify-prompt').waitFor();
  await shot('sign-up-code-mailed');

  await page.goto(site);
  await page.getByRole('button', { name: 'Log in', exact: true }).click();
  await page.getByLabel('Email').waitFor();
  await shot('wix-login-page');
  await page.getByLabel('Email').fill('ada@example.com');
  await page.getByLabel('Password').fill('lovelace');
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.locator('#member-name').waitFor();
  await shot('home-member');

  await page.locator('#members-page').click();
  await page.locator('#status').waitFor();
  await shot('members-page');

  // A login the person cancels on Wix's page: the site's error page.
  const visitor = await browser.newContext({ viewport: { width: 900, height: 600 } });
  const cancelled = await visitor.newPage();
  await cancelled.goto(`${site.replace(/\/$/, '')}/auth/login`);
  await cancelled.getByRole('button', { name: 'Cancel' }).click();
  await cancelled.locator('#error-code').waitFor();
  await cancelled.screenshot({ path: join(out, 'login-cancelled.png'), fullPage: true });
  console.log(`login-cancelled.png  ${cancelled.url()}`);
} finally {
  await browser.close();
}
