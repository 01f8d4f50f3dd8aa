// The dashboard's chart of the cohort placement rate (all graduates): one bar per university (rate in
// %), with the mid-year and year-end targets as lines. The data is the table that the chart's
// data-table names (its text alternative). The share among registered leavers is not drawn.
(function () {
  'use strict';
  var el = document.getElementById('placement-chart');
  if (!el || typeof echarts === 'undefined') { return; }
  var rows = Array.prototype.slice.call(document.querySelectorAll('#' + (el.getAttribute('data-table') || 'cohort-universities') + ' tbody tr'));
  var names = rows.map(function (r) { return r.getAttribute('data-name'); });
  var rates = rows.map(function (r) { return parseFloat(r.getAttribute('data-rate')); });
  var targets = (el.getAttribute('data-targets') || '70,90').split(',').map(parseFloat);
  var targetLabels = (el.getAttribute('data-target-labels') || '|').split('|');
  var current = parseFloat(el.getAttribute('data-current-target'));
  var colours = ['#b45309', '#14632f'];
  var chart = echarts.init(el, null, { renderer: 'svg' });
  chart.setOption({
    animation: false,
    grid: { left: 16, right: 150, top: 24, bottom: 16, containLabel: true },
    tooltip: { trigger: 'axis', valueFormatter: function (v) { return v + ' %'; } },
    xAxis: { type: 'category', data: names, axisLabel: { color: '#1b1f24', interval: 0, rotate: names.length > 4 ? 30 : 0 } },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value} %', color: '#1b1f24' } },
    series: [{
      name: el.getAttribute('data-series'),
      type: 'bar',
      data: rates.map(function (v) {
        return { value: v, itemStyle: { color: v >= current ? '#14632f' : '#0b5cab' } };
      }),
      label: { show: true, position: 'top', formatter: '{c} %', color: '#1b1f24' },
      markLine: {
        symbol: 'none',
        data: targets.map(function (t, i) {
          return { yAxis: t, name: targetLabels[i], lineStyle: { color: colours[i % 2], type: 'dashed', width: 2 },
            label: { formatter: targetLabels[i] + ' ' + t + ' %', color: colours[i % 2], position: 'end' } };
        })
      }
    }]
  });
  el.setAttribute('data-rendered', 'true');
  window.addEventListener('resize', function () { chart.resize(); });
}());
