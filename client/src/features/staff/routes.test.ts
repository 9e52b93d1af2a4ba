import { describe, expect, it } from 'vitest';
import { paths, safeNext } from './routes';

describe('paths', () => {
  it('builds each staff page’s address, ids encoded', () => {
    expect(paths.cohorts()).toBe('/clinic');
    expect(paths.cohort('c-1')).toBe('/clinic/cohorts/c-1');
    expect(paths.cohort('c-1', 'members')).toBe('/clinic/cohorts/c-1?tab=members');
    expect(paths.session('s 2')).toBe('/clinic/sessions/s%202');
    expect(paths.audit()).toBe('/clinic/audit');
    expect(paths.settings()).toBe('/clinic/settings');
    expect(paths.staff()).toBe('/clinic/staff');
    expect(paths.account()).toBe('/clinic/account');
    expect(paths.console('s1')).toBe('/facilitate/s1');
  });

  it('carries a safe place to return to after sign-in, and drops an unsafe one', () => {
    expect(paths.login()).toBe('/login');
    const login = new URL(paths.login('/clinic/cohorts/c1'), 'http://x');
    expect(login.pathname).toBe('/login');
    expect(safeNext(login.searchParams.get('next'))).toBe('/clinic/cohorts/c1');
    expect(paths.login('https://evil.example')).toBe('/login');
  });
});

describe('safeNext', () => {
  it('allows clinic pages and refuses anything that could leave the site', () => {
    expect(safeNext('/clinic')).toBe('/clinic');
    expect(safeNext('/clinic/cohorts/c1')).toBe('/clinic/cohorts/c1');
    expect(safeNext(paths.audit())).toBe('/clinic/audit');
    expect(safeNext(paths.settings())).toBe('/clinic/settings');
    expect(safeNext(paths.staff())).toBe('/clinic/staff');
    const unsafe = [null, undefined, '', '/', '//evil.example/clinic', 'https://evil.example', '/clinic//evil', '/clinicx', '/login', '/clinic/a?b=c'];
    for (const next of [...unsafe, 'javascript:alert(1)']) {
      expect(safeNext(next)).toBeUndefined();
    }
  });
});
