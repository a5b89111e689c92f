// dossier/tijdlijn.js - the 104 weeks (and beyond, when extended) of a
// case as a picture: every milestone at its date in its status colour,
// today's marker, week ticks; the rule and legal source of a milestone
// show on hover and on keyboard focus (Escape hides them). The same
// milestones follow as a table, which is also what a screen reader reads.
// The week ticks are the server's (GET .../verzuim/proef: the date of
// each sick week as the engine aggregates it), not computed here.

import {h, nieuwId, srTekst} from '../dom.js';
import {dagnr, isoVan, datum, dagen, termijn} from '../fmt.js';
import {MIJLPALEN, KORT, STATUS, mijlpaalTitel} from '../labels.js';

/** The date a milestone is placed at (day number), or null. */
function dagVan(m) {
	const d = m.soort === 'actie' ? m.uiterlijk : m.datum;
	return d ? dagnr(d) : null;
}

/** 'nog 5 dagen', '3 dagen te laat gedaan', ... for a milestone. */
export function stand(m, peil) {
	const d = dagVan(m);
	switch (m.status) {
	case 'op_tijd': return m.gedaan ? `gedaan op ${datum(m.gedaan)}` : 'gedaan';
	case 'te_laat': return `${dagen(dagnr(m.gedaan) - d)} te laat gedaan, op ${datum(m.gedaan)}`;
	case 'verlopen': return termijn(d - peil);
	case 'open': return termijn(d - peil);
	case 'komend': return d - peil === 0 ? 'vandaag' : `over ${dagen(d - peil)}`;
	case 'voorbij': return 'voorbij';
	default: return '';
	}
}

function datumTekst(m) {
	if (m.soort === 'moment') return datum(m.datum);
	if (!m.uiterlijk) return '–';
	return `uiterlijk ${datum(m.uiterlijk)}`;
}

function tip(m, peil, id) {
	const [titel, uitleg] = MIJLPALEN[m.id] || [m.id, ''];
	return h('div', {class: 'tip', role: 'tooltip', id},
		h('strong', null, titel),
		h('span', null, datumTekst(m)),
		m.venster_vanaf ? h('span', null, `venster vanaf ${datum(m.venster_vanaf)}`) : null,
		m.streefdatum ? h('span', null, `streefdatum ${datum(m.streefdatum)}`) : null,
		h('span', null, `${STATUS[m.status] || m.status}${stand(m, peil) ? ` – ${stand(m, peil)}` : ''}`),
		uitleg ? h('span', {class: 'regel'}, `Regel ${m.regel}: ${uitleg}`) : h('span', {class: 'regel'}, `Regel ${m.regel}`),
		h('span', {class: 'bron'}, `Bron: ${m.bron}`));
}

/** Spread markers over lanes so none overlap: greedy, by position. */
function banen(items, afstand) {
	const eind = [];
	for (const it of [...items].sort((a, b) => a.pos - b.pos)) {
		let baan = eind.findIndex((e) => it.pos - e >= afstand);
		if (baan < 0) {
			baan = eind.length;
			eind.push(0);
		}
		eind[baan] = it.pos;
		it.baan = baan;
	}
	return eind.length;
}

/**
 * tl: the timeline (spoor-tijdlijn/1); verloop: the case's verloop of GET
 * .../verzuim/proef (null: ticks only where it is known).
 */
