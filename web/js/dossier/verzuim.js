// dossier/verzuim.js - sick and recovery mutations: the list, and the form
// for recovery, relapse, a new percentage or WAZO leave, which says before
// saving what the 4-week rule will do ("herval binnen 4 weken: telt door
// vanaf ziektedag 41"). The server computes that (POST .../verzuim/proef,
// a dry run with the engine's aggregation, R-AGG-1/2/5); this file only
// words its answer.

import {h, vervang} from '../dom.js';
import {api, seg} from '../api.js';
import {dagnr, datum, vandaag, isDatum} from '../fmt.js';
import {veld, verstuur, waarde} from '../formulier.js';
import {VERZUIMSOORTEN as SOORT} from '../labels.js';

/** Wait this long after the last keystroke before asking the server. */
const WACHT_MS = 250;

/**
 * The Dutch sentence for a dry run p (docs/api.md, spoor-proef):
 * {tekst, herval?, nieuwGeval?}.
 */
export function zin(p) {
	const d = p.mutatie.datum;
	if (p.mutatie.soort === 'ziek') {
		if (!p.voor) return {tekst: `Eerste ziekmelding: ziektedag 1 is ${datum(d)}.`};
		if (p.voor.open) {
			return {tekst: `Nieuw percentage vanaf ${datum(d)}: de ziekte loopt door zonder onderbreking (ziektedag ${p.ziektedag}).`};
		}
		if (p.nieuw_geval) {
			return {
				tekst: `Vier weken of langer hersteld: dit is een nieuw verzuimgeval. Ziektedag 1 is ${datum(d)} en alle termijnen beginnen opnieuw.`,
				nieuwGeval: true,
			};
		}
		return {
			tekst: `Herval binnen 4 weken: telt door vanaf ziektedag ${p.ziektedag}. De eerste ziektedag blijft ${datum(p.na.eerste_ziektedag)}.`,
			herval: true,
		};
	}
	if (p.mutatie.soort === 'hersteld') {
		if (!p.voor || !p.voor.open) return {tekst: 'De werknemer is op dit moment niet ziek gemeld.'};
		return {tekst: `Hersteld per ${datum(d)}: de laatste ziektedag is ${datum(p.na.laatste_ziektedag)} (ziektedag ${p.ziektedag}). Wordt de werknemer vóór ${datum(p.nieuw_geval_vanaf)} opnieuw ziek, dan telt het verzuim door vanaf ziektedag ${p.ziektedag + 1}.`};
	}
	return {tekst: `Zwangerschapsverlof vanaf ${datum(d)}: deze dagen tellen niet als ziektedagen.`};
}

function lijst(ds) {
	if (!ds.verzuim.length) return h('p', {class: 'leeg'}, 'Geen mutaties.');
	return h('div', {class: 'tabelhouder'}, h('table', {class: 'lijst verzuim'},
		h('caption', null, 'Ziek- en herstelmeldingen'),
		h('thead', null, h('tr', null, h('th', {scope: 'col'}, 'Datum'), h('th', {scope: 'col'}, 'Melding'),
			h('th', {scope: 'col'}, 'Percentage'))),
		h('tbody', null, ds.verzuim.map((m) => h('tr', null,
			h('td', {'data-label': 'Datum'}, datum(m.datum)),
			h('td', {'data-label': 'Melding'}, SOORT[m.soort] || m.soort),
			h('td', {'data-label': 'Percentage'}, m.soort === 'ziek' ? `${m.percentage}%` : '–'))))));
}

