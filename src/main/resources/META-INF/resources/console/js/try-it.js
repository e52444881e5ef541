// "Try it": the console as an MCP client of /mcp in either era: lists tools, resources, templates and prompts, calls
// a tool from a generated form with live progress and logs, answers elicitations in the page, renders results, and
// shows the tool's view (MCP Apps, apps-host.js) under its result when it has one.
import {AppView, isAppOnly, viewUri} from './apps-host.js';
import {append, h, replace} from './dom.js';
import {ERAS, McpClient} from './mcp-client.js';
import {buildForm, FormError} from './schema-form.js';
import {errorBox, jsonBlock, promptMessages, renderToolResult, resourceContents} from './render.js';

export function tryIt(root) {
  let client = null;
  let era = 'session';
  let running = null; // the AbortController of the call in progress
  let app = null; // the AppView shown, if any
  const leaving = new Set(); // elements of views being torn down: kept in the page, hidden, until they answered
  const catalog = {tools: [], resources: [], resourceTemplates: [], prompts: []};

  const status = h('div', {class: 'connection', 'data-testid': 'connection'}, 'Not connected');
  const eraChoice = h('div', {class: 'era-choice', role: 'radiogroup', 'aria-label': 'Protocol era'},
    Object.entries(ERAS).map(([key, info]) => h('label', {class: 'era'},
      h('input', {type: 'radio', name: 'era', value: key, checked: key === era, onchange: () => connect(key)}),
      ` ${info.label}`)));
  const reconnect = h('button', {type: 'button', onclick: () => connect(era)}, 'Reconnect');
  const lists = h('nav', {class: 'catalog', 'aria-label': 'Server features'});
  const detail = h('section', {class: 'detail', 'aria-live': 'polite'},
    h('p', {class: 'muted'}, 'Choose a tool, a resource or a prompt.'));

  replace(root,
    h('div', {class: 'toolbar'}, eraChoice, reconnect, status),
    h('div', {class: 'try-layout'}, lists, detail));

  /**
   * Tears the view shown down: hidden at once, removed once it answered ui/resource-teardown (at most 500 ms later;
   * removing its iframe earlier would end it before it could answer).
   */
  function closeApp(reason) {
    const view = app;
    app = null;
    if (!view) return;
    view.element.hidden = true;
    leaving.add(view.element);
    view.teardown(reason).finally(() => {
      leaving.delete(view.element);
      view.element.remove();
    });
  }

  /** Replaces what the detail pane shows, but not the views being torn down (hidden) that it still holds. */
  function showDetail(...children) {
    for (const node of [...detail.childNodes]) {
      if (![...leaving].some((element) => node.contains(element))) node.remove();
    }
    detail.insertBefore(append(document.createDocumentFragment(), children), detail.firstChild);
  }

  async function connect(next) {
    running?.abort();
    closeApp('The console reconnects');
    const previous = client;
    era = next;
    client = null;
    previous?.close();
    status.replaceChildren(`Connecting (${ERAS[era].label})…`);
    replace(lists);
    try {
      const candidate = new McpClient(era);
      const server = await candidate.connect();
      const [tools, resources, resourceTemplates, prompts] = await Promise.all([
        candidate.listAll('tools/list', 'tools'),
        candidate.listAll('resources/list', 'resources'),
        candidate.listAll('resources/templates/list', 'resourceTemplates'),
        candidate.listAll('prompts/list', 'prompts'),
      ]);
      if (era !== next) { // the user switched again meanwhile
        candidate.close();
        return;
      }
      client = candidate;
      Object.assign(catalog, {tools, resources, resourceTemplates, prompts});
      status.replaceChildren(
        h('span', {class: 'dot ok'}), ` ${server?.title || server?.name || 'server'} ${server?.version || ''} · protocol ${client.protocolVersion}`,
        client.sessionId ? h('span', {class: 'muted'}, ' · session ', h('code', {title: client.sessionId}, `${client.sessionId.slice(0, 8)}…`)) : h('span', {class: 'muted'}, ' · no session'));
      renderLists();
    } catch (error) {
      status.replaceChildren(h('span', {class: 'dot bad'}), ` Could not connect: ${error.message}`);
    }
  }

  function renderLists() {
    const section = (title, items, describe, open) => h('div', {class: 'catalog-section'},
      h('h3', {}, title, h('span', {class: 'count'}, ` ${items.length}`)),
      items.length
        ? h('ul', {}, items.map((item) => {
          const {key, label, hint, appOnly} = describe(item);
          return h('li', {}, h('button', {type: 'button', class: `item${appOnly ? ' app-only' : ''}`, dataset: {item: key},
            title: appOnly ? `${hint || label} (app only: meant to be called by its views, not by the model)` : hint || '',
            onclick: (event) => {
              for (const selected of lists.querySelectorAll('.item.selected')) selected.classList.remove('selected');
              event.currentTarget.classList.add('selected');
              open(item);
            }}, label, appOnly ? h('span', {class: 'tag app-only'}, 'app only') : null));
        }))
        : h('p', {class: 'muted'}, 'None'));
    replace(lists,
      section('Tools', catalog.tools, (tool) => ({key: tool.name, label: tool.name, hint: tool.title, appOnly: isAppOnly(tool)}), showTool),
      section('Resources', catalog.resources, (r) => ({key: r.uri, label: r.name || r.uri, hint: r.uri}), showResource),
      section('Resource templates', catalog.resourceTemplates, (t) => ({key: t.uriTemplate, label: t.name || t.uriTemplate, hint: t.uriTemplate}), showTemplate),
      section('Prompts', catalog.prompts, (p) => ({key: p.name, label: p.name, hint: p.title}), showPrompt));
  }

  const readResource = (uri) => client.request('resources/read', {uri});

  function heading(title, subtitle, description) {
    return [h('h2', {}, title), subtitle ? h('div', {class: 'subtitle'}, subtitle) : null, description ? h('p', {class: 'description'}, description) : null];
  }

  function showTool(tool) {
    running?.abort();
    closeApp();
    const form = buildForm(tool.inputSchema);
    const progress = h('progress', {max: 1, value: 0, hidden: true, 'data-testid': 'progress'});
    const progressText = h('span', {class: 'progress-text muted'});
    const logs = h('ol', {class: 'logs', hidden: true, 'data-testid': 'logs'});
    const elicitation = h('div', {class: 'elicitation-area'});
    const output = h('div', {class: 'output', 'data-testid': 'output'});
    const appArea = h('div', {class: 'app-area'});
    const callButton = h('button', {type: 'submit', class: 'primary'}, 'Call tool');
    const cancelButton = h('button', {type: 'button', hidden: true, onclick: () => running?.abort()}, 'Cancel');
    const annotations = Object.entries(tool.annotations || {}).filter(([key]) => key !== 'title')
      .map(([key, value]) => h('span', {class: 'tag'}, `${key}: ${value}`));
    const uri = viewUri(client, tool);
    if (uri) annotations.push(h('span', {class: 'tag view-tag', title: 'Its view is shown under the result (MCP Apps)'}, `view: ${uri}`));
    if (isAppOnly(tool)) annotations.push(h('span', {class: 'tag app-only', title: 'Its visibility lacks "model": meant to be called by its views'}, 'app only'));
    const log = (entry) => {
      logs.hidden = false;
      logs.append(h('li', {class: `log level-${entry.level}`}, h('span', {class: 'level'}, entry.level),
        entry.logger ? h('span', {class: 'logger'}, ` ${entry.logger}`) : null, ' ',
        typeof entry.data === 'string' ? entry.data : JSON.stringify(entry.data)));
    };
    const onElicit = (params) => elicit(elicitation, params);

    const submit = async (event) => {
      event.preventDefault();
      let args;
      try {
        args = form.read();
      } catch (error) {
        if (!(error instanceof FormError)) throw error;
        replace(output, errorBox(error));
        return;
      }
      closeApp(); // the previous call's view
      const controller = new AbortController();
      running = controller;
      callButton.disabled = true;
      cancelButton.hidden = false;
      progress.hidden = true;
      progress.removeAttribute('value');
      progressText.textContent = '';
      replace(logs);
      logs.hidden = true;
      replace(output, h('div', {class: 'muted'}, 'Calling…'));
      const token = `console-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
      const started = performance.now();
      const view = uri ? new AppView({client, tool, uri, arguments: args, handlers: {onLog: log, onElicit}, onLog: log}) : null;
      if (view) {
        app = view;
        appArea.append(view.element);
        view.start();
      }
      try {
        const result = await client.request('tools/call', {name: tool.name, arguments: args, _meta: {progressToken: token}}, {
          signal: controller.signal,
          onProgress: (p) => {
            progress.hidden = false;
            if (p.total) {
              progress.max = p.total;
              progress.value = p.progress;
            }
            progressText.textContent = `${p.progress}${p.total ? ` / ${p.total}` : ''}${p.message ? ` – ${p.message}` : ''}`;
          },
          onLog: log,
          onElicit,
        });
        replace(output, h('div', {class: 'muted timing'}, `${Math.round(performance.now() - started)} ms`), renderToolResult(result, {readResource}));
        view?.result(result);
      } catch (error) {
        replace(output, errorBox(error));
        view?.cancelled(error.message);
      } finally {
        if (running === controller) running = null;
        replace(elicitation);
        callButton.disabled = false;
        cancelButton.hidden = true;
      }
    };

    showDetail(
      heading(tool.name, tool.title, tool.description),
      annotations.length ? h('div', {class: 'tags'}, annotations) : null,
      h('form', {class: 'tool-form', 'data-testid': 'tool-form', onsubmit: submit}, form.element, h('div', {class: 'actions'}, callButton, cancelButton)),
      h('div', {class: 'progress-row'}, progress, progressText),
      logs,
      elicitation,
      output,
      appArea,
      h('details', {class: 'raw'}, h('summary', {}, 'Tool definition'), jsonBlock(tool)));
  }

  function showResource(resource) {
    closeApp();
    const output = h('div', {class: 'output'});
    const read = async () => {
      replace(output, h('div', {class: 'muted'}, 'Reading…'));
      try {
        replace(output, resourceContents((await readResource(resource.uri)).contents || []));
      } catch (error) {
        replace(output, errorBox(error));
      }
    };
    showDetail(heading(resource.name || resource.uri, resource.title, resource.description),
      h('div', {class: 'resource-meta'}, h('code', {}, resource.uri), resource.mimeType ? ` · ${resource.mimeType}` : ''),
      h('div', {class: 'actions'}, h('button', {type: 'button', class: 'primary', onclick: read}, 'Read')),
      output);
    read();
  }

  function showTemplate(template) {
    closeApp();
    const names = [...template.uriTemplate.matchAll(/\{[+#./;?&]?([^}]+)\}/g)].flatMap((m) => m[1].split(',').map((n) => n.replace(/\*$|:\d+$/, '')));
    const form = buildForm({type: 'object', required: names, properties: Object.fromEntries(names.map((n) => [n, {type: 'string'}]))});
    const output = h('div', {class: 'output'});
    const submit = async (event) => {
      event.preventDefault();
      const values = form.read();
      const uri = template.uriTemplate.replace(/\{[+#./;?&]?([^}]+)\}/g, (_, list) => list.split(',')
        .map((n) => encodeURIComponent(values[n.replace(/\*$|:\d+$/, '')] ?? '')).join(','));
      replace(output, h('div', {class: 'muted'}, `Reading ${uri}…`));
      try {
        replace(output, resourceContents((await readResource(uri)).contents || []));
      } catch (error) {
        replace(output, errorBox(error));
      }
    };
    showDetail(heading(template.name || template.uriTemplate, template.title, template.description),
      h('div', {class: 'resource-meta'}, h('code', {}, template.uriTemplate)),
      h('form', {onsubmit: submit}, form.element, h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'primary'}, 'Read'))),
      output);
  }

  function showPrompt(prompt) {
    closeApp();
    const args = prompt.arguments || [];
    const form = buildForm({type: 'object', required: args.filter((a) => a.required).map((a) => a.name),
      properties: Object.fromEntries(args.map((a) => [a.name, {type: 'string', title: a.title, description: a.description}]))});
    const elicitation = h('div', {class: 'elicitation-area'});
    const output = h('div', {class: 'output'});
    const submit = async (event) => {
      event.preventDefault();
      replace(output, h('div', {class: 'muted'}, 'Getting…'));
      try {
        const result = await client.request('prompts/get', {name: prompt.name, arguments: form.read()}, {onElicit: (params) => elicit(elicitation, params)});
        replace(output, promptMessages(result, readResource));
      } catch (error) {
        replace(output, errorBox(error));
      } finally {
        replace(elicitation);
      }
    };
    showDetail(heading(prompt.name, prompt.title, prompt.description),
      h('form', {onsubmit: submit}, form.element, h('div', {class: 'actions'}, h('button', {type: 'submit', class: 'primary'}, 'Get prompt'))),
      elicitation,
      output);
  }

  // A closed tab ends its session rather than leaving it to expire.
  window.addEventListener('pagehide', () => {
    closeApp('The page is closing');
    client?.close();
  });
  connect(era);
  return {
    refresh: () => {},
    dispose: () => {
      running?.abort();
      closeApp();
      client?.close();
    },
  };
}

/** Shows an elicitation/create request as a form; resolves with the answer the user picks. */
function elicit(area, params) {
  return new Promise((resolve) => {
    const urlMode = params.mode === 'url';
    const form = urlMode ? null : buildForm(params.requestedSchema || {type: 'object', properties: {}});
    const problems = h('div', {class: 'problems'});
    const done = (answer) => {
      panel.remove();
      resolve(answer);
    };
    const accept = (event) => {
      event.preventDefault();
      if (urlMode) return done({action: 'accept'});
      try {
        done({action: 'accept', content: form.read()});
      } catch (error) {
        replace(problems, errorBox(error));
      }
    };
    const panel = h('form', {class: 'elicitation', 'data-testid': 'elicitation', onsubmit: accept},
      h('div', {class: 'block-title'}, 'The server asks (elicitation/create)'),
      h('p', {class: 'elicitation-message'}, params.message || ''),
      urlMode ? h('p', {}, 'Open ', h('a', {href: params.url, target: '_blank', rel: 'noopener noreferrer'}, params.url), ' then accept.') : form.element,
      problems,
      h('div', {class: 'actions'},
        h('button', {type: 'submit', class: 'primary'}, 'Accept'),
        h('button', {type: 'button', onclick: () => done({action: 'decline'})}, 'Decline'),
        h('button', {type: 'button', onclick: () => done({action: 'cancel'})}, 'Cancel')));
    area.append(panel);
    panel.querySelector('input, select, textarea, button')?.focus();
  });
}
