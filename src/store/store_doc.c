/*
 * store_doc.c - documents and organisation records (see store_doc.h).
 *
 * Organisation objects are checked by the case-file reader itself: the
 * object is spliced as text into a minimal case file (or, for a
 * dienstverband, into the stored case) and the result is read. Splicing
 * the caller's text instead of a re-serialised tree keeps what the reader
 * checks on the raw text, duplicate keys above all; it is safe because
 * the text was parsed first as exactly one JSON value.
 */
#include <jansson.h>
#include <pthread.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "format/kantoor.h"
#include "store/store_doc.h"
#include "store/laad.h"
#include "store/store_int.h"

#define NP(a) (sizeof(a) / sizeof((a)[0]))

/* The analyzer of GCC 12 loses heap pointers stored at a computed index
 * of an array (a[k] = d) and reports them as leaked; the list builders
 * are checked by valgrind and ASan in the tests instead. */
#if defined(__GNUC__) && !defined(__clang__)
#define LIJST_BEGIN _Pragma("GCC diagnostic push") \
	_Pragma("GCC diagnostic ignored \"-Wanalyzer-malloc-leak\"")
#define LIJST_EINDE _Pragma("GCC diagnostic pop")
#else
#define LIJST_BEGIN
#define LIJST_EINDE
#endif

/* The same compact form store.c keeps in its rows. */
static char *
dump(const json_t *j)
{
	return json_dumps(j, JSON_COMPACT | JSON_REAL_PRECISION(15));
}

static void
fout(struct casefile_fout *f, const char *pad, const char *reden)
{
	snprintf(f->pad, sizeof(f->pad), "%s", pad);
	snprintf(f->reden, sizeof(f->reden), "%s", reden);
}

/* Parse the caller's text as exactly one JSON value (duplicates are
 * left to the reader, which names their path). */
static int
een_waarde(const char *json, size_t len, json_t **out,
	   struct casefile_fout *f)
{
	json_error_t je;
	json_t *v = json_loadb(json, len, JSON_DECODE_ANY, &je);

	if (!v) {
		f->pad[0] = '\0';
		snprintf(f->reden, sizeof(f->reden),
			 "geen geldige JSON op regel %d, kolom %d: %s", je.line,
			 je.column, je.text);
		return ST_ONGELDIG;
	}
	*out = v;
	return ST_OK;
}

/* --- documents ---------------------------------------------------- */

static const struct {
	const char *mime;
	const char *magie; /* the first bytes, or NULL: not checked */
	size_t n;
} typen[] = {
	{"application/pdf", "%PDF-", 5},
	{"image/png", "\x89PNG\r\n\x1a\n", 8},
	{"image/jpeg", "\xff\xd8\xff", 3},
	{"text/plain", NULL, 0},
	{"application/vnd.openxmlformats-officedocument.wordprocessingml."
	 "document", NULL, 0},
	{"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
	 NULL, 0},
	{"application/vnd.openxmlformats-officedocument.presentationml."
	 "presentation", NULL, 0},
	{"application/vnd.oasis.opendocument.text", NULL, 0},
	{"application/vnd.oasis.opendocument.spreadsheet", NULL, 0},
	{"application/vnd.oasis.opendocument.presentation", NULL, 0},
};

const char *
store_doc_mime(const char *content_type)
{
	const char *ct = content_type;
	size_t n, i;

	if (!ct)
		return NULL;
	while (*ct == ' ' || *ct == '\t')
		ct++;
	n = strcspn(ct, ";");
	while (n && (ct[n - 1] == ' ' || ct[n - 1] == '\t'))
		n--;
	for (i = 0; i < NP(typen); i++)
		if (strlen(typen[i].mime) == n &&
		    !strncasecmp(ct, typen[i].mime, n))
			return typen[i].mime;
	return NULL;
}

/* The length of the UTF-8 sequence at p (at most n bytes) and its code
 * point, or 0 for an invalid one (overlong, surrogate, > U+10FFFF). */
static size_t
utf8_teken(const unsigned char *p, size_t n, uint32_t *cp)
{
	size_t k, i;
	uint32_t c, min;

	if (p[0] < 0x80) {
		*cp = p[0];
		return 1;
	}
	if ((p[0] & 0xE0) == 0xC0) {
		k = 2;
		c = p[0] & 0x1Fu;
		min = 0x80;
	} else if ((p[0] & 0xF0) == 0xE0) {
		k = 3;
		c = p[0] & 0x0Fu;
		min = 0x800;
	} else if ((p[0] & 0xF8) == 0xF0) {
		k = 4;
		c = p[0] & 0x07u;
		min = 0x10000;
	} else {
		return 0;
	}
	if (k > n)
		return 0;
	for (i = 1; i < k; i++) {
		if ((p[i] & 0xC0) != 0x80)
			return 0;
		c = (c << 6) | (p[i] & 0x3Fu);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	*cp = c;
	return k;
}

/* 1 when the n bytes at s, before the first '.' and without trailing
 * spaces, are a device name of Windows: CON, PRN, AUX, NUL, CONIN$,
 * CONOUT$, COM0-9 and LPT0-9 (also with a superscript 1-3), in any case. */
static int
apparaatnaam(const char *s, size_t n)
{
	static const char *const vast[] = {"CON", "PRN", "AUX", "NUL",
					   "CONIN$", "CONOUT$"};
	static const char *const sup[] = {"\xc2\xb9", "\xc2\xb2", "\xc2\xb3"};
	size_t i;

	n = strcspn(s, ".") < n ? strcspn(s, ".") : n;
	while (n && s[n - 1] == ' ')
		n--;
	for (i = 0; i < sizeof(vast) / sizeof(vast[0]); i++)
		if (strlen(vast[i]) == n && !strncasecmp(s, vast[i], n))
			return 1;
	if (n < 4 || (strncasecmp(s, "COM", 3) != 0 && strncasecmp(s, "LPT", 3) != 0))
		return 0;
	if (n == 4 && s[3] >= '0' && s[3] <= '9')
		return 1;
	for (i = 0; i < sizeof(sup) / sizeof(sup[0]); i++)
		if (n == 5 && !memcmp(s + 3, sup[i], 2))
			return 1;
	return 0;
}

const char *
store_doc_naam_fout(const char *naam, size_t len)
{
	const unsigned char *p = (const unsigned char *)naam;
	size_t i = 0, k;
	uint32_t c;

	if (!naam || len == 0)
		return "de naam is leeg";
	if (len > STORE_DOC_NAAM_MAX)
		return "de naam is te lang (hoogstens 200 bytes)";
	while (i < len) {
		k = utf8_teken(p + i, len - i, &c);
		if (!k)
			return "de naam is geen geldige UTF-8";
		if (c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F))
			return "de naam bevat een stuurteken";
		if (c == '/' || c == '\\' || c == ':')
			return "de naam bevat een '/', '\\' of ':' (een pad)";
		/* bidirectional controls make "gpj.exe" look like "exe.jpg" */
		if (c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) ||
		    (c >= 0x2066 && c <= 0x2069))
			return "de naam bevat een teken dat de leesrichting "
			       "omkeert";
		i += k;
	}
	if (naam[len - 1] == '.' || naam[len - 1] == ' ')
		return "de naam eindigt op een punt of spatie";
	if ((len == 1 && naam[0] == '.') ||
	    (len == 2 && naam[0] == '.' && naam[1] == '.'))
		return "de naam is '.' of '..' (een pad)";
	if (apparaatnaam(naam, len))
		return "de naam is een apparaatnaam van Windows (CON, PRN, AUX, "
		       "NUL, COM1-9, LPT1-9)";
	return NULL;
}

