// perf.mjs - first-render times of "Mijn dossiers" and of a case in
// headless Chromium (run by perf.sh). The application marks the moment
// the list stands on the screen (performance.mark('spoor-lijst')); times
// are from the start of the navigation. Five warm runs each (median,
// max), and the very first list of a fresh server (cold).
import {chromium} from 'playwright-core';

const URL = process.env.SPOOR_URL;
const PW = process.env.SPOOR_PW;
const browser = await chromium.launch({executablePath: process.env.SPOOR_CHROMIUM || '/usr/bin/chromium',
	args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
		'--disable-background-networking', '--disable-component-update', '--disable-sync']});
const page = await (await browser.newContext({viewport: {width: 1280, height: 900}})).newPage();

// log in through the API (the cookie lands in the page's context), so
// that the first list below is the first one the server computes
const r = await page.request.post(`${URL}/api/v1/sessie`, {data: {gebruikersnaam: 'casemanager', wachtwoord: PW}});
if (!r.ok()) throw new Error(`login: ${r.status()}`);

const stats = (xs) => {
	const s = [...xs].sort((a, b) => a - b);
	return `median ${s[Math.floor(s.length / 2)].toFixed(0)} ms, max ${s[s.length - 1].toFixed(0)} ms (${s.map((x) => x.toFixed(0)).join(', ')})`;
};

async function lijst(pad) {
	await page.goto(`${URL}${pad}`);
	await page.waitForFunction(() => performance.getEntriesByName('spoor-lijst').length > 0);
	return page.evaluate(() => {
		const r = performance.getEntriesByType('resource').filter((e) => e.name.includes('/api/v1/dossiers'));
		const api = r[r.length - 1];
		return {render: performance.getEntriesByName('spoor-lijst')[0].startTime,
			server: api.responseStart - api.requestStart, bytes: api.transferSize,
			dom: document.querySelectorAll('table.dossiers tbody tr').length,
			totaal: document.getElementById('telling').textContent};
	});
}

for (const [naam, pad] of [['Mijn dossiers (sorted by date)', '/dossiers'],
	['filter te_laat', '/dossiers?filter=te_laat'], ['sort by risk', '/dossiers?sorteer=risico'],
	['search "00042"', '/dossiers?zoek=00042'], ['page 100', '/dossiers?pagina=100']]) {
	const runs = [];
	if (pad === '/dossiers') {
		// cold: a fresh server computes the summary of every case once
		const koud = await lijst(pad);
		console.log(`${naam}, first list after server start: first render ${koud.render.toFixed(0)} ms, server ${koud.server.toFixed(0)} ms, ${koud.bytes} bytes`);
	}
	for (let i = 0; i < 5; i++) runs.push(await lijst(pad));
	console.log(`${naam}: ${runs[0].totaal}, ${runs[0].dom} rows rendered`);
	console.log(`  first render: ${stats(runs.map((r) => r.render))}`);
	console.log(`  of which GET /api/v1/dossiers server time: ${stats(runs.map((r) => r.server))}`);
}

const dossier = [];
for (let i = 0; i < 5; i++) {
	await page.goto(`${URL}/dossiers/P-00042`);
	await page.locator('.tijdlijn button[data-id="einde_wachttijd"]').waitFor();
	dossier.push(await page.evaluate(() => performance.now()));
}
console.log(`case page with timeline (P-00042): ${stats(dossier)}`);
const weight = await page.evaluate(() => performance.getEntriesByType('resource')
	.filter((e) => !e.name.includes('/api/')).reduce((n, e) => n + e.decodedBodySize, 0)
	+ performance.getEntriesByType('navigation')[0].decodedBodySize);
console.log(`page weight of the case page (HTML, CSS, JS, uncompressed): ${(weight / 1024).toFixed(0)} KiB`);
await browser.close();
