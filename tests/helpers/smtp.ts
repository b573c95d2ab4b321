// A real SMTP server in-process (smtp-server on a free loopback port) for the mail tests. `mode` says
// what it does with the next transaction: accept it, refuse the recipient (550 permanent, 421
// temporary), drop the connection while the message arrives, or stall: take the whole message (kept in
// `stalled`) and never answer, as a server that hangs after DATA.
import type { Socket } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  from: string;
  to: string[];
  /** The message as sent, CRLF line ends. */
  raw: string;
}

export type SmtpMode = 'accept' | 'refuse' | 'tempfail' | 'drop' | 'stall';

export interface TestSmtp {
  url: string;
  mails: ReceivedMail[];
  /** Messages received in 'stall' mode, never acknowledged. */
  stalled: ReceivedMail[];
  mode: SmtpMode;
  close(): Promise<void>;
}

const smtpError = (code: number, message: string) => Object.assign(new Error(message), { responseCode: code });

export async function startSmtp(): Promise<TestSmtp> {
  const sockets = new Set<Socket>();
  const state: TestSmtp = { url: '', mails: [], stalled: [], mode: 'accept', close: async () => {} };
  const server = new SMTPServer({
    authOptional: true,
    // Plain TCP on loopback: the sender logs in with the URL's credentials without TLS.
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth: (auth, _session, cb) => cb(null, { user: auth.username }),
    onRcptTo(_address, _session, cb) {
      if (state.mode === 'refuse') return cb(smtpError(550, 'Mailbox unavailable'));
      if (state.mode === 'tempfail') return cb(smtpError(421, 'Try again later'));
      cb();
    },
    onData(stream, session, cb) {
      if (state.mode === 'drop') {
        for (const s of sockets) s.destroy();
        stream.resume();
        return;
      }
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      const stall = state.mode === 'stall';
      stream.on('end', () => {
        const mail = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        };
        if (stall) return void state.stalled.push(mail);
        state.mails.push(mail);
        cb();
      });
    },
  });
  server.server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as { port: number };
  state.url = `smtp://turvarada:salajane@127.0.0.1:${port}`;
  state.close = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    });
  return state;
}

/** A header of the message, unfolded and with RFC 2047 encoded words decoded. */
export function header(raw: string, name: string): string | undefined {
  const head = raw.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, ' ');
  const line = head.split(/\r?\n/).find((l) => l.toLowerCase().startsWith(name.toLowerCase() + ':'));
  if (!line) return undefined;
  return line
    .slice(name.length + 1)
    .trim()
    .replace(/=\?utf-8\?([BQ])\?([^?]*)\?=\s*/gi, (_m, enc: string, data: string) =>
      enc.toUpperCase() === 'B' ? Buffer.from(data, 'base64').toString('utf8') : Buffer.from(data.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8'),
    );
}

/** The message with its quoted-printable and base64 parts decoded (enough to find a link in a body). */
export function decodedBody(raw: string): string {
  const qp = raw.replace(/=\r?\n/g, '').replace(/(?:=[0-9A-F]{2})+/g, (m) => Buffer.from(m.split('=').slice(1).map((h) => parseInt(h, 16))).toString('utf8'));
  const base64 = [...raw.matchAll(/Content-Transfer-Encoding: base64\r?\n(?:[^\r\n]+\r?\n)*\r?\n([A-Za-z0-9+/=\r\n]+)/gi)].map((m) => Buffer.from(m[1]!.replace(/\s/g, ''), 'base64').toString('utf8'));
  return [qp, ...base64].join('\n');
}
