// Status-write throughput: 8 HTTP clients against the real server vs raw better-sqlite3
// transactions doing the same statements. Beside them, for context, the same load on a bare Hono
// PUT that only parses and echoes its JSON body: what the HTTP stack alone allows. The three
// alternate in short rounds after a warm-up, so a shared machine that speeds up or slows down
// mid-run moves every side of the ratios alike.
import { SESSION_COOKIE } from '../../api/auth/sessions.ts';
import { openDatabase } from '../../api/db/database.ts';
import { addUser, workingCopy } from './fixture.ts';
import { load, log, ratioFigure, summarize, type Figure } from './lib.ts';
import { startBareServer } from './bare-server.ts';
import { rawStatusWriter } from './raw-sql.ts';

export const WRITE_CLIENTS = 8;
const ROUNDS = 4;

export interface Slot {
  id: string;
  version: number;
  busy: boolean;
}

export async function writeBenchmarks(opts: { url: string; token: string; ehak: string; slots: Slot[]; seconds: number }): Promise<Figure[]> {
  const { url, token, ehak, slots } = opts;
  const round = Math.max(1, opts.seconds / ROUNDS);
  const headers = { cookie: `${SESSION_COOKIE}=${token}`, 'content-type': 'application/json' };
  let n = 0;
  const http = (duration: number) =>
    load({
      url,
      connections: WRITE_CLIENTS,
      duration,
      requests: [
        {
          // Each in-flight request owns one measure, so every write carries its correct version.
          setupRequest: (req, ctx) => {
            const slot = slots.find((s) => !s.busy) ?? slots[0]!;
            slot.busy = true;
            ctx['slot'] = slot;
            n++;
            const body = JSON.stringify({ status: n % 2 ? 'partial' : 'implemented', description: `bench ${n}`, version: slot.version });
            return { ...req, method: 'PUT', path: `/api/kovs/${ehak}/measures/${slot.id}`, headers, body };
          },
          onResponse: (status, body, ctx) => {
            const slot = ctx['slot'] as Slot;
            if (status === 200) slot.version = (JSON.parse(body) as { version: number }).version;
            slot.busy = false;
          },
        },
      ],
    });

  const rawDb = openDatabase(workingCopy('raw-writes'));
  const write = rawStatusWriter(rawDb, ehak, addUser(rawDb, 'specialist', [ehak]).id);
  let rawOps = 0;
  const raw = (seconds: number) => {
    const started = performance.now();
    while (performance.now() - started < seconds * 1000) {
      write(slots[rawOps % slots.length]!.id, rawOps % 2 ? 'partial' : 'implemented', `raw ${rawOps}`);
      rawOps++;
    }
    return performance.now() - started;
  };

  const bare = await startBareServer();
  let b = 0;
  const bareLoad = (duration: number) =>
    load({
      url: bare.url,
      connections: WRITE_CLIENTS,
      duration,
      requests: [
        {
          setupRequest: (req) => {
            b++;
            const body = JSON.stringify({ status: b % 2 ? 'partial' : 'implemented', description: `bench ${b}`, version: b });
            return { ...req, method: 'PUT', path: `/api/echo/${slots[b % slots.length]!.id}`, headers: { 'content-type': 'application/json' }, body };
          },
        },
      ],
    });

  log(`PUT status with ${WRITE_CLIENTS} clients vs bare Hono PUT vs raw transactions, ${ROUNDS} alternating rounds of ${round} s …`);
  await http(2); // warm-up: the JIT has not seen the write path yet
  await bareLoad(1);
  raw(1);
  rawOps = 0;
  let bareTotal = 0;
  let bareSeconds = 0;
  let httpTotal = 0;
  let httpSeconds = 0;
  let failures = 0;
  let rawMs = 0;
  const p50s: number[] = [];
  const p95s: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const res = await http(round);
    httpTotal += res.total;
    httpSeconds += res.total / res.rps;
    failures += res.failures;
    p50s.push(res.p50);
    p95s.push(res.p95);
    const floor = await bareLoad(round);
    bareTotal += floor.total;
    bareSeconds += floor.total / floor.rps;
    rawMs += raw(round);
  }
  rawDb.close();
  await bare.stop();
  const rate = httpTotal / httpSeconds;
  const rawRate = rawOps / (rawMs / 1000);
  const bareRate = bareTotal / bareSeconds;
  const writes: Figure = {
    ...ratioFigure({ id: 'writes', label: `status writes, ${WRITE_CLIENTS} clients (HTTP)`, unit: 'ops/s', value: rate, floor: rawRate }),
    goal: '≥ 0.5× raw',
    met: rate >= 0.5 * rawRate,
    note: `${httpTotal} writes, ${failures} failures; p50 ${summarize(p50s).p50.toFixed(1)} ms, p95 ${summarize(p95s).p50.toFixed(1)} ms (median of rounds)`,
  };
  return [
    writes,
    {
      ...ratioFigure({ id: 'writes.bare', label: `bare Hono PUT (JSON echo), ${WRITE_CLIENTS} clients`, unit: 'req/s', value: bareRate, floor: rawRate }),
      note: `context: the HTTP stack alone, vs raw; the app reaches ${((rate / bareRate) * 100).toFixed(0)}% of it`,
    },
  ];
}
