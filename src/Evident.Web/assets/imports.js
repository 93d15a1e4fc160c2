// An import's page (/imports/{id}) while the import runs: asks /imports/{id}/status every second and updates the
// counts and the progress bar in place; once the run has ended, reloads the page, which then lists the rejects.
(function () {
  'use strict';
  const section = document.querySelector('[data-status-url]');
  const status = document.getElementById('import-status');
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

    show('import-rows', state.rowsRead);
    show('import-imported', state.imported);
    show('import-duplicates', state.duplicates);
    show('import-rejected', state.rejected);
    const progress = document.getElementById('import-progress');
    if (progress && state.totalBytes && state.bytesRead !== null) {
      progress.max = state.totalBytes;
      progress.value = state.bytesRead;
    }

    if (state.status !== 'running') {
      status.textContent = state.status;
      window.clearInterval(timer);
      window.location.reload();
    }
  }, 1000);
})();
