// dossier/inzage.js - for the werknemer: who read or changed his dossier,
// when, in which role, and which classes of entries they could see. The
// server sends one page at a time, newest first (GET .../toegang?pagina=),
// optionally within a period (van, tot).

import {h, vervang} from '../dom.js';
import {api, seg, query} from '../api.js';
import {veld, waarde, verstuur} from '../formulier.js';
import {tijdstip} from '../fmt.js';
import {ROLLEN, KLASSEN} from '../labels.js';

const PER_PAGINA = 50;

// 'di 7 dec 2026 10:15', or for reads folded into one record
// 'di 7 dec 2026 10:15 – 10:21 (4 keer)'.
export function wanneer(t) {
	if (!t.aantal || t.aantal <= 1) return tijdstip(t.tijd);
	const laatst = tijdstip(t.laatst || t.tijd);
	const eerst = tijdstip(t.tijd);
	const dag = (s) => s.slice(0, s.lastIndexOf(' '));
	const tot = dag(eerst) === dag(laatst) ? laatst.slice(laatst.lastIndexOf(' ') + 1) : laatst;
	return `${eerst} – ${tot} (${t.aantal} keer)`;
}

export function rij(t) {
	return h('tr', null,
		h('td', {'data-label': 'Wanneer'}, wanneer(t)),
		h('td', {'data-label': 'Wie'}, t.gebruiker),
		h('td', {'data-label': 'Rol'}, t.rol ? t.rol.split(',').map((x) => ROLLEN[x] || x).join(', ') : '–'),
		h('td', {'data-label': 'Wat'}, t.actie),
		h('td', {'data-label': 'Gegevens'}, t.klasse ? t.klasse.split(',').map((x) => KLASSEN[x] || x).join(', ') : '–'));
}

export async function render(ctx) {
	const staat = {pagina: 1, van: '', tot: ''};
	const uit = h('div');
	// the API names a wrong query parameter by its name (pad 'van', 'tot')
	const form = h('form', {class: 'formulier', novalidate: true, 'aria-label': 'Periode'},
		veld({pad: 'van', label: 'Vanaf', type: 'datum'}),
		veld({pad: 'tot', label: 'Tot en met', type: 'datum'}),
		h('div', {class: 'knoppen'}, h('button', {type: 'submit', class: 'knop secundair'}, 'Toon')));
	const laad = async () => {
		const r = await api('GET', `/dossiers/${seg(ctx.data.id)}/toegang${query({
			pagina: staat.pagina > 1 ? staat.pagina : '', per_pagina: PER_PAGINA, van: staat.van, tot: staat.tot})}`);
		if (!ctx.actueel()) return;
		const naar = (p) => () => { staat.pagina = p; verstuur(form, laad); };
		const nav = r.pagina > 1 || r.volgende ? h('nav', {class: 'paginering', 'aria-label': 'Paginering'},
			r.pagina > 1 ? h('button', {type: 'button', class: 'knop secundair', onclick: naar(r.pagina - 1)}, 'Nieuwere') : null,
			h('span', null, `Pagina ${r.pagina}`),
			r.volgende ? h('button', {type: 'button', class: 'knop secundair', onclick: naar(r.pagina + 1)}, 'Oudere') : null) : null;
		vervang(uit, r.toegang.length ? h('div', {class: 'tabelhouder'}, h('table', {class: 'lijst'},
			h('caption', null, `Pagina ${r.pagina}, nieuwste eerst`),
			h('thead', null, h('tr', null, ['Wanneer', 'Wie', 'Rol', 'Wat', 'Gegevens'].map((k) => h('th', {scope: 'col'}, k)))),
			h('tbody', null, r.toegang.map(rij)))) : h('p', {class: 'leeg'}, staat.van || staat.tot ? 'Niemand in deze periode.' : 'Nog niemand.'),
		nav);
	};
	form.addEventListener('submit', async (ev) => {
		ev.preventDefault();
		staat.van = waarde(form, 'van') || '';
		staat.tot = waarde(form, 'tot') || '';
		staat.pagina = 1;
		await verstuur(form, laad);
	});
	vervang(ctx.paneel,
		h('h2', {id: 'tabpaneel-titel'}, 'Wie keek mee'),
		h('p', {class: 'inleiding'}, 'Iedereen die uw dossier las of wijzigde, met de soort gegevens die hij kon zien. Nieuwste eerst; wie het dossier binnen tien minuten vaker op dezelfde manier las, staat er één keer, met het aantal keren.'),
		form, uit);
	await laad();
}
