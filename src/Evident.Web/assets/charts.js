// Draws every <canvas data-chart="ID"> with Chart.js from the JSON block <script type="application/json" id="ID">.
// The page's server writes the data; this file is the only script a page runs (the content-security policy
// allows no inline script).
(function () {
    'use strict';
    var palette = ['#2456a6', '#d9822b', '#17803d', '#b42318', '#7a4fbf', '#0f8b8d', '#8c6d1f', '#c2410c'];

    function withAlpha(hex, alpha) {
        var n = parseInt(hex.slice(1), 16);
        return 'rgba(' + (n >> 16) + ',' + ((n >> 8) & 255) + ',' + (n & 255) + ',' + alpha + ')';
    }

    function lineConfig(spec) {
        var datasets = [];
        spec.series.forEach(function (s, i) {
            var color = palette[i % palette.length];
            if (s.low && s.high) {
                datasets.push({ label: s.name + ' low', data: s.low, borderWidth: 0, pointRadius: 0, fill: false, band: true });
                datasets.push({ label: s.name + ' 95 % interval', data: s.high, borderWidth: 0, pointRadius: 0, backgroundColor: withAlpha(color, 0.15), fill: '-1', band: true });
            }
            datasets.push({ label: s.name, data: s.values, borderColor: color, backgroundColor: color, tension: 0.2, spanGaps: true });
        });
        return {
            type: 'line',
            data: { labels: spec.labels, datasets: datasets },
            options: {
                plugins: { legend: { labels: { filter: function (item, data) { return !data.datasets[item.datasetIndex].band; } } } },
                scales: { y: { min: spec.min, max: spec.max, title: { display: !!spec.unit, text: spec.unit } } }
            }
        };
    }

    function barConfig(spec, horizontal) {
        return {
            type: 'bar',
            data: {
                labels: spec.labels,
                datasets: spec.series.map(function (s, i) {
                    var color = palette[i % palette.length];
                    return { label: s.name, data: s.values, backgroundColor: spec.series.length === 1
                        ? s.values.map(function (v) { return v !== null && v < 0 ? palette[3] : color; }) : color };
                })
            },
            options: {
                indexAxis: horizontal ? 'y' : 'x',
                plugins: { legend: { display: spec.series.length > 1 } },
                scales: { x: { min: horizontal ? spec.min : undefined, max: horizontal ? spec.max : undefined }, y: { min: horizontal ? undefined : spec.min, max: horizontal ? undefined : spec.max } }
            }
        };
    }

    function scatterConfig(spec) {
        return {
            type: 'scatter',
            data: {
                datasets: spec.series.map(function (s, i) {
                    return {
                        label: s.name,
                        data: s.values.map(function (y, j) { return { x: s.x[j], y: y, label: spec.labels[j] }; }),
                        backgroundColor: palette[i % palette.length], pointRadius: 6
                    };
                })
            },
            options: {
                plugins: { tooltip: { callbacks: { label: function (c) { return c.raw.label + ': ' + c.raw.x.toFixed(1) + ', ' + c.raw.y.toFixed(2); } } } },
                scales: { x: { title: { display: !!spec.xTitle, text: spec.xTitle } }, y: { title: { display: !!spec.yTitle, text: spec.yTitle } } }
            }
        };
    }

    function draw(canvas) {
        var block = document.getElementById(canvas.getAttribute('data-chart'));
        if (!block || typeof Chart === 'undefined') { return; }
        var spec = JSON.parse(block.textContent);
        var config = spec.kind === 'line' ? lineConfig(spec)
            : spec.kind === 'scatter' ? scatterConfig(spec)
            : barConfig(spec, spec.kind === 'hbar');
        config.options.responsive = true;
        config.options.maintainAspectRatio = false;
        config.options.animation = false;
        if (spec.links) {
            config.options.onClick = function (event, elements) {
                if (elements.length > 0 && spec.links[elements[0].index]) { window.location.href = spec.links[elements[0].index]; }
            };
            config.options.onHover = function (event, elements) { event.native.target.style.cursor = elements.length ? 'pointer' : 'default'; };
        }
        new Chart(canvas, config);
        canvas.setAttribute('data-drawn', 'true');
    }

    document.addEventListener('DOMContentLoaded', function () {
        Array.prototype.forEach.call(document.querySelectorAll('canvas[data-chart]'), draw);
    });
})();
