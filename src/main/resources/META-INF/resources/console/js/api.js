// The console's own read API (/console/api), with the bearer token when set.
import {authHeaders, checkAuth} from './token.js';

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

async function call(method, path) {
  const response = checkAuth(await fetch(`/console/api/${path}`, {
    method,
    headers: {Accept: 'application/json', ...authHeaders()},
    cache: 'no-store',
  }), 'The console API');
  if (response.status === 204) return null;
  const text = await response.text();
  let body = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // not JSON: reported below with the raw text
  }
  if (!response.ok) {
    const message = body && (body.message || body.error?.message || body.error || body.title);
    throw new ApiError(response.status, `${method} /console/api/${path}: HTTP ${response.status}${message ? ` – ${message}` : text ? ` – ${text.slice(0, 200)}` : ''}`);
  }
  return body;
}

export const api = {
  overview: () => call('GET', 'overview'),
  sessions: (limit = 100) => call('GET', `sessions?limit=${limit}`),
  endSession: (id) => call('DELETE', `sessions/${encodeURIComponent(id)}`),
  tasks: (limit = 50) => call('GET', `tasks?limit=${limit}`),
  metrics: () => call('GET', 'metrics'),
  upstreams: () => call('GET', 'upstreams'),
};
