// fmt.js - Dutch formatting of dates, amounts and day counts.
//
// Dates travel as 'YYYY-MM-DD' and are computed as day numbers (days since
// 1970-01-01, UTC), like the server does: no time zone can shift a day.

const DAGEN = ['zo', 'ma', 'di', 'wo', 'do', 'vr', 'za'];
const DAGEN_VOL = ['zondag', 'maandag', 'dinsdag', 'woensdag', 'donderdag',
	'vrijdag', 'zaterdag'];
const MAANDEN = ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep',
	'okt', 'nov', 'dec'];
const MAANDEN_VOL = ['januari', 'februari', 'maart', 'april', 'mei', 'juni',
	'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
const DAG_MS = 86400000;

/** Is s a real calendar date 'YYYY-MM-DD'? */
export function isDatum(s) {
	if (typeof s !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
	const [j, m, d] = s.split('-').map(Number);
	const t = new Date(Date.UTC(j, m - 1, d));
	return t.getUTCFullYear() === j && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/** 'YYYY-MM-DD' to a day number. */
export function dagnr(iso) {
	const [j, m, d] = iso.split('-').map(Number);
	return Math.round(Date.UTC(j, m - 1, d) / DAG_MS);
}

/** A day number to 'YYYY-MM-DD'. */
export function isoVan(n) {
	return new Date(n * DAG_MS).toISOString().slice(0, 10);
}

/** Today in the browser's time zone, as 'YYYY-MM-DD'. */
export function vandaag() {
	const n = new Date();
	const p = (x) => String(x).padStart(2, '0');
	return `${n.getFullYear()}-${p(n.getMonth() + 1)}-${p(n.getDate())}`;
}

/** 'ma 12 jan 2026'; '' for no date. */
export function datum(iso) {
	if (!iso || !isDatum(iso)) return iso || '';
	const t = new Date(dagnr(iso) * DAG_MS);
	return `${DAGEN[t.getUTCDay()]} ${t.getUTCDate()} ${MAANDEN[t.getUTCMonth()]} ${t.getUTCFullYear()}`;
}

/** 'maandag 12 januari 2026', for screen-reader labels. */
export function datumVol(iso) {
	if (!iso || !isDatum(iso)) return iso || '';
	const t = new Date(dagnr(iso) * DAG_MS);
	return `${DAGEN_VOL[t.getUTCDay()]} ${t.getUTCDate()} ${MAANDEN_VOL[t.getUTCMonth()]} ${t.getUTCFullYear()}`;
}

/** Unix seconds to 'ma 12 jan 2026 14:03' in local time. */
export function tijdstip(sec) {
	const t = new Date(sec * 1000);
	const p = (x) => String(x).padStart(2, '0');
	return `${DAGEN[t.getDay()]} ${t.getDate()} ${MAANDEN[t.getMonth()]} ${t.getFullYear()} ${p(t.getHours())}:${p(t.getMinutes())}`;
}

/** Integer cents to '€ 1.234,56' (a no-break space after the sign). */
export function bedrag(cent) {
	if (cent === null || cent === undefined || !Number.isFinite(cent)) return '';
	const neg = cent < 0;
	const abs = Math.abs(Math.round(cent));
	const euro = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
	const c = String(abs % 100).padStart(2, '0');
	return `€\u00a0${neg ? '-' : ''}${euro},${c}`;
}

/**
 * An amount typed by a user ('3.125,50', '3125', '3125.5', '€ 3.125')
 * to cents; NaN when it is not an amount.
 */
export function centVan(tekst) {
	let s = String(tekst).replace(/[€\s\u00a0]/g, '');
	if (s === '') return NaN;
	if (/^\d{1,3}(\.\d{3})+(,\d{1,2})?$/.test(s) || /^\d+(,\d{1,2})?$/.test(s)) {
		s = s.replace(/\./g, '').replace(',', '.');
	} else if (!/^\d+(\.\d{1,2})?$/.test(s)) {
		return NaN;
	}
	return Math.round(Number(s) * 100);
}

/** 1 dag / 3 dagen */
export function dagen(n) {
	return `${n} ${n === 1 ? 'dag' : 'dagen'}`;
}

/** Days until a deadline: 'nog 5 dagen', 'vandaag', '3 dagen te laat'. */
export function termijn(n) {
	if (n > 0) return `nog ${dagen(n)}`;
	if (n === 0) return 'vandaag';
	return `${dagen(-n)} te laat`;
}

/** Replace ISO dates inside a server text by the Dutch form. */
export function datumsInTekst(t) {
	return String(t).replace(/\b(\d{4}-\d{2}-\d{2})\b/g, (m) => (isDatum(m) ? datum(m) : m));
}

/** A number with a decimal comma: 24,5 */
export function getal(x) {
	return String(x).replace('.', ',');
}
