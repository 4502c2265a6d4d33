import { request, type Agent, type OutgoingHttpHeaders } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { context, ROOT_CONTEXT, type ContextManager, type Context } from '@opentelemetry/api';
import { AsyncLocalStorage } from 'node:async_hooks';
import { startLocalReceiver, type LocalReceiver, type LocalReceiverOptions } from '../../../src/receiver/server/localReceiver';

/** A fresh directory under the OS temp dir; `cleanup` removes it. */
export function tempDir(prefix = 'receiver-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A receiver on an ephemeral loopback port with its own store directory. */
export async function startTestReceiver(
  options: Partial<LocalReceiverOptions> = {},
): Promise<LocalReceiver & { dir: string; logs: string[]; dispose: () => Promise<void> }> {
  const { dir, cleanup } = tempDir();
  const logs: string[] = [];
  const local = await startLocalReceiver({ port: 0, storeDir: dir, log: (level, m) => logs.push(`${level}: ${m}`), ...options });
  return Object.assign(local, {
    dir,
    logs,
    dispose: async () => {
      await local.stop();
      cleanup();
    },
  });
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/**
 * One HTTP request with full control of the headers (Host, Origin, Content-Length…), on its
 * own connection. Resolves with the response even when the server closes the connection
 * while the body is still being sent (early refusals do that on purpose).
 */
export function send(
  url: string,
  opts: {
    method?: string;
    path?: string;
    headers?: OutgoingHttpHeaders;
    body?: Uint8Array | string;
    bodyChunks?: AsyncIterable<Uint8Array> | Iterable<Uint8Array>;
    agent?: Agent;
  },
): Promise<RawResponse> {
  const u = new URL(url);
  const headers: OutgoingHttpHeaders = { ...opts.headers };
  // Node frames GET/DELETE/OPTIONS bodies only with an explicit length.
  if (opts.body !== undefined && !Object.keys(headers).some((k) => k.toLowerCase() === 'content-length' || k.toLowerCase() === 'transfer-encoding')) {
    headers['Content-Length'] = typeof opts.body === 'string' ? Buffer.byteLength(opts.body) : opts.body.length;
  }
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = request(
      {
        host: u.hostname.replace(/^\[|\]$/g, ''),
        port: u.port,
        method: opts.method ?? 'POST',
        path: opts.path ?? u.pathname,
        headers,
        agent: opts.agent ?? false,
        setHost: !Object.keys(headers).some((k) => k.toLowerCase() === 'host'),
      },
      (res) => {
        answered = true;
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      },
    );
    req.on('error', (e) => {
      if (!answered) reject(e);
    });
    if (opts.bodyChunks) {
      void (async () => {
        try {
          for await (const c of opts.bodyChunks!) {
            if (answered || req.destroyed) break;
            if (!req.write(c)) await new Promise((r) => req.once('drain', r));
          }
          req.end();
        } catch {
          /* the server closed the connection: the response (if any) decides */
        }
      })();
    } else {
      req.end(opts.body);
    }
  });
}

/** ai@6 and startActiveSpan need a real context manager for parent/child links. */
export function installAsyncContext(): () => void {
  const als = new AsyncLocalStorage<Context>();
  const mgr: ContextManager = {
    active: () => als.getStore() ?? ROOT_CONTEXT,
    with: (ctx, fn, thisArg, ...args) => als.run(ctx, () => fn.call(thisArg, ...args)),
    bind: (ctx, target) => {
      if (typeof target !== 'function') return target;
      const f = target as unknown as (...a: unknown[]) => unknown;
      return function (this: unknown, ...a: unknown[]) {
        return als.run(ctx, () => f.apply(this, a));
      } as unknown as typeof target;
    },
    enable: () => mgr,
    disable: () => mgr,
  };
  context.setGlobalContextManager(mgr);
  return () => context.disable();
}
