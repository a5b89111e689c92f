// views/tweedefactor.js - the second factor of the own account (docs/api.md,
// Second factor): set up an authenticator app (the secret in groups of
// four and as an otpauth:// address, confirmed with a code), the ten
// recovery codes shown once, and switching it off with a current code.
// A role that must use a second factor comes here after the login and
// can use nothing else until it is set up (the server answers 403
// tweede_factor_instellen elsewhere).

import {h, vervang} from '../dom.js';
import {api} from '../api.js';
import {veld, verstuur} from '../formulier.js';
import {laadFactor, sessie} from '../sessie.js';

function groepen(geheim) {
	return geheim.match(/.{1,4}/g).join(' ');
}

/** The QR code of the otpauth:// address, drawn from the server's rows of
 * '0' and '1' (built as SVG elements: no markup from the server). */
function qrBeeld(rijen) {
	const ns = 'http://www.w3.org/2000/svg';
	const rand = 4;
	const m = rijen.length + 2 * rand;
	const svg = document.createElementNS(ns, 'svg');
	for (const [k, v] of Object.entries({viewBox: `0 0 ${m} ${m}`, width: 4 * m, height: 4 * m,
		role: 'img', 'aria-label': 'QR-code van het geheim: scan deze met de authenticator-app',
		'shape-rendering': 'crispEdges', class: 'qr'})) svg.setAttribute(k, String(v));
	const vlak = document.createElementNS(ns, 'rect');
	vlak.setAttribute('width', String(m));
	vlak.setAttribute('height', String(m));
	vlak.setAttribute('fill', '#fff');
	let d = '';
	rijen.forEach((rij, y) => {
		for (let x = 0; x < rij.length; x++) if (rij[x] === '1') d += `M${x + rand} ${y + rand}h1v1h-1z`;
	});
	const pad = document.createElementNS(ns, 'path');
	pad.setAttribute('d', d);
	pad.setAttribute('fill', '#000');
	svg.append(vlak, pad);
	return svg;
}

function codeVeld(label, hint) {
	return veld({pad: '$.code', label, verplicht: true, autocomplete: 'one-time-code',
		inputmode: 'numeric', hint});
}

function codeWaarde(form) {
	return form.querySelector('[data-pad="$.code"]').value.replace(/\s+/g, '');
}

function herstelScherm(ctx, codes) {
	const klaar = h('button', {type: 'button', class: 'knop'}, 'Ik heb de herstelcodes bewaard');
	klaar.addEventListener('click', () => ctx.navigeer('/', {vervang: true}));
	vervang(ctx.main,
		h('h1', {id: 'tf-titel', tabindex: '-1'}, 'Tweede factor ingesteld'),
		h('p', {class: 'melding info', role: 'status'},
			'Bewaar deze tien herstelcodes nu, buiten uw telefoon (bijvoorbeeld afgedrukt of in een wachtwoordkluis). '
			+ 'spoor toont ze niet nog eens. Met een herstelcode meldt u zich één keer aan als u uw telefoon kwijt bent.'),
		h('ol', {class: 'herstelcodes', 'aria-label': 'Herstelcodes'},
			codes.map((c) => h('li', null, h('code', null, c)))),
		h('div', {class: 'knoppen'}, klaar));
	ctx.main.querySelector('h1').focus();
}

function instellen(ctx, start) {
	const form = h('form', {class: 'formulier smal', novalidate: true, 'aria-labelledby': 'tf-stap2'},
		h('h2', {id: 'tf-stap2'}, 'Bevestigen'),
		codeVeld('Code uit de app', 'De zes cijfers die de app nu toont.'),
		h('div', {class: 'knoppen'}, h('button', {type: 'submit', class: 'knop'}, 'Bevestigen')));
	form.addEventListener('submit', async (ev) => {
		ev.preventDefault();
		let codes = null;
		await verstuur(form, async () => {
			const r = await api('POST', '/sessie/totp/bevestig', {code: codeWaarde(form)});
			codes = r.herstelcodes;
		});
		if (codes) {
			await laadFactor();
			herstelScherm(ctx, codes);
		}
	});
	vervang(ctx.main,
		h('h1', {id: 'tf-titel', tabindex: '-1'}, 'Tweede factor instellen'),
		h('section', {'aria-labelledby': 'tf-stap1'},
			h('h2', {id: 'tf-stap1'}, 'Geheim in de app zetten'),
			h('p', null, 'Open een authenticator-app (zoals FreeOTP, Aegis of Google Authenticator) en scan '
				+ 'de QR-code, of kies "handmatig invoeren" en typ het geheim over. '
				+ 'Het geheim wordt maar één keer getoond.'),
			Array.isArray(start.qr) && start.qr.length ? h('p', null, qrBeeld(start.qr)) : null,
			h('p', null, 'Geheim: ', h('code', {class: 'geheim'}, groepen(start.geheim))),
			h('p', null, 'Adres: ', h('code', {class: 'uri'}, start.uri))),
		form);
	ctx.main.querySelector('h1').focus();
}

function uitzetten(ctx, stand) {
	const form = h('form', {class: 'formulier smal', novalidate: true, 'aria-labelledby': 'tf-uit'},
		h('h2', {id: 'tf-uit'}, 'Tweede factor uitzetten'),
		stand.verplicht
			? h('p', {class: 'hint'}, 'Uw rol vraagt een tweede factor: na het uitzetten stelt u meteen een nieuwe in.')
			: null,
		codeVeld('Code uit de app of herstelcode', 'Zes cijfers uit de app, of een van uw herstelcodes.'),
		h('div', {class: 'knoppen'}, h('button', {type: 'submit', class: 'knop'}, 'Uitzetten')));
	form.addEventListener('submit', async (ev) => {
		ev.preventDefault();
		const ok = await verstuur(form, async () => {
			await api('POST', '/sessie/totp/uit', {code: codeWaarde(form)});
		});
		if (ok) {
			await laadFactor();
			ctx.herlaad({melding: 'De tweede factor is uitgezet.'});
		}
	});
	return form;
}

export async function render(ctx) {
	const stand = await api('GET', '/sessie/totp');
	sessie.factor = stand;
	const titel = h('h1', {id: 'tf-titel'}, 'Tweede factor');
	if (stand.actief) {
		vervang(ctx.main, titel,
			ctx.melding ? h('p', {class: 'melding info', role: 'status'}, ctx.melding) : null,
			h('p', null, `Uw account is beveiligd met een authenticator-app. U hebt nog ${stand.herstelcodes_over} `
				+ `ongebruikte herstelcode${stand.herstelcodes_over === 1 ? '' : 's'}.`),
			uitzetten(ctx, stand));
		return;
	}
	const begin = h('button', {type: 'button', class: 'knop'}, 'Instellen');
	const fout = h('p', {class: 'melding fout', role: 'alert', hidden: true});
	begin.addEventListener('click', async () => {
		begin.disabled = true;
		try {
			instellen(ctx, await api('POST', '/sessie/totp'));
		} catch (e) {
			fout.textContent = e.message || String(e);
			fout.hidden = false;
			begin.disabled = false;
		}
	});
	vervang(ctx.main, titel,
		ctx.melding ? h('p', {class: 'melding info', role: 'status'}, ctx.melding) : null,
		stand.instellen
			? h('p', {class: 'melding info', role: 'status'}, 'Uw rol vraagt een tweede factor. Stel die eerst in; '
				+ 'daarna kunt u verder met spoor.')
			: h('p', null, 'Met een tweede factor vraagt spoor bij het aanmelden ook een code uit een app op uw telefoon.'),
		fout,
		h('div', {class: 'knoppen'}, begin));
}
