import { vi } from 'vitest';

export interface Seen {
  method: string;
  url: URL;
  headers: Headers;
  body: unknown;
}

type Reply = { status?: number; body?: unknown; contentType?: string; headers?: Record<string, string> } | undefined;
type Handler = (req: Seen) => Reply | Promise<Reply>;

/**
 * Replaces global fetch; records every request and answers with the handler's reply
 * (JSON body; status 200 by default; 204 when body is undefined).
 */
export function mockFetch(handler: Handler) {
  const seen: Seen[] = [];
  const fn = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(String(input), init);
    const text = await request.text();
    const req: Seen = {
      method: request.method,
      url: new URL(request.url),
      headers: request.headers,
      body: text ? parseBody(text) : undefined,
    };
    seen.push(req);
    const reply = (await handler(req)) ?? {};
    const status = reply.status ?? (reply.body === undefined ? 204 : 200);
    if (reply.body === undefined) return new Response(null, { status });
    return new Response(JSON.stringify(reply.body), {
      status,
      headers: { 'Content-Type': reply.contentType ?? 'application/json', ...reply.headers },
    });
  });
  vi.stubGlobal('fetch', fn);
  return seen;
}

/** JSON bodies parsed; any other body (a CSV upload) as its text. */
function parseBody(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
