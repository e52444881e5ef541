// Renders what the server answers: tool results (structuredContent as a JSON tree, content items: text, images,
// audio, resource links, embedded resources), resource contents and prompt messages. Text always as text.
import {h} from './dom.js';

/** A collapsible JSON tree: objects and arrays fold (the first two levels open), scalars colored by type. */
export function jsonTree(value, depth = 0) {
  if (value === null || typeof value !== 'object') return scalar(value);
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
  const summary = Array.isArray(value) ? `[ ${entries.length} ]` : `{ ${entries.length} }`;
  if (!entries.length) return h('span', {class: 'json-punct'}, Array.isArray(value) ? '[]' : '{}');
  return h('details', {class: 'json-node', open: depth < 2},
    h('summary', {class: 'json-punct'}, summary),
    h('ul', {class: 'json-children'}, entries.map(([key, child]) =>
      h('li', {}, h('span', {class: 'json-key'}, Array.isArray(value) ? `${key}` : JSON.stringify(key)), h('span', {class: 'json-punct'}, ': '), jsonTree(child, depth + 1)))));
}

function scalar(value) {
  const type = value === null ? 'null' : typeof value;
  return h('span', {class: `json-${type}`}, type === 'string' ? JSON.stringify(value) : String(value));
}

/** A JSON tree plus a "copy as JSON" raw block. */
export function jsonBlock(value, title) {
  return h('div', {class: 'json-block'},
    title ? h('div', {class: 'block-title'}, title) : null,
    jsonTree(value),
    h('details', {class: 'raw'}, h('summary', {}, 'Raw JSON'), h('pre', {}, JSON.stringify(value, null, 2))));
}

/** A tool result. readResource(uri) → Promise<resources/read result> makes resource links clickable. */
export function renderToolResult(result, {readResource} = {}) {
  const parts = [];
  parts.push(result.isError
    ? h('div', {class: 'outcome error', role: 'alert'}, 'The tool answered with an error (isError: true)')
    : h('div', {class: 'outcome ok'}, 'Result'));
  if (result.structuredContent !== undefined) parts.push(jsonBlock(result.structuredContent, 'structuredContent'));
  const content = result.content || [];
  if (content.length) {
    parts.push(h('div', {class: 'block-title'}, `content (${content.length} item${content.length === 1 ? '' : 's'})`));
    parts.push(h('div', {class: 'content-items'}, content.map((item) => contentItem(item, readResource, result.isError))));
  }
  const rest = Object.fromEntries(Object.entries(result).filter(([key]) => !['content', 'structuredContent', 'isError'].includes(key)));
  if (Object.keys(rest).length) parts.push(h('details', {class: 'raw'}, h('summary', {}, 'Other fields'), jsonTree(rest)));
  return h('div', {class: `tool-result${result.isError ? ' is-error' : ''}`, 'data-testid': 'tool-result'}, parts);
}

/** One content item of a tool result or a prompt message. */
export function contentItem(item, readResource, isError = false) {
  switch (item?.type) {
    case 'text':
      return h('pre', {class: `content-text${isError ? ' error-text' : ''}`}, item.text);
    case 'image':
      return h('figure', {class: 'content-image'},
        h('img', {src: `data:${item.mimeType};base64,${item.data}`, alt: `image (${item.mimeType})`}),
        h('figcaption', {}, item.mimeType));
    case 'audio':
      return h('figure', {class: 'content-audio'},
        h('audio', {controls: true, src: `data:${item.mimeType};base64,${item.data}`}),
        h('figcaption', {}, item.mimeType));
    case 'resource_link':
      return resourceLink(item, readResource);
    case 'resource':
      return h('div', {class: 'content-resource'},
        h('div', {class: 'block-title'}, 'Embedded resource'),
        resourceContents([item.resource]));
    default:
      return h('div', {class: 'content-unknown'}, h('div', {class: 'block-title'}, `Content of type ${item?.type}`), jsonTree(item));
  }
}

function resourceLink(item, readResource) {
  const target = h('div', {class: 'link-target'});
  const open = async () => {
    target.replaceChildren(h('span', {class: 'muted'}, 'Reading…'));
    try {
      target.replaceChildren(resourceContents((await readResource(item.uri)).contents || []));
    } catch (error) {
      target.replaceChildren(errorBox(error));
    }
  };
  return h('div', {class: 'content-link'},
    h('button', {type: 'button', class: 'link', onclick: open, disabled: !readResource, title: `resources/read ${item.uri}`},
      '🔗 ', item.title || item.name || item.uri),
    h('code', {class: 'muted'}, ` ${item.uri}`),
    item.mimeType ? h('span', {class: 'muted'}, ` · ${item.mimeType}`) : null,
    item.description ? h('div', {class: 'field-help'}, item.description) : null,
    target);
}

/** The contents of resources/read (or an embedded resource). */
export function resourceContents(contents) {
  return h('div', {class: 'resource-contents'}, contents.map((content) =>
    h('div', {class: 'resource-content'},
      h('div', {class: 'resource-meta'}, h('code', {}, content.uri), content.mimeType ? ` · ${content.mimeType}` : ''),
      content.text !== undefined
        ? textOrJson(content.text, content.mimeType)
        : content.blob !== undefined && /^image\//.test(content.mimeType || '')
          ? h('img', {src: `data:${content.mimeType};base64,${content.blob}`, alt: content.uri})
          : h('div', {class: 'muted'}, `Binary, ${Math.round((content.blob || '').length * 3 / 4)} bytes`))));
}

function textOrJson(text, mimeType) {
  if (/json/.test(mimeType || '')) {
    try {
      return jsonTree(JSON.parse(text));
    } catch {
      // shown as text
    }
  }
  return h('pre', {class: 'content-text'}, text);
}

/** The answer of prompts/get: its description and messages. */
export function promptMessages(result, readResource) {
  return h('div', {class: 'prompt-result'},
    result.description ? h('p', {}, result.description) : null,
    (result.messages || []).map((message) =>
      h('div', {class: `message role-${message.role}`},
        h('div', {class: 'role'}, message.role),
        [].concat(message.content || []).map((item) => contentItem(item, readResource)))));
}

/** A JSON-RPC error (McpError) or any other failure, exactly as the server worded it. */
export function errorBox(error) {
  return h('div', {class: 'outcome error', role: 'alert', 'data-testid': 'error'},
    h('div', {}, error.code !== undefined ? `JSON-RPC error ${error.code}${error.status && error.status !== 200 ? ` (HTTP ${error.status})` : ''}: ` : '', error.message),
    error.data !== undefined ? jsonTree(error.data) : null);
}
