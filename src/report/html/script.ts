/**
 * The page's only script, inline and allowed by hash in the page's Content-Security-Policy:
 * filters findings by status, severity, service and text; opens every fold before printing.
 */
export const SCRIPT = `(() => {
  const form = document.getElementById('filters');
  const items = Array.from(document.querySelectorAll('.finding'));
  const checked = (name) => new Set(Array.from(form.querySelectorAll('input[name="' + name + '"]:checked')).map((i) => i.value));
  function apply() {
    const status = checked('status');
    const severity = checked('severity');
    const service = form.elements.service.value;
    const q = form.elements.q.value.trim().toLowerCase();
    let shown = 0;
    for (const el of items) {
      const ok = status.has(el.dataset.status) && severity.has(el.dataset.severity) &&
        (service === '' || el.dataset.service === service) && (q === '' || el.textContent.toLowerCase().includes(q));
      el.hidden = !ok;
      if (ok) shown++;
    }
    for (const sec of document.querySelectorAll('section.chapter')) {
      const n = sec.querySelectorAll('.finding:not([hidden])').length;
      sec.querySelector('.shown').textContent = String(n);
      sec.querySelector('.none').hidden = n > 0;
    }
    document.getElementById('shown-count').textContent = String(shown);
  }
  form.addEventListener('input', apply);
  form.addEventListener('change', apply);
  form.addEventListener('submit', (e) => e.preventDefault());
  window.addEventListener('beforeprint', () => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
  apply();
})();`;
