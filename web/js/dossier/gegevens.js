// dossier/gegevens.js - the master data of the case: employer, employee
// and employment (docs/api.md, "Organisation"). The casemanager and the
// werkgever change them here; a change raises the case's version, so the
// timeline, toets and wage are computed again.

import {h, vervang} from '../dom.js';
import {api, seg, ApiFout} from '../api.js';
import {bedrag, datum, getal} from '../fmt.js';
import {veld, verstuur, waarde, toonFormFout} from '../formulier.js';
import {werknemerVelden, leesWerknemer, dienstverbandVelden, leesDienstverband} from '../stamdata.js';

function lijst(paren) {
	return h('dl', {class: 'gegevens'}, paren.filter(([, v]) => v !== null && v !== undefined && v !== '')
		.map(([k, v]) => h('div', null, h('dt', null, k), h('dd', null, v))));
}

function formulier(titel, velden, knop, actie) {
	const id = `${titel.toLowerCase().replace(/\W+/g, '-')}-titel`;
	const form = h('form', {class: 'formulier', novalidate: true, 'aria-labelledby': id},
		h('h3', {id}, titel), velden,
		h('div', {class: 'knoppen'}, h('button', {type: 'submit', class: 'knop'}, knop)));
	form.addEventListener('submit', async (ev) => {
		ev.preventDefault();
		let melding = null;
		const ok = await verstuur(form, async () => { melding = await actie(form); });
		if (ok) await form.opnieuw(melding);
	});
	return form;
}

const GEWIJZIGD = 'Iemand anders heeft deze gegevens intussen gewijzigd. Uw wijziging is niet opgeslagen. ' +
	'Het formulier toont nu de nieuwe gegevens: controleer ze en sla uw wijziging zo nodig opnieuw op.';

/*
 * A form for an object with a version (ETag, docs/api.md): velden(w)
 * builds the fields from the object's values, schrijf(form, etag) sends
 * the PUT with If-Match. When someone else changed the object since it
 * was read (412), nothing was saved: the form is rebuilt with the newer
 * values (the answer's huidig, waarden() picks them) and says so.
 */
function versieFormulier(titel, knop, velden, waarden, schrijf, start, opnieuw) {
	let etag = start.etag;
	const bouw = (w, melding) => {
		const form = formulier(titel, velden(w), knop, async (f) => {
			try {
				return await schrijf(f, etag);
			} catch (e) {
				if (e instanceof ApiFout && (e.status === 412 || e.status === 428) && e.huidig) {
					etag = e.etag || e.huidig.etag;
					const nieuw = bouw(waarden(e.huidig), GEWIJZIGD);
					f.replaceWith(nieuw);
					setTimeout(() => nieuw.querySelector(':scope > .formfout').focus(), 0);
					throw new ApiFout(e.status, e.code, GEWIJZIGD, null);
				}
				throw e;
			}
		});
		form.opnieuw = opnieuw;
		if (melding) toonFormFout(form, melding);
		return form;
	};
	return bouw(waarden(start));
}

