// The console's shell: the header (server name, bearer token), the tabs (Try it / Fleet / Health), the banner shown
// when a call is refused, and the refresh timer of the visible view.
import {h, replace} from './dom.js';
import {api} from './api.js';
import {onAuthProblem, setToken, token} from './token.js';
import {tryIt} from './try-it.js';
import {fleet} from './fleet.js';
import {health} from './health.js';

const VIEWS = [
  {key: 'try-it', label: 'Try it', create: tryIt},
  {key: 'fleet', label: 'Fleet', create: fleet},
  {key: 'health', label: 'Health', create: health},
];

const banner = document.getElementById('banner');
const tabs = document.getElementById('tabs');
const main = document.getElementById('main');
const tokenInput = document.getElementById('token');
const serverName = document.getElementById('server-name');

onAuthProblem((message) => {
  banner.hidden = !message;
  banner.textContent = message || '';
});

tokenInput.value = token();
document.getElementById('token-form').addEventListener('submit', (event) => {
  event.preventDefault();
  setToken(tokenInput.value);
  show(current.key, true);
  loadServerName();
});
tokenInput.addEventListener('change', () => setToken(tokenInput.value));

const views = new Map();
let current = null;
let timer = null;

function show(key, recreate = false) {
  const view = VIEWS.find((v) => v.key === key) || VIEWS[0];
  for (const button of tabs.querySelectorAll('button')) button.setAttribute('aria-selected', String(button.dataset.view === view.key));
  for (const [k, entry] of views) entry.panel.hidden = k !== view.key;
  let entry = views.get(view.key);
  if (!entry || recreate) {
    entry?.controller.dispose?.();
    entry?.panel.remove();
    const panel = h('section', {class: 'view', id: `view-${view.key}`, 'aria-label': view.label});
    main.append(panel);
    entry = {panel, controller: view.create(panel)};
    views.set(view.key, entry);
  }
  current = view;
  clearInterval(timer);
  if (entry.controller.intervalMs) {
    entry.controller.refresh();
    timer = setInterval(() => document.visibilityState === 'visible' && entry.controller.refresh(), entry.controller.intervalMs);
  }
  if (location.hash !== `#${view.key}`) history.replaceState(null, '', `#${view.key}`);
}

replace(tabs, VIEWS.map((view) => h('button', {type: 'button', role: 'tab', dataset: {view: view.key}, onclick: () => show(view.key)}, view.label)));
window.addEventListener('hashchange', () => show(location.hash.slice(1)));
show(location.hash.slice(1) || 'try-it');

function loadServerName() {
  api.overview().then((overview) => {
    serverName.textContent = `${overview.server?.name ?? ''} ${overview.server?.version ?? ''}`.trim();
  }).catch(() => {});
}
loadServerName();
