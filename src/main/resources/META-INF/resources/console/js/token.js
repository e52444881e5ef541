// The bearer token typed in the header, kept for this tab only (sessionStorage), and the banner shown when /mcp or
// /console/api refuses the caller.

const KEY = 'switchboard.console.token';
const listeners = new Set();
const problems = new Map(); // what refused (/mcp, the console API) → its message: one's success does not hide the other's refusal

export function token() {
  return sessionStorage.getItem(KEY) || '';
}

export function setToken(value) {
  const trimmed = (value || '').trim();
  if (trimmed) sessionStorage.setItem(KEY, trimmed);
  else sessionStorage.removeItem(KEY);
}

/** Authorization header when a token is set. */
export function authHeaders() {
  const value = token();
  return value ? {Authorization: `Bearer ${value}`} : {};
}

/** Called with the refusals' messages on 401/403 (or null once each refused API has answered again). */
export function onAuthProblem(listener) {
  listeners.add(listener);
}

/** Looks at a response's status and tells the listeners; returns the response. */
export function checkAuth(response, what) {
  if (response.status === 401) {
    notify(what, token()
      ? `${what} refused the bearer token (401): it is expired, forged or for another audience. Paste a fresh token with the admin scope.`
      : `${what} needs a bearer token (401): this console needs a token with the admin scope. Paste one in "Bearer token".`);
  } else if (response.status === 403) {
    // The server names the missing scope in its challenge (error="insufficient_scope", scope="...").
    const scope = /scope="([^"]*)"/.exec(response.headers.get('WWW-Authenticate') || '')?.[1];
    notify(what, scope
      ? `${what} refused the token (403): it lacks the scope "${scope}". This console needs a token with the admin scope${what === '/mcp' ? ', and the MCP scope for Try it' : ''}.`
      : `${what} answered 403: this console needs a token with the admin scope (or this page's origin is not allowed).`);
  } else if (response.ok) {
    notify(what, null);
  }
  return response;
}

function notify(what, message) {
  if (message) problems.set(what, message);
  else if (!problems.delete(what)) return;
  const shown = [...problems.values()].join(' ') || null;
  for (const listener of listeners) listener(shown);
}
