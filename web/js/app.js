// app.js - start, the menu and the client-side router of spoor's web
// application. Every screen is a module in views/ with one function
// render(ctx) that fills <main>. Links are ordinary <a href> elements;
// clicks on local links change the history instead of loading a page, so
// back/forward, bookmarks and "open in new tab" all work.

import {h, vervang, kondigAan} from './dom.js';
import {api, bijSessieVerlopen} from './api.js';
import {sessie, laad, wis, mag} from './sessie.js';
import {ROLLEN, laadCatalogus} from './labels.js';

const ROUTES = [
	{re: /^\/aanmelden$/, module: './views/aanmelden.js', open: true},
	{re: /^\/$/, start: true},
	{re: /^\/dossiers$/, module: './views/dossiers.js', als: () => mag.dossiers()},
	{re: /^\/dossiers\/nieuw$/, module: './views/nieuw.js', als: () => mag.aanmaken()},
	{re: /^\/dossiers\/([^/]+)(?:\/([a-z-]+))?$/, module: './views/dossier.js', als: () => mag.dossiers()},
	{re: /^\/wachtwoord$/, module: './views/wachtwoord.js'},
	{re: /^\/tweede-factor$/, module: './views/tweedefactor.js', factor: true},
	{re: /^\/beheer$/, module: './views/beheer.js', als: () => mag.beheer()},
];

const main = document.getElementById('inhoud');
let renderNr = 0;
let huidigPad = null;

function startpagina() {
	if (sessie.factor && sessie.factor.instellen) return '/tweede-factor';
	return mag.dossiers() ? '/dossiers' : mag.beheer() ? '/beheer' : '/wachtwoord';
}

function menu() {
	const nav = document.getElementById('menu');
	if (!sessie.gebruiker) {
		vervang(nav);
		return;
	}
	const pad = location.pathname;
	const link = (href, tekst, actief) => h('li', null, h('a', {href,
		'aria-current': actief ? 'page' : null}, tekst));
	const rollen = sessie.gebruiker.rollen.map((r) => ROLLEN[r] || r).join(', ');
	// until a required second factor is set up, only that screen works
	const vrij = !(sessie.factor && sessie.factor.instellen);
	vervang(nav, h('ul', null,
		vrij && mag.dossiers() ? link('/dossiers', 'Mijn dossiers', pad === '/dossiers' || (pad.startsWith('/dossiers/') && pad !== '/dossiers/nieuw')) : null,
		vrij && mag.aanmaken() ? link('/dossiers/nieuw', 'Nieuwe ziekmelding', pad === '/dossiers/nieuw') : null,
		vrij && mag.beheer() ? link('/beheer', 'Beheer', pad === '/beheer') : null,
		vrij ? link('/wachtwoord', 'Wachtwoord', pad === '/wachtwoord') : null,
		link('/tweede-factor', 'Tweede factor', pad === '/tweede-factor'),
		h('li', {class: 'wie'}, h('span', null, sessie.gebruiker.naam),
			h('span', {class: 'rol'}, rollen)),
		h('li', null, h('button', {type: 'button', class: 'knop-link', onclick: afmelden}, 'Afmelden'))));
}

async function afmelden() {
	try {
		await api('DELETE', '/sessie', null, {stil401: true});
	} catch {
		// the session may be gone already; log out locally anyway
	}
	wis();
	navigeer('/aanmelden', {melding: 'U bent afgemeld.'});
}

/** Go to url (pushState), or replace the current entry. */
export function navigeer(url, opties = {}) {
	if (opties.vervang) history.replaceState(opties.state || null, '', url);
	else history.pushState(opties.state || null, '', url);
	return render(opties);
}

function foutScherm(e) {
	const status = e && e.status;
	const titel = status === 404 ? 'Niet gevonden' : 'Er ging iets mis';
	const tekst = status === 404
		? 'Dit dossier of deze pagina bestaat niet, of u hebt er geen toegang toe.'
		: (e && e.message) || String(e);
	document.title = `${titel} – spoor`;
	vervang(main, h('h1', {tabindex: '-1'}, titel), h('p', {class: 'melding fout'}, tekst),
		h('p', null, h('a', {href: startpagina()}, 'Naar de startpagina')));
}

/**
 * Render the current location. opties.focus: a selector inside <main> to
 * focus instead of the page's h1 (e.g. a tab panel's heading);
 * opties.melding: a message to show on the next screen.
 */
