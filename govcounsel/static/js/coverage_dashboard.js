// The coverage dashboard's two charts. Figures come from the json_script block
// #chart-data, series names from the chart elements' data-* attributes.
(function () {
  "use strict";
  const source = document.getElementById("chart-data");
  const barsElement = document.getElementById("bars");
  const trendElement = document.getElementById("trend");
  if (!source || !barsElement || !trendElement) return;
  const data = JSON.parse(source.textContent);
  const coverage = barsElement.dataset.labelCoverage;
  const work = barsElement.dataset.labelWork;
  const percent = { type: "value", max: 100, axisLabel: { formatter: "{value}%" } };
  const bars = echarts.init(barsElement);
  bars.setOption({
    animation: false,
    tooltip: { trigger: "axis" },
    legend: { data: [coverage, work] },
    grid: { left: 48, right: 16, bottom: 64 },
    xAxis: { type: "category", data: data.bars.names, axisLabel: { rotate: 30, interval: 0 } },
    yAxis: percent,
    series: [
      { name: coverage, type: "bar", data: data.bars.coverage, itemStyle: { color: "#a4161a" } },
      { name: work, type: "bar", data: data.bars.work, itemStyle: { color: "#e5989b" } },
    ],
  });
  const targetLines = (targets) => ({
    symbol: "none", lineStyle: { type: "dashed" }, label: { formatter: "{b}", position: "insideEndTop" },
    data: targets.map((t) => ({ name: t.name, yAxis: t.value })),
  });
  const trend = echarts.init(trendElement);
  trend.setOption({
    animation: false,
    tooltip: { trigger: "axis" },
    legend: { data: [coverage, work] },
    grid: { left: 48, right: 16, bottom: 32 },
    xAxis: { type: "category", data: data.trend.quarters },
    yAxis: percent,
    series: [
      { name: coverage, type: "line", data: data.trend.coverage, itemStyle: { color: "#a4161a" },
        markLine: targetLines(data.trend.targets.coverage) },
      { name: work, type: "line", data: data.trend.work, itemStyle: { color: "#6c757d" },
        markLine: targetLines(data.trend.targets.work) },
    ],
  });
  document.body.dataset.chartsReady = "true";
  window.addEventListener("resize", () => { bars.resize(); trend.resize(); });
})();