int
store_doc_naam_geldig(const char *naam, size_t len)
{
	return store_doc_naam_fout(naam, len) == NULL;
}

int
store_doc_inhoud_past(const char *mime, const void *data, size_t len)
{
	size_t i;

	for (i = 0; i < NP(typen); i++)
		if (mime && !strcmp(mime, typen[i].mime))
			return !typen[i].magie ||
			       (len >= typen[i].n &&
				!memcmp(data, typen[i].magie, typen[i].n));
	return 0;
}

void
store_doc_release(struct store_doc *d)
{
	if (!d)
		return;
	free(d->naam);
	free(d->auteur);
	memset(d, 0, sizeof(*d));
}

void
store_docs_free(struct store_doc *d, size_t n)
{
	size_t i;

	for (i = 0; d && i < n; i++)
		store_doc_release(&d[i]);
	free(d);
}

/* The columns every document query starts with. */
#define DOC_KOLOMMEN                                                       \
	"SELECT d.id, d.naam, d.mime, d.zichtbaarheid, d.sha256, "         \
	"d.grootte, d.vastgelegd, g.weergavenaam "

/* Row i of a DOC_KOLOMMEN query into *d; ST_ERR for a row the store
 * never writes (an unknown class or type). */
static int
doc_uit(struct store *s, const struct db_res *r, size_t i, struct store_doc *d)
{
	const char *z = db_cel(r, i, 3), *h = db_cel(r, i, 4);
	int k = z ? naam_index(zichtbaarheid_naam, 3, z, strlen(z)) : -1;

	memset(d, 0, sizeof(*d));
	d->mime = store_doc_mime(db_cel(r, i, 2));
	if (k < 0 || !d->mime || !h || strlen(h) != STORE_DOC_SHA256_HEX) {
		snprintf(s->db->fout, sizeof(s->db->fout),
			 "document %lld: onbekende klasse of type",
			 (long long)db_cel_int(r, i, 0));
		return ST_ERR;
	}
	d->id = db_cel_int(r, i, 0);
	d->zichtbaarheid = (enum zichtbaarheid)k;
	memcpy(d->sha256, h, STORE_DOC_SHA256_HEX + 1);
	d->grootte = db_cel_int(r, i, 5);
	d->vastgelegd = db_cel_int(r, i, 6);
	d->naam = store_dup(db_cel(r, i, 1));
	d->auteur = store_dup(db_cel(r, i, 7));
	if (!d->naam || (db_cel(r, i, 7) && !d->auteur)) {
		store_doc_release(d);
		return ST_NOMEM;
	}
	return ST_OK;
}

/*
 * A new document id instead of the next number, which told how many
 * documents of every class, case and employer were stored (issue 12):
 * the milliseconds since 2026-01-01 UTC (40 bits, to 2060) above 13
 * random bits, so ids keep the order stored (older documents, with
 * their counted ids, sort first) and stay below 2^53 (exact in
 * JavaScript). Within a process each id is above the one before (by
 * 1-1024, random), so documents stored in one millisecond keep their
 * order and do not clash; two servers clash with chance 1/8192 only
 * when both store one in the same millisecond: the primary key's
 * ST_CONFLICT, nothing stored.
 */
static int64_t
nieuw_doc_id(void)
{
	static pthread_mutex_t slot = PTHREAD_MUTEX_INITIALIZER;
	static uint64_t vorige;
	struct timespec ts;
	uint64_t ms = 0, r = 0, id;

	if (clock_gettime(CLOCK_REALTIME, &ts) == 0 &&
	    ts.tv_sec >= 1767225600)
		ms = (uint64_t)(ts.tv_sec - 1767225600) * 1000u +
		     (uint64_t)(ts.tv_nsec / 1000000);
	ms &= (UINT64_C(1) << 40) - 1u;
	if (ms == 0)
		ms = 1; /* a clock before 2026: above the counted ids */
	randombytes_buf(&r, sizeof(r));
	id = (ms << 13) | (r & 8191u);
	pthread_mutex_lock(&slot);
	if (id <= vorige)
		id = vorige + 1u + ((r >> 13) & 1023u);
	vorige = id;
	pthread_mutex_unlock(&slot);
	return (int64_t)id;
}

int
store_doc_nieuw(struct store *s, int64_t dossier, uint32_t rollen,
		const char *naam, const char *mime, enum zichtbaarheid z,
		const void *inhoud, size_t len, int64_t auteur,
		const char *wie, struct store_doc *out, struct kantoor_fout *kf)
{
	unsigned char h[crypto_hash_sha256_BYTES];
	char hex[STORE_DOC_SHA256_HEX + 1];
	const char *m = store_doc_mime(mime);
	struct store_doc d;
	struct db_res r;
	int64_t id = 0;
	int rc;

	memset(&d, 0, sizeof(d));
	if (kf)
		kf->reden[0] = '\0';
	if (!toegang_schrijf(rollen, z))
		return ST_VERBODEN;
	if (!naam || !store_doc_naam_geldig(naam, strlen(naam)) || !m ||
	    !inhoud || !len || !store_doc_inhoud_past(m, inhoud, len))
		return ST_ONGELDIG;
	if (kantoor_is_kantoor(m)) {
		struct kantoor_fout f = {{0}};

		rc = kantoor_controleer(inhoud, len, m, &f);
		if (rc == KANTOOR_NOMEM)
			return ST_NOMEM;
		if (rc) {
			if (kf)
				*kf = f;
			return ST_ONGELDIG;
		}
	}
	if (sodium_init() < 0) {
		snprintf(s->db->fout, sizeof(s->db->fout),
			 "libsodium start niet");
		return ST_ERR;
	}
	crypto_hash_sha256(h, inhoud, len);
	sodium_bin2hex(hex, sizeof(hex), h, sizeof(h));
	if ((rc = db_begin(s->db)))
		return rc;
	{
		struct db_param p[] = {db_int(dossier)};

		if ((rc = store_een_int(s, "SELECT id FROM dossier WHERE id = $1", p,
				  NP(p), &id)))
			goto terug;
	}
	{
		struct db_param p[] = {
			db_int(dossier), db_text(naam), db_text(m),
			db_text(zichtbaarheid_naam[z]), db_text(hex),
			db_int((int64_t)len), db_blob(inhoud, len),
			db_int(store_nu()), auteur ? db_int(auteur) : db_null(),
			db_int(nieuw_doc_id())};

		if ((rc = store_een_int(s, "INSERT INTO document (dossier_id, naam, "
				  "mime, zichtbaarheid, sha256, grootte, inhoud, "
				  "vastgelegd, auteur_id, id) VALUES ($1, $2, $3, "
				  "$4, $5, $6, $7, $8, $9, $10) RETURNING id", p,
				  NP(p), &id)))
			goto terug;
	}
	if ((rc = store_audit(s, auteur, wie, rollen, dossier,
			      "document vastleggen", 1u << z)))
		goto terug;
	if (out) {
		struct db_param p[] = {db_int(id)};

		if ((rc = db_query(s->db, DOC_KOLOMMEN "FROM document d LEFT "
				   "JOIN gebruiker g ON g.id = d.auteur_id "
				   "WHERE d.id = $1", p, NP(p), &r)))
			goto terug;
		rc = r.nrows == 1 ? doc_uit(s, &r, 0, &d) : ST_ERR;
		db_res_release(&r);
		if (rc)
			goto terug;
	}
	if ((rc = db_commit(s->db)))
		goto terug;
	if (out)
		*out = d;
	return ST_OK;
terug:
	store_doc_release(&d);
	store_rollback(s);
	return rc;
}