export async function render(opties = {}) {
	const nr = ++renderNr;
	const pad = location.pathname;
	const vorige = huidigPad;
	huidigPad = pad;
	const route = ROUTES.find((r) => r.re.test(pad));
	if (!route) {
		menu();
		foutScherm({status: 404});
		return;
	}
	if (!route.open && !sessie.gebruiker) {
		const terug = pad + location.search;
		history.replaceState(null, '', `/aanmelden${terug !== '/' ? `?terug=${encodeURIComponent(terug)}` : ''}`);
		huidigPad = vorige; // a redirect is not a page of its own
		return render(opties);
	}
	// a role that must use a second factor sets it up before anything else
	const factorEerst = sessie.gebruiker && sessie.factor && sessie.factor.instellen && !route.factor && !route.open;
	if (factorEerst || route.start || (route.als && !route.als())) {
		history.replaceState(null, '', startpagina());
		huidigPad = vorige;
		return render(opties);
	}
	menu();
	main.setAttribute('aria-busy', 'true');
	const staat = history.state;
	// a message travels with one page view, not with a later reload
	if (staat && staat.melding) history.replaceState({...staat, melding: undefined}, '', location.href);
	try {
		const view = await import(route.module);
		const ctx = {
			params: pad.match(route.re).slice(1).map((p) => (p === undefined ? p : decodeURIComponent(p))),
			query: new URLSearchParams(location.search),
			main,
			melding: opties.melding || (staat && staat.melding) || null,
			actueel: () => nr === renderNr,
			navigeer,
			herlaad: (o) => render({...o, herladen: true}),
		};
		await view.render(ctx);
		if (nr !== renderNr) return;
	} catch (e) {
		if (nr !== renderNr) return;
		if (e && e.status === 401) return; // handled: back to the login
		foutScherm(e);
	} finally {
		if (nr === renderNr) main.removeAttribute('aria-busy');
	}
	if (nr !== renderNr) return;
	const titel = main.querySelector('h1');
	const naam = main.dataset.titel || (titel ? titel.textContent : '');
	document.title = naam ? `${naam} – spoor` : 'spoor';
	delete main.dataset.titel;
	// focus where the user expects it: a panel heading on a tab change,
	// the page heading on a new page; a re-render after a save keeps focus
	if (opties.herladen && !opties.focus) return;
	// the first page of a visit keeps the browser's own start (the skip
	// link comes first); later pages move focus to what changed
	if (vorige === null && !opties.focus) return;
	const doel = (opties.focus && main.querySelector(opties.focus)) || titel;
	if (doel) {
		if (!doel.hasAttribute('tabindex')) doel.setAttribute('tabindex', '-1');
		doel.focus({preventScroll: false});
	}
	if (vorige !== null) kondigAan(document.title);
}

document.addEventListener('click', (ev) => {
	if (ev.defaultPrevented || ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey) return;
	const a = ev.target.closest('a[href]');
	if (!a || a.target || a.hasAttribute('download')) return;
	const url = new URL(a.href, location.href);
	if (url.origin !== location.origin || url.pathname.startsWith('/api/')) return;
	if (a.classList.contains('skiplink')) {
		ev.preventDefault();
		main.focus();
		return;
	}
	if (url.pathname === location.pathname && url.search === location.search && url.hash) return;
	ev.preventDefault();
	const tab = a.closest('.tabs');
	navigeer(url.pathname + url.search, tab ? {focus: '#tabpaneel h2'} : {});
});

window.addEventListener('popstate', () => {
	if (location.pathname === huidigPad && location.hash) return;
	render();
});

bijSessieVerlopen(() => {
	if (!sessie.gebruiker) return;
	wis();
	const terug = location.pathname + location.search;
	navigeer(`/aanmelden?terug=${encodeURIComponent(terug)}`,
		{vervang: true, melding: 'Uw sessie is verlopen. Meld u opnieuw aan.'});
});

async function start() {
	try {
		// the words of every screen come from the engine (GET /catalogus)
		await Promise.all([laad(), laadCatalogus()]);
	} catch (e) {
		vervang(main, h('h1', {tabindex: '-1'}, 'spoor is niet bereikbaar'),
			h('p', {class: 'melding fout'}, e.message || String(e)));
		return;
	}
	render();
}

start();
