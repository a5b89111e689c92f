// views/dossiers.js - "Mijn dossiers": every case the user may see, with
// the next action and its term, the risk, sort, filter and search. The
// server sorts, filters and pages (50 per page), so the screen stays fast
// however many cases there are; the state lives in the URL.

import {h, vervang, kondigAan, srTekst} from '../dom.js';
import {api, query, seg} from '../api.js';
import {datum, datumVol, termijn} from '../fmt.js';
import {RISICO} from '../labels.js';
import {mag} from '../sessie.js';

const FILTERS = [
	['', 'Alle'],
	['te_laat', 'Te laat'],
	['deze_week', 'Deze week'],
	['tweede_spoor', 'Tweede spoor'],
	['hoog', 'Hoog risico'],
];
const SORTERINGEN = [
	['datum', 'Eerstvolgende actie'],
	['risico', 'Risico'],
	['naam', 'Naam werknemer'],
];

const getal = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');

export function risicoBadge(r) {
	if (!r) return h('span', {class: 'badge leeg'}, '–', srTekst('geen risico bekend'));
	return h('span', {class: `badge risico-${r}`}, srTekst('Risico '), RISICO[r] || r);
}

function termijnCel(a) {
	if (!a) return h('td', {'data-label': 'Termijn'}, '–');
	const cls = a.dagen < 0 ? 'termijn te-laat' : a.dagen <= 7 ? 'termijn bijna' : 'termijn';
	return h('td', {'data-label': 'Termijn', class: cls}, termijn(a.dagen));
}

function rij(d) {
	const a = d.volgende_actie;
	return h('tr', null,
		h('th', {scope: 'row', 'data-label': 'Werknemer'},
			h('a', {href: `/dossiers/${seg(d.dossier_id)}`}, d.werknemer),
			d.tweede_spoor ? h('span', {class: 'tag'}, 'tweede spoor') : null,
			h('span', {class: 'sub'}, d.dossier_id)),
		h('td', {'data-label': 'Werkgever'}, d.werkgever),
		h('td', {'data-label': 'Ziekteweek', class: 'getal'}, d.ziekteweek ?? '–'),
		h('td', {'data-label': 'Volgende actie'}, a ? a.titel : 'Geen open actie',
			d.te_laat > 0 ? h('span', {class: 'sub te-laat'},
				`${d.te_laat} ${d.te_laat === 1 ? 'actie' : 'acties'} te laat`) : null),
		h('td', {'data-label': 'Uiterlijk'}, a ? h('time', {datetime: a.datum, title: datumVol(a.datum)}, datum(a.datum)) : '–'),
		termijnCel(a),
		h('td', {'data-label': 'Risico'}, risicoBadge(d.risico)));
}