export async function render(ctx) {
	const {ds} = ctx.data;
	const wg = ds.werkgever;
	const wn = ds.werknemer;
	const dv = ds.dienstverband;
	const {rechten} = ctx.data;
	const stappen = (dv.loondoorbetaling || []).map((s) => `t/m week ${s.tot_en_met_week}: ${s.procent}%`).join('; ');
	const secties = [
		h('section', {'aria-labelledby': 'g-wg'}, h('h3', {id: 'g-wg'}, 'Werkgever'), lijst([
			['Naam', wg.naam], ['Nummer', wg.id],
			['Eigenrisicodrager WGA', wg.eigenrisicodrager_wga ? 'ja' : 'nee'],
			['Eigenrisicodrager Ziektewet', wg.eigenrisicodrager_zw ? 'ja' : 'nee']])),
		h('section', {'aria-labelledby': 'g-wn'}, h('h3', {id: 'g-wn'}, 'Werknemer'), lijst([
			['Naam', wn.naam], ['Personeelsnummer', wn.id],
			['Geboortedatum', wn.geboortedatum ? datum(wn.geboortedatum) : null], ['BSN', wn.bsn]])),
		h('section', {'aria-labelledby': 'g-dv'}, h('h3', {id: 'g-dv'}, 'Dienstverband'), lijst([
			['In dienst sinds', datum(dv.begindatum)],
			['Contract', dv.soort === 'bepaalde_tijd' ? `bepaalde tijd${dv.einddatum ? ` tot en met ${datum(dv.einddatum)}` : ''}` : 'onbepaalde tijd'],
			['Functie', dv.functie], ['Uren per week', dv.uren_per_week !== undefined ? getal(dv.uren_per_week) : null],
			['Maandloon', dv.maandloon_cent !== undefined ? bedrag(dv.maandloon_cent) : null],
			['Loondoorbetaling (contract of cao)', stappen || 'wettelijk minimum'],
			['Vangnet', ds.vangnet || 'geen']])),
	];
	const formulieren = [];
	const met = (f) => {
		formulieren.push(h('details', {class: 'kaart'}, h('summary', null, f.querySelector('h3').textContent), f));
	};
	// the objects the forms replace, each with its version (ETag); a
	// form whose object cannot be read is not offered
	const lees = (pad) => api('GET', pad).catch(() => null);
	const [wnV, dvV, wgV] = await Promise.all([
		rechten.organisatie ? lees(`/werknemers/${seg(wn.id)}?werkgever=${seg(wg.id)}`) : null,
		rechten.dienstverband ? lees(`/dossiers/${seg(ds.dossier_id)}/dienstverband`) : null,
		rechten.organisatie ? lees(`/werkgevers/${seg(wg.id)}`) : null]);
	// employee and employer: an organisation-wide grant; the employment
	// of this case: its casemanager or werkgever (rechten, per case)
	if (wnV) {
		met(versieFormulier('Werknemer wijzigen', 'Werknemer opslaan', (w) => werknemerVelden('$', w), (o) => o,
			async (form, etag) => {
				await api('PUT', `/werknemers/${seg(wn.id)}?werkgever=${seg(wg.id)}`, leesWerknemer(form, '$'), {ifMatch: etag});
				return 'De gegevens van de werknemer zijn opgeslagen.';
			}, wnV, ctx.opnieuw));
	}
	if (dvV) {
		met(versieFormulier('Dienstverband wijzigen', 'Dienstverband opslaan', (w) => dienstverbandVelden(w), (o) => o.dienstverband,
			async (form, etag) => {
				await api('PUT', `/dossiers/${seg(ds.dossier_id)}/dienstverband`, leesDienstverband(form), {ifMatch: etag});
				return 'Het dienstverband is opgeslagen; tijdlijn, toets en loon zijn opnieuw berekend.';
			}, dvV, ctx.opnieuw));
	}
	if (wgV) {
		met(versieFormulier('Werkgever wijzigen', 'Werkgever opslaan', (w) => [
			veld({pad: '$.naam', label: 'Naam werkgever', verplicht: true, waarde: w.naam}),
			veld({pad: '$.eigenrisicodrager_wga', label: 'Eigenrisicodrager WGA', type: 'vinkje',
				waarde: w.eigenrisicodrager_wga}),
			veld({pad: '$.eigenrisicodrager_zw', label: 'Eigenrisicodrager Ziektewet', type: 'vinkje',
				waarde: Boolean(w.eigenrisicodrager_zw),
				hint: 'Dan geen re-integratieverslag als een werknemer ziek uit dienst gaat.'})], (o) => o,
		async (form, etag) => {
			await api('PUT', `/werkgevers/${seg(wg.id)}`, {naam: waarde(form, '$.naam'),
				eigenrisicodrager_wga: waarde(form, '$.eigenrisicodrager_wga'),
				eigenrisicodrager_zw: waarde(form, '$.eigenrisicodrager_zw')}, {ifMatch: etag});
			return 'De gegevens van de werkgever zijn opgeslagen.';
		}, wgV, ctx.opnieuw));
	}
	vervang(ctx.paneel, h('h2', {id: 'tabpaneel-titel'}, 'Gegevens'),
		h('div', {class: 'twee-kolommen'}, h('div', null, secties), formulieren.length ? h('div', null, formulieren) : null));
}
