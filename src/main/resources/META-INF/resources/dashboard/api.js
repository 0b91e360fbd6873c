// Talking to the service as obshell's SDKs do: X-OCS-Header (auth v2) built per request in the browser, and event
// streams read with fetch() because EventSource cannot send headers.

import { offsetMinutes } from './format.js';

const HEADER_LIFETIME_SECONDS = 60; // the SDKs' default lifetime of a header
const RSA_CHUNK = 53;               // the SDKs' chunk size (a 512-bit leftover, docs/auth-protocol.md)

const auth = {
  password: null,          // in memory only: never written to storage, gone with the tab
  headerName: 'X-OCS-Header',
  rsa: null,               // jsencrypt holding the public key of /api/v1/secret, parsed once, not per request
  clockOffsetMs: 0,        // server time minus browser time, so a skewed browser clock still makes valid headers
};

/** The cluster's UTC offset in minutes, from the envelope's timestamp (which is on the cluster's clock). */
let clusterOffset = null;

/** Whether the service wants a password (a public hint the dashboard serves; no /api/v1 request is wasted on it). */
export async function passwordRequired() {
  const response = await fetch('/dashboard/auth.json', { cache: 'no-store', credentials: 'omit' });
  const body = await response.json();
  return body.password_required === true;
}

/** Reads the server's clock from a public route (the envelope's timestamp). */
export async function syncClock() {
  const sent = Date.now();
  const response = await fetch('/api/v1/info', { cache: 'no-store', credentials: 'omit' });
  const body = await json(response);
  const serverMs = Date.parse(body.timestamp);
  if (!Number.isNaN(serverMs)) {
    auth.clockOffsetMs = serverMs - (sent + Date.now()) / 2;
    clusterOffset = offsetMinutes(body.timestamp);
  }
}

/** The cluster's UTC offset in minutes (the browser's while unknown). */
export function clusterOffsetMinutes() {
  return clusterOffset === null ? -new Date().getTimezoneOffset() : clusterOffset;
}

export function setPassword(password) {
  auth.password = password;
  auth.headerName = 'X-OCS-Header';
}

export function forgetPassword() {
  auth.password = null;
}

export function hasPassword() {
  return auth.password !== null;
}

/**
 * fetch() with obshell's auth header when a password is set. Retries once, as the SDKs do, when the service's key
 * changed (code 1: fetch the key again) or when it expects the agent password's header instead.
 */
export async function authFetch(path, options = {}) {
  let response = await send(path, options);
  if (response.status === 401 && auth.password !== null) {
    const error = await errorOf(response.clone());
    if (error && error.code === 1) {
      auth.rsa = null;
      response = await send(path, options);
    } else if (error && error.errCode === 'Security.Authentication.WithAgentPassword') {
      auth.headerName = 'X-OCS-Agent-Header';
      response = await send(path, options);
    }
  }
  return response;
}

/**
 * JSON.parse that keeps 64-bit integers exact: SCNs such as 1729470600123456789 exceed a double's 2^53 and would
 * otherwise show rounded. Such numbers become their decimal text (browsers that give revivers the source text).
 */
export function parseJson(text) {
  return JSON.parse(text, (key, value, context) =>
    typeof value === 'number' && !Number.isSafeInteger(value) && Number.isInteger(value) && context && context.source
      ? context.source : value);
}

/** A response body as JSON, 64-bit integers exact. */
export async function json(response) {
  return parseJson(await response.text());
}

/** The envelope's error object of a failed response, or null when the body is not an envelope. */
export async function errorOf(response) {
  try {
    const body = await json(response);
    return body && body.error ? body.error : null;
  } catch (e) {
    return null;
  }
}

async function send(path, options) {
  const headers = new Headers(options.headers || {});
  if (auth.password !== null) {
    headers.set(auth.headerName, await header(path));
  }
  return fetch(path, { ...options, headers, cache: 'no-store', credentials: 'omit' });
}

/** base64(RSA-PKCS#1-v1.5(JSON in 53-byte chunks)), as the Go SDK builds it: "Keys":null without a body. */
async function header(uri) {
  if (auth.rsa === null) {
    const response = await fetch('/api/v1/secret', { cache: 'no-store', credentials: 'omit' });
    const rsa = new window.JSEncrypt();
    rsa.setPublicKey((await json(response)).data.public_key); // base64 PKCS#1 RSAPublicKey, as obshell serves it
    auth.rsa = rsa;
  }
  const expiry = Math.floor((Date.now() + auth.clockOffsetMs) / 1000) + HEADER_LIFETIME_SECONDS;
  const plain = asciiJson({ Auth: auth.password, Ts: String(expiry), Uri: uri, Keys: null });
  const blocks = [];
  for (let i = 0; i < plain.length; i += RSA_CHUNK) {
    const block = auth.rsa.encrypt(plain.slice(i, i + RSA_CHUNK));
    if (!block) {
      throw new Error('the service public key cannot encrypt the auth header');
    }
    blocks.push(atob(block));
  }
  return btoa(blocks.join(''));
}

/** JSON with every non-ASCII character escaped (as Python's json.dumps does): one byte per character to chunk. */
function asciiJson(value) {
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g,
    c => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}

/**
 * Opens an event stream. Resolves with {ok: true, done} once it is open (done settles when it ends), or with
 * {ok: false, status, error} when the service answered with an envelope instead.
 */
export async function openStream(path, onEvent, signal) {
  const response = await authFetch(path, { headers: { Accept: 'text/event-stream' }, signal });
  const type = response.headers.get('Content-Type') || '';
  if (!response.ok || !type.startsWith('text/event-stream')) {
    return { ok: false, status: response.status, error: await errorOf(response) };
  }
  return { ok: true, done: readEvents(response.body, onEvent) };
}

async function readEvents(body, onEvent) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) {
      return;
    }
    buffer += value.replace(/\r\n?/g, '\n');
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event = { name: 'message', data: [] };
      for (const line of block.split('\n')) {
        if (line.startsWith(':')) {
          event.comment = true;
        } else if (line.startsWith('event:')) {
          event.name = line.slice(6).trim();
        } else if (line.startsWith('data:')) {
          event.data.push(line.slice(5).replace(/^ /, ''));
        }
      }
      onEvent(event.comment && event.data.length === 0 ? { name: 'heartbeat' }
        : { name: event.name, data: parseJson(event.data.join('\n')) });
    }
  }
}