export async function render(ctx) {
	const staat = {
		zoek: ctx.query.get('zoek') || '',
		filter: ctx.query.get('filter') || '',
		sorteer: ctx.query.get('sorteer') || 'datum',
		pagina: Math.max(1, Number(ctx.query.get('pagina')) || 1),
	};
	const telling = h('p', {class: 'telling', id: 'telling'});
	const resultaat = h('div', {class: 'resultaat'});

	const zoekveld = h('input', {type: 'search', id: 'zoek', name: 'zoek', value: staat.zoek,
		autocomplete: 'off', spellcheck: 'false'});
	const sorteer = h('select', {id: 'sorteer', name: 'sorteer'},
		SORTERINGEN.map(([w, t]) => h('option', {value: w, selected: w === staat.sorteer}, t)));
	const filters = h('fieldset', {class: 'filters'},
		h('legend', null, 'Toon'),
		FILTERS.map(([w, t]) => h('span', {class: 'segment'},
			h('input', {type: 'radio', name: 'filter', id: `filter-${w || 'alle'}`, value: w,
				checked: w === staat.filter}),
			h('label', {for: `filter-${w || 'alle'}`}, t))));
	const balk = h('form', {class: 'werkbalk', role: 'search', 'aria-label': 'Dossiers zoeken en filteren'},
		h('div', {class: 'veld zoeken'}, h('label', {for: 'zoek'}, 'Zoek op naam werknemer'),
			h('div', {class: 'rij'}, zoekveld, h('button', {type: 'submit', class: 'knop secundair'}, 'Zoeken'))),
		filters,
		h('div', {class: 'veld'}, h('label', {for: 'sorteer'}, 'Sorteer op'), sorteer));

	let laadNr = 0;
	async function laad(focusNa) {
		const nr = ++laadNr;
		const params = {sorteer: staat.sorteer === 'datum' ? '' : staat.sorteer, filter: staat.filter,
			zoek: staat.zoek, pagina: staat.pagina > 1 ? staat.pagina : ''};
		history.replaceState(history.state, '', `/dossiers${query(params)}`);
		resultaat.setAttribute('aria-busy', 'true');
		let lijst;
		try {
			lijst = await api('GET', `/dossiers${query({...params, sorteer: staat.sorteer})}`);
		} catch (e) {
			if (nr !== laadNr) return;
			resultaat.removeAttribute('aria-busy');
			vervang(telling);
			vervang(resultaat, h('p', {class: 'melding fout', role: 'alert'},
				e.status === 400 && e.veld === 'filter'
					? 'Dit filter kent de server (nog) niet. Kies een ander filter.'
					: `De dossiers konden niet worden geladen: ${e.message}`));
			return;
		}
		if (nr !== laadNr || !ctx.actueel()) return;
		resultaat.removeAttribute('aria-busy');
		const paginas = Math.max(1, Math.ceil(lijst.totaal / lijst.per_pagina));
		const van = lijst.totaal ? (lijst.pagina - 1) * lijst.per_pagina + 1 : 0;
		const tot = Math.min(lijst.totaal, lijst.pagina * lijst.per_pagina);
		const tekst = `${getal(lijst.totaal)} ${lijst.totaal === 1 ? 'dossier' : 'dossiers'}`;
		vervang(telling, tekst);
		if (lijst.totaal === 0) {
			vervang(resultaat, h('p', {class: 'leeg'}, 'Geen dossiers gevonden.',
				staat.filter || staat.zoek ? ' Pas het filter of de zoekterm aan.' : ''));
			kondigAan('Geen dossiers gevonden.');
			return;
		}
		const sortNaam = SORTERINGEN.find(([w]) => w === staat.sorteer)[1].toLowerCase();
		const ariaSort = (w) => (staat.sorteer === w ? 'ascending' : null);
		const tabel = h('table', {class: 'lijst dossiers'},
			h('caption', {id: 'lijst-bijschrift', tabindex: '-1'},
				`Dossiers ${getal(van)}–${getal(tot)} van ${getal(lijst.totaal)}, gesorteerd op ${sortNaam}`),
			h('thead', null, h('tr', null,
				h('th', {scope: 'col', 'aria-sort': ariaSort('naam')}, 'Werknemer'),
				h('th', {scope: 'col'}, 'Werkgever'),
				h('th', {scope: 'col', class: 'getal'}, 'Ziekteweek'),
				h('th', {scope: 'col'}, 'Volgende actie'),
				h('th', {scope: 'col', 'aria-sort': ariaSort('datum')}, 'Uiterlijk'),
				h('th', {scope: 'col'}, 'Termijn'),
				h('th', {scope: 'col', 'aria-sort': ariaSort('risico')}, 'Risico'))),
			h('tbody', null, lijst.dossiers.map(rij)));
		const naar = (p) => async () => {
			staat.pagina = p;
			history.pushState(null, '', location.pathname + location.search);
			await laad(true);
		};
		const paginering = paginas > 1 ? h('nav', {class: 'paginering', 'aria-label': 'Paginering'},
			lijst.pagina > 1 ? h('button', {type: 'button', class: 'knop secundair', onclick: naar(lijst.pagina - 1)}, 'Vorige pagina') : null,
			h('span', null, `Pagina ${lijst.pagina} van ${paginas}`),
			lijst.pagina < paginas ? h('button', {type: 'button', class: 'knop secundair', onclick: naar(lijst.pagina + 1)}, 'Volgende pagina') : null) : null;
		vervang(resultaat, h('div', {class: 'tabelhouder'}, tabel), paginering);
		// for tests/browser/perf.mjs: when the list stood on the screen
		performance.mark('spoor-lijst');
		kondigAan(`${tekst} gevonden`);
		if (focusNa) tabel.querySelector('caption').focus();
	}

	let zoekTimer = null;
	zoekveld.addEventListener('input', () => {
		window.clearTimeout(zoekTimer);
		zoekTimer = window.setTimeout(() => {
			staat.zoek = zoekveld.value.trim();
			staat.pagina = 1;
			laad(false);
		}, 250);
	});
	balk.addEventListener('submit', (ev) => {
		ev.preventDefault();
		window.clearTimeout(zoekTimer);
		staat.zoek = zoekveld.value.trim();
		staat.pagina = 1;
		laad(false);
	});
	filters.addEventListener('change', (ev) => {
		staat.filter = ev.target.value;
		staat.pagina = 1;
		laad(false);
	});
	sorteer.addEventListener('change', () => {
		staat.sorteer = sorteer.value;
		staat.pagina = 1;
		laad(false);
	});

	vervang(ctx.main,
		h('div', {class: 'paginakop'},
			h('h1', null, 'Mijn dossiers'),
			mag.aanmaken() ? h('a', {class: 'knop', href: '/dossiers/nieuw'}, 'Nieuwe ziekmelding') : null),
		ctx.melding ? h('p', {class: 'melding info', role: 'status'}, ctx.melding) : null,
		balk, telling, resultaat);
	await laad(false);
}
