/* global document, navigator, window */
// The site's one script (CSP: script-src 'self', no inline code). Pages work without it.
// 1. /downloads/: show the download button for the visitor's OS. The page is cached and
//    shared, so only the browser can choose; without this script all buttons show.
// 2. The home page slideshow: rotate the code samples.
(function () {
  'use strict';
  document.documentElement.classList.add('js');

  function detectOs(userAgent) {
    if (/Windows/i.test(userAgent)) return 'windows';
    if (/iPhone|iPad|iPod/i.test(userAgent)) return null;
    if (/Macintosh|Mac OS X/i.test(userAgent)) return 'macos';
    if (/Linux|X11|BSD/i.test(userAgent) && !/Android/i.test(userAgent)) return 'source';
    return null;
  }

  function pickDownload() {
    var container = document.querySelector('[data-download-os]');
    if (!container) return;
    var os = detectOs(navigator.userAgent);
    var match = os && container.querySelector('.download-os-' + os);
    if (!match) return;
    container.classList.add('download-buttons--picked');
    match.classList.add('download-os--picked');
  }

  function startSlideshow() {
    var slides = document.querySelectorAll('[data-slideshow] [data-slide]');
    if (slides.length < 2) return;
    if (window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches) return;
    var current = 0;
    setInterval(function () {
      slides[current].classList.remove('slide--active');
      current = (current + 1) % slides.length;
      slides[current].classList.add('slide--active');
    }, 8000);
  }

  function ready() {
    pickDownload();
    startSlideshow();
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', ready);
  else ready();
})();
