/** Cover block: title, scenario name, author, date, data window, universe, logo. */
import { html } from '../format.js';
import type { SectionBuilder } from '../section-kit.js';

const UNIVERSE_LISTED = 24;

export const coverSection: SectionBuilder = (ctx) => {
  const { scenario, options, input } = ctx;
  const title = options.title?.trim() || 'Portfolio report';
  const window = input.dataWindow
    ? `${input.dataWindow.start} to ${input.dataWindow.end}${input.dataWindow.returns ? ` (${ctx.fmt.int(input.dataWindow.returns)} daily returns)` : ''}`
    : scenario.window.start || scenario.window.end
      ? `${scenario.window.start ?? 'first price'} to ${scenario.window.end ?? 'last price'}`
      : 'all stored prices';
  const tickers = scenario.tickers;
  const universe =
    tickers.length <= UNIVERSE_LISTED
      ? tickers.join(', ')
      : `${tickers.slice(0, UNIVERSE_LISTED).join(', ')} and ${ctx.fmt.int(tickers.length - UNIVERSE_LISTED)} more`;
  const date = ctx.reportDate.toISOString().slice(0, 10);
  return html`<header class="cover" id="cover">
  ${options.logo ? html`<img class="logo" alt="" src="${options.logo.replace(/\s+/g, '')}">` : ''}
  <div class="cover-kicker">Frontier · portfolio report</div>
  <h1>${title}</h1>
  <div class="cover-scenario">Scenario: <strong>${scenario.name}</strong></div>
  <dl class="cover-facts">
    ${options.author ? html`<div><dt>Author</dt><dd>${options.author}</dd></div>` : ''}
    <div><dt>Date</dt><dd>${date}</dd></div>
    <div class="wide"><dt>Data window</dt><dd>${window}</dd></div>
    <div class="wide"><dt>Universe</dt><dd>${ctx.fmt.int(tickers.length)} ${tickers.length === 1 ? 'asset' : 'assets'}: ${universe}</dd></div>
  </dl>
</header>`;
};
