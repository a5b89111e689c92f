// sessie.js - who is logged in, and what the interface offers each role.
//
// The server decides what anyone may read or write (architecture §6);
// these checks only decide which screens and forms to show, so that a
// role never sees a form it cannot use. Whatever the server refuses is
// shown as its error.

import {api, zetCsrf} from './api.js';

export const sessie = {
	gebruiker: null, // {gebruikersnaam, naam, rollen}
	rollen: new Set(),
	aantalDossiers: 0,
};

export function zet(gebruiker, csrf, aantal) {
	sessie.gebruiker = gebruiker;
	sessie.rollen = new Set(gebruiker ? gebruiker.rollen : []);
	sessie.aantalDossiers = aantal || 0;
	zetCsrf(csrf);
}

export function wis() {
	zet(null, null, 0);
}

/** GET /ik: true when a session exists. */
export async function laad() {
	try {
		const ik = await api('GET', '/ik', null, {stil401: true});
		zet(ik.gebruiker, ik.csrf, ik.aantal_dossiers);
		return true;
	} catch (e) {
		if (e.status === 401) {
			wis();
			return false;
		}
		throw e;
	}
}

export function heeft(...rollen) {
	return rollen.some((r) => sessie.rollen.has(r));
}

const PARTIJEN = ['casemanager', 'werkgever', 'leidinggevende', 'bedrijfsarts',
	'arbeidsdeskundige', 'loopbaancoach', 'werknemer', 'adviseur'];

export const mag = {
	/* any party role reads cases; beheerder reads none */
	dossiers: () => heeft(...PARTIJEN),
	/* POST /dossiers: casemanager or werkgever of the employer */
	aanmaken: () => heeft('casemanager', 'werkgever'),
	/* verzuim mutations (toegang_verzuim_schrijf) */
	verzuim: () => heeft('casemanager', 'werkgever', 'leidinggevende', 'bedrijfsarts'),
	schrijven: () => schrijfKlassen().length > 0,
	/* the access log of the own case */
	inzage: () => heeft('werknemer'),
	beheer: () => heeft('beheerder'),
};

/** The classes of entries these roles may write (architecture §6). */
export function schrijfKlassen() {
	const k = [];
	if (heeft(...PARTIJEN.filter((r) => r !== 'adviseur'))) k.push('algemeen');
	if (heeft('bedrijfsarts')) k.push('medisch');
	if (heeft('loopbaancoach', 'werknemer')) k.push('vertrouwelijk');
	return k;
}
