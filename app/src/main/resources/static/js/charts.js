// Charts of the dashboard and campaign pages (ECharts). Each chart's data sits in the data-chart
// attribute of its element, written by the server; the table beside it carries the same figures.
(function () {
  'use strict';

  var palette = ['#1f5fa8', '#b3261e', '#1b7f4a', '#8a4b08', '#6b3fa0', '#0f6e76', '#a3195b', '#4d5b6a'];

  function option(data) {
    var base = { color: palette, tooltip: { trigger: data.kind === 'pie' ? 'item' : 'axis' }, textStyle: { fontFamily: 'system-ui, sans-serif' } };
    if (data.kind === 'pie') {
      base.legend = { bottom: 0, type: 'scroll' };
      base.series = [{ type: 'pie', radius: ['35%', '65%'], data: data.items, label: { formatter: '{b}: {d}%' } }];
      return base;
    }
    var categories = data.kind === 'bars' ? data.categories : data.days;
    base.legend = { top: 0 };
    base.grid = { left: 50, right: 16, top: 36, bottom: 40 };
    base.xAxis = { type: 'category', data: categories, axisLabel: { hideOverlap: true } };
    base.yAxis = { type: 'value' };
    base.series = data.series.map(function (s, i) {
      var series = { name: s.name, type: data.kind === 'bars' ? 'bar' : 'line', data: s.values, smooth: true, showSymbol: false };
      if (data.kind === 'bars' && i === 0 && data.colours) {
        series.itemStyle = { color: function (p) { return data.colours[p.dataIndex]; } };
      }
      if (data.kind === 'bars' && i === 1) { series.itemStyle = { color: '#aab2bd' }; }
      return series;
    });
    return base;
  }

  document.addEventListener('DOMContentLoaded', function () {
    if (!window.echarts) { return; }
    var charts = [];
    document.querySelectorAll('[data-chart]').forEach(function (el) {
      var data;
      try { data = JSON.parse(el.dataset.chart); } catch (e) { return; }
      var chart = window.echarts.init(el, null, { renderer: 'canvas' });
      chart.setOption(option(data));
      el.setAttribute('data-rendered', 'true');
      charts.push(chart);
    });
    window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
  });
})();
