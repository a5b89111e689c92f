// views/aanmelden.js - the login screen. Clear errors: a wrong name or
// password gets one message (the server does not say which), too many
// attempts say how long to wait. An account with a second factor is
// asked for the code of its authenticator app (or a recovery code) when
// the server says so (401 tweede_factor_nodig).

import {h, vervang} from '../dom.js';
import {api, ApiFout} from '../api.js';
import {veld, verstuur, waarde} from '../formulier.js';
import {zet, sessie, laadFactor} from '../sessie.js';

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
		h('div', {class: 'tweede-factor', hidden: true},
			veld({pad: '$.code', label: 'Code uit de authenticator-app', verplicht: true,
				autocomplete: 'one-time-code', naam: 'code',
				hint: 'Zes cijfers uit de app, of een van uw herstelcodes.'})),
		h('div', {class: 'knoppen'}, h('button', {type: 'submit', class: 'knop'}, 'Aanmelden')));
	const codeDeel = form.querySelector('.tweede-factor');
	const codeIn = form.querySelector('[data-pad="$.code"]');
	form.addEventListener('submit', async (ev) => {
		ev.preventDefault();
		await verstuur(form, async () => {
			try {
				const body = {
					gebruikersnaam: waarde(form, '$.gebruikersnaam'),
					wachtwoord: form.querySelector('[data-pad="$.wachtwoord"]').value,
				};
				if (!codeDeel.hidden) body.code = codeIn.value.replace(/\s+/g, '');
				const r = await api('POST', '/sessie', body, {stil401: true});
				zet(r.gebruiker, r.csrf, 0);
				await laadFactor();
			} catch (e) {
				if (!(e instanceof ApiFout)) throw e;
				if (e.code === 'tweede_factor_nodig') {
					codeDeel.hidden = false;
					throw {pad: '$.code', bericht: 'Typ de code uit uw authenticator-app.'};
				}
				if (e.code === 'code_onjuist') {
					codeIn.value = '';
					throw {pad: '$.code', bericht: 'Deze code klopt niet of is al gebruikt. Typ de zes cijfers die de app nu toont.'};
				}
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