function formulier(ctx) {
	const {ds} = ctx.data;
	const vorige = ds.verzuim[ds.verzuim.length - 1];
	const nuZiek = vorige && vorige.soort === 'ziek';
	const effectTekst = h('p', {class: 'effect', id: 'verzuim-effect', role: 'status'});
	const form = h('form', {class: 'formulier', novalidate: true, 'aria-labelledby': 'verzuim-form-titel'},
		h('h3', {id: 'verzuim-form-titel'}, nuZiek ? 'Herstel of nieuw percentage melden' : 'Herval of herstel melden'),
		h('p', {class: 'hint'}, 'Velden met * zijn verplicht.'),
		veld({pad: '$.soort', label: 'Melding', type: 'keuze', verplicht: true,
			opties: [['hersteld', 'Hersteld (volledig)'], ['ziek', nuZiek ? 'Ander percentage' : 'Opnieuw ziek (herval)'],
				['zwangerschapsverlof', 'Zwangerschapsverlof']],
			waarde: nuZiek ? 'hersteld' : 'ziek'}),
		veld({pad: '$.datum', label: 'Datum', type: 'datum', verplicht: true, waarde: vandaag(),
			hint: 'Bij herstel: de eerste dag dat de werknemer weer volledig kan werken.'}),
		h('div', {class: 'pct'}, veld({pad: '$.percentage', label: 'Percentage arbeidsongeschikt', type: 'getal',
			verplicht: true, min: 1, max: 100, stap: '1', waarde: '100'})),
		effectTekst,
		h('div', {class: 'knoppen'}, h('button', {type: 'submit', class: 'knop'}, 'Melden')));
	const soortSel = form.querySelector('[data-pad="$.soort"]');
	const datumIn = form.querySelector('[data-pad="$.datum"]');
	const pctIn = form.querySelector('[data-pad="$.percentage"]');
	const pct = form.querySelector('.pct');
	const pad = `/dossiers/${seg(ds.dossier_id)}/verzuim/proef`;
	// the mutation as the dry run gets it; the percentage does not change
	// the aggregation, so one still being typed counts as 100
	const mutatie = (soort) => {
		const m = {datum: datumIn.value, soort};
		if (soort === 'ziek') {
			const p = Number(pctIn.value);
			m.percentage = Number.isInteger(p) && p >= 1 && p <= 100 ? p : 100;
		}
		return m;
	};
	// what the server said, or why not
	const proef = (m) => api('POST', pad, m).then(zin, (e) => ({fout: e.bericht}));
	const zet = (e) => {
		effectTekst.textContent = e.fout || e.tekst || '';
		effectTekst.className = `effect${e.fout ? ' fout' : e.herval ? ' herval' : ''}`;
	};
	let timer = null;
	let vraag = 0; // only the answer to the latest question is shown
	const toon = () => {
		pct.hidden = soortSel.value !== 'ziek';
		window.clearTimeout(timer);
		vraag += 1;
		const d = datumIn.value;
		if (!isDatum(d)) {
			zet({});
			return;
		}
		// refused before asking, as the server would (R-AGG needs order)
		if (vorige && dagnr(d) <= dagnr(vorige.datum)) {
			zet({fout: `De datum moet na de laatste mutatie liggen (${datum(vorige.datum)}).`});
			return;
		}
		const nr = vraag;
		const m = mutatie(soortSel.value);
		timer = window.setTimeout(async () => {
			const e = await proef(m);
			if (nr === vraag) zet(e);
		}, WACHT_MS);
	};
	soortSel.addEventListener('change', toon);
	datumIn.addEventListener('input', toon);
	datumIn.addEventListener('change', toon);
	pctIn.addEventListener('input', toon);
	toon();
	form.addEventListener('submit', async (ev) => {
		ev.preventDefault();
		const soort = soortSel.value;
		// the sentence for exactly what is sent, asked before it is stored
		const e = isDatum(datumIn.value) && !(vorige && dagnr(datumIn.value) <= dagnr(vorige.datum))
			? await proef(mutatie(soort)) : {};
		const ok = await verstuur(form, async () => {
			const body = {datum: waarde(form, '$.datum'), soort};
			if (soort === 'ziek') body.percentage = Number(waarde(form, '$.percentage'));
			await api('POST', `/dossiers/${seg(ds.dossier_id)}/verzuim`, body);
		});
		if (ok) {
			await ctx.opnieuw(e.tekst ? `Gemeld. ${e.tekst}` : `Gemeld: ${SOORT[soort].toLowerCase()} per ${datum(datumIn.value)}.`);
		}
	});
	return form;
}

export async function render(ctx) {
	vervang(ctx.paneel,
		h('h2', {id: 'tabpaneel-titel'}, 'Ziek en hersteld'),
		h('div', {class: 'twee-kolommen'},
			h('div', null, lijst(ctx.data.ds),
				h('p', {class: 'hint'}, 'Een herval binnen vier weken na herstel telt door: de ziektedagen worden samengeteld en de termijnen lopen door. Na vier weken of langer begint een nieuw verzuimgeval.')),
			ctx.data.rechten.verzuim ? h('div', {class: 'kaart'}, formulier(ctx)) : null));
}
