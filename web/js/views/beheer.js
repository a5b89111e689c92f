// views/beheer.js - for the beheerder: users with their grants, adding a
// user, granting a role for an employer or a case, revoking a grant and
// (de)activating a user, and the access log of a case. The beheerder reads no case content (architecture §6).

import {h, vervang, kondigAan} from '../dom.js';
import {api, seg} from '../api.js';
import {ROLLEN} from '../labels.js';
import {veld, verstuur, waarde} from '../formulier.js';
import {rij as inzageRij} from '../dossier/inzage.js';

/* where each role's grant applies (architecture §6) */
const BEREIK = {
	beheerder: 'geen', casemanager: 'werkgever', werkgever: 'werkgever', leidinggevende: 'werkgever',
	bedrijfsarts: 'werkgever', arbeidsdeskundige: 'dossier', loopbaancoach: 'dossier',
	werknemer: 'dossier', adviseur: 'dossier',
};

function toekenningTekst(t) {
	const rol = ROLLEN[t.rol] || t.rol;
	if (t.werkgever) return `${rol} bij werkgever ${t.werkgever}`;
	if (t.dossier) return `${rol} voor dossier ${t.dossier}`;
	return rol;
}

/* A button that revokes or (de)activates at once (issue 12): on success
 * the view reloads with the melding; an error shows next to the button. */
function intrekKnop(tekst, label, doe, melding, opnieuw) {
	const fout = h('span', {class: 'veldfout', role: 'alert', hidden: true});
	const knop = h('button', {type: 'button', class: 'knop secundair', 'aria-label': label}, tekst);
	knop.addEventListener('click', async () => {
		knop.disabled = true;
		try {
			await doe();
		} catch (e) {
			knop.disabled = false;
			fout.hidden = false;
			fout.textContent = e.bericht || 'Dat lukte niet; probeer het opnieuw.';
			return;
		}
		await opnieuw(melding);
	});
	return h('span', null, ' ', knop, ' ', fout);
}

function gebruikersTabel(lijst, opnieuw) {
	return h('div', {class: 'tabelhouder', tabindex: '0', role: 'region', 'aria-label': 'Gebruikers'},
		h('table', {class: 'lijst gebruikers'},
		h('caption', null, `${lijst.length} gebruikers`),
		h('thead', null, h('tr', null, ['Gebruikersnaam', 'Naam', 'Actief', 'Rollen'].map((k) => h('th', {scope: 'col'}, k)))),
		h('tbody', null, lijst.map((g) => h('tr', {'data-gebruiker': g.gebruikersnaam},
			h('th', {scope: 'row', 'data-label': 'Gebruikersnaam'}, g.gebruikersnaam),
			h('td', {'data-label': 'Naam'}, g.naam),
			h('td', {'data-label': 'Actief'}, g.actief ? 'ja' : 'nee',
				intrekKnop(g.actief ? 'Deactiveren' : 'Activeren',
					`${g.gebruikersnaam} ${g.actief ? 'deactiveren' : 'activeren'}`,
					() => api('PUT', `/gebruikers/${seg(g.gebruikersnaam)}/actief`, {actief: !g.actief}),
					g.actief ? `${g.gebruikersnaam} is gedeactiveerd: zijn sessies en API-tokens zijn beëindigd.`
						: `${g.gebruikersnaam} kan weer aanmelden.`, opnieuw)),
			h('td', {'data-label': 'Rollen'}, g.toekenningen.length
				? h('ul', {class: 'kaal'}, g.toekenningen.map((t) => h('li', null, toekenningTekst(t),
					intrekKnop('Intrekken', `${toekenningTekst(t)} van ${g.gebruikersnaam} intrekken`,
						() => api('DELETE', `/toekenningen/${t.id}`),
						`${toekenningTekst(t)} van ${g.gebruikersnaam} is ingetrokken.`, opnieuw))))
				: 'geen'))))));
}

function nieuweGebruiker(opnieuw) {
	const form = h('form', {class: 'formulier', novalidate: true, 'aria-labelledby': 'ng-titel'},
		h('h2', {id: 'ng-titel'}, 'Gebruiker toevoegen'),
		veld({pad: '$.gebruikersnaam', label: 'Gebruikersnaam', verplicht: true, autocomplete: 'off',
			hint: 'Kleine letters, cijfers, punt, liggend streepje of koppelteken.'}),
		veld({pad: '$.naam', label: 'Naam', verplicht: true, autocomplete: 'off'}),
		veld({pad: '$.wachtwoord', label: 'Eerste wachtwoord', type: 'wachtwoord', verplicht: true,
			autocomplete: 'new-password', hint: 'Minstens 10 tekens; de gebruiker wijzigt het na het aanmelden.'}),
		h('div', {class: 'knoppen'}, h('button', {type: 'submit', class: 'knop'}, 'Toevoegen')));
	form.addEventListener('submit', async (ev) => {
		ev.preventDefault();
		const naam = waarde(form, '$.gebruikersnaam');
		const ok = await verstuur(form, async () => {
			const pw = form.querySelector('[data-pad="$.wachtwoord"]').value;
			if ([...pw].length < 10) throw {pad: '$.wachtwoord', bericht: 'Gebruik minstens 10 tekens.'};
			await api('POST', '/gebruikers', {gebruikersnaam: naam, naam: waarde(form, '$.naam'), wachtwoord: pw});
		});
		if (ok) await opnieuw(`Gebruiker ${naam} is toegevoegd. Ken nu een rol toe.`);
	});
	return form;
}

