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
	factor: null, // GET /sessie/totp: {actief, instellen, ...}
};

export function zet(gebruiker, csrf, aantal) {
	sessie.gebruiker = gebruiker;
	sessie.rollen = new Set(gebruiker ? gebruiker.rollen : []);
	sessie.aantalDossiers = aantal || 0;
	zetCsrf(csrf);
}

export function wis() {
	zet(null, null, 0);
	sessie.factor = null;
}

/** GET /sessie/totp: the second factor of the account (instellen: the
 * role needs one and nothing else works until it is set up). */
export async function laadFactor() {
	sessie.factor = await api('GET', '/sessie/totp');
}

/** GET /ik: true when a session exists. */
export async function laad() {
	try {
		const ik = await api('GET', '/ik', null, {stil401: true});
		zet(ik.gebruiker, ik.csrf, ik.aantal_dossiers);
		await laadFactor();
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
	beheer: () => heeft('beheerder'),
	/* what a user may do inside one case comes from the server:
	 * GET /dossiers/{id}/rechten (views/dossier.js) */
};
