// The console's entry point: asks the gateway its auth mode, then moves between the login form and the
// workspace (launch form and server list). A 401 from any call, or the token's expiry, ends the session: the
// workspace is emptied and the login form comes back with a message.

import { describe, hasCredential, useCredential, whenSessionEnds } from './api.js';
import { byId, setText, show } from './dom.js';
import * as launch from './launch.js';
import * as login from './login.js';
import * as list from './servers.js';

const workspace = byId('workspace');
const who = byId('who');
const logout = byId('logout');
const notice = byId('notice');

/** setTimeout takes at most 2^31-1 ms. */
const MAX_TIMER_MS = 2147483647;

const OPTIONS_RETRY_MS = 5000;

let expiry = null;
let retry = null;
let sessions = 0;

async function main() {
  const settings = await fetch('console/settings', { cache: 'no-store' }).then((r) => r.json());
  whenSessionEnds((problem) => end(`Your session has ended (${problem.body.detail ?? 'the token was refused'}). `
    + 'Log in again.'));
  launch.whenLaunched(() => list.refresh());
  logout.addEventListener('click', () => end(null));
  if (settings.auth_mode === 'none') {
    begin({ label: 'No login (auth mode none)', expiresAt: null });
  } else {
    login.setUp(settings.auth_mode, begin);
    login.showLogin();
  }
  performance.mark('console-interactive');
}

function begin(session) {
  sessions += 1;
  setText(notice, '');
  show(notice, false);
  const until = session.expiresAt ? ` · token valid until ${session.expiresAt.toLocaleTimeString()}` : '';
  setText(who, `${session.label}${until}`);
  show(logout, hasCredential());
  show(workspace, true);
  if (session.expiresAt) {
    const left = Math.min(session.expiresAt.getTime() - Date.now(), MAX_TIMER_MS);
    expiry = setTimeout(() => end(`Your token expired at ${session.expiresAt.toLocaleTimeString()}. Log in again.`),
      Math.max(0, left));
  }
  list.start();
  loadOptions(session.launchOptions, sessions);
}

/** Loads the launch form's options; a failure (a slow cloud, say) is shown and retried every 5 s. */
async function loadOptions(known, mine) {
  const error = byId('launch-error');
  try {
    await launch.loadOptions(known);
    if (mine !== sessions) {
      launch.reset();
      return;
    }
    setText(error, '');
    byId('launch-name').focus();
    performance.mark('console-loaded');
  } catch (problem) {
    if (problem.status === 401 || mine !== sessions) return;
    setText(error, `Cannot load the launch options, retrying: ${describe(problem)}`);
    retry = setTimeout(() => loadOptions(null, mine), Math.max((problem.retryAfter || 0) * 1000, OPTIONS_RETRY_MS));
  }
}

function end(message) {
  sessions += 1;
  clearTimeout(expiry);
  clearTimeout(retry);
  useCredential(null);
  list.stop();
  launch.reset();
  show(workspace, false);
  show(logout, false);
  setText(who, '');
  setText(notice, message ?? 'You are logged out.');
  show(notice, true);
  login.showLogin();
}

main().catch((failure) => {
  setText(notice, `The console cannot start: ${failure.message}`);
  show(notice, true);
});
