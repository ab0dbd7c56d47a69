import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest { headers: IncomingHttpHeaders; body: string; url: string }

/**
 * A real HTTP endpoint standing in for the app's webhook route. `answer` decides per request
 * (0-based index) which status to send and how long to wait first.
 */
export async function startReceiver(answer: (index: number) => { status: number; delayMs?: number } = () => ({ status: 204 })) {
  const received: ReceivedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const index = received.length;
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), url: req.url ?? '' });
      const { status, delayMs = 0 } = answer(index);
      setTimeout(() => { res.statusCode = status; res.end(); }, delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hubspot/webhooks`;
  return {
    url,
    received,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