function toekenning(lijst, wg, opnieuw) {
	const bereikVeld = h('div', {class: 'bereik'});
	const form = h('form', {class: 'formulier', novalidate: true, 'aria-labelledby': 'tk-titel'},
		h('h2', {id: 'tk-titel'}, 'Rol toekennen'),
		veld({pad: '$.gebruikersnaam', label: 'Gebruiker', type: 'keuze', verplicht: true, leeg: 'Kies een gebruiker',
			opties: lijst.map((g) => [g.gebruikersnaam, `${g.naam} (${g.gebruikersnaam})`])}),
		veld({pad: '$.rol', label: 'Rol', type: 'keuze', verplicht: true, leeg: 'Kies een rol',
			opties: Object.entries(ROLLEN)}),
		bereikVeld,
		h('div', {class: 'knoppen'}, h('button', {type: 'submit', class: 'knop'}, 'Toekennen')));
	const rolSel = form.querySelector('[data-pad="$.rol"]');
	const toonBereik = () => {
		const b = BEREIK[rolSel.value];
		if (b === 'werkgever' && wg && wg.length) {
			vervang(bereikVeld, veld({pad: '$.werkgever', label: 'Bij werkgever', type: 'keuze', verplicht: true,
				leeg: 'Kies een werkgever', opties: wg.map((w) => [w.id, `${w.naam} (${w.id})`]),
				hint: 'Deze rol ziet alle dossiers van deze werkgever.'}));
		} else if (b === 'werkgever') {
			vervang(bereikVeld, veld({pad: '$.werkgever', label: 'Bij werkgever (ID)', verplicht: true,
				hint: 'Deze rol ziet alle dossiers van deze werkgever, bijvoorbeeld WG-1.'}));
		} else if (b === 'dossier') {
			vervang(bereikVeld, veld({pad: '$.dossier', label: 'Voor dossier (nummer)', verplicht: true,
				hint: 'Deze rol ziet alleen dit dossier.'}));
		} else {
			vervang(bereikVeld);
		}
	};
	rolSel.addEventListener('change', toonBereik);
	form.addEventListener('submit', async (ev) => {
		ev.preventDefault();
		const body = {gebruikersnaam: waarde(form, '$.gebruikersnaam'), rol: rolSel.value};
		const ok = await verstuur(form, async () => {
			const wg = waarde(form, '$.werkgever');
			const ds = waarde(form, '$.dossier');
			if (wg) body.werkgever = wg;
			if (ds) body.dossier = ds;
			await api('POST', '/toekenningen', body);
		});
		if (ok) await opnieuw(`${ROLLEN[body.rol]} toegekend aan ${body.gebruikersnaam}.`);
	});
	return form;
}

function toegangslog() {
	const uit = h('div', {class: 'uitkomst'});
	const form = h('form', {class: 'formulier', novalidate: true, 'aria-labelledby': 'tl-titel'},
		h('h2', {id: 'tl-titel'}, 'Toegangslog van een dossier'),
		veld({pad: '$.dossier', label: 'Dossiernummer', verplicht: true}),
		h('div', {class: 'knoppen'}, h('button', {type: 'submit', class: 'knop secundair'}, 'Opvragen')));
	form.addEventListener('submit', async (ev) => {
		ev.preventDefault();
		await verstuur(form, async () => {
			let r;
			try {
				r = await api('GET', `/dossiers/${seg(waarde(form, '$.dossier'))}/toegang?per_pagina=200`);
			} catch (e) {
				if (e.status === 404) throw {pad: '$.dossier', bericht: 'Dit dossier bestaat niet.'};
				throw e;
			}
			// the newest 200 records (the API pages; reads folded as in inzage.js)
			vervang(uit, h('div', {class: 'tabelhouder'}, h('table', {class: 'lijst'},
				h('caption', null, `Toegang tot ${r.dossier_id} (nieuwste eerst${r.volgende ? ', de laatste 200 regels' : ''})`),
				h('thead', null, h('tr', null, ['Wanneer', 'Wie', 'Rol', 'Wat', 'Gegevens'].map((k) => h('th', {scope: 'col'}, k)))),
				h('tbody', null, r.toegang.map(inzageRij)))));
			kondigAan(`${r.toegang.length} regels gevonden`);
		});
	});
	return h('div', null, form, uit);
}