export function tijdlijnVisueel(tl, verloop) {
	const peil = dagnr(tl.peildatum);
	const d0 = dagnr(tl.eerste_ziektedag);
	const items = tl.mijlpalen.filter((m) => dagVan(m) !== null)
		.map((m) => ({m, dag: dagVan(m)}));
	const laatste = Math.max(d0 + 728, peil, ...items.map((i) => i.dag),
		...tl.mijlpalen.filter((m) => m.gedaan).map((m) => dagnr(m.gedaan)));
	const span = laatste - d0 + 14;
	const pos = (d) => Math.min(100, Math.max(0, ((d - d0) / span) * 100));
	for (const it of items) it.pos = pos(it.dag);

	const acties = items.filter((i) => i.m.soort === 'actie');
	const momenten = items.filter((i) => i.m.soort === 'moment');
	const AFSTAND = 6; // per cent of the width between two markers in a lane
	const nBoven = Math.max(1, banen(acties, AFSTAND));
	const nOnder = Math.max(1, banen(momenten, AFSTAND));
	const BAAN = 2.1; // rem per lane

	// the tooltips live outside the scrolling strip, so it cannot clip
	// them; each is placed next to its marker when shown
	const laag = h('div', {class: 'tips'});
	let verbergTimer = null;
	const verberg = () => {
		window.clearTimeout(verbergTimer);
		laag.querySelectorAll('.tip.zichtbaar').forEach((t) => t.classList.remove('zichtbaar'));
	};
	const toon = (knop, t, boven) => {
		verberg();
		t.classList.add('zichtbaar');
		const f = laag.getBoundingClientRect();
		const b = knop.getBoundingClientRect();
		const tb = t.offsetWidth;
		const th = t.offsetHeight;
		const x = Math.min(Math.max(b.left + b.width / 2 - f.left - tb / 2, 0), Math.max(0, f.width - tb));
		let y = boven ? b.top - f.top - th - 6 : b.bottom - f.top + 6;
		if (boven && b.top - th - 6 < 0) y = b.bottom - f.top + 6; // no room above the screen's edge
		t.style.setProperty('left', `${x}px`);
		t.style.setProperty('top', `${y}px`);
	};
	const laterVerbergen = () => {
		window.clearTimeout(verbergTimer);
		verbergTimer = window.setTimeout(verberg, 150);
	};

	const marker = ({m, pos: p, baan}, boven) => {
		const id = nieuwId('tip');
		const t = tip(m, peil, id);
		const knop = h('button', {type: 'button', class: `marker status-${m.status} soort-${m.soort}`,
			'data-id': m.id, 'data-status': m.status, 'aria-describedby': id},
		// the short label; the full title is in the button's text
		h('span', {'aria-hidden': 'true'}, KORT[m.id] || m.id),
		srTekst(`${mijlpaalTitel(m.id)}, ${datumTekst(m)}, ${(STATUS[m.status] || m.status).toLowerCase()}`));
		knop.addEventListener('focus', () => toon(knop, t, boven));
		knop.addEventListener('blur', verberg);
		knop.addEventListener('mouseenter', () => toon(knop, t, boven));
		knop.addEventListener('mouseleave', () => { if (document.activeElement !== knop) laterVerbergen(); });
		knop.addEventListener('click', () => toon(knop, t, boven)); // touch screens
		knop.addEventListener('keydown', (ev) => {
			if (ev.key === 'Escape') verberg();
		});
		// the tooltip itself can be hovered (WCAG 1.4.13)
		t.addEventListener('mouseenter', () => window.clearTimeout(verbergTimer));
		t.addEventListener('mouseleave', laterVerbergen);
		laag.append(t);
		return h('div', {class: `mijlpaal ${boven ? 'boven' : 'onder'}`,
			style: {left: `${p}%`, [boven ? 'bottom' : 'top']: `${baan * BAAN + 0.6}rem`}}, knop);
	};

	// week ticks at the end of sick weeks 13, 26, ...: the date of
	// aggregated sick day 7k as the server counts it, so interruptions
	// shift them like the law does; past week 104 (an extended axis) the
	// weeks go on from week 104's date
	const weken = verloop ? verloop.weken : [];
	const week = (k) => {
		if (k === 0) return d0;
		if (k <= weken.length) return dagnr(weken[k - 1]);
		return weken.length ? dagnr(weken[weken.length - 1]) + 7 * (k - weken.length) : null;
	};
	const ticks = [];
	for (let k = 0; ; k += 13) {
		const d = week(k);
		if (d === null || d > laatste + 7) break;
		ticks.push(h('div', {class: 'tick', style: {left: `${pos(d)}%`}, 'aria-hidden': 'true'},
			h('span', null, k === 0 ? 'dag 1' : `wk ${k}`)));
	}
	const eje = tl.mijlpalen.find((m) => m.id === 'eerstejaarsevaluatie' && m.venster_vanaf);
	const band = eje ? h('div', {class: 'venster', 'aria-hidden': 'true', style: {
		left: `${pos(dagnr(eje.venster_vanaf))}%`,
		width: `${pos(dagnr(eje.uiterlijk)) - pos(dagnr(eje.venster_vanaf))}%`}}) : null;

	const hoogteBoven = nBoven * BAAN + 1.4;
	const hoogteOnder = nOnder * BAAN + 1.4;
	const vandaagPos = pos(peil);
	const figuur = h('div', {class: 'tijdlijn', style: {height: `${hoogteBoven + hoogteOnder + 1.6}rem`}},
		h('div', {class: 'zone boven', style: {height: `${hoogteBoven}rem`}}, acties.map((i) => marker(i, true))),
		h('div', {class: 'as', style: {top: `${hoogteBoven}rem`}}, band, ticks),
		h('div', {class: 'zone onder', style: {top: `${hoogteBoven + 1.6}rem`, height: `${hoogteOnder}rem`}},
			momenten.map((i) => marker(i, false))),
		h('div', {class: 'vandaag', style: {left: `${vandaagPos}%`}, 'aria-hidden': 'true'},
			h('span', {class: vandaagPos > 85 ? 'links' : null}, `vandaag, ${datum(tl.peildatum)}`)));
	const legenda = h('ul', {class: 'legenda', 'aria-label': 'Legenda'},
		['op_tijd', 'te_laat', 'verlopen', 'open', 'niet_van_toepassing', 'komend', 'voorbij'].map((s) =>
			h('li', null, h('span', {class: `staal status-${s}`, 'aria-hidden': 'true'}), STATUS[s])),
		h('li', null, h('span', {class: 'staal vandaag-staal', 'aria-hidden': 'true'}), 'Vandaag'));
	return h('figure', {class: 'tijdlijn-figuur'},
		h('figcaption', null, `Tijdlijn vanaf de eerste ziektedag (${datum(tl.eerste_ziektedag)}) tot ${datum(isoVan(laatste))}. Boven de lijn de acties, onder de lijn de wettelijke momenten. Ga met Tab langs de mijlpalen voor de regel en de bron.`),
		h('div', {class: 'tijdlijn-scroll', tabindex: '0', role: 'region',
			'aria-label': 'Tijdlijn van de mijlpalen'}, figuur),
		laag,
		legenda);
}

