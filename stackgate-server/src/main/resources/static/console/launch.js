// The launch form, fed by GET /api/v1/launch-options.
//
// Every launch carries an Idempotency-Key. The key belongs to one request body: a double click, or sending the
// same form again after a timeout, a lost connection or a 5xx, reuses it, and the gateway answers with the
// servers of the first request instead of making new ones. A launch the gateway refused (4xx) made nothing,
// so the next submission, usually of a corrected form, gets a new key; so does any change to the form.

import { call } from './api.js';
import { byId, el, setText } from './dom.js';
import { clearErrors, showFieldError, showProblem } from './forms.js';

const form = byId('launch-form');
const submit = byId('launch-submit');
const general = byId('launch-error');
const status = byId('launch-status');
const flavors = byId('launch-flavor');
const images = byId('launch-image');
const networks = byId('launch-networks');

let pending = null;
let inFlight = false;
let onLaunched = () => {};

/** @param {function(object[])} handler called with the servers of each launch */
export function whenLaunched(handler) {
  onLaunched = handler;
}

/** Loads the flavors, images and networks into the form. */
export async function loadOptions(known) {
  const options = known ?? (await call('GET', '/api/v1/launch-options')).data;
  fill(flavors, [...options.flavors].sort((a, b) => a.ram - b.ram || a.vcpus - b.vcpus || a.disk - b.disk),
    (f) => `${f.name} — ${f.vcpus} vCPU, ${f.ram} MiB RAM, ${f.disk} GiB disk`);
  fill(images, [...options.images].sort(byName), imageLabel);
  fillNetworks([...options.networks].sort(byName));
}

/** Empties the form, for the next user. */
export function reset() {
  form.reset();
  clearErrors(form, general);
  setText(status, '');
  flavors.replaceChildren();
  images.replaceChildren();
  networks.replaceChildren();
  pending = null;
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  if (inFlight) return;
  clearErrors(form, general);
  setText(status, '');
  const request = readForm();
  if (!request) return;
  const body = JSON.stringify(request);
  if (!pending || pending.body !== body) pending = { body, key: newKey() };
  inFlight = true;
  submit.disabled = true;
  setText(status, 'Launching…');
  try {
    const answer = await call('POST', '/api/v1/servers', {
      body: request, headers: { 'Idempotency-Key': pending.key },
    });
    pending = null;
    const names = answer.data.map((server) => server.name).join(', ');
    setText(status, answer.headers.get('Idempotent-Replayed') === 'true'
      ? `Already launched: ${names}` : `Launched ${names}`);
    onLaunched(answer.data);
  } catch (problem) {
    setText(status, '');
    if (problem.status === 401) return;
    if (problem.status >= 400 && problem.status < 500 && problem.status !== 408 && problem.status !== 429) {
      pending = null;
    }
    showProblem(form, problem, general);
  } finally {
    inFlight = false;
    submit.disabled = false;
  }
});

/** @returns the request body, only with the fields the user filled in; null when a field cannot be read */
function readForm() {
  const data = new FormData(form);
  const request = {
    name: data.get('name'),
    flavor: data.get('flavor') ?? '',
    image: data.get('image') ?? '',
    networks: data.getAll('networks'),
  };
  const count = byId('launch-count');
  if (count.validity.badInput || (count.value && !Number.isInteger(Number(count.value)))) {
    showFieldError(form, 'count', 'must be a whole number');
    return null;
  }
  if (count.value) request.count = Number(count.value);
  optional(request, 'key_name', data.get('key_name'));
  optional(request, 'availability_zone', data.get('availability_zone'));
  optional(request, 'user_data', data.get('user_data'));
  const groups = data.get('security_groups').split(',').map((group) => group.trim()).filter(Boolean);
  if (groups.length) request.security_groups = groups;
  const metadata = {};
  const lines = data.get('metadata').split('\n').filter((line) => line.trim());
  for (const [index, line] of lines.entries()) {
    const split = line.indexOf('=');
    if (split < 1) {
      showFieldError(form, 'metadata', `line ${index + 1} is not key=value`);
      return null;
    }
    metadata[line.slice(0, split).trim()] = line.slice(split + 1).trim();
  }
  if (lines.length) request.metadata = metadata;
  return request;
}

function optional(request, field, value) {
  if (value) request[field] = value;
}

function fill(select, items, label) {
  const previous = select.value;
  select.replaceChildren(...items.map((item) => el('option', { value: item.id, text: label(item) })));
  if (items.some((item) => item.id === previous)) select.value = previous;
}

function fillNetworks(items) {
  const checked = new Set([...networks.querySelectorAll('input:checked')].map((box) => box.value));
  const usable = (network) => network.subnets.length > 0 && !(network.external && !network.shared);
  const preselect = checked.size ? null : items.find(usable)?.id;
  networks.replaceChildren(...items.map((network, index) => {
    const id = `launch-network-${index}`;
    const box = el('input', {
      type: 'checkbox', id, name: 'networks', value: network.id,
      checked: checked.has(network.id) || network.id === preselect,
    });
    const cidrs = network.subnets.map((subnet) => subnet.cidr).join(', ');
    const note = network.subnets.length ? cidrs : 'no subnet';
    return el('div', { class: 'choice' }, box,
      el('label', { for: id }, el('span', { text: network.name || network.id }),
        el('span', { class: 'muted', text: ` ${note}${network.external ? ', external' : ''}` })));
  }));
}

function imageLabel(image) {
  const needs = [];
  if (image.min_ram) needs.push(`${image.min_ram} MiB RAM`);
  if (image.min_disk) needs.push(`${image.min_disk} GiB disk`);
  const size = image.size ? ` (${(image.size / 1048576).toFixed(1)} MiB)` : '';
  return `${image.name || image.id}${size}${needs.length ? `, needs ${needs.join(' and ')}` : ''}`;
}

const byName = (a, b) => String(a.name).localeCompare(String(b.name));

/** A random UUID; crypto.randomUUID() exists only on https and localhost, getRandomValues everywhere. */
function newKey() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
