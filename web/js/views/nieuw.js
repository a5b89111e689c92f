// views/nieuw.js - a new case (ziekmelding): employer, employee,
// employment and the first sick day, sent as a spoor-dossier/1 document
// (POST /dossiers). The server's errors name a JSON path such as
// $.werknemer.bsn; each field carries that path.
//
// An employee who already has a case gets a pointer to it: a relapse
// within four weeks of recovery belongs in that case (it counts on).

import {h, vervang} from '../dom.js';
import {api, query, seg} from '../api.js';
import {vandaag, datum} from '../fmt.js';
import {veld, verstuur, waarde} from '../formulier.js';
import {VANGNET} from '../labels.js';
import {werknemerVelden, leesWerknemer, dienstverbandVelden, leesDienstverband} from '../stamdata.js';

function voorstelId() {
	const r = new Uint32Array(1);
	crypto.getRandomValues(r);
	return `D-${vandaag().slice(0, 4)}-${String(r[0] % 100000).padStart(5, '0')}`;
}

function groep(titel, ...velden) {
	return h('fieldset', {class: 'groep'}, h('legend', null, titel), velden);
}

/** Every page of a paged list (werkgevers, werknemers); null when the
 * server does not offer it (501) or the user may not use it. */
export async function alles(pad, sleutel) {
	const uit = [];
	try {
		for (let pagina = 1; pagina <= 100; pagina++) {
			const r = await api('GET', `${pad}${pad.includes('?') ? '&' : '?'}pagina=${pagina}`);
			uit.push(...(r[sleutel] || []));
			if (!(r[sleutel] || []).length || uit.length >= r.totaal) break;
		}
	} catch (e) {
		if ([501, 403, 404].includes(e.status)) return null;
		throw e;
	}
	return uit;
}

function bestaandeDossiers(naam, dossiers) {
	return h('div', {class: 'melding info'},
		h('p', null, `Er ${dossiers.length === 1 ? 'is al een dossier' : `zijn al ${dossiers.length} dossiers`} voor ${naam}. Is de werknemer binnen vier weken na herstel opnieuw ziek, meld dan een herval in dat dossier: het verzuim telt door.`),
		h('ul', null, dossiers.slice(0, 5).map((d) => h('li', null,
			h('a', {href: `/dossiers/${seg(d.dossier_id)}/verzuim`}, `${d.werknemer || naam}, dossier ${d.dossier_id}`),
			d.eerste_ziektedag ? ` (eerste ziektedag ${datum(d.eerste_ziektedag)})` : ''))));
}

