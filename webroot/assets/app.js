// Relais admin: live refresh of the regions marked data-live="SECONDS".
// The pages work without this file; it only saves the operator a reload.
(function () {
  'use strict';

  function regions() {
    return Array.prototype.slice.call(document.querySelectorAll('[data-live]'))
      .filter(function (el) { return el.id && Number(el.getAttribute('data-live')) > 0; });
  }

  function schedule() {
    var live = regions();
    if (live.length === 0) { return; }
    var seconds = Math.min.apply(null, live.map(function (el) { return Number(el.getAttribute('data-live')); }));
    window.setTimeout(refresh, seconds * 1000);
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
        regions().forEach(function (el) {
          var next = fresh.getElementById(el.id);
          if (next) { el.replaceWith(document.importNode(next, true)); }
        });
        var title = fresh.querySelector('title');
        if (title) { document.title = title.textContent; }
        schedule();
      })
      .catch(function (err) {
        if (window.console) { console.warn(err.message); }
      });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', schedule);
  } else {
    schedule();
  }
})();
