// dom.js - building DOM nodes without HTML strings.
//
// Every piece of data goes in as a text node or an attribute value, never
// through innerHTML, so a name like "<script>" stays text. Styles are set
// through the CSSOM (el.style.setProperty), which the page's
// Content-Security-Policy allows, unlike style attributes.

let teller = 0;

/** A fresh id for label/aria references: "v-12". */
export function nieuwId(voorvoegsel = 'v') {
	teller += 1;
	return `${voorvoegsel}-${teller}`;
}

/**
 * h('button', {class: 'knop', onclick: fn, 'aria-label': 'Sluiten'}, 'x')
 * Attributes: class, for, on<event> (function), boolean true/false
 * (present or absent), null/undefined (left out), style (an object of
 * CSS properties), everything else as a string attribute.
 * Children: strings and numbers (text), nodes, arrays, null/false (skipped).
 */
export function h(tag, attrs, ...kinderen) {
	const el = document.createElement(tag);
	if (attrs) {
		for (const [k, v] of Object.entries(attrs)) {
			if (v === null || v === undefined || v === false) continue;
			if (k.startsWith('on') && typeof v === 'function') {
				el.addEventListener(k.slice(2), v);
			} else if (k === 'style' && typeof v === 'object') {
				for (const [p, w] of Object.entries(v)) el.style.setProperty(p, w);
			} else if (k === 'value' && (tag === 'input' || tag === 'textarea' || tag === 'select')) {
				el.value = v;
			} else if (k === 'checked' || k === 'selected') {
				el[k] = Boolean(v);
			} else {
				el.setAttribute(k, v === true ? '' : String(v));
			}
		}
	}
	voegToe(el, kinderen);
	return el;
}

export function voegToe(el, kinderen) {
	for (const k of kinderen) {
		if (k === null || k === undefined || k === false) continue;
		if (Array.isArray(k)) voegToe(el, k);
		else if (k instanceof Node) el.appendChild(k);
		else el.appendChild(document.createTextNode(String(k)));
	}
	return el;
}

/** Replace the children of el. */
export function vervang(el, ...kinderen) {
	el.replaceChildren();
	return voegToe(el, kinderen);
}

/** Text for screen readers only. */
export function srTekst(t) {
	return h('span', {class: 'sr-only'}, t);
}

/** Say something through the page's polite live region. */
export function kondigAan(tekst) {
	const r = document.getElementById('aankondiging');
	if (!r) return;
	// clear first, so the same text twice is announced twice
	r.textContent = '';
	window.setTimeout(() => { r.textContent = tekst; }, 50);
}