export async function render(ctx) {
	const wg = await alles('/werkgevers', 'werkgevers');
	if (!ctx.actueel()) return;
	const lijst = wg && wg.length ? wg : null;
	const wgVelden = lijst
		? [veld({pad: '$.werkgever.id', label: 'Werkgever', type: 'keuze', verplicht: true,
			leeg: lijst.length > 1 ? 'Kies een werkgever' : undefined,
			opties: lijst.map((w) => [w.id, `${w.naam} (${w.id})`])})]
		: [veld({pad: '$.werkgever.id', label: 'Werkgever-ID', verplicht: true,
			hint: 'Het nummer van de werkgever in spoor, bijvoorbeeld WG-1.'}),
		veld({pad: '$.werkgever.naam', label: 'Naam werkgever', verplicht: true, autocomplete: 'organization'})];
	const kiesWerknemer = h('div', {class: 'kies-werknemer'});
	const bestaand = h('div', {class: 'bestaand', role: 'status'});
	const form = h('form', {class: 'formulier breed', novalidate: true, 'aria-labelledby': 'nieuw-titel'},
		h('p', {class: 'hint'}, 'Velden met * zijn verplicht.'),
		groep('Ziekmelding',
			veld({pad: '$.verzuim[0].datum', label: 'Eerste ziektedag', type: 'datum', verplicht: true, waarde: vandaag()}),
			veld({pad: '$.verzuim[0].percentage', label: 'Percentage arbeidsongeschikt', type: 'getal',
				verplicht: true, min: 1, max: 100, stap: '1', waarde: '100'}),
			veld({pad: '$.vangnet', label: 'Vangnet (Ziektewet)', type: 'keuze', opties: Object.entries(VANGNET),
				hint: 'Met een vangnet is geen 42e-weekmelding nodig.'})),
		groep('Werkgever', ...wgVelden),
		groep('Werknemer', kiesWerknemer, ...werknemerVelden('$.werknemer', {}, true), bestaand),
		groep('Dienstverband', ...dienstverbandVelden()),
		groep('Dossier',
			veld({pad: '$.dossier_id', label: 'Dossiernummer', verplicht: true, waarde: voorstelId(),
				hint: 'Voorgesteld; mag u aanpassen.'})),
		h('div', {class: 'knoppen'}, h('button', {type: 'submit', class: 'knop'}, 'Ziekmelding vastleggen')));
	const zet = (pad, w) => {
		const el = form.querySelector(`[data-pad="${pad}"]`);
		if (el) el.value = w || '';
	};

	// the employees of the chosen employer (GET /werknemers), to pick one
	const wgSel = form.querySelector('select[data-pad="$.werkgever.id"]');
	const laadWerknemers = async () => {
		vervang(kiesWerknemer);
		if (!wgSel || !wgSel.value) return;
		const wn = await alles(`/werknemers?werkgever=${encodeURIComponent(wgSel.value)}`, 'werknemers');
		if (!wn || !wn.length) return;
		const sel = veld({pad: 'bestaande-werknemer', label: 'Bestaande werknemer', type: 'keuze',
			leeg: 'Nieuwe werknemer', opties: wn.map((w) => [w.id, `${w.naam} (${w.id})`]),
			hint: 'Kies om de gegevens over te nemen.'});
		vervang(kiesWerknemer, sel);
		sel.querySelector('select').addEventListener('change', (ev) => {
			const w = wn.find((x) => x.id === ev.target.value) || {};
			zet('$.werknemer.id', w.id);
			zet('$.werknemer.naam', w.naam);
			zet('$.werknemer.geboortedatum', w.geboortedatum);
			zet('$.werknemer.bsn', w.bsn);
			vervang(bestaand, w.dossiers && w.dossiers.length
				? bestaandeDossiers(w.naam, w.dossiers.map((d) => ({dossier_id: d}))) : null);
		});
	};
	if (wgSel) wgSel.addEventListener('change', laadWerknemers);

	// without that list: a search on the name
	const naamIn = form.querySelector('[data-pad="$.werknemer.naam"]');
	naamIn.addEventListener('change', async () => {
		const naam = naamIn.value.trim();
		if (form.querySelector('[data-pad="bestaande-werknemer"]')?.value) return;
		vervang(bestaand);
		if (naam.length < 2) return;
		try {
			const r = await api('GET', `/dossiers${query({zoek: naam})}`);
			if (r.dossiers.length) vervang(bestaand, bestaandeDossiers(naam, r.dossiers));
		} catch {
			// only a hint; the form works without it
		}
	});

	form.addEventListener('submit', async (ev) => {
		ev.preventDefault();
		let id = null;
		const ok = await verstuur(form, async () => {
			const w = (p) => waarde(form, p);
			const wgId = w('$.werkgever.id');
			const doc = {
				formaat: 'spoor-dossier/1',
				dossier_id: w('$.dossier_id'),
				werkgever: {id: wgId, naam: lijst ? lijst.find((x) => x.id === wgId).naam : w('$.werkgever.naam')},
				werknemer: leesWerknemer(form, '$.werknemer'),
				dienstverband: leesDienstverband(form),
				vangnet: w('$.vangnet') || null,
				verzuim: [{datum: w('$.verzuim[0].datum'), soort: 'ziek', percentage: Number(w('$.verzuim[0].percentage'))}],
				gebeurtenissen: [],
			};
			if (lijst) {
				const x = lijst.find((y) => y.id === wgId);
				doc.werkgever.eigenrisicodrager_wga = Boolean(x.eigenrisicodrager_wga);
				if (x.eigenrisicodrager_zw) doc.werkgever.eigenrisicodrager_zw = true;
			}
			const r = await api('POST', '/dossiers', doc);
			id = r.dossier_id;
		});
		if (ok && id) {
			ctx.navigeer(`/dossiers/${seg(id)}`, {state: {melding: 'De ziekmelding is vastgelegd.'}});
		}
	});
	vervang(ctx.main, h('h1', {id: 'nieuw-titel'}, 'Nieuwe ziekmelding'),
		h('p', {class: 'inleiding'}, 'Leg een nieuwe ziekmelding vast. spoor berekent direct alle wettelijke termijnen.'),
		form);
	if (wgSel && wgSel.value) await laadWerknemers();
}
