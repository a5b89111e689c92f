// stamdata.js - the master data of a case (employee, employment) as form
// fields, shared by the new-case form and the case's Gegevens tab. Field
// paths are the JSON paths the server names in its errors.

import {veld, waarde} from './formulier.js';
import {centVan, bedrag} from './fmt.js';
import {CONTRACTSOORTEN} from './labels.js';

/** BSN eleven-test (9 digits, not all zeros), as the server checks it. */
export function bsnGeldig(s) {
	if (!/^\d{9}$/.test(s) || /^0+$/.test(s)) return false;
	let som = 0;
	for (let i = 0; i < 8; i++) som += Number(s[i]) * (9 - i);
	som -= Number(s[8]);
	return som % 11 === 0;
}

/** Employee fields under prefix ('$.werknemer' or '$'); w: current data. */
export function werknemerVelden(prefix, w = {}, metId = false) {
	return [
		veld({pad: `${prefix}.naam`, label: 'Naam', verplicht: true, autocomplete: 'off', waarde: w.naam}),
		metId ? veld({pad: `${prefix}.id`, label: 'Personeelsnummer', verplicht: true, waarde: w.id}) : null,
		veld({pad: `${prefix}.geboortedatum`, label: 'Geboortedatum', type: 'datum', waarde: w.geboortedatum}),
		veld({pad: `${prefix}.bsn`, label: 'BSN', inputmode: 'numeric', autocomplete: 'off', waarde: w.bsn,
			hint: 'Negen cijfers; mag leeg blijven.'}),
	];
}

/** The employee object of the form; throws {pad, bericht} on a bad BSN. */
export function leesWerknemer(form, prefix) {
	const w = {naam: waarde(form, `${prefix}.naam`)};
	const id = waarde(form, `${prefix}.id`);
	if (id !== undefined) w.id = id;
	const g = waarde(form, `${prefix}.geboortedatum`);
	if (g) w.geboortedatum = g;
	const bsn = waarde(form, `${prefix}.bsn`);
	if (bsn && !bsnGeldig(bsn)) {
		throw {pad: `${prefix}.bsn`, bericht: 'Dit is geen geldig BSN (negen cijfers die de elfproef doorstaan).'};
	}
	if (bsn) w.bsn = bsn;
	return w;
}

/** Cents as the user types an amount: 3.125,50 */
function euro(cent) {
	if (cent === undefined || cent === null) return '';
	return bedrag(cent).replace(/^€\u00a0/, '');
}

/** Employment fields ($.dienstverband.*); dv: current data. */
export function dienstverbandVelden(dv = {}) {
	const p = '$.dienstverband';
	const stappen = (dv.loondoorbetaling || []).map((s) => `${s.tot_en_met_week} ${s.procent}`).join('\n');
	return [
		veld({pad: `${p}.begindatum`, label: 'In dienst sinds', type: 'datum', verplicht: true, waarde: dv.begindatum}),
		veld({pad: `${p}.soort`, label: 'Soort contract', type: 'keuze', verplicht: true, waarde: dv.soort,
			opties: Object.entries(CONTRACTSOORTEN)}),
		veld({pad: `${p}.einddatum`, label: 'Einddatum contract', type: 'datum', waarde: dv.einddatum || '',
			hint: 'Alleen bij een contract voor bepaalde tijd.'}),
		veld({pad: `${p}.functie`, label: 'Functie', waarde: dv.functie}),
		veld({pad: `${p}.uren_per_week`, label: 'Uren per week', type: 'getal', min: 0, max: 168, stap: '0.01',
			waarde: dv.uren_per_week ?? ''}),
		veld({pad: `${p}.maandloon_cent`, label: 'Maandloon in euro', inputmode: 'decimal', waarde: euro(dv.maandloon_cent),
			hint: 'Bruto, bijvoorbeeld 3.125,00. Nodig voor de loonberekening.'}),
		veld({pad: `${p}.loondoorbetaling`, label: 'Loondoorbetaling volgens contract of cao', type: 'tekstvak',
			rijen: 2, waarde: stappen,
			hint: 'Eén regel per stap: tot en met ziekteweek en percentage, bijvoorbeeld "52 100" en "104 70". Leeg: alleen het wettelijke minimum.'}),
	];
}

/** The dienstverband object of the form; throws {pad, bericht}. */
export function leesDienstverband(form) {
	const p = '$.dienstverband';
	const w = (x) => waarde(form, `${p}.${x}`);
	const dv = {begindatum: w('begindatum'), soort: w('soort')};
	if (w('einddatum')) dv.einddatum = w('einddatum');
	if (w('functie')) dv.functie = w('functie');
	if (w('uren_per_week')) dv.uren_per_week = Number(w('uren_per_week'));
	const loon = w('maandloon_cent');
	if (loon) {
		const cent = centVan(loon);
		if (!Number.isFinite(cent)) throw {pad: `${p}.maandloon_cent`, bericht: 'Vul een bedrag in, bijvoorbeeld 3.125,00.'};
		dv.maandloon_cent = cent;
	}
	const stappen = (w('loondoorbetaling') || '').split('\n').map((r) => r.trim()).filter(Boolean);
	if (stappen.length) {
		dv.loondoorbetaling = stappen.map((r, i) => {
			const m = /^(\d{1,3})\s+(\d{1,3})\s*%?$/.exec(r);
			if (!m) throw {pad: `${p}.loondoorbetaling`, bericht: `Regel ${i + 1}: verwacht een week en een percentage, bijvoorbeeld 52 100.`};
			return {tot_en_met_week: Number(m[1]), procent: Number(m[2])};
		});
	}
	return dv;
}
