import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../api/config.ts';

describe('configuration', () => {
  it('has working defaults', () => {
    const c = loadConfig({});
    expect(c.port).toBe(4321);
    expect(c.host).toBe('127.0.0.1');
    expect(c.publicOrigin).toBe('http://127.0.0.1:4321');
    expect(c.databasePath).toMatch(/data\/runtime\/turvarada\.db$/);
  });

  it.each([
    [{ PORT: 'abc' }, /PORT/],
    [{ PORT: '70000' }, /PORT/],
    [{ PUBLIC_ORIGIN: 'turvarada.ee' }, /PUBLIC_ORIGIN/],
    [{ PUBLIC_ORIGIN: 'https://turvarada.ee/app' }, /PUBLIC_ORIGIN/],
    [{ HOST: 'bad host' }, /HOST/],
  ])('refuses %o with a one-line message', (env, pattern) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(pattern);
  });
});
