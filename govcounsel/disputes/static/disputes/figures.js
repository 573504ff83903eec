// The trend chart of the dispute figures page: counts as bars, the resolution rate as a
// line on its own axis. Figures come from the json_script block #dispute-chart-data, series
// names from the chart element's data-* attributes (no text in this file to translate).
(function () {
  "use strict";
  const source = document.getElementById("dispute-chart-data");
  const element = document.getElementById("dispute-trend");
  if (!source || !element || typeof echarts === "undefined") return;
  const data = JSON.parse(source.textContent);
  const label = element.dataset;
  const chart = echarts.init(element);
  chart.setOption({
    animation: false,
    tooltip: { trigger: "axis" },
    legend: { data: [label.labelRegistered, label.labelClosed, label.labelResolved, label.labelRate] },
    grid: { left: 48, right: 48, bottom: 32 },
    xAxis: { type: "category", data: data.quarters },
    yAxis: [
      { type: "value", minInterval: 1 },
      { type: "value", max: 100, axisLabel: { formatter: "{value}%" } },
    ],
    series: [
      { name: label.labelRegistered, type: "bar", data: data.registered, itemStyle: { color: "#6c757d" } },
      { name: label.labelClosed, type: "bar", data: data.closed, itemStyle: { color: "#e5989b" } },
      { name: label.labelResolved, type: "bar", data: data.resolved, itemStyle: { color: "#a4161a" } },
      { name: label.labelRate, type: "line", yAxisIndex: 1, data: data.rate, itemStyle: { color: "#198754" } },
    ],
  });
  document.body.dataset.chartsReady = "true";
  window.addEventListener("resize", () => chart.resize());
})();
