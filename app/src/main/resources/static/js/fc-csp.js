// Lets FullCalendar style itself under a Content-Security-Policy whose style-src has neither a nonce
// nor 'unsafe-inline'. FullCalendar 6 writes its CSS with insertRule() into a <style data-fullcalendar>
// element it finds (or makes); a style element is blocked by such a policy and has no sheet. Here the
// element it will find answers with a constructed stylesheet instead, adopted by the document, which
// the policy does not govern. Loaded before FullCalendar; where constructed stylesheets are missing it
// does nothing and FullCalendar injects its styles as usual.
(function () {
  'use strict';
  if (!('adoptedStyleSheets' in Document.prototype) || typeof CSSStyleSheet !== 'function') { return; }
  var sheet;
  try { sheet = new CSSStyleSheet(); } catch (e) { return; }
  document.adoptedStyleSheets = document.adoptedStyleSheets.concat([sheet]);
  var holder = document.createElement('style');
  holder.setAttribute('data-fullcalendar', '');
  Object.defineProperty(holder, 'sheet', { get: function () { return sheet; } });
  document.head.appendChild(holder);
})();