LIJST_BEGIN
int
store_docs(struct store *s, int64_t dossier, uint32_t rollen,
	   struct store_doc **out, size_t *n)
{
	struct db_param p[] = {db_int(dossier)};
	struct store_doc *a = NULL;
	struct db_res r;
	size_t i, k = 0;
	int rc = db_query(s->db, DOC_KOLOMMEN "FROM document d LEFT JOIN "
			  "gebruiker g ON g.id = d.auteur_id WHERE d.dossier_id "
			  "= $1 ORDER BY d.id", p, NP(p), &r);

	if (rc)
		return rc;
	if (r.nrows && !(a = calloc(r.nrows, sizeof(*a)))) {
		rc = ST_NOMEM;
		goto out;
	}
	for (i = 0; i < r.nrows; i++) {
		struct store_doc d;

		if ((rc = doc_uit(s, &r, i, &d)))
			goto out;
		/* the access layer's table: what the roles may not read
		 * is left out, not marked */
		if (toegang_lees(rollen, d.zichtbaarheid))
			a[k++] = d;
		else
			store_doc_release(&d);
	}
	*out = a;
	*n = k;
	a = NULL;
out:
	db_res_release(&r);
	store_docs_free(a, k);
	return rc;
}
LIJST_EINDE

int
store_doc_lees(struct store *s, int64_t dossier, int64_t doc, uint32_t rollen,
	       struct store_doc *meta, char **inhoud, size_t *len)
{
	struct db_param p[] = {db_int(doc), db_int(dossier)};
	struct store_doc d;
	struct db_res r;
	char *b;
	int rc = db_query(s->db, DOC_KOLOMMEN ", d.inhoud FROM document d LEFT "
			  "JOIN gebruiker g ON g.id = d.auteur_id WHERE d.id = "
			  "$1 AND d.dossier_id = $2", p, NP(p), &r);

	if (rc)
		return rc;
	memset(&d, 0, sizeof(d));
	if (r.nrows == 0) {
		rc = ST_NIET_GEVONDEN;
		goto out;
	}
	if ((rc = doc_uit(s, &r, 0, &d)))
		goto out;
	if (!toegang_lees(rollen, d.zichtbaarheid)) {
		rc = ST_NIET_GEVONDEN;
		goto out;
	}
	/* take the cell (row 0, column 8) over instead of copying up to
	 * 20 MiB: cells are malloc'd and NUL-terminated (db.h) */
	b = r.cel[8];
	if (!b) {
		rc = ST_ERR;
		goto out;
	}
	r.cel[8] = NULL;
	*len = r.len[8];
	*inhoud = b;
	*meta = d;
	memset(&d, 0, sizeof(d));
out:
	store_doc_release(&d);
	db_res_release(&r);
	return rc;
}

/* --- organisation objects through the case-file reader ---------------- */

#define BASIS_REST                                                         \
	"\"dienstverband\":{\"begindatum\":\"2000-01-01\",\"soort\":"      \
	"\"onbepaalde_tijd\"},\"vangnet\":null,\"verzuim\":[],"            \
	"\"gebeurtenissen\":[]"
/* a minimal case file, the object under test to follow its key */
static const char BASIS_WERKGEVER[] =
	"{\"formaat\":\"spoor-dossier/1\",\"dossier_id\":\"-\",\"werknemer\":"
	"{\"id\":\"-\",\"naam\":\"-\"}," BASIS_REST ",\"werkgever\":";
static const char BASIS_WERKNEMER[] =
	"{\"formaat\":\"spoor-dossier/1\",\"dossier_id\":\"-\",\"werkgever\":"
	"{\"id\":\"-\",\"naam\":\"-\"}," BASIS_REST ",\"werknemer\":";

/* "$.<sleutel>..." of the case file to "$..." of the caller's object. */
static void
pad_relatief(struct casefile_fout *f, const char *sleutel)
{
	char pre[32];
	size_t n;

	snprintf(pre, sizeof(pre), "$.%s", sleutel);
	n = strlen(pre);
	if (!strncmp(f->pad, pre, n) &&
	    (f->pad[n] == '\0' || f->pad[n] == '.' || f->pad[n] == '['))
		memmove(f->pad + 1, f->pad + n, strlen(f->pad + n) + 1);
}

/*
 * Read the object json as the `sleutel` object of the minimal case
 * basis. With id, {"id": id} is put in front of its keys (the id is in
 * the address; one in the object is refused). ST_ONGELDIG with paths
 * relative to the object; ST_NIET_GEVONDEN for an id that is not UTF-8
 * (no row has one).
 */
static int
lees_deel(const char *basis, const char *sleutel, const char *id,
	  const char *json, size_t len, struct dossier *d,
	  struct casefile_fout *f)
{
	json_t *b = NULL, *js = NULL;
	char *idtxt = NULL, *txt = NULL;
	size_t bl = strlen(basis), o, start = 0;
	int rc;

