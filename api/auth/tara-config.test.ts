import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config.ts';

const TARA = {
  TARA_ISSUER: 'https://tara-test.ria.ee',
  TARA_CLIENT_ID: 'turvarada',
  TARA_CLIENT_SECRET: 'secret',
  TARA_REDIRECT_URI: 'https://turvarada.example/api/auth/tara/callback',
};

describe('TARA configuration', () => {
  it('is off without the variables and on with all four', () => {
    expect(loadConfig({}).tara).toBeUndefined();
    expect(loadConfig({ ...TARA }).tara).toEqual({
      issuer: TARA.TARA_ISSUER,
      clientId: 'turvarada',
      clientSecret: 'secret',
      redirectUri: TARA.TARA_REDIRECT_URI,
    });
  });

  it('stops start-up when only some are set or a URL is malformed', () => {
    const { TARA_CLIENT_SECRET: _s, ...partial } = TARA;
    expect(() => loadConfig(partial)).toThrow(ConfigError);
    expect(() => loadConfig(partial)).toThrow(/TARA_CLIENT_SECRET/);
    expect(() => loadConfig({ ...TARA, TARA_ISSUER: 'not a url' })).toThrow(/TARA_ISSUER/);
  });
});
