// Behaviour shared by every page, wired by data attributes (no inline scripts: the pages run under
// a Content-Security-Policy that allows scripts from Loa itself only).
(function () {
  'use strict';

  function csrf() {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    return token && header ? { header: header.content, token: token.content } : null;
  }
  window.loaCsrf = csrf;

  // htmx requests carry the CSRF token like the forms do.
  document.addEventListener('htmx:configRequest', function (e) {
    var c = csrf();
    if (c) { e.detail.headers[c.header] = c.token; }
  });

  function wire(root) {
    root.querySelectorAll('[data-autosubmit]').forEach(function (el) {
      if (el.dataset.wired) { return; }
      el.dataset.wired = '1';
      el.addEventListener('change', function () { el.form.submit(); });
    });
    root.querySelectorAll('[data-colour]').forEach(function (el) {
      el.style.backgroundColor = el.dataset.colour;
    });
    root.querySelectorAll('[data-width]').forEach(function (el) {
      el.style.width = Math.max(0, Math.min(100, parseFloat(el.dataset.width) || 0)) + '%';
    });
    root.querySelectorAll('[data-copy]').forEach(function (el) {
      if (el.dataset.wired) { return; }
      el.dataset.wired = '1';
      el.addEventListener('click', function () {
        var source = document.getElementById(el.dataset.copy);
        var text = source ? (source.value !== undefined ? source.value : source.textContent) : '';
        var done = function () {
          var old = el.textContent;
          el.textContent = el.dataset.copied || '✓';
          setTimeout(function () { el.textContent = old; }, 1500);
        };
        if (navigator.clipboard && window.isSecureContext) {
          navigator.clipboard.writeText(text).then(done, function () { fallbackCopy(source, done); });
        } else {
          fallbackCopy(source, done);
        }
      });
    });
    root.querySelectorAll('[data-confirm]').forEach(function (el) {
      if (el.dataset.wired) { return; }
      el.dataset.wired = '1';
      el.addEventListener('submit', function (e) {
        if (!window.confirm(el.dataset.confirm)) { e.preventDefault(); }
      });
    });
  }

  function fallbackCopy(source, done) {
    if (!source) { return; }
    if (source.select) { source.select(); }
    try { document.execCommand('copy'); done(); } catch (ignored) { /* the text stays selected to copy by hand */ }
  }

  document.addEventListener('DOMContentLoaded', function () { wire(document); });
  document.addEventListener('htmx:afterSwap', function (e) { wire(e.target); });
  window.loaWire = wire;
})();
