// The live server list.
//
// The gateway has no watch stream yet and GET /api/v1/servers carries no ETag, so the list is polled plainly:
// one request every 2 seconds while the tab is visible, none while it is hidden, and after a 429 only once its
// Retry-After has passed. Rows are updated in place, keyed by server id, so the keyboard focus and the reading
// position survive each refresh.

import { call, describe } from './api.js';
import { byId, el, setText, show } from './dom.js';

const INTERVAL_MS = 2000;

/** Statuses that change without a new request: every other one shows a spinner. */
const SETTLED = new Set(['ACTIVE', 'ERROR', 'SHUTOFF', 'DELETED', 'SHELVED_OFFLOADED', 'PAUSED', 'SUSPENDED']);

const COMMON_STATUSES = ['ACTIVE', 'BUILD', 'ERROR', 'SHUTOFF'];

const LABELS = ['Name', 'Status', 'Addresses', 'Flavor', 'Image', 'Age', ''];

const body = byId('server-rows');
const table = byId('server-table');
const count = byId('servers-count');
const empty = byId('servers-empty');
const failure = byId('servers-error');
const nameFilter = byId('filter-name');
const statusFilter = byId('filter-status');
const dialog = byId('delete-dialog');

const rows = new Map();
const deleting = new Set();
let servers = [];
let running = false;
let timer = null;
let polling = false;
let again = false;
let session = 0;
let asked = null;

/** Starts polling, for a freshly logged-in user. */
export function start() {
  running = true;
  session += 1;
  refresh();
}

/** Stops polling and forgets every server shown, when the user logs out. */
export function stop() {
  running = false;
  session += 1;
  clearTimeout(timer);
  servers = [];
  deleting.clear();
  rows.clear();
  body.replaceChildren();
  setText(count, '');
  setText(failure, '');
  if (dialog.open) dialog.close();
}

/** Polls now instead of at the next tick, after a launch or a delete. */
export function refresh() {
  clearTimeout(timer);
  if (polling) {
    again = true;
    return;
  }
  poll();
}

async function poll() {
  if (!running) return;
  const mine = session;
  polling = true;
  let wait = INTERVAL_MS;
  try {
    const answer = await call('GET', '/api/v1/servers');
    if (mine !== session) return;
    servers = answer.data;
    setText(failure, '');
    render();
  } catch (problem) {
    if (mine !== session || problem.status === 401) return;
    setText(failure, `The list is not up to date: ${describe(problem)}`);
    if (problem.retryAfter) wait = problem.retryAfter * 1000;
  } finally {
    polling = false;
  }
  if (again) {
    again = false;
    wait = 0;
  }
  schedule(wait);
}

function schedule(wait) {
  if (!running) return;
  if (document.hidden) {
    document.addEventListener('visibilitychange', () => schedule(0), { once: true });
    return;
  }
  timer = setTimeout(poll, wait);
}

function render() {
  fillStatuses();
  const needle = nameFilter.value.trim().toLowerCase();
  const wanted = statusFilter.value;
  const shown = servers
    .filter((server) => !needle || String(server.name).toLowerCase().includes(needle))
    .filter((server) => !wanted || server.status === wanted)
    .sort((a, b) => String(b.created).localeCompare(String(a.created)) || String(a.name).localeCompare(b.name));
  const seen = new Set();
  let previous = null;
  for (const server of shown) {
    const row = rows.get(server.id) ?? addRow(server.id);
    update(row, server);
    const expected = previous ? previous.element.nextSibling : body.firstChild;
    if (expected !== row.element) body.insertBefore(row.element, expected);
    previous = row;
    seen.add(server.id);
  }
  for (const [id, row] of rows) {
    if (!seen.has(id)) {
      row.element.remove();
      rows.delete(id);
    }
  }
  for (const id of deleting) {
    if (!servers.some((server) => server.id === id)) deleting.delete(id);
  }
  const total = servers.length;
  setText(count, shown.length === total ? `${total} server${total === 1 ? '' : 's'}`
    : `${shown.length} of ${total} servers`);
  show(table, shown.length > 0);
  show(empty, shown.length === 0);
  setText(empty, total ? 'No server matches the filter.' : 'No servers yet.');
}

