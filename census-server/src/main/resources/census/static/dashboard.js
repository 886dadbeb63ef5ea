// Draws every chart of a product page from the JSON embedded beside its canvas.
(function () {
  'use strict';
  // Okabe-Ito: distinguishable with every common colour-vision deficiency.
  var palette = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000', '#999999'];
  document.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
    var data = JSON.parse(document.getElementById('data-' + canvas.dataset.chart).textContent);
    var stacked = data.style === 'stacked';
    var datasets = data.datasets.map(function (set, i) {
      var colour = palette[i % palette.length];
      return {
        label: set.label, data: set.data, borderColor: colour, backgroundColor: stacked ? colour + 'B3' : colour,
        fill: stacked, pointRadius: 0, borderWidth: 2, spanGaps: false, tension: 0
      };
    });
    new Chart(canvas, {
      type: 'line',
      data: { labels: data.labels, datasets: datasets },
      options: {
        animation: false, responsive: true, maintainAspectRatio: false,
        interaction: { mode: 'index', intersect: false },
        scales: {
          x: { ticks: { maxTicksLimit: 8 } },
          y: { stacked: stacked, beginAtZero: true, title: { display: true, text: data.unit } }
        },
        plugins: { legend: { position: 'bottom' } }
      }
    });
  });
})();
