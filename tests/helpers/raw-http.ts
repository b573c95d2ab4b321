// A raw HTTP/1.1 client over a TCP socket, for tests that must control exactly which bytes of a
// request reach the server (a huge declared Content-Length with a few bytes sent, a chunked body
// that never ends) and see the answer while the request is still incomplete.
import { connect, type Socket } from 'node:net';

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** Milliseconds from opening the connection to the complete answer. */
  ms: number;
}

export interface RawExchange {
  socket: Socket;
  /** The first complete answer; rejects when the connection closes without one or after `timeoutMs`. */
  response: Promise<RawResponse>;
}

/**
 * Opens a connection to the server at `url`, writes `head` (request line and headers, without the
 * blank line) and then `body`, and leaves the connection open for the test to write more or close.
 */
export function rawRequest(url: string, head: string, body: Buffer | string = '', timeoutMs = 5000): RawExchange {
  const { port } = new URL(url);
  const started = performance.now();
  const socket = connect(Number(port), '127.0.0.1');
  socket.on('error', () => {}); // the server may close while the test is still writing
  const response = new Promise<RawResponse>((resolve, reject) => {
    let received = Buffer.alloc(0);
    const timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      const end = received.indexOf('\r\n\r\n');
      if (end < 0) return;
      const [statusLine, ...lines] = received.subarray(0, end).toString('latin1').split('\r\n');
      const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
      const length = Number(headers['content-length'] ?? 0);
      if (received.length < end + 4 + length) return;
      clearTimeout(timer);
      const ms = performance.now() - started;
      resolve({ status: Number(statusLine!.split(' ')[1]), headers, body: received.subarray(end + 4, end + 4 + length).toString('utf8'), ms });
    });
    socket.once('close', () => {
      clearTimeout(timer);
      reject(new Error(`connection closed without an answer: ${received.toString('latin1').slice(0, 200)}`));
    });
  });
  response.catch(() => {}); // a test that does not await it must not see an unhandled rejection
  socket.write(`${head}\r\n\r\n`);
  if (body.length > 0) socket.write(body);
  return { socket, response };
}
