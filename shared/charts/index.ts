/**
 * Chart option builders shared by the renderer (ECharts in the browser) and the PDF report
 * (ECharts server-side SVG). Pure functions returning plain option objects: no echarts import, no DOM.
 */
export * from './theme.js';
export * from './format.js';
export * from './option.js';
export * from './frontier.js';
export * from './bars.js';
export * from './robust.js';
