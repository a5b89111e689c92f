// formulier.js - form fields with labels, hints and errors at the field.
//
// Every input carries data-pad: the JSON path of the value it produces
// ("$.datum", "$.werknemer.naam"). A server error names such a path in its
// veld; the error is shown at the field whose path is the longest prefix
// of it ("$.items[2].code" lands at "$.items"), else above the form.

import {h, nieuwId, kondigAan} from './dom.js';
import {ApiFout} from './api.js';
import {isDatum} from './fmt.js';

/**
 * veld({pad, label, type, verplicht, hint, opties, waarde, ...}) → element.
 * type: tekst, wachtwoord, datum, getal, tekstvak, keuze (opties: {waarde:
 * label} or [[waarde, label]]), vinkje, janee (two radios).
 * Extra: autocomplete, min, max, stap, leeg (label of an empty choice),
 * naam (the name attribute).
 */
export function veld(o) {
	const id = nieuwId('veld');
	const foutId = `${id}-fout`;
	const hintId = o.hint ? `${id}-hint` : null;
	const beschrijving = [hintId, foutId].filter(Boolean).join(' ');
	const hint = o.hint ? h('p', {class: 'hint', id: hintId}, o.hint) : null;
	const fout = h('p', {class: 'veldfout', id: foutId, hidden: true});
	const ster = o.verplicht ? h('span', {class: 'verplicht', 'aria-hidden': 'true'}, ' *') : null;

	if (o.type === 'vinkje') {
		const input = h('input', {type: 'checkbox', id, 'data-pad': o.pad, name: o.naam || o.pad,
			checked: Boolean(o.waarde), 'aria-describedby': beschrijving});
		return h('div', {class: 'veld vinkje'}, input, h('label', {for: id}, o.label), hint, fout);
	}
	if (o.type === 'janee') {
		const naam = o.naam || id;
		const knop = (w, t) => {
			const rid = nieuwId('radio');
			return h('span', {class: 'radio'},
				h('input', {type: 'radio', id: rid, name: naam, value: w,
					checked: o.waarde === (w === 'ja'), required: Boolean(o.verplicht)}),
				h('label', {for: rid}, t));
		};
		return h('fieldset', {class: 'veld janee', 'data-pad': o.pad, 'data-type': 'janee',
			'aria-describedby': beschrijving},
		h('legend', null, o.label, ster), hint, knop('ja', 'Ja'), knop('nee', 'Nee'), fout);
	}
	let input;
	const gemeen = {id, 'data-pad': o.pad, name: o.naam || o.pad, required: Boolean(o.verplicht),
		'aria-describedby': beschrijving, autocomplete: o.autocomplete || null};
	if (o.type === 'keuze') {
		const opties = Array.isArray(o.opties) ? o.opties : Object.entries(o.opties);
		input = h('select', gemeen,
			o.leeg !== undefined ? h('option', {value: ''}, o.leeg) : null,
			opties.map(([w, t]) => h('option', {value: w, selected: o.waarde === w}, t)));
	} else if (o.type === 'tekstvak') {
		input = h('textarea', {...gemeen, rows: o.rijen || 3}, o.waarde || '');
	} else {
		const type = {datum: 'date', getal: 'number', wachtwoord: 'password', zoek: 'search'}[o.type] || 'text';
		input = h('input', {...gemeen, type, value: o.waarde ?? '', min: o.min ?? null,
			max: o.max ?? null, step: o.stap ?? null, inputmode: o.inputmode || null,
			spellcheck: o.type === 'tekst' ? null : 'false'});
	}
	input.dataset.type = o.type || 'tekst';
	return h('div', {class: 'veld'}, h('label', {for: id}, o.label, ster), hint, input, fout);
}

/** The value of the field with data-pad pad inside form, typed. */
export function waarde(form, pad) {
	const el = form.querySelector(`[data-pad="${CSS.escape(pad)}"]`);
	if (!el) return undefined;
	if (el.dataset.type === 'janee') {
		const k = el.querySelector('input:checked');
		return k ? k.value === 'ja' : undefined;
	}
	if (el.type === 'checkbox') return el.checked;
	return el.value.trim();
}

