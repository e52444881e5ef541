// The console as an MCP Apps host (extension io.modelcontextprotocol/ui, SEP-1865, 2026-01-26): a tool whose
// descriptor names a view (_meta.ui.resourceUri, a ui:// resource) gets that view rendered under its result in Try it.
// The view's HTML is read through the console's own McpClient (once per URI and connection) and runs inside the
// console's sandbox proxy (view-frame.html, which applies the view's CSP); an AppView is the host side of one view instance: it answers the view's JSON-RPC requests over
// postMessage, proxies its tools/call and resources/read to the server, and hands it the tool's input and result.
import {h} from './dom.js';
import {CLIENT_INFO} from './mcp-client.js';

export const UI_EXTENSION = 'io.modelcontextprotocol/ui';
export const APP_MIME_TYPE = 'text/html;profile=mcp-app';
const APPS_PROTOCOL = '2026-01-26';
const MAX_HEIGHT = 800; // px: what the view is told (containerDimensions.maxHeight) and what size-changed is held to
const TEARDOWN_WAIT_MS = 500;
const START_WAIT_MS = 10_000; // a view that sent no ui/initialize by then is reported as not started
const PERMISSIONS = {camera: 'camera', microphone: 'microphone', geolocation: 'geolocation', clipboardWrite: 'clipboard-write'};
const SANDBOX_PROXY = 'view-frame.html'; // served with its own CSP (ConsoleGate): see the comment in start()

/** The ui:// URI of a tool's view when both sides declared the extension, else null. */
export function viewUri(client, tool) {
  const declared = client?.capabilities?.extensions?.[UI_EXTENSION];
  if (!declared || typeof declared !== 'object') return null;
  const uri = tool?._meta?.ui?.resourceUri ?? tool?._meta?.['ui/resourceUri']; // the flat key: its deprecated form
  return typeof uri === 'string' && uri.startsWith('ui://') ? uri : null;
}

/** A tool only views may call: its visibility is listed and lacks "model". */
export function isAppOnly(tool) {
  const visibility = tool?._meta?.ui?.visibility;
  return Array.isArray(visibility) && !visibility.includes('model');
}

function callableByApps(tool) {
  const visibility = tool?._meta?.ui?.visibility;
  return !Array.isArray(visibility) || visibility.includes('app');
}

const viewCache = new WeakMap(); // McpClient → Map(uri → Promise of the view's resource content)

/** resources/read of a view, once per URI for a connection: its content with the HTML as text. */
export function readView(client, uri) {
  let views = viewCache.get(client);
  if (!views) viewCache.set(client, views = new Map());
  if (!views.has(uri)) {
    const reading = client.request('resources/read', {uri}).then((result) => {
      const content = (result?.contents || []).find((c) => c.uri === uri) ?? result?.contents?.[0];
      if (!content) throw new Error(`resources/read ${uri} answered no contents`);
      if (content.mimeType !== APP_MIME_TYPE) throw new Error(`${uri} is ${content.mimeType || 'untyped'}, not ${APP_MIME_TYPE}`);
      const text = content.text ?? (content.blob !== undefined ? decodeBase64(content.blob) : undefined);
      if (typeof text !== 'string') throw new Error(`${uri} has neither text nor blob`);
      return {...content, text};
    });
    reading.catch(() => views.delete(uri)); // a failure is not kept: the next call reads again
    views.set(uri, reading);
  }
  return views.get(uri);
}

function decodeBase64(blob) {
  return new TextDecoder().decode(Uint8Array.from(atob(blob), (c) => c.charCodeAt(0)));
}

const darkScheme = window.matchMedia('(prefers-color-scheme: dark)');
const theme = () => (darkScheme.matches ? 'dark' : 'light');

/** The console's look, for views that style themselves after their host. */
const STYLE_VARIABLES = {
  '--color-background-primary': 'light-dark(#ffffff, #1d2430)',
  '--color-background-secondary': 'light-dark(#f6f7f9, #262f3f)',
  '--color-background-info': 'light-dark(#e8f0fd, #233656)',
  '--color-background-danger': 'light-dark(#fdecea, #4a2421)',
  '--color-text-primary': 'light-dark(#1d2430, #e8ecf3)',
  '--color-text-secondary': 'light-dark(#6a7382, #a9b3c4)',
  '--color-text-info': 'light-dark(#2f6fde, #8fb5ff)',
  '--color-text-danger': 'light-dark(#c9372c, #f28b82)',
  '--color-text-success': 'light-dark(#1f8a4c, #6fcf97)',
  '--color-border-primary': 'light-dark(#dfe3ea, #3a4760)',
  '--color-ring-primary': 'light-dark(#2f6fde, #8fb5ff)',
  '--font-sans': 'system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif',
  '--font-mono': 'ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace',
  '--border-radius-md': '6px',
};

class RpcError extends Error {
  constructor(code, message) {
    super(message);
    this.code = code;
  }
}

