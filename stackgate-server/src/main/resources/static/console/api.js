// The gateway's API as the console calls it.
//
// The credential (a Keystone token, or an API key in mode service) lives in the `credential` variable of this
// module and nowhere else: not in localStorage, sessionStorage, a cookie or the URL. It is gone when the tab is
// closed or reloaded, it is not shared with other tabs, and no script of another page can read it. A cookie
// would also be sent by the browser on its own, which would need CSRF defences the API does not have.

let credential = null;
let onSessionEnd = () => {};

/** An answer of the gateway that is not a success: an RFC 9457 problem. */
export class Problem extends Error {
  constructor(status, body, retryAfter = 0) {
    super(body.detail || body.title || `HTTP ${status}`);
    this.status = status;
    this.body = body;
    this.retryAfter = retryAfter;
  }

  /** @returns the invalid fields, [{field, message}] */
  get errors() {
    return Array.isArray(this.body.errors) ? this.body.errors : [];
  }

  /** @returns a one-line text for people: the title, the detail and the request id to quote */
  describe() {
    const parts = [this.body.title, this.body.detail].filter(Boolean);
    const text = parts.length ? parts.join(': ') : `HTTP ${this.status}`;
    return this.body.request_id ? `${text} (request ${this.body.request_id})` : text;
  }
}

/**
 * @param {{header: string, value: string}|null} value the credential to send from now on
 */
export function useCredential(value) {
  credential = value;
}

export function hasCredential() {
  return credential !== null;
}

/** @param {function(Problem)} handler called once when the gateway refuses the credential (401) */
export function whenSessionEnds(handler) {
  onSessionEnd = handler;
}

/**
 * Calls the API. The path is resolved against the page's address, so that the console also works behind a
 * reverse proxy that serves the gateway under a prefix.
 * @param {string} method the HTTP method
 * @param {string} path the path, from /api/v1
 * @param {object} [options] `body` (sent as JSON), `headers`, `as` (a credential for this call only)
 * @returns {Promise<{status: number, headers: Headers, data: any}>}
 * @throws {Problem} for every answer that is not a success
 */
export async function call(method, path, options = {}) {
  const headers = { Accept: 'application/json, application/problem+json', ...options.headers };
  const sending = options.as ?? credential;
  if (sending) headers[sending.header] = sending.value;
  let body;
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  let response;
  try {
    response = await fetch(path.replace(/^\//, ''), { method, headers, body, cache: 'no-store', credentials: 'omit' });
  } catch (failure) {
    throw new Problem(0, { title: 'Gateway unreachable', detail: failure.message });
  }
  const data = await readJson(response);
  if (response.ok) return { status: response.status, headers: response.headers, data };
  const problem = new Problem(response.status, isObject(data) ? data : { title: response.statusText },
    Number(response.headers.get('Retry-After')) || 0);
  if (response.status === 401 && !options.as && sending && sending === credential) {
    credential = null;
    onSessionEnd(problem);
  }
  throw problem;
}

/**
 * Follows a Server-Sent Events stream of the API (`text/event-stream`) until the gateway ends it, the signal
 * aborts it, or it is lost. EventSource cannot send the credential header, so this reads the stream with fetch.
 * @param {string} path the path, from /api/v1
 * @param {object} options `onEvent` ({id, event, data} with data parsed as JSON), `lastEventId` (to resume after
 *   it), `signal` (an AbortSignal)
 * @returns {Promise<void>} settled when the stream ends
 * @throws {Problem} when the gateway refuses the stream or cannot be reached
 */
export async function stream(path, options) {
  const headers = { Accept: 'text/event-stream, application/problem+json' };
  if (options.lastEventId) headers['Last-Event-ID'] = options.lastEventId;
  const sending = credential;
  if (sending) headers[sending.header] = sending.value;
  let response;
  try {
    response = await fetch(path.replace(/^\//, ''), { headers, cache: 'no-store', credentials: 'omit', signal: options.signal });
  } catch (failure) {
    if (failure.name === 'AbortError') return;
    throw new Problem(0, { title: 'Gateway unreachable', detail: failure.message });
  }
  if (!response.ok) {
    const data = await readJson(response);
    const problem = new Problem(response.status, isObject(data) ? data : { title: response.statusText },
      Number(response.headers.get('Retry-After')) || 0);
    if (response.status === 401 && sending && sending === credential) {
      credential = null;
      onSessionEnd(problem);
    }
    throw problem;
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  const parser = eventParser(options.onEvent);
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      parser(value);
    }
  } catch (failure) {
    if (failure.name === 'AbortError') return;
    throw new Problem(0, { title: 'Watch stream lost', detail: failure.message });
  }
}

/** @returns a function that takes the stream's text in chunks and calls onEvent at the end of each event */
function eventParser(onEvent) {
  let pending = '';
  let id = null;
  let event = 'message';
  let data = null;
  return (chunk) => {
    const lines = (pending + chunk).split(/\r\n|\r|\n/);
    pending = lines.pop();
    for (const line of lines) {
      if (line === '') {
        if (data !== null) onEvent({ id, event, data: JSON.parse(data) });
        event = 'message';
        data = null;
        continue;
      }
      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'id') id = value;
      else if (field === 'event') event = value;
      else if (field === 'data') data = data === null ? value : `${data}\n${value}`;
    }
  };
}

/** @returns a one-line text for any failure: a problem's description, or an error's message */
export function describe(failure) {
  return failure instanceof Problem ? failure.describe() : String(failure?.message ?? failure);
}

async function readJson(response) {
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return { title: response.statusText, detail: text.slice(0, 200) };
  }
}

const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);
