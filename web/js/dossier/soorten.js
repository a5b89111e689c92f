// dossier/soorten.js - the extra fields of each event type (architecture
// §4, docs/formats.md), as form fields, and how to show them in the log.

import {MODULES, UITKOMSTEN, BIJ, CONCLUSIES, INSTRUMENTEN, label} from '../labels.js';
import {datum, getal} from '../fmt.js';

const bmm = [{naam: 'benutbare_mogelijkheden', label: 'Er zijn benutbare mogelijkheden',
	type: 'vinkje', standaard: true,
	hint: 'Vink uit als de bedrijfsarts geen benutbare mogelijkheden ziet; dan is geen tweede spoor nodig.'}];

/* naam, label, type (tekst, datum, getal, keuze, vinkje, janee, items),
 * verplicht, opties, standaard, hint, min, max, stap */
export const VELDEN = {
	probleemanalyse: bmm,
	bijstelling_probleemanalyse: bmm,
	plan_van_aanpak: [{naam: 'casemanager', label: 'Casemanager', type: 'tekst',
		hint: 'Wie de re-integratie begeleidt; zonder casemanager telt dit als bevinding.'}],
	belastbaarheid: [
		{naam: 'instrument', label: 'Instrument', type: 'keuze', opties: INSTRUMENTEN, verplicht: true},
		{naam: 'items', label: 'Items', type: 'items',
			hint: 'Eén item per regel: code, niveau 0–9 en eventueel een toelichting, bijvoorbeeld: IV.13 2 niet boven schouderhoogte'}],
	arbeidsdeskundig_onderzoek: [{naam: 'conclusie', label: 'Conclusie', type: 'keuze',
		opties: CONCLUSIES, verplicht: true}],
	eerstejaarsevaluatie: [
		{naam: 'terugkeer_binnen_3_maanden', label: 'Terugkeer bij de eigen werkgever binnen 3 maanden verwacht',
			type: 'vinkje', standaard: false,
			hint: 'Aangevinkt: geen tweede spoor nodig.'},
		{naam: 'verwachte_terugkeer', label: 'Verwachte terugkeer', type: 'datum'}],
	start_tweede_spoor: [{naam: 'aanbieder', label: 'Re-integratiebedrijf', type: 'tekst'}],
	activiteit: [
		{naam: 'module', label: 'Module', type: 'keuze', opties: MODULES, verplicht: true},
		{naam: 'tot', label: 'Loopt tot en met', type: 'datum'}],
	sollicitatie: [
		{naam: 'werkgever', label: 'Werkgever', type: 'tekst'},
		{naam: 'functie', label: 'Functie', type: 'tekst'},
		{naam: 'uitkomst', label: 'Uitkomst', type: 'keuze', opties: UITKOMSTEN, verplicht: true}],
	werkhervatting: [
		{naam: 'bij', label: 'Werk', type: 'keuze', opties: BIJ, verplicht: true},
		{naam: 'uren_per_week', label: 'Uren per week', type: 'getal', min: 0, max: 168, stap: '0.01'},
		{naam: 'loonwaarde_procent', label: 'Loonwaarde in procenten', type: 'getal', min: 0, max: 100, stap: '1'},
		{naam: 'therapeutisch', label: 'Op therapeutische basis', type: 'vinkje', standaard: false},
		{naam: 'structureel', label: 'Structureel (duurzaam) werk', type: 'vinkje', standaard: false}],
	deskundigenoordeel: [
		{naam: 'vraag', label: 'Vraag aan UWV', type: 'tekst'},
		{naam: 'uitkomst', label: 'Uitkomst', type: 'tekst'}],
	wia_brief_uwv: [{naam: 'uiterste_aanvraagdatum', label: 'Uiterste aanvraagdatum WIA', type: 'datum'}],
	verlenging_loondoorbetaling: [{naam: 'tot', label: 'Loondoorbetaling tot en met', type: 'datum',
		verplicht: true, hint: 'De nieuwe laatste dag van de loondoorbetaling die UWV heeft vastgesteld.'}],
	besluit_bekorting: [{naam: 'voldoende', label: 'Zijn de re-integratie-inspanningen nu voldoende?',
		type: 'janee', verplicht: true}],
	einde_dienstverband: [{naam: 'reden', label: 'Reden', type: 'tekst'}],
};

/**
 * Parse the items text of a belastbaarheid: one 'code niveau toelichting'
 * per line. Throws {pad, bericht} for a bad line.
 */
export function leesItems(tekst) {
	const items = [];
	const regels = tekst.split('\n');
	regels.forEach((r, i) => {
		const s = r.trim();
		if (!s) return;
		const m = /^(\S+)\s+(\d)(?:\s+(.+))?$/.exec(s);
		if (!m) {
			throw {pad: '$.items', bericht: `Regel ${i + 1}: verwacht een code en een niveau van 0 tot 9, bijvoorbeeld IV.13 2.`};
		}
		const it = {code: m[1], niveau: Number(m[2])};
		if (m[3]) it.toelichting = m[3];
		items.push(it);
	});
	return items;
}

/** The extra fields of entry g as [label, text] pairs for the log. */
export function details(g) {
	const uit = [];
	const ja = (b) => (b ? 'ja' : 'nee');
	for (const v of VELDEN[g.soort] || []) {
		if (!(v.naam in g)) continue;
		const w = g[v.naam];
		let t;
		if (v.type === 'vinkje' || v.type === 'janee') t = ja(w);
		else if (v.type === 'datum') t = datum(w);
		else if (v.type === 'keuze') t = label(v.opties, w);
		else if (v.type === 'getal') t = getal(w);
		else if (v.type === 'items') t = w.map((x) => `${x.code} niveau ${x.niveau}${x.toelichting ? ` (${x.toelichting})` : ''}`).join('; ');
		else t = String(w);
		uit.push([v.label, t]);
	}
	return uit;
}
