/**
 * Request ids: every request gets one, so the log lines of one request can be found together.
 * proxy.ts gives one to every page and API request (keeping a well-formed `x-request-id` set by a
 * load balancer in front), and the provider callbacks, which skip the proxy, make their own.
 * The id is echoed in the `x-request-id` response header.
 */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export const REQUEST_ID_HEADER = "x-request-id";

/** The request's id: a well-formed incoming `x-request-id`, else a new random one. */
export function requestId(headers: Pick<Headers, "get">): string {
  const given = headers.get(REQUEST_ID_HEADER);
  return given && REQUEST_ID.test(given) ? given : crypto.randomUUID();
}
