// Draws the marketplace icon (media/icon.png, 256×256) from the SVG below in headless Chromium.
// Run: node scripts/make-icon.mjs   (needs /usr/bin/chromium or CHROMIUM_PATH; the PNG is committed)
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const SIZE = 256;
const OUT = fileURLToPath(new URL('../media/icon.png', import.meta.url));

// A span waterfall on a dark tile: the root run, two steps that ran, and the failed step in red.
const SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="${SIZE}" height="${SIZE}" viewBox="0 0 256 256">
  <defs>
    <linearGradient id="bg" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="#1b2540"/>
      <stop offset="1" stop-color="#0f4c5c"/>
    </linearGradient>
  </defs>
  <rect x="8" y="8" width="240" height="240" rx="44" fill="url(#bg)"/>
  <g fill="none" stroke="#7fa6c9" stroke-width="7" stroke-linecap="round" stroke-linejoin="round">
    <path d="M52 82v32h20M52 114v40h42M52 154v40h68"/>
  </g>
  <rect x="40" y="50" width="176" height="30" rx="10" fill="#e8f1f8"/>
  <rect x="74" y="100" width="86" height="28" rx="9" fill="#4fd1c5"/>
  <rect x="96" y="140" width="70" height="28" rx="9" fill="#4fd1c5"/>
  <rect x="122" y="180" width="94" height="28" rx="9" fill="#ff6b6b"/>
  <g stroke="#1b2540" stroke-width="6" stroke-linecap="round">
    <path d="M162 187l14 14M176 187l-14 14"/>
  </g>
</svg>`;

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ viewport: { width: SIZE, height: SIZE } });
  await page.setContent(`<html><body style="margin:0;background:transparent">${SVG}</body></html>`);
  const png = await page.locator('svg').screenshot({ omitBackground: true });
  writeFileSync(OUT, png);
  console.log(`make-icon: wrote ${OUT} (${png.length} bytes)`);
} finally {
  await browser.close();
}
