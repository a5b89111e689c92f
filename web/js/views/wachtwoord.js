// views/wachtwoord.js - change the own password. The server ends every
// session of the user, this one included, so the user logs in again.

import {h, vervang} from '../dom.js';
import {api} from '../api.js';
import {veld, verstuur} from '../formulier.js';
import {wis} from '../sessie.js';

const MIN = 10;

export async function render(ctx) {
	const form = h('form', {class: 'formulier smal', novalidate: true, 'aria-labelledby': 'ww-titel'},
		h('p', {class: 'hint'}, `Een nieuw wachtwoord heeft minstens ${MIN} tekens. Na het wijzigen meldt u zich opnieuw aan; ook uw andere sessies worden beëindigd.`),
		veld({pad: '$.oud', label: 'Huidig wachtwoord', type: 'wachtwoord', verplicht: true, autocomplete: 'current-password'}),
		veld({pad: '$.nieuw', label: 'Nieuw wachtwoord', type: 'wachtwoord', verplicht: true, autocomplete: 'new-password'}),
		veld({pad: '$.herhaal', label: 'Nieuw wachtwoord herhalen', type: 'wachtwoord', verplicht: true, autocomplete: 'new-password'}),
		h('div', {class: 'knoppen'}, h('button', {type: 'submit', class: 'knop'}, 'Wachtwoord wijzigen')));
	const v = (p) => form.querySelector(`[data-pad="${p}"]`).value;
	form.addEventListener('submit', async (ev) => {
		ev.preventDefault();
		const ok = await verstuur(form, async () => {
			if ([...v('$.nieuw')].length < MIN) throw {pad: '$.nieuw', bericht: `Gebruik minstens ${MIN} tekens.`};
			if (v('$.nieuw') !== v('$.herhaal')) throw {pad: '$.herhaal', bericht: 'De twee nieuwe wachtwoorden zijn niet gelijk.'};
			await api('POST', '/ik/wachtwoord', {oud: v('$.oud'), nieuw: v('$.nieuw')});
		});
		if (ok) {
			wis();
			ctx.navigeer('/aanmelden', {vervang: true, melding: 'Uw wachtwoord is gewijzigd. Meld u aan met het nieuwe wachtwoord.'});
		}
	});
	vervang(ctx.main, h('h1', {id: 'ww-titel'}, 'Wachtwoord wijzigen'), form);
}
