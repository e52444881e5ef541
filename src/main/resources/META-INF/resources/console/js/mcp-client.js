// An MCP client of /mcp, the endpoint agents use, for both eras:
// - session (2025-11-25): initialize + notifications/initialized, Mcp-Session-Id and MCP-Protocol-Version on every
//   later request; a server request (elicitation/create) arrives inside the call's SSE stream and is answered by
//   POSTing a JSON-RPC response;
// - stateless (2026-07-28): no handshake; every request carries MCP-Protocol-Version, Mcp-Method, Mcp-Name,
//   Mcp-Param-* and _meta (protocol version, client info, capabilities, log level); elicitation comes back as an
//   input_required result, and the same request is sent again with inputResponses and the requestState.
import {sseEvents} from './sse.js';
import {authHeaders, checkAuth} from './token.js';

export const ERAS = {
  session: {version: '2025-11-25', label: 'Session (2025-11-25)'},
  stateless: {version: '2026-07-28', label: 'Stateless (2026-07-28)'},
};

export const CLIENT_INFO = {name: 'switchboard-console', version: '1'};
// extensions: the console is an MCP Apps host (apps-host.js), it renders views of this MIME type.
const CAPABILITIES = {
  elicitation: {},
  extensions: {'io.modelcontextprotocol/ui': {mimeTypes: ['text/html;profile=mcp-app']}},
};
const ENDPOINT = '/mcp';
const MAX_INPUT_ROUNDS = 10;

/** A JSON-RPC error (or an HTTP refusal carrying one), with the server's message untouched. */
export class McpError extends Error {
  constructor(error, status) {
    super(error?.message ?? `HTTP ${status}`);
    this.code = error?.code;
    this.data = error?.data;
    this.status = status;
  }
}

export class McpClient {
  constructor(era) {
    if (!ERAS[era]) throw new Error(`unknown era ${era}`);
    this.era = era;
    this.protocolVersion = ERAS[era].version;
    this.sessionId = null;
    this.serverInfo = null;
    this.capabilities = null;
    this.tools = new Map();
    this.nextId = 1;
  }

  /** Session era: the handshake; stateless: server/discover. Returns the server's identity. */
  async connect() {
    if (this.era === 'session') {
      const result = await this.request('initialize', {
        protocolVersion: this.protocolVersion,
        capabilities: CAPABILITIES,
        clientInfo: CLIENT_INFO,
      });
      this.protocolVersion = result.protocolVersion;
      this.serverInfo = result.serverInfo;
      this.capabilities = result.capabilities;
      await this.notify('notifications/initialized');
      if (this.capabilities?.logging) await this.request('logging/setLevel', {level: 'info'});
    } else {
      const result = await this.request('server/discover', {});
      this.serverInfo = result._meta?.['io.modelcontextprotocol/serverInfo'] ?? null;
      this.capabilities = result.capabilities;
    }
    return this.serverInfo;
  }

  /** Session era: DELETE /mcp ends the session (stateless has nothing to end). */
  async close() {
    if (this.era === 'session' && this.sessionId) {
      const id = this.sessionId;
      this.sessionId = null;
      // keepalive: the DELETE still goes out when the page is closing
      await fetch(ENDPOINT, {method: 'DELETE', keepalive: true, headers: {'Mcp-Session-Id': id, ...authHeaders()}}).catch(() => {});
    }
  }

  /** Every item of a paginated list (tools/list → 'tools', ...), following nextCursor. */
  async listAll(method, key) {
    const items = [];
    let cursor;
    for (let page = 0; page < 100; page++) {
      const result = await this.request(method, cursor ? {cursor} : {});
      items.push(...(result[key] || []));
      cursor = result.nextCursor;
      if (!cursor) break;
    }
    if (method === 'tools/list') this.tools = new Map(items.map((tool) => [tool.name, tool]));
    return items;
  }

  /**
   * Sends a request and resolves with its result. handlers: onProgress(params), onLog(params),
   * onElicit(params) → Promise<{action, content?}>, signal (an AbortSignal; aborting cancels the request).
   */
  async request(method, params = {}, handlers = {}) {
    let round = {...params};
    for (let rounds = 0; ; rounds++) {
      const result = await this.#send(method, round, handlers);
      if (this.era !== 'stateless' || result?.resultType !== 'input_required') return result;
      if (rounds >= MAX_INPUT_ROUNDS) throw new Error(`The server still asked for input after ${rounds} rounds`);
      const inputResponses = {};
      for (const [key, input] of Object.entries(result.inputRequests || {})) {
        inputResponses[key] = await this.#answer(input.method, input.params, handlers);
      }
      round = {...params, inputResponses};
      if (result.requestState !== undefined) round.requestState = result.requestState;
    }
  }

  /** A notification: 202 and no body expected. */
  async notify(method, params) {
    const message = {jsonrpc: '2.0', method};
    if (params) message.params = params;
    const response = await this.#post(message, method, params);
    if (!response.ok) await this.#fail(response);
  }

