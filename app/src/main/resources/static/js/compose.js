// Page 3: the composer. Counters update at each key; the previews (and each platform's limits,
// checked on the server by its connector) refresh a moment after typing stops.
(function () {
  'use strict';

  function bytes(text) { return new TextEncoder().encode(text).length; }
  function chars(text) { return Array.from(text).length; }

  document.addEventListener('DOMContentLoaded', function () {
    var form = document.getElementById('compose-form');
    if (!form) { return; }

    // Counters: characters (code points, as the platforms count), or UTF-8 bytes where marked.
    function count(input) {
      var counter = document.querySelector('[data-counter-for="' + input.id + '"]');
      if (!counter) { return; }
      var useBytes = counter.hasAttribute('data-bytes');
      var n = useBytes ? bytes(input.value) : chars(input.value);
      var max = counter.dataset.max ? parseInt(counter.dataset.max, 10) : null;
      counter.textContent = max ? n + ' / ' + max + (useBytes ? ' byte' : '') : String(n);
      counter.classList.toggle('over', max !== null && n > max);
    }
    form.querySelectorAll('[data-count]').forEach(function (input) {
      count(input);
      input.addEventListener('input', function () { count(input); });
    });

    // Platform tabs: arrow keys move between them, as the ARIA tabs pattern says.
    var tabs = Array.prototype.slice.call(form.querySelectorAll('[role=tab]'));
    function select(tab) {
      tabs.forEach(function (t) {
        var on = t === tab;
        t.setAttribute('aria-selected', on ? 'true' : 'false');
        t.tabIndex = on ? 0 : -1;
        document.getElementById(t.getAttribute('aria-controls')).hidden = !on;
      });
    }
    tabs.forEach(function (tab, i) {
      tab.addEventListener('click', function () { select(tab); });
      tab.addEventListener('keydown', function (e) {
        var next = e.key === 'ArrowRight' ? tabs[(i + 1) % tabs.length] : e.key === 'ArrowLeft' ? tabs[(i + tabs.length - 1) % tabs.length] : null;
        if (next) { e.preventDefault(); select(next); next.focus(); }
      });
    });

    // "Write my own variant": the fields open, filled with the drafted text to start from.
    var fill = {
      facebook: [['fbBody', '.pv-body'], ['fbLink', '.pv-link']],
      youtube: [['ytTitle', '.pv-title'], ['ytBody', '.pv-body']],
      zalo: [['zaloTitle', '.pv-title'], ['zaloDescription', '.pv-link'], ['zaloBody', '.pv-body']]
    };
    form.querySelectorAll('[data-custom]').forEach(function (box) {
      var key = box.dataset.custom;
      var fields = form.querySelector('[data-custom-fields="' + key + '"]');
      function apply(prefill) {
        fields.hidden = !box.checked;
        fields.querySelectorAll('input, textarea').forEach(function (el) { el.disabled = !box.checked; });
        if (box.checked && prefill) {
          var preview = document.getElementById('preview-' + key);
          (fill[key] || []).forEach(function (pair) {
            var field = document.getElementById(pair[0]);
            var source = preview && preview.querySelector(pair[1]);
            if (field && !field.value && source) { field.value = source.textContent.trim(); count(field); }
          });
        }
      }
      apply(false);
      box.addEventListener('change', function () { apply(true); });
    });

    // Live previews.
    var previews = document.getElementById('previews');
    var timer = null;
    function refresh() {
      var body = new URLSearchParams(new FormData(form));
      var headers = { 'Content-Type': 'application/x-www-form-urlencoded' };
      var c = window.loaCsrf();
      if (c) { headers[c.header] = c.token; }
      fetch(form.dataset.preview, { method: 'POST', headers: headers, body: body, credentials: 'same-origin' })
        .then(function (res) { return res.ok ? res.text() : null; })
        .then(function (html) {
          if (html === null) { return; }
          var holder = document.createElement('div');
          holder.innerHTML = html;
          var fresh = holder.querySelector('#previews');
          previews.innerHTML = fresh ? fresh.innerHTML : html;
          previews.setAttribute('data-fresh', String(Date.now()));
        });
    }
    form.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(refresh, 350); });
    form.addEventListener('change', function () { clearTimeout(timer); timer = setTimeout(refresh, 100); });

    // Uploads: stored by Loa, the address lands in the media field.
    var upload = document.getElementById('upload');
    var status = document.getElementById('upload-status');
    if (upload) {
      upload.addEventListener('change', function () {
        if (!upload.files.length) { return; }
        var data = new FormData();
        data.append('file', upload.files[0]);
        var headers = { 'Accept': 'application/json' };
        var c = window.loaCsrf();
        if (c) { headers[c.header] = c.token; }
        status.textContent = upload.dataset.uploading;
        status.className = 'hint';
        fetch(upload.dataset.upload, { method: 'POST', headers: headers, body: data, credentials: 'same-origin' })
          .then(function (res) { return res.json().then(function (json) { return { ok: res.ok, json: json }; }); })
          .then(function (r) {
            if (!r.ok) {
              status.textContent = r.json.message;
              status.className = 'field-errors';
              return;
            }
            var target = document.getElementById(upload.dataset.target);
            target.value = (target.value.trim() ? target.value.trim() + '\n' : '') + r.json.url;
            status.textContent = upload.dataset.uploaded + ' ' + r.json.name;
            upload.value = '';
            refresh();
          })
          .catch(function () { status.textContent = '✗'; });
      });
    }
  });
})();
