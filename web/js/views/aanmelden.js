// views/aanmelden.js - the login screen. Clear errors: a wrong name or
// password gets one message (the server does not say which), too many
// attempts say how long to wait.

import {h, vervang} from '../dom.js';
import {api, ApiFout} from '../api.js';
import {veld, verstuur, waarde} from '../formulier.js';
import {zet, sessie} from '../sessie.js';

function wachttijd(sec) {
	if (sec <= 60) return `${sec} seconden`;
	const min = Math.ceil(sec / 60);
	return `${min} ${min === 1 ? 'minuut' : 'minuten'}`;
}

/** Only a local path is a place to return to after logging in. */
function terugpad(q) {
	const t = q.get('terug');
	return t && t.startsWith('/') && !t.startsWith('//') && !t.startsWith('/aanmelden') ? t : '/';
}

export async function render(ctx) {
	if (sessie.gebruiker) {
		ctx.navigeer(terugpad(ctx.query), {vervang: true});
		return;
	}
	const form = h('form', {class: 'formulier smal', novalidate: true, 'aria-labelledby': 'aanmelden-titel'},
		veld({pad: '$.gebruikersnaam', label: 'Gebruikersnaam', verplicht: true,
			autocomplete: 'username', naam: 'gebruikersnaam'}),
		veld({pad: '$.wachtwoord', label: 'Wachtwoord', type: 'wachtwoord', verplicht: true,
			autocomplete: 'current-password', naam: 'wachtwoord'}),
		h('div', {class: 'knoppen'}, h('button', {type: 'submit', class: 'knop'}, 'Aanmelden')));
	form.addEventListener('submit', async (ev) => {
		ev.preventDefault();
		await verstuur(form, async () => {
			try {
				const r = await api('POST', '/sessie', {
					gebruikersnaam: waarde(form, '$.gebruikersnaam'),
					wachtwoord: form.querySelector('[data-pad="$.wachtwoord"]').value,
				}, {stil401: true});
				zet(r.gebruiker, r.csrf, 0);
			} catch (e) {
				if (!(e instanceof ApiFout)) throw e;
				form.querySelector('[data-pad="$.wachtwoord"]').value = '';
				if (e.status === 401) {
					throw new ApiFout(401, e.code, 'Gebruikersnaam of wachtwoord onjuist.', null);
				}
				if (e.status === 429) {
					const w = e.wacht || 300;
					throw new ApiFout(429, e.code, `Te veel mislukte pogingen voor deze gebruikersnaam. Probeer het over ${wachttijd(w)} opnieuw.`, null);
				}
				throw e;
			}
		});
		if (sessie.gebruiker) ctx.navigeer(terugpad(ctx.query), {vervang: true});
	});
	vervang(ctx.main,
		h('div', {class: 'aanmelden'},
			h('h1', {id: 'aanmelden-titel'}, 'Aanmelden bij spoor'),
			h('p', {class: 'inleiding'}, 'Verzuim en re-integratie volgens de Wet verbetering poortwachter.'),
			ctx.melding ? h('p', {class: 'melding info', role: 'status'}, ctx.melding) : null,
			form));
	ctx.main.dataset.titel = 'Aanmelden';
	// the name field is where a user starts typing
	if (!ctx.melding) window.requestAnimationFrame(() => form.querySelector('input')?.focus());
}
