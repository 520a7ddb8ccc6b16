// The live server list.
//
// The list follows the gateway's watch stream (GET /api/v1/servers?watch=true): the whole list first, then one
// event per server added, changed or deleted, as the gateway's live view sees them (within about 2 seconds of
// the change in OpenStack, at once for the user's own launches and deletes). When the stream ends or is lost it
// resumes after the last event it saw (Last-Event-ID), after a 429 only once its Retry-After has passed. Rows are
// updated in place, keyed by server id, so the keyboard focus and the reading position survive each change.

import { call, describe, stream } from './api.js';
import { byId, el, setText, show } from './dom.js';

const RESUME_MS = 2000;

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
let watching = null;
let lastEventId = null;
let session = 0;
let asked = null;

/** Starts watching, for a freshly logged-in user. */
export function start() {
  running = true;
  session += 1;
  lastEventId = null;
  refresh();
}

/** Stops watching and forgets every server shown, when the user logs out. */
export function stop() {
  running = false;
  session += 1;
  clearTimeout(timer);
  watching?.abort();
  watching = null;
  servers = [];
  deleting.clear();
  rows.clear();
  body.replaceChildren();
  setText(count, '');
  setText(failure, '');
  if (dialog.open) dialog.close();
}

/** Resumes the watch now if it is waiting to, after a launch or a delete; a running watch shows them by itself. */
export function refresh() {
  if (watching || !running) return;
  clearTimeout(timer);
  watch();
}

async function watch() {
  const mine = session;
  watching = new AbortController();
  let wait = RESUME_MS;
  try {
    await stream('/api/v1/servers?watch=true', { lastEventId, signal: watching.signal, onEvent: (event) => {
      if (mine !== session) return;
      lastEventId = event.id;
      apply(event);
      setText(failure, '');
      render();
    } });
  } catch (problem) {
    // A 401 ends the session: the login form comes back and stop() forgets everything.
    if (problem.status === 401) wait = null;
    else if (mine === session) setText(failure, `The list is not up to date: ${describe(problem)}`);
    if (problem.retryAfter) wait = problem.retryAfter * 1000;
  }
  if (mine !== session) return;
  watching = null;
  if (wait !== null) timer = setTimeout(refresh, wait);
}

function apply(event) {
  if (event.event === 'list') {
    servers = event.data;
    return;
  }
  const others = servers.filter((server) => server.id !== event.data.id);
  servers = event.event === 'deleted' ? others : [...others, event.data];
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
