// dossier/documenten.js - the documents of a case (docs/api.md,
// "Documents"): the ones the user may read, with a download link and the
// SHA-256 the server computed, and an upload form for the classes the
// user may write. Documents are append-only. While a server does not offer
// documents (501) the tab says so instead of failing.

import {h, vervang, nieuwId} from '../dom.js';
import {api, apiBestand, query, seg} from '../api.js';
import {KLASSEN, KLASSE_UITLEG} from '../labels.js';
import {veld, verstuur, waarde} from '../formulier.js';
import {klasseBadge} from './logboek.js';

export const MAX_BYTES = 20 * 1024 * 1024;

/* the types the server accepts, by extension when the browser knows none */
const TYPES = {
	pdf: 'application/pdf', png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', txt: 'text/plain',
	docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
	odt: 'application/vnd.oasis.opendocument.text',
	ods: 'application/vnd.oasis.opendocument.spreadsheet',
	odp: 'application/vnd.oasis.opendocument.presentation',
};
const SOORT = {
	'application/pdf': 'PDF', 'image/png': 'PNG-afbeelding', 'image/jpeg': 'JPEG-afbeelding', 'text/plain': 'Tekst',
};

export function typeVan(bestand) {
	const ext = (bestand.name.split('.').pop() || '').toLowerCase();
	const bekend = Object.values(TYPES);
	if (bestand.type && bekend.includes(bestand.type)) return bestand.type;
	return TYPES[ext] || bestand.type || 'application/octet-stream';
}

function soortTekst(mime) {
	if (SOORT[mime]) return SOORT[mime];
	if (mime.includes('opendocument') || mime.includes('officedocument')) return 'Kantoordocument';
	return mime;
}

export function grootte(n) {
	if (n < 1024) return `${n} bytes`;
	if (n < 1024 * 1024) return `${(n / 1024).toFixed(0)} kB`;
	return `${(n / 1024 / 1024).toFixed(1).replace('.', ',')} MB`;
}

function tijd(rfc) {
	const t = new Date(rfc);
	if (Number.isNaN(t.getTime())) return rfc;
	return t.toLocaleString('nl-NL', {weekday: 'short', day: 'numeric', month: 'short', year: 'numeric',
		hour: '2-digit', minute: '2-digit'}).replace(/\./g, '');
}

function tabel(id, lijst) {
	return h('div', {class: 'tabelhouder'}, h('table', {class: 'lijst documenten'},
		h('caption', null, 'Documenten bij dit dossier'),
		h('thead', null, h('tr', null, ['Naam', 'Soort', 'Grootte', 'Vastgelegd', 'Door', 'Controlegetal (SHA-256)']
			.map((k) => h('th', {scope: 'col'}, k)))),
		h('tbody', null, lijst.map((d) => h('tr', {'data-document': d.id},
			h('th', {scope: 'row', 'data-label': 'Naam'},
				h('a', {href: `/api/v1/dossiers/${seg(id)}/documenten/${seg(String(d.id))}`, download: d.naam}, d.naam),
				' ', klasseBadge(d.zichtbaarheid)),
			h('td', {'data-label': 'Soort'}, soortTekst(d.mime)),
			h('td', {'data-label': 'Grootte'}, grootte(d.grootte)),
			h('td', {'data-label': 'Vastgelegd'}, tijd(d.vastgelegd)),
			h('td', {'data-label': 'Door'}, d.auteur || '–'),
			h('td', {'data-label': 'SHA-256'}, h('code', {class: 'hash', title: d.sha256}, d.sha256.slice(0, 16), '…')))))));
}

