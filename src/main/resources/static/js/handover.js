// The hand-over page: polls GET /api/handovers/{id} (same session, same scope) and shows the
// progress until the hand-over is DONE or FAILED. No library; the page works without it too
// (reloading it shows the latest figures). A page with data-reload-when-done (the students' upload,
// which lists each row's result) is reloaded once the rows are done.
(function () {
  'use strict';
  var root = document.getElementById('handover');
  if (!root) { return; }
  var api = root.getAttribute('data-api');
  var lang = document.documentElement.lang || 'zh-CN';
  var $ = function (id) { return document.getElementById(id); };
  var label = function (name) { return root.getAttribute('data-label-' + name.toLowerCase()) || name; };

  function text(id, value) { var e = $(id); if (e) { e.textContent = String(value); } }

  function show(h) {
    var progress = $('handover-progress');
    progress.max = Math.max(h.total, 1);
    progress.value = h.processed;
    text('progress-text', label('progress').replace('{0}', h.processed).replace('{1}', h.total));
    text('handover-status', label(h.status));
    text('count-total', h.total);
    text('count-accepted', h.accepted);
    text('count-duplicates', h.duplicates);
    text('count-rejected', h.rejected);
    root.setAttribute('data-status', h.status);
    if (h.failure) { text('handover-failure', h.failure); $('handover-failure').hidden = false; }
    var body = document.querySelector('#handover-errors tbody');
    if (body && h.errors) {
      while (body.firstChild) { body.removeChild(body.firstChild); }
      h.errors.forEach(function (e) {
        var tr = document.createElement('tr');
        var labelOf = document.querySelector('#field-labels [data-field="' + e.field + '"]');
        [e.row, labelOf ? labelOf.textContent : e.field, e.message].forEach(function (v) {
          var td = document.createElement('td');
          td.textContent = v == null ? '' : String(v);
          tr.appendChild(td);
        });
        body.appendChild(tr);
      });
    }
    $('rejected-download').hidden = h.status === 'RUNNING' || h.rejected === 0;
  }

  function poll() {
    fetch(api, { credentials: 'same-origin', headers: { 'Accept': 'application/json', 'Accept-Language': lang } })
      .then(function (r) { if (!r.ok) { throw new Error(String(r.status)); } return r.json(); })
      .then(function (h) {
        show(h);
        if (h.status === 'RUNNING') { setTimeout(poll, 400); } else if (root.hasAttribute('data-reload-when-done')) { window.location.reload(); }
      })
      .catch(function () { text('progress-text', label('failed')); setTimeout(poll, 2000); });
  }

  if (root.getAttribute('data-status') === 'RUNNING') { poll(); }
}());