	f->pad[0] = f->reden[0] = '\0';
	if ((rc = een_waarde(json, len, &b, f)))
		return rc;
	rc = ST_ONGELDIG;
	if (!json_is_object(b)) {
		fout(f, "$", "verwacht een object");
		goto out;
	}
	if (id && json_object_get(b, "id")) {
		fout(f, "$.id", "het id staat in het adres; laat dit veld weg");
		goto out;
	}
	if (id) {
		js = json_string(id);
		idtxt = js ? json_dumps(js, JSON_ENCODE_ANY) : NULL;
		if (!idtxt) {
			rc = js ? ST_NOMEM : ST_NIET_GEVONDEN;
			goto out;
		}
	}
	txt = malloc(bl + (idtxt ? strlen(idtxt) + 8 : 0) + len + 2);
	if (!txt) {
		rc = ST_NOMEM;
		goto out;
	}
	memcpy(txt, basis, bl);
	o = bl;
	if (idtxt) {
		/* a parsed object: its first non-blank byte is '{' */
		while (json[start] != '{')
			start++;
		memcpy(txt + o, "{\"id\":", 6);
		o += 6;
		memcpy(txt + o, idtxt, strlen(idtxt));
		o += strlen(idtxt);
		if (json_object_size(b))
			txt[o++] = ',';
		start++;
	}
	memcpy(txt + o, json + start, len - start);
	o += len - start;
	txt[o++] = '}';
	txt[o] = '\0';
	rc = casefile_lees(txt, o, d, f);
	if (rc == CF_OK) {
		rc = ST_OK;
	} else {
		pad_relatief(f, sleutel);
		rc = rc == CF_NOMEM ? ST_NOMEM : ST_ONGELDIG;
	}
out:
	free(txt);
	free(idtxt);
	json_decref(js);
	json_decref(b);
	return rc;
}

/* --- werkgevers ----------------------------------------------------- */

void
store_werkgever_release(struct store_werkgever *w)
{
	if (!w)
		return;
	free(w->id);
	free(w->naam);
	memset(w, 0, sizeof(*w));
}

void
store_werkgevers_free(struct store_werkgever *w, size_t n)
{
	size_t i;

	for (i = 0; w && i < n; i++)
		store_werkgever_release(&w[i]);
	free(w);
}

/* The number of cases of employer extern id. */
#define TEL_DOSSIERS                                                       \
	"(SELECT count(*) FROM dienstverband v, dossier d WHERE "          \
	"v.werkgever_id = g.id AND d.dienstverband_id = v.id)"

LIJST_BEGIN
int
store_werkgevers(struct store *s, int64_t gebruiker, int alle,
		 struct store_werkgever **out, size_t *n)
{
	struct db_param p[] = {db_int(alle ? 1 : 0), db_int(gebruiker),
			       db_int(s->bereik_werkgever)};
	struct store_werkgever *a = NULL;
	struct db_res r;
	size_t i;
	int rc = db_query(s->db, "SELECT g.extern_id, g.naam, "
			  "g.eigenrisicodrager_wga, " TEL_DOSSIERS ", "
			  "g.eigenrisicodrager_zw FROM "
			  "werkgever g WHERE ($1 = 1 OR g.id IN (SELECT "
			  "t.werkgever_id FROM toekenning t WHERE "
			  "t.gebruiker_id = $2 AND t.werkgever_id IS NOT NULL "
			  "AND t.rol IN " TK_ORG_ROLLEN " AND " TK_GEEN_BEHEERDER
			  ")) AND ($3 = 0 OR g.id = $3) ORDER BY g.extern_id", p,
			  NP(p), &r);

	if (rc)
		return rc;
	if (r.nrows && !(a = calloc(r.nrows, sizeof(*a)))) {
		db_res_release(&r);
		return ST_NOMEM;
	}
	for (i = 0; i < r.nrows; i++) {
		struct store_werkgever w;

		w.id = store_dup(db_cel(&r, i, 0));
		w.naam = store_dup(db_cel(&r, i, 1));
		w.eigenrisicodrager_wga = db_cel_int(&r, i, 2) != 0;
		w.dossiers = db_cel_int(&r, i, 3);
		w.eigenrisicodrager_zw = db_cel_int(&r, i, 4) != 0;
		if (!w.id || !w.naam) {
			store_werkgever_release(&w);
			store_werkgevers_free(a, i);
			db_res_release(&r);
			return ST_NOMEM;
		}
		a[i] = w;
	}
	*out = a;
	*n = r.nrows;
	db_res_release(&r);
	return ST_OK;
}
LIJST_EINDE

/* *out from the werkgever of d, with the case count of the stored row. */
static int
werkgever_uit(struct store *s, const struct dossier *d,
	      struct store_werkgever *out)
{
	struct db_param p[] = {db_textn(d->werkgever_id.s, d->werkgever_id.len)};
	struct store_werkgever w;
	int rc;

	memset(&w, 0, sizeof(w));
	if ((rc = store_een_int(s, "SELECT " TEL_DOSSIERS " FROM werkgever g WHERE "
			  "g.extern_id = $1", p, NP(p), &w.dossiers)))
		return rc;
	w.id = store_dup(d->werkgever_id.s);
	w.naam = store_dup(d->werkgever_naam.s);
	w.eigenrisicodrager_wga = d->eigenrisicodrager_wga != 0;
	w.eigenrisicodrager_zw = d->eigenrisicodrager_zw != 0;
	if (!w.id || !w.naam) {
		store_werkgever_release(&w);
		return ST_NOMEM;
	}
	*out = w;
	return ST_OK;
}

int
store_werkgever_nieuw(struct store *s, const char *json, size_t len,
		      int64_t auteur, const char *wie, uint32_t rollen,
		      struct store_werkgever *out, struct casefile_fout *f)
{
	struct dossier d;
	struct store_werkgever w;
	int rc;

	dossier_init(&d);
	memset(&w, 0, sizeof(w));
	if ((rc = lees_deel(BASIS_WERKGEVER, "werkgever", NULL, json, len, &d,
			    f)))
		goto out;
	if ((rc = db_begin(s->db)))
		goto out;
	{
		struct db_param p[] = {
			db_textn(d.werkgever_id.s, d.werkgever_id.len),
			db_textn(d.werkgever_naam.s, d.werkgever_naam.len),
			db_int(d.eigenrisicodrager_wga ? 1 : 0),
			db_int(d.eigenrisicodrager_zw ? 1 : 0)};

		rc = db_exec(s->db, "INSERT INTO werkgever (extern_id, naam, "
			     "eigenrisicodrager_wga, eigenrisicodrager_zw) "
			     "VALUES ($1, $2, $3, $4)", p, NP(p), NULL);
	}
	if (rc == ST_CONFLICT)
		fout(f, "$.id", "er bestaat al een werkgever met dit id");
	if (rc ||
	    (rc = store_audit(s, auteur, wie, rollen, 0, "werkgever toevoegen",
			      0)) ||
	    (out && (rc = werkgever_uit(s, &d, &w))) ||
	    (rc = db_commit(s->db))) {
		store_rollback(s);
		store_werkgever_release(&w);
		goto out;
	}
	if (out)
		*out = w;
out:
	dossier_release(&d);
	return rc;
}

/* A new versie for every case of the row `id` of table werkgever or
 * werknemer (sql selects the dienstverband ids by $2). */
static int
versie_op(struct store *s, const char *sql, int64_t id)
{
	struct db_param p[] = {db_int(store_nu()), db_int(id)};

	return db_exec(s->db, sql, p, NP(p), NULL);
}

