// dossier/logboek.js - the dossier log (every entry the user may read,
// newest first) and the form to record an entry of any event type of
// architecture §4. The form offers only the visibility classes the user
// may write; the server checks again and its errors land at the field.

import {h, vervang, nieuwId} from '../dom.js';
import {api, seg} from '../api.js';
import {datum, vandaag} from '../fmt.js';
import {SOORT_GROEPEN, SOORTEN, KLASSEN, KLASSE_UITLEG, label} from '../labels.js';
import {veld, verstuur, waarde} from '../formulier.js';
import {VELDEN, leesItems, details} from './soorten.js';

export function klasseBadge(z) {
	if (!z || z === 'algemeen') return null;
	return h('span', {class: `badge klasse-${z}`}, KLASSEN[z] || z);
}

/** The entries of ds, newest first (by date, then by order of recording). */
export function gesorteerd(ds, filter = () => true) {
	return ds.gebeurtenissen.map((g, i) => ({g, i})).filter(({g}) => filter(g))
		.sort((a, b) => (a.g.datum < b.g.datum ? 1 : a.g.datum > b.g.datum ? -1 : b.i - a.i))
		.map(({g}) => g);
}

export function entryLijst(ds, filter, leeg = 'Nog niets vastgelegd.') {
	const gecorrigeerd = new Map();
	for (const g of ds.gebeurtenissen) if (g.corrigeert) gecorrigeerd.set(g.corrigeert, g.id);
	const lijst = gesorteerd(ds, filter);
	if (!lijst.length) return h('p', {class: 'leeg'}, leeg);
	return h('ol', {class: 'logboek'}, lijst.map((g) => {
		const vervallen = g.id && gecorrigeerd.has(g.id);
		return h('li', {class: `entry${vervallen ? ' vervallen' : ''}`, 'data-soort': g.soort,
			'data-klasse': g.zichtbaarheid || 'algemeen', 'data-id': g.id || null},
		h('div', {class: 'entry-kop'},
			h('time', {datetime: g.datum}, datum(g.datum)),
			h('strong', null, label(SOORTEN, g.soort)),
			klasseBadge(g.zichtbaarheid),
			g.id ? h('span', {class: 'sub'}, g.id) : null),
		g.tekst ? h('p', {class: 'entry-tekst'}, g.tekst) : null,
		details(g).length ? h('dl', {class: 'entry-details'},
			details(g).map(([k, v]) => h('div', null, h('dt', null, k), h('dd', null, v)))) : null,
		g.corrigeert ? h('p', {class: 'sub'}, `Corrigeert ${g.corrigeert}`) : null,
		vervallen ? h('p', {class: 'sub'}, `Gecorrigeerd door ${gecorrigeerd.get(g.id)}; telt niet meer mee.`) : null,
		g.auteur ? h('p', {class: 'sub'}, `Vastgelegd door ${g.auteur}`) : null);
	}));
}

function soortVeld(soorten, gekozen) {
	const groepen = SOORT_GROEPEN.map(([naam, lijst]) => [naam, lijst.filter((s) => soorten.includes(s))])
		.filter(([, l]) => l.length);
	const id = nieuwId('veld');
	const sel = h('select', {id, 'data-pad': '$.soort', name: 'soort', required: true,
		'aria-describedby': `${id}-fout`},
	h('option', {value: ''}, 'Kies een soort'),
	groepen.map(([naam, l]) => h('optgroup', {label: naam},
		l.map((s) => h('option', {value: s, selected: s === gekozen}, SOORTEN[s])))));
	sel.dataset.type = 'keuze';
	return h('div', {class: 'veld'}, h('label', {for: id}, 'Soort',
		h('span', {class: 'verplicht', 'aria-hidden': 'true'}, ' *')), sel,
	h('p', {class: 'veldfout', id: `${id}-fout`, hidden: true}));
}

function extraVelden(soort) {
	return (VELDEN[soort] || []).map((v) => veld({
		pad: `$.${v.naam}`, label: v.label, type: v.type === 'items' ? 'tekstvak' : v.type,
		verplicht: v.verplicht, opties: v.opties, hint: v.hint, min: v.min, max: v.max, stap: v.stap,
		waarde: v.type === 'vinkje' ? v.standaard : undefined,
		leeg: v.type === 'keuze' ? 'Kies' : undefined, rijen: 4,
	}));
}

