// dossier/toets.js - the assessment as UWV would make it: the risk, what a
// loonsanctie would cost, and every finding with its explanation, remedy,
// rule and legal source.

import {h, vervang} from '../dom.js';
import {bedrag, datum, datumsInTekst} from '../fmt.js';
import {BEVINDINGEN, RISICO, label} from '../labels.js';
import {risicoBadge} from '../views/dossiers.js';

export function bevinding(b) {
	return h('li', {class: `bevinding ernst-${b.ernst}`, 'data-id': b.id},
		h('div', {class: 'bevinding-kop'},
			h('span', {class: `badge risico-${b.ernst}`}, RISICO[b.ernst] || b.ernst),
			h('h3', null, label(BEVINDINGEN, b.id))),
		h('p', null, datumsInTekst(b.toelichting)),
		h('p', {class: 'herstel'}, h('strong', null, 'Herstel: '), datumsInTekst(b.herstel)),
		h('p', {class: 'sub'}, `Regel ${b.regel} · ${b.bron}`));
}

export async function render(ctx) {
	const {toets} = ctx.data;
	if (!toets) {
		vervang(ctx.paneel, h('h2', {id: 'tabpaneel-titel'}, 'Toets'),
			h('p', {class: 'melding info'}, 'Geen toets: het dossier heeft geen bruikbare ziekmelding.'));
		return;
	}
	vervang(ctx.paneel,
		h('h2', {id: 'tabpaneel-titel'}, 'Toets'),
		h('p', {class: 'inleiding'}, `Zoals UWV het re-integratieverslag zou toetsen, op ${datum(toets.peildatum)}.`),
		h('dl', {class: 'kerngegevens'},
			h('div', null, h('dt', null, 'Risico op een loonsanctie'), h('dd', null, risicoBadge(toets.risico))),
			toets.loonsanctie_blootstelling_cent !== null && toets.loonsanctie_blootstelling_cent !== undefined
				? h('div', null, h('dt', null, 'Kosten van 52 weken loonsanctie'),
					h('dd', null, bedrag(toets.loonsanctie_blootstelling_cent))) : null),
		toets.bevindingen.length
			? h('ol', {class: 'bevindingen'}, toets.bevindingen.map(bevinding))
			: h('p', {class: 'melding goed'}, 'Geen bevindingen: het dossier voldoet op dit moment.'));
}
