// labels.js - the Dutch names of everything the API names by an id:
// roles, milestones (with the rule behind them), statuses, event types,
// findings, second-track modules. The words are the engine's: GET
// /api/v1/catalogus (docs/api.md) serves them from src/core, and
// laadCatalogus() fills the tables below in place once, before the first
// screen renders, so the modules that imported them see the words.

import {api} from './api.js';

export const ROLLEN = {};
export const KLASSEN = {};
export const KLASSE_UITLEG = {};
/* milestone id → [title, the rule in plain Dutch] */
export const MIJLPALEN = {};
/* milestone id → short label of the timeline picture */
export const KORT = {};
export const STATUS = {};
export const RISICO = {};
/* [group title, [event types]] of the entry form's select */
export const SOORT_GROEPEN = [];
export const SOORTEN = {};
export const MODULES = {};
export const UITKOMSTEN = {};
export const BIJ = {};
export const CONCLUSIES = {};
export const INSTRUMENTEN = {};
/* '' is no vangnet (null in the case file) */
export const VANGNET = {};
export const CONTRACTSOORTEN = {};
export const VERZUIMSOORTEN = {};
export const BEVINDINGEN = {};

let geladen = false;

function vul(tabel, lijst, waarde = (x) => x.titel) {
	for (const x of lijst || []) tabel[x.id] = waarde(x);
}

/** GET /catalogus into the tables above; once per page load. */
export async function laadCatalogus() {
	if (geladen) return;
	const c = await api('GET', '/catalogus');
	geladen = true;
	vul(ROLLEN, c.rollen);
	vul(KLASSEN, c.klassen);
	vul(KLASSE_UITLEG, c.klassen, (x) => x.uitleg);
	vul(MIJLPALEN, c.mijlpalen, (x) => [x.titel, x.uitleg]);
	vul(KORT, c.mijlpalen, (x) => x.kort);
	vul(STATUS, c.statussen);
	vul(RISICO, c.ernst);
	vul(SOORTEN, c.gebeurtenissoorten);
	vul(MODULES, c.modules);
	vul(UITKOMSTEN, c.uitkomsten);
	vul(BIJ, c.bij);
	vul(CONCLUSIES, c.conclusies);
	vul(INSTRUMENTEN, c.instrumenten);
	vul(VANGNET, c.vangnet);
	vul(CONTRACTSOORTEN, c.contractsoorten);
	vul(VERZUIMSOORTEN, c.verzuimsoorten);
	vul(BEVINDINGEN, c.bevindingen);
	for (const g of c.soortgroepen || []) SOORT_GROEPEN.push([g.titel, g.soorten]);
}

export function mijlpaalTitel(id) {
	return (MIJLPALEN[id] || [id])[0];
}

export function label(tabel, id) {
	return Object.prototype.hasOwnProperty.call(tabel, id) ? tabel[id] : id;
}
