// The taxonomy page (/settings/taxonomy) while the stored comments are analysed again: asks
// /settings/taxonomy/status every second and updates the count and the progress bar in place; once the run has
// ended, reloads the page, which then shows the result and the themes' new counts.
(function () {
  'use strict';
  const section = document.querySelector('[data-status-url]');
  const status = document.getElementById('reanalysis-status');
  if (!section || !status || status.textContent !== 'running') {
    return;
  }

  const url = section.getAttribute('data-status-url');
  const format = new Intl.NumberFormat('en-US');
  const show = (id, value) => {
    const element = document.getElementById(id);
    if (element) {
      element.textContent = format.format(value);
    }
  };

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

    show('reanalysis-analysed', state.analysed);
    show('reanalysis-total', state.total);
    const progress = document.getElementById('reanalysis-progress');
    if (progress && state.total > 0) {
      progress.max = state.total;
      progress.value = state.analysed;
    }

    if (state.status !== 'running') {
      status.textContent = state.status;
      window.clearInterval(timer);
      window.location.reload();
    }
  }, 1000);
})();