/**
 * The form to record an entry. o: {data, soorten (allowed types),
 * soort (preselected), titel, opnieuw}.
 */
export function gebeurtenisFormulier(o) {
	const {ds} = o.data;
	const klassen = o.data.rechten.schrijven;
	const soorten = o.soorten || Object.keys(SOORTEN);
	const eerste = o.soort || (soorten.length === 1 ? soorten[0] : '');
	const extra = h('div', {class: 'extra'}, extraVelden(eerste));
	const titelId = nieuwId('titel');
	const metId = ds.gebeurtenissen.filter((g) => g.id);
	const form = h('form', {class: 'formulier', novalidate: true, 'aria-labelledby': titelId},
		h('h3', {id: titelId}, o.titel || 'Vastleggen in het logboek'),
		h('p', {class: 'hint'}, 'Velden met * zijn verplicht.'),
		soorten.length > 1 ? soortVeld(soorten, eerste) : null,
		veld({pad: '$.datum', label: 'Datum', type: 'datum', verplicht: true, waarde: vandaag()}),
		extra,
		klassen.length > 1 ? veld({pad: '$.zichtbaarheid', label: 'Wie mag dit lezen', type: 'keuze',
			opties: klassen.map((k) => [k, `${KLASSEN[k]}: ${KLASSE_UITLEG[k]}`]), waarde: 'algemeen'}) : null,
		veld({pad: '$.tekst', label: 'Toelichting', type: 'tekstvak', rijen: 3}),
		metId.length ? veld({pad: '$.corrigeert', label: 'Corrigeert een eerdere vastlegging', type: 'keuze',
			leeg: 'Nee', opties: metId.map((g) => [g.id, `${g.id}: ${label(SOORTEN, g.soort)}, ${datum(g.datum)}`]),
			hint: 'De gecorrigeerde vastlegging blijft zichtbaar maar telt niet meer mee.'}) : null,
		h('div', {class: 'knoppen'}, h('button', {type: 'submit', class: 'knop'}, 'Vastleggen')));
	const soortSel = form.querySelector('[data-pad="$.soort"]');
	if (soortSel) {
		soortSel.addEventListener('change', () => vervang(extra, extraVelden(soortSel.value)));
	}
	form.addEventListener('submit', async (ev) => {
		ev.preventDefault();
		let antwoord = null;
		const soort = soortSel ? soortSel.value : eerste;
		const ok = await verstuur(form, async () => {
			const body = {soort, datum: waarde(form, '$.datum')};
			for (const v of VELDEN[soort] || []) {
				const w = waarde(form, `$.${v.naam}`);
				if (v.type === 'vinkje' || v.type === 'janee') {
					if (w !== undefined) body[v.naam] = w;
				} else if (v.type === 'items') {
					body[v.naam] = leesItems(w || '');
				} else if (w !== '' && w !== undefined) {
					body[v.naam] = v.type === 'getal' ? Number(w) : w;
				}
			}
			const z = klassen.length > 1 ? waarde(form, '$.zichtbaarheid') : klassen[0];
			if (z && z !== 'algemeen') body.zichtbaarheid = z;
			const t = waarde(form, '$.tekst');
			if (t) body.tekst = t;
			const c = waarde(form, '$.corrigeert');
			if (c) body.corrigeert = c;
			antwoord = await api('POST', `/dossiers/${seg(ds.dossier_id)}/gebeurtenissen`, body);
		});
		if (ok) {
			await o.opnieuw(`Vastgelegd: ${SOORTEN[soort]} van ${datum(waarde(form, '$.datum'))}${antwoord && antwoord.id ? ` (${antwoord.id})` : ''}.`);
		}
	});
	return form;
}

export async function render(ctx) {
	vervang(ctx.paneel,
		h('h2', {id: 'tabpaneel-titel'}, 'Logboek'),
		h('div', {class: 'twee-kolommen'},
			h('div', null, entryLijst(ctx.data.ds)),
			ctx.data.rechten.schrijven.length ? h('div', {class: 'kaart'}, gebeurtenisFormulier({data: ctx.data, opnieuw: ctx.opnieuw})) : null));
}