async function werkgevers() {
	const uit = [];
	try {
		for (let pagina = 1; pagina <= 100; pagina++) {
			const r = await api('GET', `/werkgevers?pagina=${pagina}`);
			uit.push(...(r.werkgevers || []));
			if (!(r.werkgevers || []).length || uit.length >= r.totaal) break;
		}
	} catch (e) {
		if (e.status === 501) return null;
		throw e;
	}
	return uit;
}

function werkgeversSectie(lijst, opnieuw) {
	const kop = h('h2', {id: 'wg-titel'}, 'Werkgevers');
	if (!lijst) {
		return h('section', {'aria-labelledby': 'wg-titel'}, kop,
			h('p', {class: 'melding info'}, 'Werkgevers beheren is op deze server nog niet beschikbaar.'));
	}
	const form = h('form', {class: 'formulier', novalidate: true, 'aria-labelledby': 'nwg-titel'},
		h('h3', {id: 'nwg-titel'}, 'Werkgever toevoegen'),
		veld({pad: '$.id', label: 'Werkgever-ID', verplicht: true, hint: 'Een vast nummer, bijvoorbeeld WG-5.'}),
		veld({pad: '$.naam', label: 'Naam werkgever', verplicht: true, autocomplete: 'organization'}),
		veld({pad: '$.eigenrisicodrager_wga', label: 'Eigenrisicodrager WGA', type: 'vinkje', waarde: false}),
		veld({pad: '$.eigenrisicodrager_zw', label: 'Eigenrisicodrager Ziektewet', type: 'vinkje', waarde: false}),
		h('div', {class: 'knoppen'}, h('button', {type: 'submit', class: 'knop'}, 'Werkgever toevoegen')));
	form.addEventListener('submit', async (ev) => {
		ev.preventDefault();
		const id = waarde(form, '$.id');
		const ok = await verstuur(form, async () => {
			await api('POST', '/werkgevers', {id, naam: waarde(form, '$.naam'),
				eigenrisicodrager_wga: waarde(form, '$.eigenrisicodrager_wga'),
				eigenrisicodrager_zw: waarde(form, '$.eigenrisicodrager_zw')});
		});
		if (ok) await opnieuw(`Werkgever ${id} is toegevoegd.`);
	});
	return h('section', {'aria-labelledby': 'wg-titel'}, kop,
		h('div', {class: 'twee-kolommen'},
			/* a scrolling table must be reachable by keyboard (axe
			 * scrollable-region-focusable): a labelled, focusable region */
			lijst.length ? h('div', {class: 'tabelhouder', tabindex: '0', role: 'region', 'aria-label': 'Werkgevers'},
				h('table', {class: 'lijst werkgevers'},
				h('caption', null, `${lijst.length} werkgevers`),
				h('thead', null, h('tr', null, ['Werkgever', 'Nummer', 'Eigenrisicodrager WGA', 'Eigenrisicodrager ZW', 'Dossiers']
					.map((k) => h('th', {scope: 'col'}, k)))),
				h('tbody', null, lijst.map((w) => h('tr', null,
					h('th', {scope: 'row', 'data-label': 'Werkgever'}, w.naam),
					h('td', {'data-label': 'Nummer'}, w.id),
					h('td', {'data-label': 'Eigenrisicodrager WGA'}, w.eigenrisicodrager_wga ? 'ja' : 'nee'),
					h('td', {'data-label': 'Eigenrisicodrager ZW'}, w.eigenrisicodrager_zw ? 'ja' : 'nee'),
					h('td', {'data-label': 'Dossiers', class: 'getal'}, w.aantal_dossiers ?? '–'))))))
				: h('p', {class: 'leeg'}, 'Nog geen werkgevers.'),
			h('div', {class: 'kaart'}, form)));
}

export async function render(ctx) {
	const [r, wg] = await Promise.all([api('GET', '/gebruikers'), werkgevers()]);
	if (!ctx.actueel()) return;
	const opnieuw = (melding) => ctx.herlaad({melding, focus: '.melding.info'});
	vervang(ctx.main,
		h('h1', null, 'Beheer'),
		ctx.melding ? h('p', {class: 'melding info', role: 'status'}, ctx.melding) : null,
		h('section', {'aria-labelledby': 'gb-titel'}, h('h2', {id: 'gb-titel'}, 'Gebruikers en rollen'),
			gebruikersTabel(r.gebruikers, opnieuw)),
		h('div', {class: 'twee-kolommen gelijk'},
			h('div', {class: 'kaart'}, nieuweGebruiker(opnieuw)),
			h('div', {class: 'kaart'}, toekenning(r.gebruikers, wg, opnieuw))),
		werkgeversSectie(wg, opnieuw),
		h('div', {class: 'kaart'}, toegangslog()));
}
