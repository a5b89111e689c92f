// views/dossier.js - one case: the header (employee, employer, first sick
// day, sick week, percentage, risk) and its tabs, each its own URL
// (/dossiers/D-1, /dossiers/D-1/logboek, ...). Tabs and forms a user cannot
// use in this case are absent, not disabled: the server says which
// (GET /dossiers/{id}/rechten), per case, so a werknemer who is a coach in
// other cases is offered exactly what he may do here.

import {h, vervang, srTekst} from '../dom.js';
import {api, seg} from '../api.js';
import {datum} from '../fmt.js';
import {risicoBadge} from './dossiers.js';

const TABS = [
	{pad: '', naam: 'Overzicht', module: '../dossier/overzicht.js'},
	{pad: 'logboek', naam: 'Logboek', module: '../dossier/logboek.js'},
	{pad: 'verzuim', naam: 'Ziek en hersteld', module: '../dossier/verzuim.js'},
	{pad: 'toets', naam: 'Toets', module: '../dossier/toets.js'},
	{pad: 'tweede-spoor', naam: 'Tweede spoor', module: '../dossier/tweedespoor.js'},
	{pad: 'loon', naam: 'Loon', module: '../dossier/loon.js'},
	{pad: 'documenten', naam: 'Documenten', module: '../dossier/documenten.js'},
	{pad: 'gegevens', naam: 'Gegevens', module: '../dossier/gegevens.js'},
	{pad: 'inzage', naam: 'Wie keek mee', module: '../dossier/inzage.js', als: (r) => r.toegangslog},
];

/** The case, its timeline, its assessment and the caller's rights in it,
 * in parallel. A case without a usable sick report has no timeline (422):
 * tl stays null. */
export async function laadDossier(id) {
	const zacht = (p) => p.catch((e) => {
		if (e.status === 422) return {fout: e};
		throw e;
	});
	const [ds, tl, toets, rechten] = await Promise.all([
		api('GET', `/dossiers/${seg(id)}`),
		zacht(api('GET', `/dossiers/${seg(id)}/tijdlijn`)),
		zacht(api('GET', `/dossiers/${seg(id)}/toets`)),
		api('GET', `/dossiers/${seg(id)}/rechten`),
	]);
	return {id, ds, tl: tl.fout ? null : tl, toets: toets.fout ? null : toets,
		tlFout: tl.fout || null, rechten};
}

function percentage(ds) {
	const m = ds.verzuim[ds.verzuim.length - 1];
	if (!m) return 'geen ziekmelding';
	if (m.soort === 'ziek') return `${m.percentage}% arbeidsongeschikt sinds ${datum(m.datum)}`;
	if (m.soort === 'hersteld') return `hersteld per ${datum(m.datum)}`;
	return `zwangerschapsverlof sinds ${datum(m.datum)}`;
}

function kop(data) {
	const {ds, tl, toets} = data;
	const item = (dt, dd) => h('div', null, h('dt', null, dt), h('dd', null, dd));
	return h('header', {class: 'dossierkop'},
		h('p', {class: 'bovenschrift'}, `Dossier ${ds.dossier_id}`),
		h('h1', null, ds.werknemer.naam),
		h('dl', {class: 'kerngegevens'},
			item('Werkgever', ds.werkgever.naam),
			item('Eerste ziektedag', tl ? datum(tl.eerste_ziektedag) : '–'),
			item('Ziekteweek', tl ? `week ${tl.ziekteweek} (ziektedag ${tl.ziektedag})` : '–'),
			item('Arbeidsongeschiktheid', percentage(ds)),
			item('Risico', toets ? risicoBadge(toets.risico) : risicoBadge(null))));
}

export async function render(ctx) {
	const [id, tabPad = ''] = ctx.params;
	const nietGevonden = () => {
		const e = new Error('niet gevonden');
		e.status = 404;
		return e;
	};
	const tab = TABS.find((t) => t.pad === tabPad);
	if (!tab) throw nietGevonden();
	const [data, mod] = await Promise.all([laadDossier(id), import(tab.module)]);
	if (!ctx.actueel()) return;
	const tabs = TABS.filter((t) => !t.als || t.als(data.rechten));
	if (!tabs.includes(tab)) throw nietGevonden();
	const basis = `/dossiers/${seg(id)}`;
	const paneel = h('section', {id: 'tabpaneel', class: 'tabpaneel', 'aria-labelledby': 'tabpaneel-titel'});
	const nav = h('nav', {class: 'tabs', 'aria-label': 'Onderdelen van het dossier'},
		h('ul', null, tabs.map((t) => h('li', null,
			h('a', {href: t.pad ? `${basis}/${t.pad}` : basis,
				'aria-current': t === tab ? 'page' : null}, t.naam)))));
	vervang(ctx.main,
		h('p', {class: 'kruimel'}, h('a', {href: '/dossiers'}, 'Mijn dossiers'), srTekst(' / ')),
		kop(data),
		ctx.melding ? h('p', {class: 'melding info', role: 'status'}, ctx.melding) : null,
		nav, paneel);
	ctx.main.dataset.titel = `${tab.naam} – ${data.ds.werknemer.naam}`;
	// after a save the panel re-renders with fresh data from the server
	const opnieuw = async (melding) => {
		await ctx.herlaad({melding, focus: '.melding.info'});
	};
	await mod.render({...ctx, data, paneel, basis, opnieuw});
}