/* --- optimistic concurrency (issue 12) ------------------------------ */

/* etag from SHA-256 over the fields, each as its length, ':' and its
 * bytes (NULL: "-"), so no two field lists hash alike. */
static void
etag_van(const char *const *veld, size_t n, char etag[STORE_ETAG_LEN])
{
	unsigned char h[crypto_hash_sha256_BYTES];
	crypto_hash_sha256_state st;
	char num[24];
	size_t i;

	crypto_hash_sha256_init(&st);
	for (i = 0; i < n; i++) {
		if (!veld[i]) {
			crypto_hash_sha256_update(&st, (const unsigned char *)"-",
						  1);
			continue;
		}
		snprintf(num, sizeof(num), "%zu:", strlen(veld[i]));
		crypto_hash_sha256_update(&st, (const unsigned char *)num,
					  strlen(num));
		crypto_hash_sha256_update(&st, (const unsigned char *)veld[i],
					  strlen(veld[i]));
	}
	crypto_hash_sha256_final(&st, h);
	etag[0] = '"';
	sodium_bin2hex(etag + 1, STORE_ETAG_LEN - 2, h, 16);
	etag[STORE_ETAG_LEN - 2] = '"';
	etag[STORE_ETAG_LEN - 1] = '\0';
}

void
store_werkgever_etag(const struct store_werkgever *w,
		     char etag[STORE_ETAG_LEN])
{
	const char *v[] = {"werkgever", w->id, w->naam,
			   w->eigenrisicodrager_wga ? "1" : "0",
			   w->eigenrisicodrager_zw ? "1" : "0"};

	etag_van(v, sizeof(v) / sizeof(v[0]), etag);
}

void
store_werknemer_etag(const struct store_werknemer *w,
		     char etag[STORE_ETAG_LEN])
{
	char gd[DATE_STRLEN];
	const char *v[] = {"werknemer", w->id, w->naam, NULL, w->bsn};

	if (w->geboortedatum != DATE_NONE) {
		date_format(w->geboortedatum, gd);
		v[3] = gd;
	}
	etag_van(v, sizeof(v) / sizeof(v[0]), etag);
}

void
store_dienstverband_etag(const char *canon, char etag[STORE_ETAG_LEN])
{
	const char *v[] = {"dienstverband", canon};

	etag_van(v, sizeof(v) / sizeof(v[0]), etag);
}

/* Whether als (If-Match) asks for a check: NULL and "*" do not. */
static int
als_controle(const char *als)
{
	return als && strcmp(als, "*") != 0;
}

int
store_werkgever_lees(struct store *s, const char *id,
		     struct store_werkgever *out)
{
	struct db_param p[] = {db_text(id)};
	struct store_werkgever w;
	struct db_res r;
	int rc = db_query(s->db, "SELECT g.extern_id, g.naam, "
			  "g.eigenrisicodrager_wga, " TEL_DOSSIERS ", "
			  "g.eigenrisicodrager_zw FROM werkgever g WHERE "
			  "g.extern_id = $1", p, NP(p), &r);

	if (rc)
		return rc;
	memset(&w, 0, sizeof(w));
	if (r.nrows != 1) {
		rc = ST_NIET_GEVONDEN;
		goto out;
	}
	w.id = store_dup(db_cel(&r, 0, 0));
	w.naam = store_dup(db_cel(&r, 0, 1));
	w.eigenrisicodrager_wga = db_cel_int(&r, 0, 2) != 0;
	w.dossiers = db_cel_int(&r, 0, 3);
	w.eigenrisicodrager_zw = db_cel_int(&r, 0, 4) != 0;
	if (!w.id || !w.naam) {
		rc = ST_NOMEM;
		goto out;
	}
	*out = w;
	memset(&w, 0, sizeof(w));
out:
	store_werkgever_release(&w);
	db_res_release(&r);
	return rc;
}

/* The version check of a write of employer id: its row locked, then its
 * ETag compared with als; ST_VERANDERD with *huidig the stored employer
 * (the caller releases it) when they differ. */
static int
werkgever_als(struct store *s, const char *id, const char *als,
	      struct store_werkgever *huidig)
{
	struct db_param p[] = {db_text(id)};
	struct store_werkgever w;
	char etag[STORE_ETAG_LEN];
	int rc;

	if (!als_controle(als))
		return ST_OK;
	if ((rc = db_exec(s->db, "UPDATE werkgever SET naam = naam WHERE "
			  "extern_id = $1", p, NP(p), NULL)) ||
	    (rc = store_werkgever_lees(s, id, &w)))
		return rc;
	store_werkgever_etag(&w, etag);
	if (strcmp(etag, als) != 0) {
		*huidig = w;
		return ST_VERANDERD;
	}
	store_werkgever_release(&w);
	return ST_OK;
}

int
store_werkgever_wijzig(struct store *s, const char *id, const char *json,
		       size_t len, int64_t auteur, const char *wie,
		       uint32_t rollen, struct store_werkgever *out,
		       struct casefile_fout *f)
{
	return store_werkgever_wijzig_als(s, id, json, len, NULL, auteur, wie,
					  rollen, out, f);
}

int
store_werkgever_wijzig_als(struct store *s, const char *id, const char *json,
			   size_t len, const char *als, int64_t auteur,
			   const char *wie, uint32_t rollen,
			   struct store_werkgever *out, struct casefile_fout *f)
{
	struct dossier d;
	struct store_werkgever w;
	int64_t n = 0, rij = 0;
	int rc;

	dossier_init(&d);
	memset(&w, 0, sizeof(w));
	if ((rc = lees_deel(BASIS_WERKGEVER, "werkgever", id, json, len, &d,
			    f)))
		goto out;
	if ((rc = db_begin(s->db)))
		goto out;
	if ((rc = werkgever_als(s, id, als, &w))) {
		store_rollback(s);
		if (rc == ST_VERANDERD && out)
			*out = w;
		else
			store_werkgever_release(&w);
		goto out;
	}
	{
		struct db_param p[] = {
			db_textn(d.werkgever_naam.s, d.werkgever_naam.len),
			db_int(d.eigenrisicodrager_wga ? 1 : 0), db_text(id),
			db_int(d.eigenrisicodrager_zw ? 1 : 0)};

		rc = db_exec(s->db, "UPDATE werkgever SET naam = $1, "
			     "eigenrisicodrager_wga = $2, "
			     "eigenrisicodrager_zw = $4 WHERE extern_id = $3 "
			     "AND (naam <> $1 OR eigenrisicodrager_wga <> $2 "
			     "OR eigenrisicodrager_zw <> $4)", p, NP(p), &n);
	}
	if (!rc) {
		struct db_param p[] = {db_text(id)};

		rc = store_een_int(s, "SELECT id FROM werkgever WHERE extern_id = $1",
			     p, NP(p), &rij);
	}
	/* the name is in every exported case file and the flag in every
	 * computation: each case of the employer changes */
	if (!rc && n)
		rc = versie_op(s, "UPDATE dossier SET versie = versie + 1, "
			       "gewijzigd = $1 WHERE dienstverband_id IN "
			       "(SELECT id FROM dienstverband WHERE "
			       "werkgever_id = $2)", rij);
	if (rc ||
	    (rc = store_audit(s, auteur, wie, rollen, 0, "werkgever wijzigen",
			      1u)) ||
	    (out && (rc = werkgever_uit(s, &d, &w))) ||
	    (rc = db_commit(s->db))) {
		store_rollback(s);
		store_werkgever_release(&w);
		goto out;
	}
	if (out)
		*out = w;
out:
	dossier_release(&d);
	return rc;
}

