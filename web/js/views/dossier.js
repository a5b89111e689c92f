// views/dossier.js - one case: the header (employee, employer, first sick
// day, sick week, percentage, risk) and its tabs, each its own URL
// (/dossiers/D-1, /dossiers/D-1/logboek, ...). Tabs a role cannot use are
// absent, not disabled.

import {h, vervang, srTekst} from '../dom.js';
import {api, seg} from '../api.js';
import {datum} from '../fmt.js';
import {mag} from '../sessie.js';
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
	{pad: 'inzage', naam: 'Wie keek mee', module: '../dossier/inzage.js', als: () => mag.inzage()},
];

/** The case, its timeline and its assessment, in parallel. A case
 * without a usable sick report has no timeline (422): tl stays null. */
export async function laadDossier(id) {
	const zacht = (p) => p.catch((e) => {
		if (e.status === 422) return {fout: e};
		throw e;
	});
	const [ds, tl, toets] = await Promise.all([
		api('GET', `/dossiers/${seg(id)}`),
		zacht(api('GET', `/dossiers/${seg(id)}/tijdlijn`)),
		zacht(api('GET', `/dossiers/${seg(id)}/toets`)),
	]);
	return {id, ds, tl: tl.fout ? null : tl, toets: toets.fout ? null : toets,
		tlFout: tl.fout || null};
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
	const tabs = TABS.filter((t) => !t.als || t.als());
	const tab = tabs.find((t) => t.pad === tabPad);
	if (!tab) {
		const e = new Error('niet gevonden');
		e.status = 404;
		throw e;
	}
	const [data, mod] = await Promise.all([laadDossier(id), import(tab.module)]);
	if (!ctx.actueel()) return;
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
