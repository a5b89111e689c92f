// dossier/overzicht.js - the timeline of the case, a summary of the toets
// and every milestone in a table.

import {h, vervang} from '../dom.js';
import {api, seg} from '../api.js';
import {tijdlijnVisueel, mijlpalenTabel, toonVandaag} from './tijdlijn.js';
import {RISICO} from '../labels.js';

export function geenTijdlijn(data) {
	return h('p', {class: 'melding info'},
		`Geen tijdlijn: ${data.tlFout ? data.tlFout.message : 'het dossier heeft geen ziekmelding'}.`);
}

export async function render(ctx) {
	const {tl, toets} = ctx.data;
	// the week axis of the timeline, as the server aggregates the case;
	// without it the timeline is drawn with its first day only
	const verloop = tl ? await api('GET', `/dossiers/${seg(ctx.data.ds.dossier_id)}/verzuim/proef`)
		.then((v) => v.verloop, () => null) : null;
	const samenvatting = toets ? h('section', {class: 'kaart toetssamenvatting', 'aria-labelledby': 'ts-titel'},
		h('h3', {id: 'ts-titel'}, 'Toets'),
		h('p', null, `Risico ${RISICO[toets.risico].toLowerCase()}: `,
			toets.bevindingen.length === 0 ? 'geen bevindingen.'
				: `${toets.bevindingen.length} ${toets.bevindingen.length === 1 ? 'bevinding' : 'bevindingen'}. `,
			toets.bevindingen.length ? h('a', {href: `${ctx.basis}/toets`}, 'Bekijk de toets') : null)) : null;
	vervang(ctx.paneel,
		h('h2', {id: 'tabpaneel-titel'}, 'Overzicht'),
		tl ? tijdlijnVisueel(tl, verloop) : geenTijdlijn(ctx.data),
		samenvatting,
		tl ? mijlpalenTabel(tl) : null);
	toonVandaag(ctx.paneel);
}
