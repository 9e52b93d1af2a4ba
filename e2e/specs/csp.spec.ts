import { test, expect } from '../fixtures/hearth.js';

/**
 * The server's Content-Security-Policy allows no inline script and no eval. Every violation a
 * page commits is an event on its document: none may happen on the sign-in page or in a call.
 */
function recordViolations() {
  const seen: string[] = [];
  (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
  document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
}

const violations = (page: import('@playwright/test').Page) => page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);

test('the sign-in page and a call run under the CSP without a single violation', async ({ browser, hearth, openParticipant }) => {
  const context = await browser.newContext();
  await context.addInitScript(recordViolations);
  const login = await context.newPage();
  await login.goto(`${hearth.url}/login`);
  await login.getByLabel('Email').fill('someone@clinic.test');
  await login.getByLabel('Password').fill('not a real password');
  await login.getByRole('button', { name: 'Sign in' }).click();
  await expect(login.getByRole('alert')).toBeVisible();
  expect(await violations(login)).toEqual([]);
  await context.close();

  const alex = await openParticipant('csp-room', 'Alex');
  await alex.context.addInitScript(recordViolations);
  await alex.page.reload();
  await alex.call.join('Alex');
  expect(await violations(alex.page)).toEqual([]);
});
