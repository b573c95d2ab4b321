import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../api/config.ts';

describe('configuration', () => {
  it('has working defaults', () => {
    const c = loadConfig({});
    expect(c.port).toBe(4321);
    expect(c.host).toBe('127.0.0.1');
    expect(c.publicOrigin).toBe('http://127.0.0.1:4321');
    expect(c.databasePath).toMatch(/data\/runtime\/turvarada\.db$/);
    expect(c.trustedProxies.rules).toEqual([]);
  });

  it('reads trusted proxies as addresses and CIDR ranges, IPv4 and IPv6', () => {
    const { trustedProxies } = loadConfig({ TRUSTED_PROXIES: '127.0.0.1, 10.20.0.0/16 ,::1' });
    expect(trustedProxies.check('10.20.5.9', 'ipv4')).toBe(true);
    expect(trustedProxies.check('10.21.0.1', 'ipv4')).toBe(false);
    expect(trustedProxies.check('::1', 'ipv6')).toBe(true);
    expect(trustedProxies.check('127.0.0.2', 'ipv4')).toBe(false);
  });

  it.each([
    [{ PORT: 'abc' }, /PORT/],
    [{ PORT: '70000' }, /PORT/],
    [{ PUBLIC_ORIGIN: 'turvarada.ee' }, /PUBLIC_ORIGIN/],
    [{ PUBLIC_ORIGIN: 'https://turvarada.ee/app' }, /PUBLIC_ORIGIN/],
    [{ HOST: 'bad host' }, /HOST/],
    [{ TRUSTED_PROXIES: '10.0.0.1, proxy.local' }, /TRUSTED_PROXIES: "proxy.local"/],
    [{ TRUSTED_PROXIES: '10.0.0.0/33' }, /TRUSTED_PROXIES/],
  ])('refuses %o with a one-line message', (env, pattern) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(pattern);
  });
});
