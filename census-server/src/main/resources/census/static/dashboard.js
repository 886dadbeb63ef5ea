// Draws every chart of a product page from the JSON embedded beside its canvas; without this
// script the page shows the same numbers as tables.
(function () {
  'use strict';
  // Okabe-Ito: distinguishable with every common colour-vision deficiency. Grey is kept for "other".
  var palette = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'];
  var otherColour = '#999999';
  var dashes = [[], [6, 3], [2, 2], [8, 3, 2, 3]];
  // At most this many series are drawn, besides "other".
  var TOP = 8;

  function hash(text) {
    var h = 0;
    for (var i = 0; i < text.length; i++) {
      h = (h * 31 + text.charCodeAt(i)) | 0;
    }
    return Math.abs(h);
  }

  // A colour per series name that does not depend on the range, the view or the toggles: each name
  // has its own place in the palette; two names of one chart wanting the same place are settled
  // by name, the next free place going to the later one.
  function colours(labels) {
    var taken = {};
    var byName = {};
    labels.slice().sort().forEach(function (label) {
      if (label === 'other') {
        byName[label] = otherColour;
        return;
      }
      var place = hash(label) % palette.length;
      while (taken[place]) {
        place = (place + 1) % palette.length;
      }
      taken[place] = true;
      byName[label] = palette[place];
    });
    return byName;
  }

  // Days on which every series is zero or missing hold no data: drawn as gaps, not as zeros.
  function withGaps(data) {
    var empty = data.labels.map(function (label, day) {
      return data.datasets.every(function (set) { return !set.data[day]; });
    });
    return data.datasets.map(function (set) {
      return { label: set.label, data: set.data.map(function (value, day) { return empty[day] ? null : value; }) };
    });
  }

  // The 8 series with most systems on the last day that has data, in their order; the rest (and
  // any "other") summed into one "other", last.
  function topSeries(sets) {
    var named = sets.filter(function (set) { return set.label !== 'other'; });
    if (named.length <= TOP) {
      return sets;
    }
    var last = -1;
    sets.forEach(function (set) {
      set.data.forEach(function (value, day) { if (value !== null && value !== undefined && day > last) { last = day; } });
    });
    var ranked = named.slice().sort(function (a, b) { return (b.data[last] || 0) - (a.data[last] || 0); });
    var kept = ranked.slice(0, TOP);
    var rest = sets.filter(function (set) { return kept.indexOf(set) < 0; });
    var other = { label: 'other', data: sets[0].data.map(function (value, day) {
      var present = false;
      var sum = rest.reduce(function (total, set) {
        var v = set.data[day];
        if (v !== null && v !== undefined) { present = true; }
        return total + (v || 0);
      }, 0);
      return present ? sum : null;
    }) };
    return named.filter(function (set) { return kept.indexOf(set) >= 0; }).concat([other]);
  }

  function datasets(data, percent) {
    var stacked = data.style === 'stacked';
    var sets = topSeries(withGaps(data));
    var totals = data.labels.map(function (label, day) {
      return sets.reduce(function (sum, set) { return sum + (set.data[day] || 0); }, 0);
    });
    var byName = colours(sets.map(function (set) { return set.label; }));
    return sets.map(function (set, i) {
      var colour = byName[set.label];
      var values = !percent ? set.data : set.data.map(function (value, day) {
        return value === null || totals[day] === 0 ? null : Math.round(value * 10000 / totals[day]) / 100;
      });
      // Opaque fills between each layer and the one below: every area has exactly its legend's colour.
      return {
        label: set.label, data: values, borderColor: colour, backgroundColor: colour,
        fill: stacked ? (i === 0 ? 'origin' : '-1') : false, pointRadius: isolatedPoints(values), borderWidth: stacked ? 1 : 2,
        spanGaps: false, tension: 0, borderDash: stacked ? [] : dashes[i % dashes.length]
      };
    });
  }

  // A day with data between two without draws no line: it gets a dot, so a first day is seen.
  function isolatedPoints(values) {
    var has = function (day) { return day >= 0 && day < values.length && values[day] !== null && values[day] !== undefined; };
    return values.map(function (value, day) { return has(day) && !has(day - 1) && !has(day + 1) ? 3 : 0; });
  }

  // A view's data: embedded in the page, or (X.Y.Z) fetched once from the series API it names.
  function load(section, view) {
    var element = document.getElementById('data-' + section.id + '-' + view);
    if (!element.dataset.src) {
      return Promise.resolve(JSON.parse(element.textContent));
    }
    if (!element.loading) {
      var first = JSON.parse(document.getElementById('data-' + section.id + '-0').textContent);
      element.loading = fetch(element.dataset.src, { headers: { Accept: 'application/json' } })
        .then(function (answer) {
          if (!answer.ok) {
            throw new Error('HTTP ' + answer.status + ' for ' + element.dataset.src);
          }
          return answer.json();
        })
        .then(function (series) {
          return {
            style: first.style, unit: first.unit, labels: series.days,
            datasets: series.series.map(function (line) { return { label: line.key, data: line.values }; })
          };
        });
    }
    return element.loading;
  }

  function draw(section) {
    var id = section.id;
    var canvas = section.querySelector('canvas[data-chart]');
    var viewInput = section.querySelector('input[name="view-' + id + '"]:checked');
    var view = viewInput ? viewInput.value : '0';
    var percentInput = section.querySelector('input.percent');
    var percent = !!(percentInput && percentInput.checked);
    return load(section, view).then(function (data) {
      var stacked = data.style === 'stacked';
      if (section.chart) {
        section.chart.destroy();
      }
      section.chart = new Chart(canvas, {
        type: 'line',
        data: { labels: data.labels, datasets: datasets(data, percent) },
        options: {
          animation: false, responsive: true, maintainAspectRatio: false,
          interaction: { mode: 'index', intersect: false },
          scales: {
            x: { ticks: { maxTicksLimit: 8 } },
            y: { stacked: stacked, beginAtZero: true, max: percent ? 100 : undefined,
                 // Counts of systems are whole numbers: no tick at 0.5 systems.
                 ticks: { precision: data.style === 'stats' ? undefined : 0 },
                 title: { display: true, text: percent ? '% of systems' : data.unit } }
          },
          plugins: { legend: { position: 'bottom' } }
        }
      });
      canvas.dataset.view = view;
      canvas.dataset.percent = percent ? 'true' : 'false';
    }).catch(function (error) {
      canvas.dataset.error = String(error);
      console.error('cannot draw chart ' + id + ': ' + error);
    });
  }

  document.querySelectorAll('section.chart').forEach(function (section) {
    section.querySelector('.canvas-box').hidden = false;
    section.querySelector('.controls').hidden = false;
    section.querySelectorAll('details.table').forEach(function (details) { details.open = false; });
    section.querySelectorAll('.no-script').forEach(function (note) { note.hidden = true; });
    section.querySelectorAll('.controls input').forEach(function (input) {
      input.addEventListener('change', function () { draw(section); });
    });
    draw(section);
  });

  // The range form reloads the page as soon as a date or the channel changes.
  var form = document.getElementById('range');
  if (form) {
    form.querySelectorAll('input').forEach(function (input) {
      input.addEventListener('change', function () {
        if (form.reportValidity()) {
          form.submit();
        }
      });
    });
  }
})();