/* --- werknemers ----------------------------------------------------- */

void
store_werknemer_release(struct store_werknemer *w)
{
	size_t i;

	if (!w)
		return;
	free(w->id);
	free(w->naam);
	free(w->bsn);
	for (i = 0; w->dossiers && i < w->ndossiers; i++)
		free(w->dossiers[i]);
	free(w->dossiers);
	memset(w, 0, sizeof(*w));
	w->geboortedatum = DATE_NONE;
}

void
store_werknemers_free(struct store_werknemer *w, size_t n)
{
	size_t i;

	for (i = 0; w && i < n; i++)
		store_werknemer_release(&w[i]);
	free(w);
}

/* Fill w (zeroed) from columns extern_id, naam, geboortedatum, bsn of
 * row i. */
static int
werknemer_uit(const struct db_res *r, size_t i, struct store_werknemer *w)
{
	const char *gd = db_cel(r, i, 2);

	w->geboortedatum = DATE_NONE;
	if (gd && date_parse(gd, strlen(gd), &w->geboortedatum))
		w->geboortedatum = DATE_NONE;
	w->id = store_dup(db_cel(r, i, 0));
	w->naam = store_dup(db_cel(r, i, 1));
	w->bsn = store_dup(db_cel(r, i, 3));
	if (!w->id || !w->naam || (db_cel(r, i, 3) && !w->bsn))
		return ST_NOMEM;
	return ST_OK;
}

LIJST_BEGIN
int
store_werknemers(struct store *s, const char *werkgever,
		 struct store_werknemer **out, size_t *n)
{
	struct db_param p[] = {db_text(werkgever)};
	struct store_werknemer *a = NULL;
	struct db_res r;
	size_t i, k = 0;
	int rc = db_query(s->db, "SELECT n.extern_id, n.naam, n.geboortedatum, "
			  "n.bsn, d.extern_id FROM werkgever g, dienstverband "
			  "v, werknemer n, dossier d WHERE g.extern_id = $1 AND "
			  "v.werkgever_id = g.id AND n.id = v.werknemer_id AND "
			  "d.dienstverband_id = v.id ORDER BY n.naam, "
			  "n.extern_id, d.extern_id", p, NP(p), &r);

	if (rc)
		return rc;
	if (r.nrows && !(a = calloc(r.nrows, sizeof(*a)))) {
		rc = ST_NOMEM;
		goto out;
	}
	/* the rows of one employee are adjacent: one entry per employee,
	 * his cases collected in order */
	for (i = 0; i < r.nrows; i++) {
		struct store_werknemer *w;
		char *ds;

		if (!k || strcmp(a[k - 1].id, db_cel(&r, i, 0)) != 0) {
			w = &a[k++];
			if ((rc = werknemer_uit(&r, i, w)))
				goto out;
			w->dossiers = calloc(r.nrows - i, sizeof(*w->dossiers));
			if (!w->dossiers) {
				rc = ST_NOMEM;
				goto out;
			}
		}
		w = &a[k - 1];
		ds = store_dup(db_cel(&r, i, 4));
		if (!ds) {
			rc = ST_NOMEM;
			goto out;
		}
		w->dossiers[w->ndossiers++] = ds;
	}
	*out = a;
	*n = k;
	a = NULL;
out:
	store_werknemers_free(a, k);
	db_res_release(&r);
	return rc;
}
LIJST_EINDE

int
store_werknemer_rollen(struct store *s, int64_t gebruiker,
		       const char *werknemer, const char *werkgever,
		       uint32_t *organisatie, uint32_t *partij)
{
	struct db_param p[] = {db_int(gebruiker), db_text(werknemer),
			       db_text(werkgever ? werkgever : ""),
			       db_int(s->bereik_werkgever)};
	struct db_res r;
	uint32_t org = 0, alle = 0;
	size_t i;
	int rc = db_query(s->db, "SELECT DISTINCT t.rol, t.werkgever_id FROM "
			  "toekenning t, dienstverband v, werknemer n, dossier "
			  "d, werkgever g WHERE t.gebruiker_id = $1 AND "
			  "n.extern_id = $2 AND g.id = n.werkgever_id AND ($3 = "
			  "'' OR g.extern_id = $3) AND "
			  "v.werknemer_id = n.id AND d.dienstverband_id = v.id "
			  "AND (t.werkgever_id = v.werkgever_id OR "
			  "t.dossier_id = d.id) AND ($4 = 0 OR v.werkgever_id = "
			  "$4)", p, NP(p), &r);

	if (rc)
		return rc;
	for (i = 0; i < r.nrows; i++) {
		const char *x = db_cel(&r, i, 0);
		int k = x ? rol_zoek(x, strlen(x)) : -1;

		if (k < 0)
			continue;
		alle |= ROL_BIT(k);
		if (db_cel(&r, i, 1))
			org |= ROL_BIT(k);
	}
	db_res_release(&r);
	*organisatie = org;
	*partij = alle;
	return ST_OK;
}

/* One audit record per case of employee row rij (one without a case
 * when he has none), so each case's access log shows the change. */
static int
audit_werknemer(struct store *s, int64_t rij, int64_t auteur,
		const char *wie, uint32_t rollen)
{
	struct db_param p[] = {db_int(rij)};
	struct db_res r;
	size_t i;
	int rc = db_query(s->db, "SELECT d.id FROM dienstverband v, dossier d "
			  "WHERE v.werknemer_id = $1 AND d.dienstverband_id = "
			  "v.id ORDER BY d.id", p, NP(p), &r);

	if (rc)
		return rc;
	for (i = 0; !rc && i < r.nrows; i++)
		rc = store_audit(s, auteur, wie, rollen, db_cel_int(&r, i, 0),
				 "werknemer wijzigen", 1u);
	if (!rc && r.nrows == 0)
		rc = store_audit(s, auteur, wie, rollen, 0, "werknemer wijzigen",
				 1u);
	db_res_release(&r);
	return rc;
}

/*
 * The row of employee id in an employer's administration: of employer
 * werkgever (extern id, "" for any) and, for a user (auteur != 0), of an
 * employer he holds an organisation-wide casemanager or werkgever grant
 * for. ST_NIET_GEVONDEN for none, ST_CONFLICT (with *f) when the id is
 * in more than one such administration.
 */
