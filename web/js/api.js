// api.js - the JSON API of docs/api.md.
//
// The session cookie is HttpOnly and travels by itself; state-changing
// requests carry the CSRF token the login (or GET /ik) returned. Every
// failure becomes an ApiFout with the server's Dutch message and, when the
// server named one, the JSON path of the field (veld).

let csrf = null;
let bijUitgelogd = null;

export class ApiFout extends Error {
	constructor(status, code, bericht, veld, wacht) {
		super(bericht);
		this.bericht = bericht;
		this.status = status;
		this.code = code;
		this.veld = veld || null;
		this.wacht = wacht || 0; // Retry-After seconds on 429
		this.huidig = null; // 412/428: the stored object
		this.etag = null; // 412/428: its ETag
	}
}

export function zetCsrf(t) {
	csrf = t || null;
}

/** f() is called when a request answers 401 (the session ended). */
export function bijSessieVerlopen(f) {
	bijUitgelogd = f;
}

async function fout(res) {
	let f = null;
	let huidig = null;
	try {
		const b = await res.json();
		f = b.fout;
		huidig = b.huidig || null;
	} catch {
		f = null;
	}
	const wacht = Number(res.headers.get('Retry-After')) || 0;
	if (res.status === 501) {
		return new ApiFout(501, 'niet_gebouwd',
			'Deze functie is op deze server nog niet beschikbaar.', null, 0);
	}
	if (!f || typeof f.bericht !== 'string') {
		return new ApiFout(res.status, 'onbekend',
			`De server gaf een onverwacht antwoord (${res.status}).`, null, wacht);
	}
	const e = new ApiFout(res.status, f.code || 'onbekend', f.bericht, f.veld, wacht);
	e.huidig = huidig;
	e.etag = res.headers.get('ETag');
	return e;
}

/**
 * api('GET', '/dossiers', null, {stil401: true}) → parsed JSON.
 * pad is relative to /api/v1. Throws ApiFout. opties.ifMatch: the ETag
 * a whole-object write (PUT) replaces; opties.bijEtag(etag) receives the
 * answer's ETag.
 */
export async function api(methode, pad, body, opties = {}) {
	const kop = {Accept: 'application/json'};
	const init = {method: methode, headers: kop, credentials: 'same-origin'};
	if (body !== undefined && body !== null) {
		kop['Content-Type'] = 'application/json';
		init.body = JSON.stringify(body);
	}
	if (methode !== 'GET' && csrf) kop['X-CSRF-Token'] = csrf;
	if (opties.ifMatch) kop['If-Match'] = opties.ifMatch;
	let res;
	try {
		res = await fetch(`/api/v1${pad}`, init);
	} catch {
		throw new ApiFout(0, 'netwerk',
			'Geen verbinding met de server. Controleer de verbinding en probeer het opnieuw.');
	}
	if (!res.ok) {
		const f = await fout(res);
		if (res.status === 401 && !opties.stil401 && bijUitgelogd) bijUitgelogd();
		throw f;
	}
	if (res.status === 204) return {};
	if (opties.bijEtag) opties.bijEtag(res.headers.get('ETag'));
	try {
		return await res.json();
	} catch {
		throw new ApiFout(res.status, 'onbekend', 'De server gaf geen geldig antwoord.');
	}
}

/**
 * POST raw bytes (a File) with their Content-Type: the document upload of
 * docs/api.md. Throws ApiFout like api().
 */
export async function apiBestand(pad, bestand, type) {
	let res;
	try {
		res = await fetch(`/api/v1${pad}`, {method: 'POST', credentials: 'same-origin', body: bestand,
			headers: {'Content-Type': type, Accept: 'application/json', 'X-CSRF-Token': csrf || ''}});
	} catch {
		throw new ApiFout(0, 'netwerk',
			'Geen verbinding met de server. Controleer de verbinding en probeer het opnieuw.');
	}
	if (!res.ok) {
		const f = await fout(res);
		if (res.status === 401 && bijUitgelogd) bijUitgelogd();
		throw f;
	}
	return res.json();
}

/** Build '?a=1&b=2' from an object, leaving out empty values. */
export function query(o) {
	const p = new URLSearchParams();
	for (const [k, v] of Object.entries(o)) {
		if (v !== null && v !== undefined && v !== '') p.set(k, String(v));
	}
	const s = p.toString();
	return s ? `?${s}` : '';
}

/** A case id as one URL path segment. */
export function seg(id) {
	return encodeURIComponent(id);
}