function addRow(id) {
  const cells = LABELS.map(() => el('div'));
  const row = {
    element: el('tr', { 'data-id': id }, ...LABELS.map((label, i) => el('td', { 'data-label': label }, cells[i]))),
    name: el('span', { class: 'server-name' }),
    badge: el('span', { class: 'badge' }),
    status: el('span'),
    spinner: el('span', { class: 'spinner', 'aria-hidden': 'true', hidden: true }),
    fault: el('p', { class: 'fault', hidden: true }),
    addresses: el('ul', { class: 'addresses' }),
    flavor: el('span'),
    image: el('span'),
    age: el('time'),
    remove: el('button', { type: 'button', class: 'danger small' }),
    shown: {},
  };
  cells[0].append(row.name);
  row.badge.append(row.spinner, row.status);
  cells[1].append(row.badge, row.fault);
  cells[2].append(row.addresses);
  cells[3].append(row.flavor);
  cells[4].append(row.image);
  cells[5].append(row.age);
  cells[6].append(row.remove);
  row.remove.addEventListener('click', () => confirmDelete(id));
  rows.set(id, row);
  return row;
}

function update(row, server) {
  const gone = deleting.has(server.id);
  const status = gone ? 'DELETING' : server.status;
  setText(row.name, server.name);
  setText(row.status, status);
  row.badge.className = `badge status-${status.toLowerCase().replace(/[^a-z_]/g, '')}`;
  show(row.spinner, gone || !SETTLED.has(server.status));
  setText(row.fault, server.status === 'ERROR' ? server.fault || 'Nova gave no reason' : '');
  show(row.fault, server.status === 'ERROR');
  const addresses = (server.addresses ?? [])
    .map((a) => `${a.network}: ${a.ip}${a.type === 'floating' ? ' (floating)' : ''}`);
  if (row.shown.addresses !== addresses.join('\n')) {
    row.shown.addresses = addresses.join('\n');
    row.addresses.replaceChildren(...addresses.map((text) => el('li', { text })));
  }
  setText(row.flavor, server.flavor?.name ?? server.flavor?.id ?? '');
  setText(row.image, server.image ? server.image.name ?? server.image.id : 'volume');
  setText(row.age, age(server.created));
  if (row.shown.created !== server.created) {
    row.shown.created = server.created;
    row.age.setAttribute('datetime', server.created ?? '');
    row.age.setAttribute('title', server.created ? new Date(server.created).toLocaleString() : '');
  }
  setText(row.remove, gone ? 'Deleting…' : 'Delete');
  row.remove.disabled = gone;
  row.remove.setAttribute('aria-label', `Delete server ${server.name}`);
}

function age(created) {
  const seconds = Math.max(0, Math.round((Date.now() - Date.parse(created)) / 1000));
  if (!Number.isFinite(seconds)) return '';
  if (seconds < 60) return `${seconds} s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min`;
  if (seconds < 86400) return `${Math.floor(seconds / 3600)} h`;
  return `${Math.floor(seconds / 86400)} d`;
}

function fillStatuses() {
  const statuses = [...new Set([...COMMON_STATUSES, ...servers.map((server) => server.status)])].sort();
  const current = [...statusFilter.options].slice(1).map((option) => option.value);
  if (current.join() === statuses.join()) return;
  const selected = statusFilter.value;
  statusFilter.replaceChildren(el('option', { value: '', text: 'any' }),
    ...statuses.map((value) => el('option', { value, text: value })));
  statusFilter.value = selected;
}

function confirmDelete(id) {
  const server = servers.find((candidate) => candidate.id === id);
  if (!server) return;
  asked = { id, opener: rows.get(id)?.remove };
  setText(byId('delete-name'), server.name);
  dialog.showModal();
  byId('delete-cancel').focus();
}

async function deleteAsked() {
  const { id } = asked;
  dialog.close();
  deleting.add(id);
  render();
  try {
    await call('DELETE', `/api/v1/servers/${encodeURIComponent(id)}`);
  } catch (problem) {
    if (problem.status === 401) return;
    if (problem.status !== 404) {
      deleting.delete(id);
      setText(failure, `Could not delete the server: ${describe(problem)}`);
    }
  }
  refresh();
}

byId('delete-confirm').addEventListener('click', () => deleteAsked());
byId('delete-cancel').addEventListener('click', () => dialog.close());
dialog.addEventListener('close', () => {
  const opener = asked?.opener;
  if (opener?.isConnected && !opener.disabled) opener.focus();
  else nameFilter.focus();
});
nameFilter.addEventListener('input', () => render());
statusFilter.addEventListener('change', () => render());
