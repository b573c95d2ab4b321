// SMTP_URL and MAIL_FROM are checked at start-up like every other setting: a bad value stops the
// server with a one-line message, which never repeats the SMTP password.
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config.ts';

describe('mail configuration', () => {
  it('without SMTP_URL mail stays in the outbox, from turvarada@ the public host', () => {
    const c = loadConfig({ PUBLIC_ORIGIN: 'https://turvarada.ee' });
    expect(c.smtpUrl).toBeNull();
    expect(c.mailFrom).toBe('Turvarada <turvarada@turvarada.ee>');
  });

  it.each([
    ['smtp://smtp.elvl.ee', 'turvarada@elvl.ee'],
    ['smtps://kasutaja:p%40rool@smtp.elvl.ee:465', 'Turvarada <turvarada@elvl.ee>'],
    ['smtp://relay.internal:25/', 'ELVL Turvarada <no-reply@turvarada.elvl.ee>'],
  ])('accepts %s with MAIL_FROM %s', (SMTP_URL, MAIL_FROM) => {
    const c = loadConfig({ SMTP_URL, MAIL_FROM });
    expect(c.smtpUrl).toBe(SMTP_URL);
    expect(c.mailFrom).toBe(MAIL_FROM);
  });

  it.each([
    [{ SMTP_URL: 'http://smtp.elvl.ee', MAIL_FROM: 'a@elvl.ee' }, /SMTP_URL peab algama smtp:\/\/ või smtps:\/\//],
    [{ SMTP_URL: 'smtp.elvl.ee:25', MAIL_FROM: 'a@elvl.ee' }, /SMTP_URL/],
    [{ SMTP_URL: 'smtp://smtp.elvl.ee/relay?x=1', MAIL_FROM: 'a@elvl.ee' }, /SMTP_URL on ainult/],
    [{ SMTP_URL: 'sendmail:///usr/sbin/sendmail', MAIL_FROM: 'a@elvl.ee' }, /SMTP_URL/],
    [{ SMTP_URL: 'smtp://smtp.elvl.ee' }, /SMTP_URL vajab ka MAIL_FROM/],
    [{ MAIL_FROM: 'turvarada' }, /MAIL_FROM ei ole e-posti aadress/],
    [{ MAIL_FROM: 'Turvarada <turvarada@elvl.ee' }, /MAIL_FROM/],
    [{ MAIL_FROM: 'a@elvl.ee\r\nBcc: keegi@muu.ee' }, /MAIL_FROM/],
    [{ MAIL_FROM: 'a@-elvl.ee' }, /MAIL_FROM/],
  ])('refuses %o with a one-line message', (env, pattern) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(pattern);
  });

  it.each(['ftp://kasutaja:v2ga-salajane@smtp.elvl.ee', 'kasutaja:v2ga-salajane@smtp.elvl.ee', 'smtp://kasutaja:v2ga/salajane@x@smtp.elvl.ee/tee'])(
    'never repeats the SMTP password in its message (%s)',
    (SMTP_URL) => {
      let message = '';
      try {
        loadConfig({ SMTP_URL, MAIL_FROM: 'a@elvl.ee' });
      } catch (err) {
        message = (err as Error).message;
      }
      expect(message).toMatch(/SMTP_URL/);
      expect(message).not.toMatch(/salajane/);
      expect(message).not.toMatch(/\n/);
    },
  );

  it('keeps a refused MAIL_FROM on one line', () => {
    expect(() => loadConfig({ MAIL_FROM: 'a@elvl.ee\r\nBcc: keegi@muu.ee' })).toThrow(/^[^\n]*$/);
  });
});
