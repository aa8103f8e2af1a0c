/**
 * A fetch for `--insecure` HTTPS: the same request, but without certificate verification, for
 * registries with self-signed certificates (Docker's "insecure registry" behaviour). Node's global
 * fetch cannot turn verification off per request without a dependency, so this one speaks
 * node:https and hands back a standard Response. It is only ever used for the registry's own host.
 */
import { request } from 'node:https';
import { Readable } from 'node:stream';

/** Statuses whose Response must not have a body (Fetch standard "null body status"). */
const NULL_BODY = new Set([101, 103, 204, 205, 304]);

export function insecureHttpsFetch(url: string, init: RequestInit = {}): Promise<Response> {
  return new Promise<Response>((resolve, reject) => {
    const headers: Record<string, string> = {};
    new Headers(init.headers).forEach((value, name) => {
      headers[name] = value;
    });
    const req = request(url, {
      method: init.method ?? 'GET',
      headers,
      rejectUnauthorized: false,
      ...(init.signal ? { signal: init.signal } : {}),
    }, (res) => {
      const answer = new Headers();
      for (const [name, value] of Object.entries(res.headers)) {
        if (value === undefined) continue;
        for (const one of Array.isArray(value) ? value : [value]) answer.append(name, one);
      }
      const status = res.statusCode ?? 500;
      const body = NULL_BODY.has(status) || init.method === 'HEAD' ? null : (Readable.toWeb(res) as unknown as ReadableStream<Uint8Array>);
      if (body === null) res.resume();
      resolve(new Response(body, { status, statusText: res.statusMessage ?? '', headers: answer }));
    });
    req.on('error', reject);
    if (typeof init.body === 'string') req.write(init.body);
    req.end();
  });
}