/**
 * One view instance, the host side of its bridge. options: client (McpClient), tool (its descriptor), uri,
 * arguments (the call's), handlers (passed to the requests the view has the console send: onLog, onElicit),
 * onLog(params) (where the view's notifications/message go). Show `element`, then call start(); then result(r) or
 * cancelled(reason) once the call ends; teardown() before the view goes away.
 */
export class AppView {
  constructor({client, tool, uri, arguments: args, handlers = {}, onLog}) {
    Object.assign(this, {client, tool, uri, args: args ?? {}, handlers, onLog: onLog ?? ((p) => console.debug('MCP App', p))});
    this.initialized = false; // ui/notifications/initialized received: only then may the host send
    this.outbox = [];
    this.pending = new Map(); // id of a host → view request → its resolve
    this.nextId = 1;
    this.closed = false;
    this.frame = null;
    this.status = h('span', {class: 'app-status muted', 'data-testid': 'app-status'}, 'loading…');
    this.body = h('div', {class: 'app-body'}, h('div', {class: 'muted'}, `Reading ${uri}…`));
    this.element = h('section', {class: 'app-view', 'aria-label': `View of ${tool.name}`},
      h('div', {class: 'block-title app-bar'}, 'App view ', h('code', {}, uri), ' · ', this.status),
      this.body);
    this.onMessage = (event) => this.#receive(event);
    this.onTheme = () => this.#send('ui/notifications/host-context-changed', {theme: theme()});
    // The view may speak only once it said initialized: the input waits in the outbox like every notification.
    this.#send('ui/notifications/tool-input', {arguments: this.args});
  }

  /** Reads the view and mounts it; a failure is shown in place of the view. */
  async start() {
    let content;
    try {
      content = await readView(this.client, this.uri);
    } catch (error) {
      if (this.closed) return;
      this.#setStatus('not shown');
      this.body.replaceChildren(h('div', {class: 'outcome error', role: 'alert'}, `The view could not be read: ${error.message}`));
      return;
    }
    if (this.closed) return;
    const ui = content._meta?.ui ?? {};
    // The spec's sandbox proxy for web hosts: view-frame.html in sandbox="allow-scripts" without allow-same-origin, so
    // it and the view inside it run in an opaque origin, distinct from the console's: they reach neither the
    // console's DOM, storage and token, nor /mcp with its credentials. The console's own CSP forbids inline code,
    // which a frame built from srcdoc here would inherit; the proxy is served with a policy of its own and applies
    // the one the view's _meta.ui.csp asks for.
    this.resource = {html: content.text, csp: ui.csp ?? {}, permissions: ui.permissions ?? {}};
    this.frame = h('iframe', {
      class: `app-frame${ui.prefersBorder === false ? '' : ' bordered'}`,
      sandbox: 'allow-scripts',
      // The permissions the view asks for, delegated through the proxy (which sets them on the view's frame too).
      allow: Object.entries(PERMISSIONS).filter(([key]) => ui.permissions?.[key]).map(([, f]) => f).join('; ') || null,
      referrerpolicy: 'no-referrer',
      title: `${this.tool.title || this.tool.name}: view ${this.uri}`,
      'data-testid': 'app-view',
      src: SANDBOX_PROXY,
    });
    window.addEventListener('message', this.onMessage);
    darkScheme.addEventListener('change', this.onTheme);
    this.body.replaceChildren(this.frame);
    this.startTimer = setTimeout(() => {
      if (!this.closed && !this.initialized) {
        this.#setStatus('not started');
        this.body.append(h('div', {class: 'view-problem', role: 'alert'},
          `The view sent no ui/initialize within ${START_WAIT_MS / 1000} s: its scripts did not run or failed (see the browser's console).`));
      }
    }, START_WAIT_MS);
  }

  /** The call's CallToolResult, delivered once the view is initialized. */
  result(callResult) {
    this.#send('ui/notifications/tool-result', callResult);
  }

  /** The call was cancelled or failed without a result. */
  cancelled(reason) {
    this.#send('ui/notifications/tool-cancelled', reason ? {reason} : {});
  }