function uploadFormulier(ctx) {
	const klassen = ctx.data.rechten.schrijven;
	const titelId = nieuwId('titel');
	const bestandId = nieuwId('veld');
	const bestandIn = h('input', {type: 'file', id: bestandId, 'data-pad': 'Content-Type', required: true,
		'aria-describedby': `${bestandId}-hint ${bestandId}-fout`,
		accept: '.pdf,.png,.jpg,.jpeg,.txt,.docx,.xlsx,.pptx,.odt,.ods,.odp'});
	const form = h('form', {class: 'formulier', novalidate: true, 'aria-labelledby': titelId},
		h('h3', {id: titelId}, 'Document toevoegen'),
		h('p', {class: 'hint'}, 'Velden met * zijn verplicht. Een document kan niet worden gewijzigd of verwijderd.'),
		h('div', {class: 'veld'}, h('label', {for: bestandId}, 'Bestand', h('span', {class: 'verplicht', 'aria-hidden': 'true'}, ' *')),
			h('p', {class: 'hint', id: `${bestandId}-hint`}, 'PDF, PNG, JPEG, tekst of kantoordocument; hoogstens 20 MB.'),
			bestandIn, h('p', {class: 'veldfout', id: `${bestandId}-fout`, hidden: true})),
		veld({pad: 'naam', label: 'Naam', verplicht: true, hint: 'Zoals het document in het dossier heet.'}),
		veld({pad: 'zichtbaarheid', label: 'Wie mag dit lezen', type: 'keuze', verplicht: true,
			leeg: klassen.length > 1 ? 'Kies wie dit mag lezen' : undefined,
			opties: klassen.map((k) => [k, `${KLASSEN[k]}: ${KLASSE_UITLEG[k]}`])}),
		h('div', {class: 'knoppen'}, h('button', {type: 'submit', class: 'knop'}, 'Toevoegen')));
	const naamIn = form.querySelector('[data-pad="naam"]');
	bestandIn.addEventListener('change', () => {
		const f = bestandIn.files[0];
		if (f && !naamIn.value) naamIn.value = f.name;
	});
	form.addEventListener('submit', async (ev) => {
		ev.preventDefault();
		let naam = '';
		const ok = await verstuur(form, async () => {
			const f = bestandIn.files[0];
			if (!f) throw {pad: 'Content-Type', bericht: 'Kies een bestand.'};
			if (f.size === 0) throw {pad: 'Content-Type', bericht: 'Het bestand is leeg.'};
			if (f.size > MAX_BYTES) throw {pad: 'Content-Type', bericht: `Het bestand is ${grootte(f.size)}; hoogstens 20 MB.`};
			naam = waarde(form, 'naam');
			if (naam.includes('/')) throw {pad: 'naam', bericht: 'Een naam mag geen / bevatten.'};
			await apiBestand(`/dossiers/${seg(ctx.data.id)}/documenten${query({naam, zichtbaarheid: waarde(form, 'zichtbaarheid')})}`,
				f, typeVan(f));
		});
		if (ok) await ctx.opnieuw(`Document ${naam} is toegevoegd.`);
	});
	return form;
}

export async function render(ctx) {
	const kop = h('h2', {id: 'tabpaneel-titel'}, 'Documenten');
	const lijst = [];
	let r;
	try {
		// every page: a case has at most a few hundred documents
		for (let pagina = 1; pagina <= 40; pagina++) {
			r = await api('GET', `/dossiers/${seg(ctx.data.id)}/documenten${query({pagina: pagina > 1 ? pagina : ''})}`);
			lijst.push(...(r.documenten || []));
			if (!r.per_pagina || lijst.length >= r.totaal || !(r.documenten || []).length) break;
		}
	} catch (e) {
		if (e.status !== 501) throw e;
		vervang(ctx.paneel, kop, h('p', {class: 'melding info'},
			'Documenten zijn op deze server nog niet beschikbaar.'));
		return;
	}
	if (!ctx.actueel()) return;
	vervang(ctx.paneel, kop,
		lijst.length ? tabel(ctx.data.id, lijst) : h('p', {class: 'leeg'}, 'Nog geen documenten.'),
		ctx.data.rechten.schrijven.length ? h('div', {class: 'kaart smal-kaart'}, uploadFormulier(ctx)) : null);
}
