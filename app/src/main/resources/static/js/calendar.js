// Page 1: the planner calendar (FullCalendar). Events come from /calendar/events in the city's wall
// clock (FullCalendar runs in 'UTC' so it shows those times as given, whatever the browser's zone).
(function () {
  'use strict';

  document.addEventListener('DOMContentLoaded', function () {
    var el = document.getElementById('calendar');
    if (!el || !window.FullCalendar) { return; }
    var d = el.dataset;
    var message = document.getElementById('calendar-message');
    var filters = document.getElementById('calendar-filters');

    function say(text, ok) {
      message.hidden = false;
      message.textContent = text;
      message.className = 'flash ' + (ok ? 'ok' : 'bad');
    }

    function wallClock(date) {
      // FullCalendar's 'UTC' dates hold the city's wall-clock time.
      return date.toISOString().substring(0, 16);
    }

    function filterParams() {
      var params = {};
      new FormData(filters).forEach(function (value, key) { if (value) { params[key] = value; } });
      return params;
    }

    function openPanel(deliveryId) {
      var panel = document.getElementById('calendar-panel');
      window.htmx.ajax('GET', d.deliveries + '/' + deliveryId, { target: panel, swap: 'innerHTML' })
        .then(function () {
          var heading = panel.querySelector('h2');
          if (heading) { heading.setAttribute('tabindex', '-1'); heading.focus(); }
        });
    }

    var calendar = new window.FullCalendar.Calendar(el, {
      timeZone: 'UTC',
      locale: d.locale,
      firstDay: 1,
      initialDate: d.todayDate,
      now: d.todayDate ? d.todayNow : undefined,
      initialView: window.matchMedia('(max-width: 700px)').matches ? 'listWeek' : 'dayGridMonth',
      headerToolbar: { left: 'prev,next today', center: 'title', right: 'dayGridMonth,timeGridWeek,listMonth' },
      buttonText: { today: d.today, month: d.month, week: d.week, list: d.list, prev: '‹', next: '›' },
      // FullCalendar's arrow icons are a data: font, which a font-src 'self' policy refuses: text arrows.
      buttonIcons: false,
      buttonHints: { prev: d.prev, next: d.next },
      noEventsText: d.none,
      moreLinkText: function (n) { return '+' + n + ' ' + d.more; },
      allDayText: '',
      dayMaxEvents: 4,
      height: 'auto',
      eventDisplay: 'block',
      navLinks: true,
      nowIndicator: true,
      editable: d.editable === 'true',
      eventDurationEditable: false,
      eventTimeFormat: { hour: '2-digit', minute: '2-digit', hour12: false },
      slotLabelFormat: { hour: '2-digit', minute: '2-digit', hour12: false },
      events: { url: d.events, extraParams: filterParams },
      eventDidMount: function (info) {
        var p = info.event.extendedProps;
        if (p.kind === 'delivery') {
          info.el.setAttribute('title', info.event.title + ' · ' + p.channel + ' · ' + p.statusLabel);
          info.el.setAttribute('data-delivery', p.deliveryId);
          info.el.setAttribute('aria-label', info.event.title + ', ' + p.channel + ', ' + p.statusLabel);
        } else {
          info.el.setAttribute('data-slot', '1');
        }
      },
      eventClick: function (info) {
        info.jsEvent.preventDefault();
        if (info.event.extendedProps.kind === 'delivery') {
          openPanel(info.event.extendedProps.deliveryId);
        }
      },
      eventDrop: function (info) {
        var p = info.event.extendedProps;
        var body = new URLSearchParams();
        body.set('at', wallClock(info.event.start));
        var headers = { 'Content-Type': 'application/x-www-form-urlencoded', 'Accept': 'application/json' };
        var c = window.loaCsrf();
        if (c) { headers[c.header] = c.token; }
        fetch(d.deliveries + '/' + p.deliveryId + '/move', { method: 'POST', headers: headers, body: body, credentials: 'same-origin' })
          .then(function (res) {
            return res.text().then(function (text) {
              var json;
              try { json = JSON.parse(text); } catch (e) { json = {}; }
              if (!json.message && !res.ok) {
                json.message = 'HTTP ' + res.status + ' ' + (json.detail || text.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').substring(0, 300));
              }
              return { ok: res.ok, json: json };
            });
          })
          .then(function (r) {
            if (r.ok) {
              say(d.moved.replace('{0}', info.event.title).replace('{1}', r.json.at), true);
            } else {
              info.revert();
              say(d.refused.replace('{0}', r.json.message || ''), false);
            }
          })
          .catch(function (err) { info.revert(); say(d.refused.replace('{0}', String(err)), false); });
      }
    });
    calendar.render();
    window.loaCalendar = calendar;
    filters.addEventListener('change', function () { calendar.refetchEvents(); });
    filters.addEventListener('submit', function (e) { e.preventDefault(); calendar.refetchEvents(); });
  });
})();
