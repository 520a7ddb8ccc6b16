// Field errors of a form: a problem's `errors` array is shown beside the fields it names.

import { describe } from './api.js';
import { setText } from './dom.js';

/** `networks[1]` and `metadata.owner` belong to the fields `networks` and `metadata`. */
const baseField = (field) => String(field ?? '').replace(/[[.].*$/, '');

/** Removes every error shown in the form. */
export function clearErrors(form, general) {
  for (const wrapper of form.querySelectorAll('[data-field]')) {
    setText(wrapper.querySelector('.field-error'), '');
    for (const control of controls(wrapper)) control.removeAttribute('aria-invalid');
  }
  setText(general, '');
}

/**
 * Shows a problem: each of its `errors` beside its field, the rest (and a problem without field errors) in
 * the form's general error line. The first invalid field gets the focus.
 * @param {HTMLFormElement} form the form
 * @param {import('./api.js').Problem} problem the gateway's answer
 * @param {HTMLElement} general where errors that name no field of the form go
 */
export function showProblem(form, problem, general) {
  clearErrors(form, general);
  const errors = problem.errors ?? [];
  const unplaced = [];
  let first = null;
  for (const error of errors) {
    const base = baseField(error.field);
    const wrapper = base ? form.querySelector(`[data-field="${CSS.escape(base)}"]`) : null;
    const text = error.field && error.field !== base ? `${error.field}: ${error.message}` : error.message;
    if (!wrapper) {
      unplaced.push(error.field ? `${error.field}: ${error.message}` : error.message);
      continue;
    }
    const line = wrapper.querySelector('.field-error');
    setText(line, line.textContent ? `${line.textContent} ${text}` : text);
    for (const control of controls(wrapper)) control.setAttribute('aria-invalid', 'true');
    first ??= wrapper;
  }
  if (unplaced.length || !errors.length) {
    setText(general, [describe(problem), ...unplaced].join(' — '));
  }
  if (first) {
    first.closest('details')?.setAttribute('open', '');
    controls(first)[0]?.focus();
  }
}

/** Shows one error beside a field, found before the request is sent. */
export function showFieldError(form, field, message) {
  const wrapper = form.querySelector(`[data-field="${CSS.escape(field)}"]`);
  setText(wrapper.querySelector('.field-error'), message);
  for (const control of controls(wrapper)) control.setAttribute('aria-invalid', 'true');
  wrapper.closest('details')?.setAttribute('open', '');
  controls(wrapper)[0]?.focus();
}

const controls = (wrapper) => [...wrapper.querySelectorAll('input, select, textarea')];
