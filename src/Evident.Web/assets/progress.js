// A page that follows work running on the server (an import, a re-analysis): while the element the section's
// data-status-element names reads "running", asks the section's data-status-url every second and writes the JSON answer's fields in place:
// each [data-count="field"] gets the field as a number, each [data-text="field"] the field as text (empty when
// null), each progress[data-value="field"] its value (and its max from data-max="field"). Once the work has ended, reloads the page, which then shows the outcome.
(function () {
  'use strict';
  const section = document.querySelector('[data-status-url]');
  const status = section && document.getElementById(section.getAttribute('data-status-element'));
  if (!status || status.textContent !== 'running') {
    return;
  }

  const url = section.getAttribute('data-status-url');
  const format = new Intl.NumberFormat('en-US');
  const timer = window.setInterval(async () => {
    let state;
    try {
      const response = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
      if (!response.ok) {
        return;
      }
      state = await response.json();
    } catch {
      return; // the next tick tries again
    }

    section.querySelectorAll('[data-count]').forEach((element) => {
      const value = state[element.getAttribute('data-count')];
      if (typeof value === 'number') {
        element.textContent = format.format(value);
      }
    });
    section.querySelectorAll('[data-text]').forEach((element) => {
      const value = state[element.getAttribute('data-text')];
      element.textContent = typeof value === 'string' ? value : '';
    });
    section.querySelectorAll('progress[data-value]').forEach((progress) => {
      const value = state[progress.getAttribute('data-value')];
      const max = state[progress.getAttribute('data-max')];
      if (typeof value === 'number' && typeof max === 'number' && max > 0) {
        progress.max = max;
        progress.value = value;
      }
    });

    if (state.status !== 'running') {
      status.textContent = state.status;
      window.clearInterval(timer);
      window.location.reload();
    }
  }, 1000);
})();
