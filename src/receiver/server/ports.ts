import { createServer } from 'node:net';

/**
 * Port helpers. `findFreePort` tries `preferred`, then the next `tries - 1` ports, then lets
 * the OS pick one. The answer is only a good guess: another process can take the port between
 * this check and the receiver's own `listen`, which then fails with `PortInUseError` again.
 */
export async function findFreePort(host = '127.0.0.1', preferred = 4318, tries = 20): Promise<number> {
  for (let p = preferred; p < preferred + tries && p <= 65535; p++) {
    if (p > 0 && (await canListen(host, p)) !== undefined) return p;
  }
  const any = await canListen(host, 0);
  if (any === undefined) throw new Error(`no free port on ${host}`);
  return any;
}

/** The port bound (useful with 0), or undefined when listening there fails. */
function canListen(host: string, port: number): Promise<number | undefined> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.unref();
    srv.once('error', () => resolve(undefined));
    srv.listen({ host, port, exclusive: true }, () => {
      const addr = srv.address();
      const bound = addr && typeof addr === 'object' ? addr.port : undefined;
      srv.close(() => resolve(bound));
    });
  });
}

/** `listen` failed because the port is taken. `suggestedPort` is free (at the time of the check). */
export class PortInUseError extends Error {
  constructor(
    readonly host: string,
    readonly port: number,
    readonly suggestedPort: number | undefined,
  ) {
    super(
      `port ${port} on ${host} is already in use (another OTLP receiver or collector?)` +
        (suggestedPort !== undefined ? `; port ${suggestedPort} is free` : ''),
    );
    this.name = 'PortInUseError';
  }
}

/** The bind address is not loopback and non-loopback binding was not explicitly allowed. */
export class NonLoopbackBindError extends Error {
  constructor(readonly host: string) {
    super(
      `refusing to listen on ${host}: it is not a loopback address, and spans often carry prompts, code and secrets. Use 127.0.0.1, or allow it explicitly.`,
    );
    this.name = 'NonLoopbackBindError';
  }
}

/** `http://host:port` with IPv6 hosts bracketed. */
export function urlFor(host: string, port: number): string {
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}
