// dossier/verzuim.js - sick and recovery mutations: the list, and the form
// for recovery, relapse, a new percentage or WAZO leave, which says before
// saving what the 4-week rule will do ("herval binnen 4 weken: telt door
// vanaf ziektedag 41").

import {h, vervang} from '../dom.js';
import {api, seg} from '../api.js';
import {datum, vandaag, isDatum} from '../fmt.js';
import {veld, verstuur, waarde} from '../formulier.js';
import {effect, verloop} from '../verzuim.js';
import {VERZUIMSOORTEN as SOORT} from '../labels.js';

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
	const zv = verloop(ds.verzuim);
	const nuZiek = zv && zv.open;
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
	const toon = () => {
		pct.hidden = soortSel.value !== 'ziek';
		const d = datumIn.value;
		if (!isDatum(d)) {
			effectTekst.textContent = '';
			return;
		}
		const e = effect(ds.verzuim, {datum: d, soort: soortSel.value, percentage: Number(pctIn.value) || 100});
		effectTekst.textContent = e.fout || e.tekst;
		effectTekst.className = `effect${e.fout ? ' fout' : e.herval ? ' herval' : ''}`;
	};
	soortSel.addEventListener('change', toon);
	datumIn.addEventListener('input', toon);
	datumIn.addEventListener('change', toon);
	pctIn.addEventListener('input', toon);
	toon();
	form.addEventListener('submit', async (ev) => {
		ev.preventDefault();
		const soort = soortSel.value;
		const e = isDatum(datumIn.value) ? effect(ds.verzuim, {datum: datumIn.value, soort}) : {};
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
