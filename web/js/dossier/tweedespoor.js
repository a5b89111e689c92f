// dossier/tweedespoor.js - the second track: its start, the activities,
// applications and progress reports, the findings about it, and forms to
// record them.

import {h, vervang} from '../dom.js';
import {datum} from '../fmt.js';
import {MODULES, UITKOMSTEN, STATUS, label} from '../labels.js';
import {entryLijst, gebeurtenisFormulier, klasseBadge, gesorteerd} from './logboek.js';
import {bevinding} from './toets.js';
import {stand} from './tijdlijn.js';
import {dagnr} from '../fmt.js';

const SOORTEN = ['start_tweede_spoor', 'activiteit', 'sollicitatie', 'voortgangsrapportage'];

function tabel(caption, koppen, rijen, leeg) {
	if (!rijen.length) return h('p', {class: 'leeg'}, leeg);
	return h('div', {class: 'tabelhouder'}, h('table', {class: 'lijst'},
		h('caption', null, caption),
		h('thead', null, h('tr', null, koppen.map((k) => h('th', {scope: 'col'}, k)))),
		h('tbody', null, rijen.map((r) => h('tr', null, r.map((c, i) => h('td', {'data-label': koppen[i]}, c)))))));
}

export async function render(ctx) {
	const {ds, tl, toets} = ctx.data;
	const van = (soort) => gesorteerd(ds, (g) => g.soort === soort);
	const mp = tl ? tl.mijlpalen.find((m) => m.id === 'start_tweede_spoor') : null;
	const starts = van('start_tweede_spoor');
	const status = mp ? h('p', null, h('span', {class: `badge status-${mp.status}`}, STATUS[mp.status]), ' ',
		mp.uiterlijk ? `Start uiterlijk ${datum(mp.uiterlijk)}` : 'Geen tweede spoor nodig',
		mp.uiterlijk && stand(mp, dagnr(tl.peildatum)) ? ` – ${stand(mp, dagnr(tl.peildatum))}.` : '.') : null;
	const bevindingen = toets ? toets.bevindingen.filter((b) => /^(SPOOR2_|OUTPLACEMENT)/.test(b.id)) : [];
	vervang(ctx.paneel,
		h('h2', {id: 'tabpaneel-titel'}, 'Tweede spoor'),
		status,
		starts.length ? h('p', null, `Gestart op ${datum(starts[0].datum)}`,
			starts[0].aanbieder ? ` bij ${starts[0].aanbieder}` : '', '.') : h('p', null, 'Het tweede spoor is nog niet gestart.'),
		bevindingen.length ? h('section', {'aria-labelledby': 'ts2-bev'},
			h('h3', {id: 'ts2-bev'}, 'Bevindingen over het tweede spoor'),
			h('ol', {class: 'bevindingen'}, bevindingen.map(bevinding))) : null,
		h('div', {class: 'twee-kolommen'},
			h('div', null,
				h('h3', null, 'Activiteiten'),
				tabel('Activiteiten', ['Datum', 'Module', 'Tot en met', 'Toelichting'],
					van('activiteit').map((g) => [datum(g.datum), label(MODULES, g.module),
						g.tot ? datum(g.tot) : '–', [g.tekst || '', klasseBadge(g.zichtbaarheid)]]),
					'Nog geen activiteiten.'),
				h('h3', null, 'Sollicitaties'),
				tabel('Sollicitaties', ['Datum', 'Werkgever', 'Functie', 'Uitkomst'],
					van('sollicitatie').map((g) => [datum(g.datum), g.werkgever || '–', g.functie || '–',
						label(UITKOMSTEN, g.uitkomst)]),
					'Nog geen sollicitaties.'),
				h('h3', null, 'Voortgangsrapportages'),
				entryLijst(ds, (g) => g.soort === 'voortgangsrapportage', 'Nog geen voortgangsrapportages.')),
			ctx.data.rechten.schrijven.length ? h('div', {class: 'kaart'}, gebeurtenisFormulier({data: ctx.data,
				soorten: SOORTEN, soort: starts.length ? 'activiteit' : 'start_tweede_spoor',
				titel: 'Tweede spoor vastleggen', opnieuw: ctx.opnieuw})) : null));
}
