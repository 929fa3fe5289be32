// Relais admin: what JavaScript adds to pages that work without it.
//  - [data-live="SECONDS"]: the region is fetched again and replaced (dashboard, job page);
//  - [data-live-rows="SECONDS"]: only the cells [data-live-cell] of rows [data-live-row]
//    are updated, so that a selection made in the table survives (job list);
//  - #select-all: ticks every job of the page;
//  - form[data-chunked]: a confirmed bulk action sent in chunks, with a progress bar;
//  - form[data-upload-progress]: an upload with a progress bar.
(function () {
  'use strict';

  function all(selector, root) {
    return Array.prototype.slice.call((root || document).querySelectorAll(selector));
  }

  function csrfToken(form) {
    var input = form.querySelector('input[name="_csrf"]');
    return input ? input.value : '';
  }

  // ------------------------------------------------------------ live refresh
  function liveSeconds() {
    var seconds = all('[data-live],[data-live-rows]').map(function (el) {
      return Number(el.getAttribute('data-live') || el.getAttribute('data-live-rows'));
    }).filter(function (n) { return n > 0; });
    // A job list without a row in progress has nothing to refresh.
    if (all('[data-live-rows]').length > 0 && all('[data-live-row]').length === 0 && all('[data-live]').length === 0) {
      return 0;
    }
    return seconds.length ? Math.min.apply(null, seconds) : 0;
  }

  function schedule() {
    var seconds = liveSeconds();
    if (seconds > 0) { window.setTimeout(refresh, seconds * 1000); }
  }

  function updateRows(fresh) {
    all('[data-live-row]').forEach(function (row) {
      var next = fresh.querySelector('tr[data-job-id="' + row.getAttribute('data-job-id') + '"]');
      if (!next) { return; }
      all('[data-live-cell]', row).forEach(function (cell) {
        var name = cell.getAttribute('data-live-cell');
        var nextCell = next.querySelector('[data-live-cell="' + name + '"]');
        if (nextCell && nextCell.innerHTML !== cell.innerHTML) {
          cell.innerHTML = nextCell.innerHTML;
          if (nextCell.hasAttribute('title')) { cell.setAttribute('title', nextCell.getAttribute('title')); }
        }
      });
      if (!next.hasAttribute('data-live-row')) { row.removeAttribute('data-live-row'); }
    });
  }

  function refresh() {
    if (document.hidden) { schedule(); return; }
    fetch(window.location.href, { credentials: 'same-origin', headers: { 'Accept': 'text/html' } })
      .then(function (response) {
        // A redirect means the session ended (login page): stop and let the user reload.
        if (!response.ok || response.redirected) { throw new Error('refresh stopped: HTTP ' + response.status); }
        return response.text();
      })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, 'text/html');
        all('[data-live]').forEach(function (el) {
          var next = el.id ? fresh.getElementById(el.id) : null;
          if (next) { el.replaceWith(document.importNode(next, true)); }
        });
        updateRows(fresh);
        var title = fresh.querySelector('title');
        if (title) { document.title = title.textContent; }
        schedule();
      })
      .catch(function (err) {
        if (window.console) { console.warn(err.message); }
      });
  }

  // ------------------------------------------------------------ job selection
  function setUpSelectAll() {
    var box = document.getElementById('select-all');
    if (!box) { return; }
    box.hidden = false;
    box.addEventListener('change', function () {
      all('input[name="ids[]"]').forEach(function (input) { input.checked = box.checked; });
    });
  }

  // ------------------------------------------------------------ bulk action in chunks
  function setUpChunkedForm(form) {
    var size = Number(form.getAttribute('data-chunked'));
    form.addEventListener('submit', function (event) {
      var ids = form.querySelector('input[name="ids"]').value.split(',').filter(Boolean);
      if (!window.fetch || ids.length <= size) { return; }  // one ordinary POST
      event.preventDefault();
      var box = form.querySelector('.progress-box');
      var bar = form.querySelector('progress');
      var status = form.querySelector('[role="status"]');
      var button = form.querySelector('button[type="submit"]');
      box.hidden = false;
      button.disabled = true;
      var done = 0;
      var refused = 0;
      var sent = 0;
      function next() {
        if (sent >= ids.length) {
          status.textContent = form.getAttribute('data-done-text')
            .replace('{done}', done).replace('{refused}', refused);
          var back = form.parentNode.querySelector('a.btn-quiet');
          if (back) { back.textContent = form.getAttribute('data-back-text'); back.focus(); }
          return;
        }
        var chunk = ids.slice(sent, sent + size);
        var body = new FormData(form);
        body.set('ids', chunk.join(','));
        // getAttribute: the form's own input named "action" hides form.action.
        fetch(form.getAttribute('action'), {
          method: 'POST', body: body, credentials: 'same-origin',
          headers: { 'Accept': 'application/json', 'X-CSRF-Token': csrfToken(form) }
        }).then(function (response) {
          if (!response.ok) { throw new Error('HTTP ' + response.status); }
          return response.json();
        }).then(function (result) {
          done += result.done;
          refused += Object.keys(result.refused).length;
          sent += chunk.length;
          bar.value = sent;
          status.textContent = sent + ' / ' + ids.length;
          next();
        }).catch(function (err) {
          status.textContent = err.message;
          button.disabled = false;
        });
      }
      next();
    });
  }

  // ------------------------------------------------------------ upload progress
  function setUpUploadForm(form) {
    form.addEventListener('submit', function (event) {
      var files = form.querySelector('input[type="file"]');
      if (!window.XMLHttpRequest || !files || files.files.length === 0) { return; }
      event.preventDefault();
      var box = form.querySelector('.progress-box');
      var bar = form.querySelector('progress');
      box.hidden = false;
      form.querySelector('button[type="submit"]').disabled = true;
      var xhr = new XMLHttpRequest();
      xhr.open('POST', form.getAttribute('action'));
      xhr.setRequestHeader('Accept', 'application/json');
      xhr.upload.addEventListener('progress', function (e) {
        if (e.lengthComputable) { bar.value = Math.round(100 * e.loaded / e.total); }
      });
      xhr.addEventListener('load', function () {
        // Success answers where to go (JSON); a refusal is the form again, as a page.
        if ((xhr.getResponseHeader('Content-Type') || '').indexOf('application/json') === 0) {
          window.location.assign(JSON.parse(xhr.responseText).location);
          return;
        }
        document.open();
        document.write(xhr.responseText);
        document.close();
      });
      xhr.addEventListener('error', function () {
        form.querySelector('button[type="submit"]').disabled = false;
        box.hidden = true;
      });
      xhr.send(new FormData(form));
    });
  }

  function start() {
    schedule();
    setUpSelectAll();
    all('form[data-chunked]').forEach(setUpChunkedForm);
    all('form[data-upload-progress]').forEach(setUpUploadForm);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
