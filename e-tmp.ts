import * as echarts from 'echarts';
const c = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 300, height: 200 });
c.setOption({ animation: false, xAxis: { type: 'value' }, yAxis: { type: 'category', data: ['a', 'b'] }, series: [{ type: 'bar', data: [1, 2] }] });
console.log(c.renderToSVGString().match(/<path[^>]*ecmeta[^>]*>/g)?.slice(0,2));
