import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OutboundRefusedError, checkOutboundUrl, guardedFetch } from './outbound-fetch';

// The guarded fetch against a server on 127.0.0.1 (loopback is allowed only by the policy).

let server: Server;
let base: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/big') return res.end('x'.repeat(5000));
    if (req.url === '/slow') return setTimeout(() => res.end('late'), 2000);
    if (req.url === '/redirect') {
      res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data' });
      return res.end();
    }
    if (req.method === 'POST') {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => res.end(JSON.stringify({ got: body, type: req.headers['content-type'] })));
      return;
    }
    res.setHeader('content-type', 'application/json');
    res.end('{"ok":true}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('guardedFetch', () => {
  it('refuses loopback unless the policy allows it', async () => {
    await expect(guardedFetch({ allowLoopback: false })(`${base}/`)).rejects.toThrow(OutboundRefusedError);
    const res = await guardedFetch({ allowLoopback: true })(`${base}/`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });

  it('refuses a name that resolves to loopback when the socket connects', async () => {
    const port = new URL(base).port;
    await expect(guardedFetch({ allowLoopback: false })(`https://localhost:${port}/`)).rejects.toThrow(
      /loopback/,
    );
  });

  it('sends a form body (the token request)', async () => {
    const res = await guardedFetch({ allowLoopback: true })(`${base}/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'authorization_code' }),
    });
    expect(await res.json()).toEqual({
      got: 'grant_type=authorization_code',
      type: 'application/x-www-form-urlencoded',
    });
  });

  it('does not follow a redirect', async () => {
    const res = await guardedFetch({ allowLoopback: true })(`${base}/redirect`);
    expect(res.status).toBe(302);
  });

  it('gives up on a body larger than the cap and on a server slower than the timeout', async () => {
    await expect(guardedFetch({ allowLoopback: true, maxBytes: 1000 })(`${base}/big`)).rejects.toThrow(
      /more than 1000 bytes/,
    );
    await expect(guardedFetch({ allowLoopback: true, timeoutMs: 200 })(`${base}/slow`)).rejects.toThrow(
      /did not answer/,
    );
  });

  it('refuses other schemes, and plain http to anything but loopback', async () => {
    await expect(checkOutboundUrl(new URL('ftp://example.com/'), { allowLoopback: true })).rejects.toThrow(
      /not allowed/,
    );
    await expect(checkOutboundUrl(new URL('http://8.8.8.8/'), { allowLoopback: true })).rejects.toThrow(
      /plain http/,
    );
    await expect(
      checkOutboundUrl(new URL('https://8.8.8.8/'), { allowLoopback: false }),
    ).resolves.toBeUndefined();
  });
});
