// Runs before the pane's own script is even parsed: starts the checker's worker and fetches the
// settings, both in parallel with it (index.tsx adopts them). A file of its own, not an inline
// script, so that the page's Content-Security-Policy can forbid inline script.
try {
  window.hubIntakeEarly = { worker: new Worker('checker.worker.js'), config: fetch('hub-intake.pane.json', { cache: 'no-cache' }) };
} catch (e) {
  // the pane starts them itself
}
