/* global document */
// The header's account widget (issue 11). Public pages are the same bytes for everyone and come
// from the shared page cache, so they always show the signed-out links; this script asks the
// uncached, same-origin /authenticated who is signed in and puts the visitor's own links in
// their place (python.org does the same). Text goes in through textContent, never as markup.
(function () {
  'use strict';

  function link(item) {
    var li = document.createElement('li');
    var a = document.createElement('a');
    a.href = item.url;
    a.textContent = item.title;
    li.appendChild(a);
    return li;
  }

  function fill(slot, state) {
    if (!state || !Array.isArray(state.links)) return;
    var list = document.createElement('ul');
    list.className = 'site-account__links';
    if (state.signedIn && typeof state.username === 'string') {
      var name = document.createElement('li');
      name.className = 'site-account__name';
      name.textContent = state.username;
      list.appendChild(name);
    }
    state.links.forEach(function (item) {
      // Only this site's own paths: the widget never links elsewhere.
      if (item && typeof item.url === 'string' && item.url.charAt(0) === '/' && item.url.charAt(1) !== '/') list.appendChild(link(item));
    });
    slot.replaceChildren(list);
    slot.setAttribute('data-account-state', state.signedIn ? 'signed-in' : 'signed-out');
  }

  function ready() {
    var slot = document.querySelector('[data-account-widget]');
    if (!slot || typeof fetch !== 'function') return;
    fetch('/authenticated', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (response) {
        return response.ok ? response.json() : null;
      })
      .then(function (state) {
        fill(slot, state);
      })
      .catch(function () {
        // Offline or the CMS is down: the signed-out links stay.
      });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', ready);
  else ready();
})();