  /** Asks the view to tear down (at most TEARDOWN_WAIT_MS), then stops listening. The caller removes the element. */
  async teardown(reason = 'The view is closed') {
    if (this.closed || this.closing) return;
    this.closing = true;
    // Out of the page's test ids at once: the next view's frame may be there before this one is gone.
    this.frame?.removeAttribute('data-testid');
    this.status.removeAttribute('data-testid');
    if (this.initialized) {
      await Promise.race([this.#request('ui/resource-teardown', {reason}), new Promise((r) => setTimeout(r, TEARDOWN_WAIT_MS))]);
    }
    this.closed = true;
    clearTimeout(this.startTimer);
    window.removeEventListener('message', this.onMessage);
    darkScheme.removeEventListener('change', this.onTheme);
    for (const resolve of this.pending.values()) resolve(undefined);
    this.pending.clear();
  }

  #receive(event) {
    // Only this instance's frame; its origin is opaque ("null"), so the source window is what identifies it.
    if (this.closed || !this.frame || event.source !== this.frame.contentWindow) return;
    const message = event.data;
    if (!message || typeof message !== 'object' || message.jsonrpc !== '2.0') return;
    const isId = (id) => typeof id === 'string' || (typeof id === 'number' && Number.isFinite(id));
    if (typeof message.method === 'string') {
      if (message.id === undefined) this.#notification(message.method, message.params);
      else if (isId(message.id)) this.#serve(message);
    } else if (isId(message.id) && ('result' in message || 'error' in message)) {
      this.pending.get(message.id)?.(message);
      this.pending.delete(message.id);
    }
  }

  async #serve({id, method, params}) {
    let reply;
    try {
      reply = {jsonrpc: '2.0', id, result: await this.#answer(method, params && typeof params === 'object' ? params : {})};
    } catch (error) {
      reply = {jsonrpc: '2.0', id, error: {code: Number.isInteger(error.code) ? error.code : -32603, message: error.message}};
      if (error.data !== undefined) reply.error.data = error.data;
    }
    this.#post(reply);
  }

  async #answer(method, params) {
    switch (method) {
      case 'ui/initialize':
        this.#setStatus('starting…');
        return {
          protocolVersion: APPS_PROTOCOL,
          hostInfo: {name: CLIENT_INFO.name, version: CLIENT_INFO.version},
          hostCapabilities: {serverTools: {}, serverResources: {}, logging: {}},
          hostContext: this.#hostContext(),
        };
      case 'ping':
        return {};
      case 'tools/call': {
        const target = this.client.tools.get(params.name);
        if (!target) throw new RpcError(-32601, `Unknown tool "${params.name}": the server did not list it`);
        if (!callableByApps(target)) {
          throw new RpcError(-32000, `The tool "${params.name}" is not callable from a view: its _meta.ui.visibility lacks "app"`);
        }
        this.onLog({level: 'info', logger: 'view', data: `tools/call ${params.name}`});
        return this.client.request('tools/call', {name: params.name, arguments: params.arguments ?? {}}, this.handlers);
      }
      case 'resources/read':
        if (typeof params.uri !== 'string') throw new RpcError(-32602, 'resources/read needs a uri');
        return this.client.request('resources/read', {uri: params.uri}, this.handlers);
      case 'ui/request-display-mode':
        return {mode: 'inline'};
      default:
        throw new RpcError(-32601, `${method} is not supported by this host (the Switchboard console)`);
    }
  }

  #notification(method, params) {
    switch (method) {
      case 'ui/notifications/sandbox-proxy-ready':
        // Before the view exists: this goes to the proxy, not through the outbox that waits for the view.
        if (this.resource) this.#post({jsonrpc: '2.0', method: 'ui/notifications/sandbox-resource-ready', params: this.resource});
        this.resource = null;
        return;
      case 'ui/notifications/initialized':
        if (this.initialized) return;
        this.initialized = true;
        this.#setStatus('ready');
        for (const message of this.outbox.splice(0)) this.#post(message);
        return;
      case 'ui/notifications/size-changed': {
        const height = Number(params?.height);
        if (this.frame && Number.isFinite(height) && height >= 0) this.frame.style.height = `${Math.min(Math.ceil(height), MAX_HEIGHT)}px`;
        return;
      }
      case 'notifications/message':
        this.onLog({level: params?.level || 'info', logger: params?.logger ? `view ${params.logger}` : 'view', data: params?.data});
        return;
      default:
        // Other notifications (e.g. ui/notifications/request-teardown) need nothing from this host.
    }
  }

  #hostContext() {
    return {
      theme: theme(),
      toolInfo: {tool: this.tool},
      displayMode: 'inline',
      availableDisplayModes: ['inline'],
      containerDimensions: {maxHeight: MAX_HEIGHT},
      locale: navigator.language,
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      platform: 'web',
      userAgent: `${CLIENT_INFO.name}/${CLIENT_INFO.version}`,
      styles: {variables: STYLE_VARIABLES},
    };
  }

  /** A notification to the view; queued until the view said initialized. */
  #send(method, params) {
    const message = {jsonrpc: '2.0', method, params};
    if (this.closing || this.closed) return;
    if (this.initialized) this.#post(message);
    else this.outbox.push(message);
  }

  #request(method, params) {
    const id = `host-${this.nextId++}`;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.#post({jsonrpc: '2.0', id, method, params});
    });
  }

  #post(message) {
    // "*": a sandboxed frame's origin is opaque, no origin names it; the message goes to this frame's window only.
    if (!this.closed) this.frame?.contentWindow?.postMessage(message, '*');
  }

  #setStatus(text) {
    this.status.textContent = text;
  }
}
