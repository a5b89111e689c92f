// verzuim.js - sick periods and the 4-week aggregation rule, as the engine
// computes them (src/core/verzuim.c, rule book R-AGG-1/2/5), to show a
// user what a recovery or relapse will do before it is recorded.
//
// A mutation list is [{datum, soort: 'ziek'|'hersteld'|'zwangerschapsverlof',
// percentage}], dates strictly increasing. Fit days between the last sick
// day and the next sick day: gap = s − e − 1 = ziek − hersteld; a gap of
// fewer than 28 days joins the periods (the sick days count on), 28 or
// more starts a new verzuimgeval with a new first sick day.

import {dagnr, isoVan, datum} from './fmt.js';

export const NIEUW_GEVAL_DAGEN = 28;

/**
 * The latest verzuimgeval: {d, r: [{van, tot|null, voor}], open, gevallen},
 * day numbers; voor = sick days of the geval before the range. null when
 * there is no sick mutation.
 */
export function verloop(mutaties) {
	const m = mutaties.map((x) => ({d: dagnr(x.datum), soort: x.soort}));
	const r = [];
	let gevalStart = 0;
	let fit = 0;
	let inZiek = false;
	let gevallen = 0;
	for (let i = 0; i < m.length; i++) {
		const tot = i + 1 < m.length ? m[i + 1].d - 1 : null;
		if (m[i].soort === 'ziek') {
			if (inZiek) {
				r[r.length - 1].tot = tot; // a new percentage: the range goes on
				continue;
			}
			if (r.length === 0 || fit >= NIEUW_GEVAL_DAGEN) {
				gevallen += 1;
				gevalStart = r.length;
			}
			const vorige = r[r.length - 1];
			const voor = r.length > gevalStart ? vorige.voor + (vorige.tot - vorige.van + 1) : 0;
			r.push({van: m[i].d, tot, voor});
			inZiek = true;
			fit = 0;
		} else if (m[i].soort === 'hersteld') {
			inZiek = false;
			if (r.length > 0 && tot !== null) fit += tot - m[i].d + 1;
			else if (r.length > 0) fit = NIEUW_GEVAL_DAGEN; // open-ended recovery
		} else {
			inZiek = false; // WAZO leave: neither sick nor fit (R-AGG-5)
		}
	}
	if (r.length === 0) return null;
	return {d: r[gevalStart].van, r: r.slice(gevalStart), open: inZiek, gevallen};
}

/** The aggregated sick-day number on day p (0 before the first sick day). */
export function ziektedag(zv, p) {
	if (p < zv.d) return 0;
	for (let i = zv.r.length - 1; i >= 0; i--) {
		const x = zv.r[i];
		if (p < x.van) continue;
		if (x.tot === null || p <= x.tot) return x.voor + (p - x.van + 1);
		return x.voor + (x.tot - x.van + 1);
	}
	return 0;
}

/** The date (day number) of aggregated sick day k, or null if unknown. */
export function sickday(zv, k) {
	for (const x of zv.r) {
		const len = x.tot === null ? Infinity : x.tot - x.van + 1;
		if (k > x.voor && k <= x.voor + len) return x.van + (k - x.voor - 1);
	}
	return null;
}

/**
 * What recording nieuw ({datum, soort, percentage}) after mutaties does, in
 * one Dutch sentence; {fout} when it cannot be recorded.
 */
export function effect(mutaties, nieuw) {
	const laatste = mutaties[mutaties.length - 1];
	if (laatste && dagnr(nieuw.datum) <= dagnr(laatste.datum)) {
		return {fout: `De datum moet na de laatste mutatie liggen (${datum(laatste.datum)}).`};
	}
	const voor = verloop(mutaties);
	const na = verloop([...mutaties, nieuw]);
	const d = dagnr(nieuw.datum);
	if (nieuw.soort === 'ziek') {
		if (!voor) return {tekst: `Eerste ziekmelding: ziektedag 1 is ${datum(nieuw.datum)}.`};
		if (voor.open) {
			return {tekst: `Nieuw percentage vanaf ${datum(nieuw.datum)}: de ziekte loopt door zonder onderbreking (ziektedag ${ziektedag(na, d)}).`};
		}
		if (na.gevallen > voor.gevallen) {
			return {
				tekst: `Vier weken of langer hersteld: dit is een nieuw verzuimgeval. Ziektedag 1 is ${datum(nieuw.datum)} en alle termijnen beginnen opnieuw.`,
				nieuwGeval: true,
			};
		}
		const r = na.r[na.r.length - 1];
		return {
			tekst: `Herval binnen 4 weken: telt door vanaf ziektedag ${r.voor + 1}. De eerste ziektedag blijft ${datum(isoVan(na.d))}.`,
			herval: true,
			vanaf: r.voor + 1,
		};
	}
	if (nieuw.soort === 'hersteld') {
		if (!voor || !voor.open) return {tekst: 'De werknemer is op dit moment niet ziek gemeld.'};
		const n = ziektedag(voor, d - 1);
		return {tekst: `Hersteld per ${datum(nieuw.datum)}: de laatste ziektedag is ${datum(isoVan(d - 1))} (ziektedag ${n}). Wordt de werknemer vóór ${datum(isoVan(d + NIEUW_GEVAL_DAGEN))} opnieuw ziek, dan telt het verzuim door vanaf ziektedag ${n + 1}.`};
	}
	return {tekst: `Zwangerschapsverlof vanaf ${datum(nieuw.datum)}: deze dagen tellen niet als ziektedagen.`};
}
