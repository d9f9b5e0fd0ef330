// Draws ECharts options as SVG in a worker thread (lib/dashboard/chart-renderer.ts): drawing the
// dashboard's 24 SVGs took 150-250 ms of CPU, during which the server answered nothing else.
// Plain JavaScript, loaded by Node from this path (not bundled); options arrive fully merged.
import { parentPort } from 'node:worker_threads';
import * as echarts from 'echarts';

parentPort.on('message', ({ id, message }) => {
  try {
    const { option, width, height } = JSON.parse(message);
    const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
    chart.setOption(option);
    const svg = chart.renderToSVGString();
    chart.dispose();
    parentPort.postMessage({ id, svg });
  } catch (error) {
    parentPort.postMessage({ id, error: String(error) });
  }
});