  async #send(method, params, handlers) {
    const id = this.nextId++;
    const message = {jsonrpc: '2.0', id, method, params: this.#withMeta(params)};
    const signal = handlers.signal;
    const onAbort = () => {
      // Session era: tell the server; stateless: closing the stream is the cancellation.
      if (this.era === 'session') this.notify('notifications/cancelled', {requestId: id, reason: 'Cancelled in the console'}).catch(() => {});
    };
    signal?.addEventListener('abort', onAbort, {once: true});
    try {
      const response = await this.#post(message, method, params, signal);
      if (method === 'initialize' && response.ok) this.sessionId = response.headers.get('Mcp-Session-Id');
      if (!response.ok) await this.#fail(response);
      const type = response.headers.get('Content-Type') || '';
      if (type.startsWith('text/event-stream')) return await this.#readStream(response, id, handlers, signal);
      return this.#settle(await response.json(), response.status);
    } catch (error) {
      // However the abort surfaces (the fetch, the body stream), the user cancelled.
      if (signal?.aborted) throw new Error('Cancelled');
      throw error;
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
  }

  async #readStream(response, id, handlers, signal) {
    for await (const event of sseEvents(response, signal)) {
      if (!event.data) continue; // priming event or keep-alive
      const message = JSON.parse(event.data);
      if (message.method && message.id !== undefined) {
        this.#serveRequest(message, handlers); // not awaited: the stream goes on while the user answers
      } else if (message.method === 'notifications/progress') {
        handlers.onProgress?.(message.params);
      } else if (message.method === 'notifications/message') {
        handlers.onLog?.(message.params);
      } else if (message.id === id) {
        return this.#settle(message, response.status);
      }
    }
    if (signal?.aborted) throw new Error('Cancelled');
    throw new Error('The stream ended without a response');
  }

  /** Session era: a server request inside the stream; the answer is POSTed as a JSON-RPC response. */
  async #serveRequest(request, handlers) {
    let reply;
    try {
      reply = {jsonrpc: '2.0', id: request.id, result: await this.#answer(request.method, request.params, handlers)};
    } catch (error) {
      reply = {jsonrpc: '2.0', id: request.id, error: {code: error.code ?? -32603, message: error.message}};
    }
    const response = await this.#post(reply, null, null);
    if (!response.ok) handlers.onLog?.({level: 'error', logger: 'console', data: `Answering ${request.method}: HTTP ${response.status}`});
  }

  async #answer(method, params, handlers) {
    if (method === 'ping') return {};
    if (method === 'elicitation/create' && handlers.onElicit) return handlers.onElicit(params);
    const error = new Error(`The console does not handle ${method}`);
    error.code = -32601;
    throw error;
  }

  #settle(message, status) {
    if (message.error) throw new McpError(message.error, status);
    return message.result;
  }

  async #fail(response) {
    let error = null;
    try {
      error = (await response.json()).error;
    } catch {
      // no JSON-RPC body: the HTTP status says it
    }
    if (response.status === 404 && this.era === 'session' && this.sessionId) {
      this.sessionId = null;
      error = {...error, message: `${error?.message || 'Session not found'} (HTTP 404: connect again)`};
    }
    throw new McpError(error ?? {message: `HTTP ${response.status} ${response.statusText}`}, response.status);
  }

  #withMeta(params) {
    if (this.era !== 'stateless') return params;
    return {
      ...params,
      _meta: {
        ...(params?._meta || {}),
        'io.modelcontextprotocol/protocolVersion': this.protocolVersion,
        'io.modelcontextprotocol/clientInfo': CLIENT_INFO,
        'io.modelcontextprotocol/clientCapabilities': CAPABILITIES,
        'io.modelcontextprotocol/logLevel': 'info',
      },
    };
  }

  #post(message, method, params, signal) {
    const headers = {
      'Content-Type': 'application/json',
      Accept: 'application/json, text/event-stream',
      ...authHeaders(),
    };
    if (this.era === 'session') {
      if (this.sessionId) headers['Mcp-Session-Id'] = this.sessionId;
      if (method !== 'initialize') headers['MCP-Protocol-Version'] = this.protocolVersion;
    } else {
      headers['MCP-Protocol-Version'] = this.protocolVersion;
      if (method) headers['Mcp-Method'] = method;
      const name = method === 'resources/read' ? params?.uri
        : (method === 'tools/call' || method === 'prompts/get') ? params?.name : undefined;
      if (name !== undefined) headers['Mcp-Name'] = headerValue(String(name));
      if (method === 'tools/call') Object.assign(headers, this.#paramHeaders(params));
    }
    return fetch(ENDPOINT, {method: 'POST', headers, body: JSON.stringify(message), signal, cache: 'no-store'})
      .then((response) => checkAuth(response, '/mcp'));
  }

  /** Mcp-Param-* for the arguments the tool marks x-mcp-header (nested object properties too). */
  #paramHeaders(params) {
    const headers = {};
    const walk = (schema, value) => {
      for (const [name, property] of Object.entries(schema?.properties || {})) {
        const argument = value?.[name];
        if (argument === undefined || argument === null) continue;
        if (property['x-mcp-header']) headers[`Mcp-Param-${property['x-mcp-header']}`] = headerValue(String(argument));
        else if (property.type === 'object' && typeof argument === 'object') walk(property, argument);
      }
    };
    walk(this.tools.get(params?.name)?.inputSchema, params?.arguments);
    return headers;
  }
}

/** Visible ASCII goes as it is; anything else in the Base64 sentinel form =?base64?…?= (MCP 2026-07-28). */
export function headerValue(value) {
  if (/^[\x20-\x7E\t]*$/.test(value) && value.trim() === value) return value;
  const bytes = new TextEncoder().encode(value);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `=?base64?${btoa(binary)}?=`;
}
