// Draws every chart of a product page from the JSON embedded beside its canvas; without this
// script the page shows the same numbers as tables.
(function () {
  'use strict';
  // Okabe-Ito: distinguishable with every common colour-vision deficiency.
  var palette = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000', '#999999'];
  var dashes = [[], [6, 3], [2, 2], [8, 3, 2, 3]];

  function datasets(data, percent) {
    var stacked = data.style === 'stacked';
    var totals = data.labels.map(function (label, day) {
      return data.datasets.reduce(function (sum, set) { return sum + (set.data[day] || 0); }, 0);
    });
    return data.datasets.map(function (set, i) {
      var colour = palette[i % palette.length];
      var values = !percent ? set.data : set.data.map(function (value, day) {
        return value === null || totals[day] === 0 ? null : Math.round(value * 10000 / totals[day]) / 100;
      });
      return {
        label: set.label, data: values, borderColor: colour, backgroundColor: stacked ? colour + 'B3' : colour,
        fill: stacked, pointRadius: 0, borderWidth: 2, spanGaps: false, tension: 0,
        borderDash: stacked ? [] : dashes[i % dashes.length]
      };
    });
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