static int
werknemer_rij(struct store *s, const char *id, const char *werkgever,
	      int64_t auteur, int64_t *rij, int64_t *wg,
	      struct casefile_fout *f)
{
	struct db_param p[] = {db_text(id), db_text(werkgever),
			       db_int(auteur), db_int(s->bereik_werkgever)};
	struct db_res r;
	int rc = db_query(s->db, "SELECT n.id, n.werkgever_id FROM werknemer "
			  "n JOIN werkgever g ON g.id = n.werkgever_id WHERE "
			  "n.extern_id = $1 AND ($2 = '' OR g.extern_id = $2) "
			  "AND ($3 = 0 OR EXISTS (SELECT 1 FROM toekenning t "
			  "WHERE t.gebruiker_id = $3 AND t.werkgever_id = "
			  "n.werkgever_id AND t.rol IN ('casemanager', "
			  "'werkgever'))) AND ($4 = 0 OR n.werkgever_id = $4)",
			  p, NP(p), &r);

	if (rc)
		return rc;
	if (r.nrows == 1) {
		*rij = db_cel_int(&r, 0, 0);
		*wg = db_cel_int(&r, 0, 1);
	} else if (r.nrows == 0) {
		rc = ST_NIET_GEVONDEN;
	} else {
		snprintf(f->pad, sizeof(f->pad), "werkgever");
		snprintf(f->reden, sizeof(f->reden),
			 "deze werknemer-id bestaat bij meer dan een van uw "
			 "werkgevers: geef ?werkgever=ID");
		rc = ST_CONFLICT;
	}
	db_res_release(&r);
	return rc;
}

/* Employee row rij into *out. */
static int
werknemer_van_rij(struct store *s, int64_t rij, struct store_werknemer *out)
{
	struct db_param p[] = {db_int(rij)};
	struct store_werknemer w;
	struct db_res r;
	int rc = db_query(s->db, "SELECT extern_id, naam, geboortedatum, bsn "
			  "FROM werknemer WHERE id = $1", p, NP(p), &r);

	if (rc)
		return rc;
	memset(&w, 0, sizeof(w));
	if (r.nrows != 1)
		rc = ST_NIET_GEVONDEN;
	else if (!(rc = werknemer_uit(&r, 0, &w))) {
		*out = w;
		memset(&w, 0, sizeof(w));
	}
	store_werknemer_release(&w);
	db_res_release(&r);
	return rc;
}

int
store_werknemer_lees(struct store *s, const char *id, const char *werkgever,
		     int64_t gebruiker, struct store_werknemer *out,
		     struct casefile_fout *f)
{
	int64_t rij = 0, wg = 0;
	int rc;

	f->pad[0] = f->reden[0] = '\0';
	if ((rc = werknemer_rij(s, id, werkgever ? werkgever : "", gebruiker,
				&rij, &wg, f)))
		return rc;
	return werknemer_van_rij(s, rij, out);
}

/* The version check of a write of employee row rij (locked through its
 * employer's row): ST_VERANDERD with *huidig the stored employee (the
 * caller releases it) when its ETag is not als. */
static int
werknemer_als(struct store *s, int64_t rij, const char *als,
	      struct store_werknemer *huidig)
{
	struct store_werknemer w;
	char etag[STORE_ETAG_LEN];
	int rc;

	if (!als_controle(als))
		return ST_OK;
	if ((rc = werknemer_van_rij(s, rij, &w)))
		return rc;
	store_werknemer_etag(&w, etag);
	if (strcmp(etag, als) != 0) {
		*huidig = w;
		return ST_VERANDERD;
	}
	store_werknemer_release(&w);
	return ST_OK;
}

int
store_werknemer_wijzig(struct store *s, const char *id, const char *werkgever,
		       const char *json, size_t len, int64_t auteur,
		       const char *wie, uint32_t rollen,
		       struct store_werknemer *out, struct casefile_fout *f)
{
	return store_werknemer_wijzig_als(s, id, werkgever, json, len, NULL,
					  auteur, wie, rollen, out, f);
}

int
store_werknemer_wijzig_als(struct store *s, const char *id,
			   const char *werkgever, const char *json, size_t len,
			   const char *als, int64_t auteur, const char *wie,
			   uint32_t rollen, struct store_werknemer *out,
			   struct casefile_fout *f)
{
	struct dossier d;
	struct store_werknemer w;
	char gd[DATE_STRLEN];
	int64_t n = 0, rij = 0, wg = 0;
	int rc;

	dossier_init(&d);
	memset(&w, 0, sizeof(w));
	if ((rc = lees_deel(BASIS_WERKNEMER, "werknemer", id, json, len, &d,
			    f)))
		goto out;
	if (d.geboortedatum != DATE_NONE)
		date_format(d.geboortedatum, gd);
	if ((rc = db_begin(s->db)))
		goto out;
	/* only the row of one administration the writer manages; the
	 * employer's row lock serialises the BSN check with imports */
	if (!(rc = werknemer_rij(s, id, werkgever ? werkgever : "", auteur,
				 &rij, &wg, f))) {
		struct db_param p[] = {db_int(wg)};

		rc = db_exec(s->db, "UPDATE werkgever SET naam = naam WHERE "
			     "id = $1", p, NP(p), NULL);
	}
	if (!rc && (rc = werknemer_als(s, rij, als, &w)) == ST_VERANDERD) {
		store_rollback(s);
		if (out)
			*out = w;
		else
			store_werknemer_release(&w);
		goto out;
	}
	if (!rc && d.bsn.s)
		rc = store_bsn_vrij(s, wg, id, d.bsn.s, "$.bsn", f);
	if (!rc) {
		struct db_param p[] = {
			db_textn(d.werknemer_naam.s, d.werknemer_naam.len),
			d.geboortedatum != DATE_NONE ? db_text(gd) : db_null(),
			db_textn(d.bsn.s, d.bsn.len), db_int(rij)};

		rc = db_exec(s->db, "UPDATE werknemer SET naam = $1, "
			     "geboortedatum = $2, bsn = $3 WHERE id = $4 "
			     "AND (naam <> $1 OR geboortedatum IS DISTINCT FROM "
			     "$2 OR bsn IS DISTINCT FROM $3)", p, NP(p), &n);
	}
	if (!rc && n)
		rc = versie_op(s, "UPDATE dossier SET versie = versie + 1, "
			       "gewijzigd = $1 WHERE dienstverband_id IN "
			       "(SELECT id FROM dienstverband WHERE "
			       "werknemer_id = $2)", rij);
	if (!rc)
		rc = audit_werknemer(s, rij, auteur, wie, rollen);
	if (!rc && out) {
		w.geboortedatum = d.geboortedatum;
		w.id = store_dup(id);
		w.naam = store_dup(d.werknemer_naam.s);
		w.bsn = store_dup(d.bsn.s);
		if (!w.id || !w.naam || (d.bsn.s && !w.bsn))
			rc = ST_NOMEM;
	}
	if (rc || (rc = db_commit(s->db))) {
		store_rollback(s);
		store_werknemer_release(&w);
		goto out;
	}
	if (out)
		*out = w;
out:
	dossier_release(&d);
	return rc;
}

