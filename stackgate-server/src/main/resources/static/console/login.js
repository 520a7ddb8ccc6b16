// The login form: user, password, project and domain in mode keystone (a token from POST /api/v1/auth/tokens),
// an API key in mode service. What it gets is handed to api.js, which keeps it in memory only.

import { call, describe, Problem, useCredential } from './api.js';
import { byId, setText, show } from './dom.js';
import { clearErrors, showProblem } from './forms.js';

const section = byId('login');
const form = byId('login-form');
const general = byId('login-error');
const submit = byId('login-submit');

let mode = 'keystone';
let onLogin = () => {};

/**
 * Prepares the form for the gateway's auth mode.
 * @param {'keystone'|'service'} authMode the mode
 * @param {function(object)} handler called after a login with {label, expiresAt, launchOptions}
 */
export function setUp(authMode, handler) {
  mode = authMode;
  onLogin = handler;
  show(byId('password-fields'), mode === 'keystone');
  show(byId('key-fields'), mode === 'service');
}

/** Shows the form, with a message saying why (an expired session, say). */
export function showLogin(message) {
  clearErrors(form, general);
  setText(general, message ?? '');
  show(section, true);
  const first = mode === 'service' ? byId('login-api-key') : byId('login-username');
  (first.value && mode === 'keystone' ? byId('login-password') : first).focus();
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearErrors(form, general);
  submit.disabled = true;
  try {
    const session = mode === 'service' ? await withKey() : await withPassword();
    form.querySelectorAll('input[type=password]').forEach((input) => { input.value = ''; });
    show(section, false);
    onLogin(session);
  } catch (problem) {
    if (problem.status === 401) {
      setText(general, `The credentials were refused: ${problem.body.detail ?? describe(problem)}`);
    } else {
      showProblem(form, problem, general);
    }
  } finally {
    submit.disabled = false;
  }
});

async function withPassword() {
  const data = new FormData(form);
  const answer = await call('POST', '/api/v1/auth/tokens', {
    body: {
      username: data.get('username'), password: data.get('password'), project: data.get('project'),
      domain: data.get('domain') || undefined,
    },
  });
  useCredential({ header: 'X-Auth-Token', value: answer.data.token });
  return {
    label: `${answer.data.user} in ${answer.data.project}`, expiresAt: new Date(answer.data.expires_at),
  };
}

/** An API key is checked by a first real request: the launch options the form needs anyway. */
async function withKey() {
  const key = { header: 'X-API-Key', value: byId('login-api-key').value };
  if (!key.value) {
    throw new Problem(400, { title: 'Invalid request', errors: [{ field: 'api_key', message: 'is required' }] });
  }
  const answer = await call('GET', '/api/v1/launch-options', { as: key });
  useCredential(key);
  return { label: 'API key', expiresAt: null, launchOptions: answer.data };
}
