// dossier/inzage.js - for the werknemer: who read or changed his dossier,
// when, in which role, and which classes of entries they could see.

import {h, vervang} from '../dom.js';
import {api, seg} from '../api.js';
import {tijdstip} from '../fmt.js';
import {ROLLEN, KLASSEN} from '../labels.js';

const PER_KEER = 100;

export async function render(ctx) {
	const r = await api('GET', `/dossiers/${seg(ctx.data.id)}/toegang`);
	if (!ctx.actueel()) return;
	const rijen = [...r.toegang].reverse();
	let getoond = 0;
	const tbody = h('tbody');
	const meer = h('button', {type: 'button', class: 'knop secundair'}, 'Toon meer');
	const vul = () => {
		const stuk = rijen.slice(getoond, getoond + PER_KEER);
		getoond += stuk.length;
		for (const t of stuk) {
			tbody.append(h('tr', null,
				h('td', {'data-label': 'Wanneer'}, tijdstip(t.tijd)),
				h('td', {'data-label': 'Wie'}, t.gebruiker),
				h('td', {'data-label': 'Rol'}, t.rol ? t.rol.split(',').map((x) => ROLLEN[x] || x).join(', ') : '–'),
				h('td', {'data-label': 'Wat'}, t.actie),
				h('td', {'data-label': 'Gegevens'}, t.klasse ? t.klasse.split(',').map((x) => KLASSEN[x] || x).join(', ') : '–')));
		}
		meer.hidden = getoond >= rijen.length;
	};
	meer.addEventListener('click', vul);
	vul();
	vervang(ctx.paneel,
		h('h2', {id: 'tabpaneel-titel'}, 'Wie keek mee'),
		h('p', {class: 'inleiding'}, 'Iedereen die uw dossier las of wijzigde, met de soort gegevens die hij kon zien. Nieuwste eerst.'),
		rijen.length ? h('div', {class: 'tabelhouder'}, h('table', {class: 'lijst'},
			h('caption', null, `${rijen.length} keer ingezien of gewijzigd`),
			h('thead', null, h('tr', null, ['Wanneer', 'Wie', 'Rol', 'Wat', 'Gegevens'].map((k) => h('th', {scope: 'col'}, k)))),
			tbody)) : h('p', {class: 'leeg'}, 'Nog niemand.'),
		meer);
}