/* --- dienstverband -------------------------------------------------- */

/*
 * The stored case oud with its dienstverband replaced by the caller's
 * text, read by the case-file reader into *nieuw. The text was parsed
 * as one JSON value before, so it cannot reach beyond its key.
 */
static int
met_dienstverband(const struct dossier *oud, const char *json, size_t len,
		  struct dossier *nieuw, struct casefile_fout *f)
{
	static const char sleutel[] = ",\"dienstverband\":";
	json_t *root = NULL;
	char *txt = NULL, *kaal = NULL, *buf = NULL;
	size_t tl, kl, o;
	int rc = ST_NOMEM;

	if (casefile_schrijf(oud, &txt, &tl) != CF_OK ||
	    !(root = json_loadb(txt, tl, 0, NULL)) ||
	    json_object_del(root, "dienstverband") || !(kaal = dump(root)))
		goto out;
	kl = strlen(kaal);
	if (kl < 2 || kaal[kl - 1] != '}') {
		rc = ST_ERR;
		goto out;
	}
	buf = malloc(kl + sizeof(sleutel) + len + 1);
	if (!buf)
		goto out;
	o = kl - 1;
	memcpy(buf, kaal, o);
	memcpy(buf + o, sleutel, sizeof(sleutel) - 1);
	o += sizeof(sleutel) - 1;
	memcpy(buf + o, json, len);
	o += len;
	buf[o++] = '}';
	buf[o] = '\0';
	rc = casefile_lees(buf, o, nieuw, f);
	rc = rc == CF_OK ? ST_OK : rc == CF_NOMEM ? ST_NOMEM : ST_ONGELDIG;
out:
	free(buf);
	free(kaal);
	free(txt);
	json_decref(root);
	return rc;
}

/* The dienstverband object of d as compact canonical JSON (malloc'd). */
static char *
dienstverband_canon(const struct dossier *d)
{
	char *txt = NULL, *uit = NULL;
	size_t tl;
	json_t *root = NULL;

	if (casefile_schrijf(d, &txt, &tl) == CF_OK &&
	    (root = json_loadb(txt, tl, 0, NULL)))
		uit = dump(json_object_get(root, "dienstverband"));
	json_decref(root);
	free(txt);
	return uit;
}

int
store_dienstverband_lees(struct store *s, int64_t dossier, char **canon)
{
	struct dossier d;
	char *c;
	int rc;

	dossier_init(&d);
	if (!(rc = store_dossier_laad(s, dossier, &d))) {
		if ((c = dienstverband_canon(&d)))
			*canon = c;
		else
			rc = ST_NOMEM;
	}
	dossier_release(&d);
	return rc;
}

int
store_dienstverband_wijzig(struct store *s, int64_t dossier, const char *json,
			   size_t len, uint32_t rollen, int64_t auteur,
			   const char *wie, char **canon,
			   struct casefile_fout *f)
{
	return store_dienstverband_wijzig_als(s, dossier, json, len, NULL,
					      rollen, auteur, wie, canon, f);
}

int
store_dienstverband_wijzig_als(struct store *s, int64_t dossier,
			       const char *json, size_t len, const char *als,
			       uint32_t rollen, int64_t auteur, const char *wie,
			       char **canon, struct casefile_fout *f)
{
	struct dossier oud, nieuw;
	json_t *b = NULL;
	char *gegevens = NULL, begin[DATE_STRLEN];
	int64_t n = 0;
	int rc;

	dossier_init(&oud);
	dossier_init(&nieuw);
	f->pad[0] = f->reden[0] = '\0';
	if (!toegang_stamdata(rollen)) {
		fout(f, "", "alleen de casemanager of de werkgever wijzigt het "
		     "dienstverband");
		return ST_VERBODEN;
	}
	if ((rc = een_waarde(json, len, &b, f)))
		return rc;
	json_decref(b);
	if ((rc = db_begin(s->db)))
		return rc;
	/* the lock of every case write (store.c): writers of one case
	 * queue here, and the new versie invalidates what was computed */
	{
		struct db_param p[] = {db_int(store_nu()), db_int(dossier)};

		rc = db_exec(s->db, "UPDATE dossier SET versie = versie + 1, "
			     "gewijzigd = $1 WHERE id = $2", p, NP(p), &n);
		if (!rc && n == 0)
			rc = ST_NIET_GEVONDEN;
	}
	if (rc || (rc = store_dossier_laad(s, dossier, &oud)) ||
	    (rc = met_dienstverband(&oud, json, len, &nieuw, f)))
		goto terug;
	/* the version check, under the case's lock */
	if (als_controle(als)) {
		char etag[STORE_ETAG_LEN];

		if (!(gegevens = dienstverband_canon(&oud))) {
			rc = ST_NOMEM;
			goto terug;
		}
		store_dienstverband_etag(gegevens, etag);
		if (strcmp(etag, als) != 0) {
			store_rollback(s);
			if (canon) {
				*canon = gegevens;
				gegevens = NULL;
			}
			rc = ST_VERANDERD;
			goto out;
		}
		free(gegevens);
		gegevens = NULL;
	}
	if (!(gegevens = dienstverband_canon(&nieuw))) {
		rc = ST_NOMEM;
		goto terug;
	}
	date_format(nieuw.begindatum, begin);
	{
		struct db_param p[] = {db_text(begin), db_text(gegevens),
				       db_int(dossier)};

		rc = db_exec(s->db, "UPDATE dienstverband SET begindatum = $1, "
			     "gegevens = $2 WHERE id = (SELECT dienstverband_id "
			     "FROM dossier WHERE id = $3)", p, NP(p), NULL);
	}
	/* an import makes one dienstverband per case; should one ever be
	 * shared, its other cases change too */
	if (!rc) {
		struct db_param p[] = {db_int(store_nu()), db_int(dossier)};

		rc = db_exec(s->db, "UPDATE dossier SET versie = versie + 1, "
			     "gewijzigd = $1 WHERE id <> $2 AND dienstverband_id "
			     "= (SELECT dienstverband_id FROM dossier WHERE id = "
			     "$2)", p, NP(p), NULL);
	}
	if (rc ||
	    (rc = store_audit(s, auteur, wie, rollen, dossier,
			      "dienstverband wijzigen", 1u)) ||
	    (rc = db_commit(s->db)))
		goto terug;
	if (canon) {
		*canon = gegevens;
		gegevens = NULL;
	}
	goto out;
terug:
	store_rollback(s);
out:
	free(gegevens);
	dossier_release(&oud);
	dossier_release(&nieuw);
	return rc;
}
