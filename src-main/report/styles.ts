/**
 * Print CSS of the report. Page size and margins are given to the printer (Chromium's page.pdf /
 * printToPDF), so the CSS only handles flow: headers that repeat, rows and charts that never split,
 * headings kept with what follows.
 */
export const REPORT_CSS = `
*{box-sizing:border-box}
html{-webkit-print-color-adjust:exact;print-color-adjust:exact}
body{margin:0;font-family:'DejaVu Sans',sans-serif;font-size:9.5pt;line-height:1.4;color:#1d2330}
h1{font-size:20pt;margin:1mm 0 1.5mm;font-weight:700;letter-spacing:-0.01em}
h2{font-size:13pt;margin:0 0 2.5mm;padding-bottom:1.5mm;border-bottom:1.5px solid #1f5fbf;color:#14305e;break-after:avoid;page-break-after:avoid}
h3{font-size:10.5pt;margin:4mm 0 2mm;color:#14305e;break-after:avoid;page-break-after:avoid}
p{margin:0 0 2mm}
.section{margin:0 0 5mm}
.cover{position:relative;margin:0 0 5mm;padding:4mm 6mm;background:#f1f5fb;border-left:3px solid #1f5fbf;break-inside:avoid}
.cover .logo{position:absolute;top:5mm;right:6mm;max-height:16mm;max-width:45mm}
.cover-kicker{font-size:8pt;text-transform:uppercase;letter-spacing:0.08em;color:#5b6475}
.cover-scenario{font-size:11pt;margin-bottom:2mm}
.cover-facts{display:grid;grid-template-columns:1fr 1fr;gap:1mm 8mm;margin:0}
.cover-facts div{display:flex;gap:2mm}
.cover-facts .wide{grid-column:1/-1}
.cover-facts dt{color:#5b6475;min-width:22mm}
.cover-facts dd{margin:0}
.lead{font-size:10pt}
.tiles{display:grid;grid-template-columns:repeat(4,1fr);gap:2mm;margin:1.5mm 0 2.5mm;break-inside:avoid}
.tile{border:1px solid #d5dbe5;border-radius:1.5mm;padding:1.5mm 3mm}
.tile-value{font-size:13pt;font-weight:700;color:#14305e;white-space:nowrap}
.tile-label{font-size:7.5pt;color:#5b6475}
table{border-collapse:collapse;width:100%;margin:0 0 3mm}
thead{display:table-header-group}
tfoot{display:table-footer-group}
tr{break-inside:avoid;page-break-inside:avoid}
th,td{padding:0.9mm 2mm;text-align:left;vertical-align:top}
table.data th{font-size:8pt;font-weight:700;color:#5b6475;border-bottom:1px solid #8a93a3;background:#f6f8fb}
table.data td{border-bottom:0.5px solid #e3e6ec}
table.data tbody tr:last-child td{border-bottom:1px solid #8a93a3}
.nowrap{white-space:nowrap}
table.keep,table.facts{break-inside:avoid;page-break-inside:avoid}
.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
table.facts th{width:38%;font-weight:400;color:#5b6475;border-bottom:0.5px solid #e3e6ec}
table.facts td{border-bottom:0.5px solid #e3e6ec}
figure.chart{margin:0 0 3mm;break-inside:avoid;page-break-inside:avoid}
figure.chart svg{display:block}
figcaption{font-size:7.5pt;color:#5b6475;margin-top:1mm}
.two-col{display:grid;grid-template-columns:1fr 1fr;gap:4mm;align-items:start}
.note{font-size:8pt;color:#5b6475}
ul.notes{margin:0 0 2mm;padding-left:5mm}
.prose p{text-align:justify}
.disclaimer{margin-top:3mm;padding:2.5mm 3mm;border:1px solid #d5dbe5;background:#f6f8fb;font-size:8.5pt}
`;
