// dossier/loon.js - what the employer owes during the illness, per period
// (spoor-loon/1): statutory minimum, contract percentage, the total.

import {h, vervang} from '../dom.js';
import {api, seg} from '../api.js';
import {bedrag, datum} from '../fmt.js';

const GRONDSLAG = {wettelijk_70: '70% wettelijk', contract: 'contract/cao', minimumloon: 'minimumloon'};

export async function render(ctx) {
	const kop = h('h2', {id: 'tabpaneel-titel'}, 'Loon');
	let l;
	try {
		l = await api('GET', `/dossiers/${seg(ctx.data.id)}/loon`);
	} catch (e) {
		if (e.status !== 422 && e.status !== 501) throw e;
		vervang(ctx.paneel, kop, h('p', {class: 'melding info'},
			e.code === 'geen_loon' ? 'Geen maandloon bekend: de loondoorbetaling kan niet worden berekend.' : e.message));
		return;
	}
	if (!ctx.actueel()) return;
	vervang(ctx.paneel, kop,
		h('dl', {class: 'kerngegevens'},
			h('div', null, h('dt', null, 'Dagloon'), h('dd', null, bedrag(l.dagloon_cent))),
			h('div', null, h('dt', null, 'Loondoorbetaling totaal'), h('dd', null, bedrag(l.totaal_loondoorbetaling_cent))),
			h('div', null, h('dt', null, 'Kosten van 52 weken loonsanctie'), h('dd', null, bedrag(l.loonsanctie_blootstelling_cent)))),
		h('div', {class: 'tabelhouder'}, h('table', {class: 'lijst loon'},
			h('caption', null, 'Loondoorbetaling per periode'),
			h('thead', null, h('tr', null, ['Periode', 'Weken', 'Werkdagen', 'Per dag', 'Per maand', 'Grondslag', 'Totaal']
				.map((k, i) => h('th', {scope: 'col', class: i >= 2 && i !== 5 ? 'getal' : null}, k)))),
			h('tbody', null, l.perioden.map((p) => h('tr', null,
				h('td', {'data-label': 'Periode'}, `${datum(p.van)} t/m ${datum(p.tot_en_met)}`,
					p.loonsanctie ? h('span', {class: 'sub'}, 'loonsanctie') : null,
					p.voorlopig ? h('span', {class: 'sub'}, 'voorlopig') : null),
				h('td', {'data-label': 'Weken'}, `${p.week_van}–${p.week_tot_en_met}`),
				h('td', {'data-label': 'Werkdagen', class: 'getal'}, p.werkdagen),
				h('td', {'data-label': 'Per dag', class: 'getal'}, bedrag(p.verschuldigd_dag_cent)),
				h('td', {'data-label': 'Per maand', class: 'getal'}, bedrag(p.verschuldigd_maand_cent)),
				h('td', {'data-label': 'Grondslag'}, GRONDSLAG[p.grondslag] || p.grondslag),
				h('td', {'data-label': 'Totaal', class: 'getal'}, bedrag(p.totaal_cent))))))),
		/* the remarks of the wage module (birth date unknown, youth minimum
		 * wage, partial resumption), each with its rule and source */
		...(l.meldingen || []).map((m) => h('p', {class: 'melding info'},
			m.vanaf ? `Vanaf ${datum(m.vanaf)}: ${m.tekst}` : m.tekst,
			h('span', {class: 'sub'}, ` (${m.regel}, ${m.bron})`))),
		l.ontbrekende_parameters && l.ontbrekende_parameters.length
			? h('p', {class: 'melding info'}, 'Voor een deel van de periode zijn de wettelijke bedragen nog niet bekend; die perioden zijn voorlopig.') : null,
		l.parameters && l.parameters.length ? h('details', null, h('summary', null, 'Gebruikte bedragen en bronnen'),
			h('ul', null, l.parameters.map((p) => h('li', null,
				`${p.tabel === 'wml' ? 'Wettelijk minimumloon' : p.tabel === 'maximumdagloon' ? 'Maximumdagloon' : p.tabel} vanaf ${datum(p.ingangsdatum)}: ${bedrag(p.waarde_cent)} (${p.bron})`)))) : null);
}