/** On a narrow screen the strip scrolls: bring today into view. */
export function toonVandaag(binnen) {
	const strook = binnen.querySelector('.tijdlijn-scroll');
	const vandaag = binnen.querySelector('.tijdlijn .vandaag');
	if (!strook || !vandaag || strook.scrollWidth <= strook.clientWidth) return;
	strook.scrollLeft = Math.max(0, vandaag.offsetLeft - strook.clientWidth / 2);
}

export function mijlpalenTabel(tl) {
	const peil = dagnr(tl.peildatum);
	return h('div', {class: 'tabelhouder'}, h('table', {class: 'lijst mijlpalen'},
		h('caption', null, 'Alle mijlpalen'),
		h('thead', null, h('tr', null,
			h('th', {scope: 'col'}, 'Mijlpaal'),
			h('th', {scope: 'col'}, 'Datum'),
			h('th', {scope: 'col'}, 'Status'),
			h('th', {scope: 'col'}, 'Termijn'),
			h('th', {scope: 'col'}, 'Regel en bron'))),
		h('tbody', null, tl.mijlpalen.map((m) => h('tr', {'data-id': m.id, 'data-status': m.status},
			h('th', {scope: 'row', 'data-label': 'Mijlpaal'}, mijlpaalTitel(m.id),
				m.soort === 'moment' ? h('span', {class: 'sub'}, 'wettelijk moment') : null),
			h('td', {'data-label': 'Datum'}, datumTekst(m),
				m.venster_vanaf ? h('span', {class: 'sub'}, `vanaf ${datum(m.venster_vanaf)}`) : null),
			h('td', {'data-label': 'Status'}, h('span', {class: `badge status-${m.status}`}, STATUS[m.status] || m.status)),
			h('td', {'data-label': 'Termijn'}, stand(m, peil)),
			h('td', {'data-label': 'Regel en bron'}, m.regel, h('span', {class: 'sub'}, m.bron)))))));
}