function veldVan(form, pad) {
	let beste = null;
	let lengte = -1;
	for (const el of form.querySelectorAll('[data-pad]')) {
		const p = el.dataset.pad;
		const past = pad === p || (pad.startsWith(p) && /^[.[]/.test(pad.slice(p.length)));
		if (past && p.length > lengte) {
			beste = el;
			lengte = p.length;
		}
	}
	return beste;
}

function foutElement(el) {
	const ids = (el.getAttribute('aria-describedby') || '').split(' ');
	return ids.map((i) => document.getElementById(i)).find((x) => x && x.classList.contains('veldfout'));
}

/** Show bericht at the field for pad (or above the form); returns the field. */
export function zetFout(form, pad, bericht) {
	const el = pad ? veldVan(form, pad) : null;
	if (!el) {
		toonFormFout(form, bericht);
		return null;
	}
	const p = foutElement(el);
	if (p) {
		p.textContent = bericht;
		p.hidden = false;
	}
	el.setAttribute('aria-invalid', 'true');
	return el;
}

export function toonFormFout(form, bericht) {
	let div = form.querySelector(':scope > .formfout');
	if (!div) {
		div = h('div', {class: 'formfout melding fout', role: 'alert', tabindex: '-1'});
		const kop = form.querySelector(':scope > h2, :scope > h3');
		if (kop) kop.after(div);
		else form.prepend(div);
	}
	div.textContent = bericht;
}

/** The visible name of a field: its label or legend, without the '*'. */
function veldNaam(el) {
	const l = el.matches('fieldset') ? el.querySelector('legend') : el.labels && el.labels[0];
	return l ? l.textContent.replace(/\s*\*$/, '').trim() : '';
}

export function wisFouten(form) {
	form.querySelectorAll('.veldfout').forEach((p) => { p.textContent = ''; p.hidden = true; });
	form.querySelectorAll('[aria-invalid]').forEach((el) => el.removeAttribute('aria-invalid'));
	form.querySelectorAll(':scope > .formfout').forEach((d) => d.remove());
}

function focusVeld(el) {
	if (!el) return;
	const doel = el.matches('fieldset') ? el.querySelector('input') : el;
	if (doel) doel.focus();
}

/**
 * Check required fields and dates before sending; returns true when clean.
 * Messages name what is wrong, in Dutch.
 */
export function controleer(form) {
	const fouten = [];
	for (const el of form.querySelectorAll('[data-pad]')) {
		if (el.closest('[hidden]')) continue;
		const t = el.dataset.type;
		if (t === 'janee') {
			if (el.querySelector('input[required]') && !el.querySelector('input:checked')) {
				fouten.push([el.dataset.pad, 'Kies ja of nee.']);
			}
			continue;
		}
		if (el.type === 'checkbox') continue;
		if (el.type === 'file') {
			if (el.required && !el.files.length) fouten.push([el.dataset.pad, 'Kies een bestand.']);
			continue;
		}
		const v = el.value.trim();
		if (t === 'datum' && el.validity && el.validity.badInput) {
			fouten.push([el.dataset.pad, 'Vul een bestaande datum in.']);
		} else if (el.required && v === '') {
			fouten.push([el.dataset.pad, el.tagName === 'SELECT' ? 'Maak een keuze.' : 'Vul dit veld in.']);
		} else if (t === 'datum' && v !== '' && !isDatum(v)) {
			fouten.push([el.dataset.pad, 'Vul een bestaande datum in.']);
		} else if (t === 'getal' && v !== '' && el.validity && !el.validity.valid) {
			const min = el.getAttribute('min');
			const max = el.getAttribute('max');
			fouten.push([el.dataset.pad, min !== null && max !== null
				? `Vul een getal van ${min} tot en met ${max} in.` : 'Vul een geldig getal in.']);
		}
	}
	let eerste = null;
	for (const [pad, bericht] of fouten) {
		const el = zetFout(form, pad, bericht);
		eerste = eerste || el;
	}
	if (fouten.length) {
		toonFormFout(form, fouten.length === 1 ? 'Controleer het gemarkeerde veld.'
			: `Controleer de ${fouten.length} gemarkeerde velden.`);
		focusVeld(eerste);
	}
	return fouten.length === 0;
}

/**
 * Handle a submit: clear errors, check the fields, run actie(); an ApiFout
 * is shown at its field. The submit button is disabled while it runs.
 * actie may throw {pad, bericht} for its own checks.
 */
export async function verstuur(form, actie) {
	wisFouten(form);
	if (!controleer(form)) return false;
	const knop = form.querySelector('button[type=submit]');
	if (knop) knop.disabled = true;
	form.setAttribute('aria-busy', 'true');
	try {
		await actie();
		return true;
	} catch (e) {
		if (e instanceof ApiFout) {
			const el = zetFout(form, e.veld, e.bericht);
			if (el) {
				toonFormFout(form, `Niet opgeslagen: controleer ${veldNaam(el) ? `het veld ${veldNaam(el)}` : 'het gemarkeerde veld'}.`);
				focusVeld(el);
			} else {
				form.querySelector(':scope > .formfout').focus();
			}
			kondigAan(`Niet opgeslagen: ${e.bericht}`);
		} else if (e && e.pad) {
			focusVeld(zetFout(form, e.pad, e.bericht));
			toonFormFout(form, 'Controleer het gemarkeerde veld.');
		} else {
			toonFormFout(form, `Er ging iets mis: ${e && e.message ? e.message : e}`);
		}
		return false;
	} finally {
		if (knop) knop.disabled = false;
		form.removeAttribute('aria-busy');
	}
}
