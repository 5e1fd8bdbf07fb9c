// netcalls report: draws the run's JSON (the <script id="data"> block) with ECharts. No network: everything
// this page needs is inlined. The page's head script writes any error into the page (#page-errors).
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('data').textContent);
  var PHASES = ['blocked', 'dns', 'connecting', 'tls_handshaking', 'sending', 'waiting', 'receiving', 'close'];
  var COLORS = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f',
    '#bab0ac', '#1f77b4', '#17becf', '#8c564b', '#7f7f7f', '#bcbd22'];
  var charts = [];

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }
  // the one way a value reaches HTML (ECharts' tooltip formatters return HTML); everything else is textContent
  function esc(v) {
    return String(v === undefined || v === null ? '' : v).replace(/&/g, '&amp;').replace(/</g, '&lt;')
      .replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
  }
  function fmt(v) {
    if (v === null || v === undefined || isNaN(v)) { return ''; }
    var a = Math.abs(v);
    return a >= 100 ? v.toFixed(1) : a >= 10 ? v.toFixed(2) : a >= 1 ? v.toFixed(3) : v.toPrecision(3);
  }
  function chart(id, option, height) {
    var box = document.getElementById(id);
    if (height) { box.style.height = height + 'px'; }
    var c = echarts.getInstanceByDom(box);
    if (c) {
      c.resize();
    } else {
      c = echarts.init(box, null, { renderer: 'canvas' });
      charts.push(c);
    }
    option.animation = false;
    c.setOption(option, true);
    return c;
  }
  function label(g) { return g.client + ' ' + g.strategy; }
  function viewOf(g) { return g.bench + ' · ' + (g.scheme || '-') + (g.other ? ' · ' + g.other : ''); }
  function toUs(v, unit) {
    var m = /^(ns|us|ms|s)\/op$/.exec(unit || '');
    return m ? v * { ns: 0.001, us: 1, ms: 1000, s: 1e6 }[m[1]] : NaN;
  }
  function unique(list) { return list.filter(function (x, i) { return list.indexOf(x) === i; }); }

  // ---- the run ----
  var run = data.run;
  document.getElementById('run-id').textContent = run.id;
  var info = document.getElementById('run-info');
  [['start', run.start], ['end', run.end], ['duration', run.duration], ['commit', run.gitCommit],
    ['JDK', run.forkJdk ? 'forks on ' + run.forkJdk : (run.jdk || '') + (run.vm ? ' (' + run.vm + ')' : '')], ['host', run.host], ['testbed', run.testbed],
    ['target', run.target], ['arguments', run.args || '(none: the default suite)'],
    ['JMH options', (run.jmh || []).join('; ')], ['samples kept', run.samplesKept],
    ['samples dropped', run.samplesDropped], ['exit code', run.exitCode]].forEach(function (kv) {
    if (kv[1] === undefined || kv[1] === null || kv[1] === '') { return; }
    info.appendChild(el('dt', {}, kv[0]));
    info.appendChild(el('dd', {}, kv[1]));
  });

  // ---- results table (sortable) ----
  var COLS = [['benchmark', 'bench'], ['client', 'client'], ['strategy', 'strategy'], ['scheme', 'scheme'],
    ['params', 'other'], ['unit', 'unit'], ['p50', 'p50'], ['p90', 'p90'], ['p99', 'p99'], ['p99.9', 'p99_9'],
    ['p50 spread', 'spread'], ['samples', 'samples'], ['steady state', 'steady']];
  var table = document.getElementById('results-table');
  var thead = el('thead');
  var hr = el('tr');
  COLS.forEach(function (c, i) {
    var th = el('th', { 'data-col': c[1] }, c[0]);
    th.addEventListener('click', function () { sortBy(i, th); });
    hr.appendChild(th);
  });
  thead.appendChild(hr);
  table.appendChild(thead);
  var tbody = el('tbody');
  table.appendChild(tbody);
  // a page of 10,000 parameter sets never finished rendering: what is drawn is capped, and the page says so
  var MAX_ROWS = 2000, MAX_SPREAD = 300;
  function capped(list, max, what, after) {
    if (list.length > max) {
      after.parentNode.insertBefore(el('p', { 'class': 'note capped' }, 'Showing the first ' + max + ' of ' +
        list.length + ' ' + what + ' (java -jar target/benchmarks.jar summary RUN_DIR prints them all).'),
        after.nextSibling);
    }
    return list.slice(0, max);
  }
  capped(data.results, MAX_ROWS, 'results', table.parentNode).forEach(function (r) {
    var tr = el('tr', { 'data-key': r.key });
    if (r.failed) { tr.className = 'failed'; }
    COLS.forEach(function (c) {
      var key = c[1];
      var td;
      if (r.pct && key in r.pct || /^p\d/.test(key)) {
        var p = (r.pct || {})[key];
        td = el('td', { 'class': 'num', 'data-v': p && p.v !== undefined ? p.v : '' }, p ? p.t : '');
        if (p && p.thin) {
          td.className += ' thin';
          td.title = 'fewer than 10 of the ' + r.samples + ' samples lie beyond this percentile';
          td.appendChild(el('sup', {}, '†'));
        }
      } else if (key === 'spread') {
        td = el('td', { 'class': 'num', 'data-v': r.spread ? r.spread.hi - r.spread.lo : '' },
          r.spread ? r.spread.t : '');
      } else if (key === 'samples') {
        td = el('td', { 'class': 'num', 'data-v': r.samples }, r.samples ? r.samples : '');
      } else {
        td = el('td', {}, r[key]);
      }
      tr.appendChild(td);
    });
    tbody.appendChild(tr);
  });
  function sortBy(i, th) {
    var desc = th.classList.contains('asc');
    Array.prototype.forEach.call(thead.querySelectorAll('th'), function (h) { h.classList.remove('asc', 'desc'); });
    th.classList.add(desc ? 'desc' : 'asc');
    var rows = Array.prototype.slice.call(tbody.rows);
    rows.sort(function (a, b) {
      var x = a.cells[i], y = b.cells[i];
      var xv = x.getAttribute('data-v'), yv = y.getAttribute('data-v');
      var c = xv !== null ? (parseFloat(xv) || 0) - (parseFloat(yv) || 0) : x.textContent.localeCompare(y.textContent);
      return desc ? -c : c;
    });
    rows.forEach(function (r) { tbody.appendChild(r); });
  }

  // ---- p50 with its spread ----
  var spreadRows = capped(data.results.filter(function (r) {
    return r.pct && r.pct.p50 && r.pct.p50.v !== undefined && !isNaN(toUs(r.pct.p50.v, r.unit));
  }), MAX_SPREAD, 'results in this chart', document.getElementById('chart-spread'));
  if (spreadRows.length) {
    var names = spreadRows.map(function (r) { return r.bench + ' ' + r.client + ' ' + r.strategy + ' ' + r.scheme; });
    chart('chart-spread', {
      grid: { left: 320, right: 30, top: 10, bottom: 40 },
      tooltip: { trigger: 'item' },
      xAxis: { type: 'log', name: 'µs', nameLocation: 'middle', nameGap: 25 },
      yAxis: { type: 'category', data: names, inverse: true, axisLabel: { fontSize: 11 } },
      series: [{
        type: 'custom', name: 'spread', encode: { x: [1, 2], y: 0 }, renderItem: function (params, api) {
          var lo = api.coord([api.value(1), api.value(0)]), hi = api.coord([api.value(2), api.value(0)]);
          var h = api.size([0, 1])[1] * 0.3;
          var style = { stroke: '#535d6e', lineWidth: 1.5 };
          return { type: 'group', children: [
            { type: 'line', shape: { x1: lo[0], y1: lo[1], x2: hi[0], y2: hi[1] }, style: style },
            { type: 'line', shape: { x1: lo[0], y1: lo[1] - h, x2: lo[0], y2: lo[1] + h }, style: style },
            { type: 'line', shape: { x1: hi[0], y1: hi[1] - h, x2: hi[0], y2: hi[1] + h }, style: style }] };
        },
        data: spreadRows.map(function (r, i) {
          return r.spread ? [i, toUs(r.spread.lo, r.unit), toUs(r.spread.hi, r.unit)] : [i, NaN, NaN];
        }),
        tooltip: { formatter: function (p) { return 'spread ' + esc(fmt(p.value[1])) + ' – ' + esc(fmt(p.value[2])) + ' µs'; } }
      }, {
        type: 'scatter', name: 'p50', symbolSize: 8, itemStyle: { color: '#2f5fb3' },
        data: spreadRows.map(function (r, i) { return [toUs(r.pct.p50.v, r.unit), i]; }),
        tooltip: { formatter: function (p) { return esc(names[p.value[1]]) + '<br>p50 ' + esc(fmt(p.value[0])) + ' µs'; } }
      }]
    }, 40 + 22 * spreadRows.length);
  } else {
    // an open-loop run has no per-operation latency here: its numbers are in its own section
    document.getElementById('chart-spread').textContent = 'No per-operation result to plot' +
      ((data.openloop || []).length ? ': open-loop results are under "Latency at a constant rate".' : '.');
    document.getElementById('chart-spread').style.height = 'auto';
  }

  // ---- failed or missing ----
  var missing = document.getElementById('missing');
  var failed = data.results.filter(function (r) { return r.failed; });
  if (!failed.length && !data.missing.length) {
    missing.appendChild(el('p', { 'class': 'note' }, 'None: every benchmark × parameter set of the run has a result.'));
  } else {
    var ul = el('ul', { id: 'missing-list' });
    failed.forEach(function (r) { ul.appendChild(el('li', {}, r.key + ': failed (JMH wrote no percentiles)')); });
    capped(data.missing, MAX_ROWS, 'missing parameter sets', missing).forEach(function (m) {
      ul.appendChild(el('li', {}, m.key + ': ' + m.why));
    });
    missing.appendChild(ul);
  }
  if (run.exitCode) {
    missing.appendChild(el('p', { 'class': 'errors' }, 'The run exited ' + run.exitCode +
      ': a benchmark failed (its output names it).'));
  }

  // ---- latency by percentile, phases ----
  var baseGroups = data.baseline ? data.baseline.groups : [];
  var views = unique(data.groups.map(viewOf));
  views.sort(function (a, b) { return (b.indexOf('RequestLatency') === 0) - (a.indexOf('RequestLatency') === 0); });
  var select = document.getElementById('view');
  views.forEach(function (v) { select.appendChild(el('option', { value: v }, v)); });
  select.addEventListener('change', function () { drawView(select.value); });
  function px(p) { return 100 / (100 - p); }
  function curveSeries(g, color, suffix, dashed) {
    var solid = [], dotted = [];
    g.curve.forEach(function (pt, i) {
      var xy = [px(pt[0]), pt[1]];
      if (!pt[2]) { solid.push(xy); }
      if (pt[2] || (g.curve[i + 1] && g.curve[i + 1][2])) { dotted.push(xy); }
    });
    var name = label(g) + suffix;
    var base = { type: 'line', name: name, showSymbol: false, color: color };
    return [Object.assign({}, base, { data: solid, lineStyle: { width: 2, type: dashed ? 'dashed' : 'solid' } }),
      Object.assign({}, base, { data: dotted, lineStyle: { width: 1.5, type: 'dotted' } })];
  }
  function drawView(view) {
    var groups = data.groups.filter(function (g) { return viewOf(g) === view; });
    var series = [];
    groups.forEach(function (g, i) {
      var color = COLORS[i % COLORS.length];
      series = series.concat(curveSeries(g, color, '', false));
      baseGroups.filter(function (b) { return b.key === g.key; }).forEach(function (b) {
        series = series.concat(curveSeries(b, color, ' (baseline ' + data.baseline.id + ')', true));
      });
    });
    chart('chart-curves', {
      grid: { left: 70, right: 30, top: 60, bottom: 50 },
      legend: { top: 0, type: 'scroll' },
      tooltip: { trigger: 'item', formatter: function (p) {
        return esc(p.seriesName) + '<br>p' + esc((100 - 100 / p.value[0]).toPrecision(4)) + ': ' + esc(fmt(p.value[1])) +
          ' µs';
      } },
      xAxis: { type: 'log', min: 1, max: 10000, name: 'percentile', nameLocation: 'middle', nameGap: 28,
        axisLabel: { formatter: function (x) { return +(100 - 100 / x).toPrecision(4) + '%'; } } },
      yAxis: { type: 'log', name: 'µs', scale: true },
      series: series
    });
    var phaseSeries = PHASES.map(function (ph, i) {
      return { type: 'bar', stack: 'call', name: ph === 'tls_handshaking' ? 'tls' : ph, color: COLORS[i],
        data: groups.map(function (g) {
          var p = g.phases.filter(function (x) { return x.name === ph; })[0];
          return { value: p.meanUs, p50: p.p50Us, calls: p.calls, all: g.calls };
        }) };
    });
    chart('chart-phases', {
      grid: { left: 170, right: 30, top: 40, bottom: 40 },
      legend: { top: 0 },
      tooltip: { trigger: 'item', formatter: function (p) {
        return esc(p.name) + ' · ' + esc(p.seriesName) + '<br>mean per call ' + esc(fmt(p.data.value)) +
          ' µs<br>median of the ' + esc(p.data.calls) + ' of ' + esc(p.data.all) + ' calls that went through it: ' +
          esc(fmt(p.data.p50)) + ' µs';
      } },
      xAxis: { type: 'value', name: 'µs per call', nameLocation: 'middle', nameGap: 25 },
      yAxis: { type: 'category', data: groups.map(label), inverse: true },
      series: phaseSeries
    }, 80 + 34 * groups.length);
    var notes = unique(groups.map(function (g) { return g.client; })).filter(function (c) {
      return data.invisible[c];
    }).map(function (c) { return c + ' cannot see ' + data.invisible[c].join(', ') + ': its bars leave them out.'; });
    document.getElementById('phase-note').textContent = notes.join(' ');
  }
  if (views.length) {
    drawView(views[0]);
  } else {
    document.getElementById('chart-curves').textContent = 'No traced samples in this run.';
  }

  // ---- paired requests ----
  var paired = data.groups.filter(function (g) { return g.bench.indexOf('PairedLatency.') === 0; });
  function delaysOf(g) { return (/(?:^| )delays=(\S+)/.exec(g.other) || [])[1] || ''; }
  var delays = unique(paired.map(delaysOf));
  var dsel = document.getElementById('delays');
  delays.forEach(function (d) { dsel.appendChild(el('option', { value: d }, d + ' ms')); });
  dsel.addEventListener('change', function () { drawPaired(dsel.value); });
  function drawPaired(d) {
    var gs = paired.filter(function (g) { return delaysOf(g) === d; });
    var cats = unique(gs.map(function (g) { return label(g) + (g.scheme === 'http' ? '' : ' ' + g.scheme); }));
    var ms = d.split(/[:,]/).map(Number).filter(function (x) { return !isNaN(x); });
    var sum = ms.reduce(function (a, b) { return a + b; }, 0), max = Math.max.apply(null, ms);
    var series = ['sequential', 'concurrent'].map(function (m, i) {
      return { type: 'bar', name: m, color: COLORS[i], data: cats.map(function (c) {
        var g = gs.filter(function (x) {
          return x.bench === 'PairedLatency.' + m && label(x) + (x.scheme === 'http' ? '' : ' ' + x.scheme) === c;
        })[0];
        return g && g.legP50.pair !== undefined ? g.legP50.pair / 1000 : null;
      }) };
    });
    series[0].markLine = { symbol: 'none', silent: true, data: [
      { yAxis: sum, name: 'sum', label: { formatter: 'sum of delays ' + sum + ' ms' }, lineStyle: { color: '#b3261e' } },
      { yAxis: max, name: 'max', label: { formatter: 'larger delay ' + max + ' ms' }, lineStyle: { color: '#1b7a3a' } }] };
    chart('chart-paired', {
      grid: { left: 60, right: 140, top: 40, bottom: 60 }, legend: { top: 0 }, tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: cats, axisLabel: { interval: 0, rotate: cats.length > 6 ? 30 : 0 } },
      yAxis: { type: 'value', name: 'ms (p50 of the pair)', max: function (v) { return Math.ceil(Math.max(v.max, sum) * 1.1 / 10) * 10; } },
      series: series
    });
  }
  if (delays.length) {
    drawPaired(delays[0]);
  } else {
    document.getElementById('chart-paired').textContent = 'No PairedLatency samples in this run.';
    document.getElementById('chart-paired').style.height = 'auto';
  }

  // ---- connection reuse ----
  var traced = data.groups.filter(function (g) { return g.bench.indexOf('FailureLatency') !== 0; });
  var strategies = unique(traced.map(function (g) { return g.strategy; }));
  var clients = unique(traced.map(function (g) { return g.client; })).filter(function (c) {
    return traced.some(function (g) { return g.client === c && g.reuseKnown > 0; });
  });
  if (clients.length) {
    chart('chart-reuse', {
      grid: { left: 60, right: 30, top: 40, bottom: 40 }, legend: { top: 0 }, tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: strategies },
      yAxis: { type: 'value', min: 0, max: 100, name: '% reused' },
      series: clients.map(function (c, i) {
        return { type: 'bar', name: c, color: COLORS[i], data: strategies.map(function (s) {
          var known = 0, reused = 0;
          traced.forEach(function (g) {
            if (g.client === c && g.strategy === s) { known += g.reuseKnown; reused += g.reused; }
          });
          return known ? Math.round(1000 * reused / known) / 10 : null;
        }) };
      })
    }, 320);
  } else {
    document.getElementById('chart-reuse').textContent = 'No call in this run says whether it reused a connection.';
    document.getElementById('chart-reuse').style.height = 'auto';
  }
  var blind = unique(traced.map(function (g) { return g.client; })).filter(function (c) {
    return (data.invisible[c] || []).indexOf('reuse') >= 0;
  });
  document.getElementById('reuse-note').textContent = blind.length ? blind.join(', ') +
    ': the client cannot tell a reused connection from a new one, so it has no bar.' : '';

  // ---- failures ----
  var fbody = document.getElementById('failures-body');
  var frows = [];
  data.groups.forEach(function (g) {
    Object.keys(g.failures).forEach(function (k) { frows.push([g.bench, g.client, g.strategy, g.other, k, g.failures[k]]); });
  });
  if (!frows.length) {
    fbody.appendChild(el('p', { 'class': 'note' }, 'No failed calls in the samples.'));
    document.getElementById('chart-failures').style.display = 'none';
  } else {
    var ft = el('table', { id: 'failures-table' });
    var h = el('tr');
    ['benchmark', 'client', 'strategy', 'params', 'exception <- root cause', 'calls'].forEach(function (x) {
      h.appendChild(el('th', {}, x));
    });
    ft.appendChild(h);
    frows.forEach(function (r) {
      var tr = el('tr');
      r.forEach(function (x, i) { tr.appendChild(el('td', i === 5 ? { 'class': 'num' } : {}, x)); });
      ft.appendChild(tr);
    });
    fbody.appendChild(ft);
    var kinds = unique(frows.map(function (r) { return r[4]; }));
    var fclients = unique(frows.map(function (r) { return r[1]; }));
    chart('chart-failures', {
      grid: { left: 300, right: 30, top: 40, bottom: 40 }, legend: { top: 0 }, tooltip: { trigger: 'item' },
      xAxis: { type: 'value', name: 'failed calls', nameLocation: 'middle', nameGap: 25 },
      yAxis: { type: 'category', data: kinds, inverse: true, axisLabel: { fontSize: 11, formatter: function (k) {
        return k.replace(/\b[a-z][a-z0-9_]*(\.[a-z0-9_]+)*\.(?=[A-Z])/g, ''); // class names without packages
      } } },
      series: fclients.map(function (c, i) {
        return { type: 'bar', stack: 'f', name: c, color: COLORS[i], data: kinds.map(function (k) {
          return frows.filter(function (r) { return r[1] === c && r[4] === k; })
            .reduce(function (a, r) { return a + r[5]; }, 0);
        }) };
      })
    }, 80 + 34 * kinds.length);
  }

  // ---- open loop ----
  var openloop = data.openloop || [];
  if (openloop.length) {
    document.getElementById('openloop').hidden = false;
    var PCTS = ['p50', 'p90', 'p99', 'p99.9', 'p99.99', 'max'];
    var ot = document.getElementById('openloop-table');
    var oh = el('tr');
    ['client', 'strategy', 'scheme', 'params', 'rate/s', 'achieved/s'].concat(
      PCTS.map(function (p) { return 'corr ' + p; }), ['uncorr p50', 'uncorr p99', 'uncorr max', 'gen floor', 'failed',
      'timeouts', 'cores']).forEach(function (x) { oh.appendChild(el('th', {}, x)); });
    ot.appendChild(oh);
    var onotes = document.getElementById('openloop-notes');
    openloop.forEach(function (r) {
      var tr = el('tr', { 'class': r.valid ? 'openloop-ok' : 'openloop-invalid' });
      [r.client, r.strategy, r.scheme, r.other].forEach(function (x) { tr.appendChild(el('td', {}, x)); });
      var c = r.corrected || {}, u = r.uncorrected || {};
      [r.rate, r.achieved].forEach(function (v) { tr.appendChild(el('td', { 'class': 'num' }, fmt(v))); });
      PCTS.forEach(function (p) {
        var td = el('td', { 'class': 'num' }, c[p] === undefined ? '–' : fmt(c[p]));
        if (c[p] !== undefined && (r.thin || []).indexOf(p) >= 0) {
          td.className += ' thin';
          td.title = 'fewer than 10 of the ' + r.scheduled + ' requests lie beyond this percentile';
          td.appendChild(el('sup', {}, '†'));
        }
        tr.appendChild(td);
      });
      [u.p50, u.p99, u.max, r.floor].forEach(function (v) {
        tr.appendChild(el('td', { 'class': 'num' }, v === undefined || v === null ? '–' : fmt(v)));
      });
      [r.failed, r.timeouts, fmt(r.cores)].forEach(function (v) { tr.appendChild(el('td', { 'class': 'num' }, v)); });
      ot.appendChild(tr);
      if (r.tail !== 'all_scheduled') {
        onotes.appendChild(el('p', { 'class': 'errors' }, r.client + ' ' + r.strategy + ' ' + r.scheme + ' (' + r.trial +
          '): written before failures were counted, its corrected percentiles are of the completed requests only'));
      }
      if (!r.valid) {
        onotes.appendChild(el('p', { 'class': 'errors' }, r.client + ' ' + r.strategy + ' ' + r.scheme + ' at ' +
          fmt(r.rate) + '/s (' + r.trial + '): ' + r.why));
      }
    });
    var ovalid = openloop.filter(function (r) { return r.valid; });
    if (ovalid.length) {
      var oseries = [];
      ovalid.forEach(function (r, i) {
        var name = r.client + ' ' + r.strategy + ' ' + r.scheme + ' ' + fmt(r.rate) + '/s #' + (i + 1);
        var color = COLORS[i % COLORS.length];
        oseries.push({ type: 'line', name: name + ' corrected', color: color, data: PCTS.map(function (p) { return r.corrected[p]; }) });
        oseries.push({ type: 'line', name: name + ' uncorrected', color: color, lineStyle: { type: 'dashed' },
          data: PCTS.map(function (p) { return r.uncorrected[p]; }) });
      });
      chart('chart-openloop', {
        grid: { left: 70, right: 30, top: 40 + 12 * Math.ceil(oseries.length / 4), bottom: 40 },
        legend: { top: 0, type: 'scroll' }, tooltip: { trigger: 'axis' },
        xAxis: { type: 'category', data: PCTS, name: 'percentile' },
        yAxis: { type: 'log', name: 'µs (solid: corrected, dashed: uncorrected)' },
        series: oseries
      }, 380);
    } else {
      document.getElementById('chart-openloop').textContent = 'No open-loop fork reached its rate: nothing to plot.';
      document.getElementById('chart-openloop').style.height = 'auto';
    }
  }

  // ---- profiles: links to each trial's flame graphs, beside this file in profiles/ ----
  if (data.profile) {
    document.getElementById('profiles').hidden = false;
    document.getElementById('profile-note').textContent = data.profile.describe;
    var plist = document.getElementById('profile-list');
    data.profile.flameGraphs.forEach(function (f) {
      var li = el('li');
      li.appendChild(el('a', { href: f.split('/').map(encodeURIComponent).join('/') }, f.substring(f.indexOf('/') + 1)));
      plist.appendChild(li);
    });
  }

  // ---- cost per call ----
  var cost = data.cost || [];
  if (cost.length) {
    document.getElementById('cost').hidden = false;
    var GROUPS = ['client', 'server', 'rest'];
    var ct0 = document.getElementById('cost-table');
    var head = el('tr');
    ['benchmark', 'client', 'strategy', 'scheme', 'params', 'forks', 'alloc B client', 'server', 'rest',
      'cpu µs client', 'server', 'rest', 'cpu µs JVM', 'ended'].forEach(function (h) { head.appendChild(el('th', {}, h)); });
    ct0.appendChild(head);
    cost.forEach(function (r) {
      var tr = el('tr');
      [r.bench, r.client, r.strategy, r.scheme, r.other].forEach(function (v) { tr.appendChild(el('td', {}, v)); });
      [r.forks].concat(GROUPS.map(function (g) { return Math.round(r.allocBytes[g]); }),
        GROUPS.map(function (g) { return fmt(r.cpuUs[g]); }), [r.jvmCpuUs === undefined ? '–' : fmt(r.jvmCpuUs),
          r.threadsEnded]).forEach(function (v) { tr.appendChild(el('td', { 'class': 'num' }, v)); });
      ct0.appendChild(tr);
    });
    var costNames = cost.map(function (r) { return r.client + ' ' + r.strategy + ' ' + r.scheme + (r.other ? ' ' + r.other : ''); });
    function costChart(id, field, unit) {
      chart(id, {
        grid: { left: 220, right: 30, top: 40, bottom: 40 }, legend: { top: 0 }, tooltip: { trigger: 'axis' },
        xAxis: { type: 'value', name: unit }, yAxis: { type: 'category', data: costNames },
        series: GROUPS.map(function (g, i) {
          return { type: 'bar', stack: 'all', name: g, color: COLORS[i],
            data: cost.map(function (r) { return r[field][g]; }) };
        })
      }, 80 + 24 * cost.length);
    }
    costChart('chart-cost-alloc', 'allocBytes', 'bytes allocated per call');
    costChart('chart-cost-cpu', 'cpuUs', 'CPU µs per call');
  }

  // a table of strings, header row first (compare's own cells)
  function fillTable(table, rows) {
    rows.forEach(function (r, i) {
      var tr = el('tr');
      r.forEach(function (x) { tr.appendChild(el(i === 0 ? 'th' : 'td', {}, x)); });
      table.appendChild(tr);
    });
  }

  // ---- comparison ----
  if (data.comparison) {
    var cmp = data.comparison;
    document.getElementById('comparison').hidden = false;
    document.getElementById('baseline-id').textContent = cmp.baselineId;
    var notesBox = document.getElementById('comparison-notes');
    if (cmp.error) {
      notesBox.appendChild(el('p', { 'class': 'errors' }, 'Not compared: ' + cmp.error));
    } else {
      var ct = document.getElementById('comparison-table');
      cmp.rows.forEach(function (r, i) {
        var tr = el('tr');
        r.forEach(function (x, j) {
          var td = el(i === 0 ? 'th' : 'td', {}, x);
          if (i > 0 && j === 12) { td.className = 'verdict-' + x.split(' ')[0]; }
          tr.appendChild(td);
        });
        ct.appendChild(tr);
      });
      cmp.footer.forEach(function (f) { notesBox.appendChild(el('p', { 'class': 'note' }, f)); });
      cmp.warnings.forEach(function (w) { notesBox.appendChild(el('p', { 'class': 'errors' }, w)); });
      fillTable(document.getElementById('comparison-cost'), cmp.costRows || []);
      (cmp.costNotes || []).forEach(function (n) {
        document.getElementById('comparison-cost-notes').appendChild(el('p', { 'class': 'note' }, n));
      });
      if (cmp.frames) {
        document.getElementById('comparison-stacks').hidden = false;
        fillTable(document.getElementById('comparison-frames'), cmp.frames);
        var fl = document.getElementById('comparison-flamegraphs');
        (cmp.flameGraphs || []).forEach(function (f) {
          var li = el('li');
          li.appendChild(el('a', { href: f }, 'differential flame graph: ' + f));
          fl.appendChild(li);
        });
      }
      (cmp.frameNotes || []).forEach(function (n) {
        document.getElementById('comparison-frame-notes').appendChild(el('p', { 'class': 'note' }, n));
      });
    }
  }

  // ---- what could not be read ----
  if (data.problems.length) {
    document.getElementById('problems').hidden = false;
    var pl = document.getElementById('problem-list');
    data.problems.forEach(function (p) { pl.appendChild(el('li', {}, p)); });
  }

  window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
  document.body.setAttribute('data-resources', String(performance.getEntriesByType('resource').length));
  document.body.setAttribute('data-rendered', 'true');
})();
