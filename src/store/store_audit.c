/*
 * store_audit.c - the hash-chained audit log and a case's access log
 * (see store.h, docs/store.md).
 */
#include <jansson.h>
#include <sodium.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/date.h"
#include "lib/klok.h"
#include "migrate.h"
#include "store.h"
#include "store/laad.h"
#include "store_int.h"

#define NP(a) (sizeof(a) / sizeof((a)[0]))

/* --- audit ------------------------------------------------------- */

/* The hash of a record: SHA-256 over the previous hash and every field,
 * each field preceded by its length so no two records collide by
 * shifting text between fields. */
static void
audit_hash(const char *vorige, int64_t volgnr, int64_t tijd, int64_t gebruiker,
	   const char *wie, const char *rol, int64_t dossier, const char *actie,
	   const char *klasse, char out[65])
{
	crypto_hash_sha256_state st;
	unsigned char h[crypto_hash_sha256_BYTES];
	char num[96];
	const char *veld[5];
	size_t i;

	veld[0] = vorige;
	veld[1] = wie;
	veld[2] = rol;
	veld[3] = actie;
	veld[4] = klasse;
	crypto_hash_sha256_init(&st);
	snprintf(num, sizeof(num), "%lld %lld %lld %lld\n", (long long)volgnr,
		 (long long)tijd, (long long)gebruiker, (long long)dossier);
	crypto_hash_sha256_update(&st, (const unsigned char *)num, strlen(num));
	for (i = 0; i < NP(veld); i++) {
		size_t n = strlen(veld[i]);

		snprintf(num, sizeof(num), "%zu:", n);
		crypto_hash_sha256_update(&st, (const unsigned char *)num,
					  strlen(num));
		crypto_hash_sha256_update(&st, (const unsigned char *)veld[i], n);
	}
	crypto_hash_sha256_final(&st, h);
	sodium_bin2hex(out, 65, h, sizeof(h));
}

static void
rollen_tekst(uint32_t rollen, char *buf, size_t n)
{
	size_t o = 0;
	int i;

	buf[0] = '\0';
	for (i = 0; i < ROL__COUNT; i++)
		if (rollen & ROL_BIT(i)) {
			int k = snprintf(buf + o, n - o, "%s%s", o ? "," : "",
					 rol_naam[i]);

			if (k < 0 || (size_t)k >= n - o)
				break;
			o += (size_t)k;
		}
}

/* Rows per multi-row INSERT of a batch of audit records. */
#define AUDIT_BLOK 32
#define AUDIT_KOLOMMEN 12

static char audit_sql_blok[AUDIT_BLOK * AUDIT_KOLOMMEN * 8 + 160];
static char audit_sql_een[AUDIT_KOLOMMEN * 8 + 160];
static pthread_once_t audit_sql_klaar = PTHREAD_ONCE_INIT;

static void
audit_sql_rijen(char *buf, size_t n, size_t rijen)
{
	size_t o, r, c;

	o = (size_t)snprintf(buf, n, "INSERT INTO audit (volgnr, tijd, "
			     "gebruiker_id, gebruiker, rol, dossier_id, actie, "
			     "klasse, vorige, hash, aantal, laatst) VALUES ");
	for (r = 0; r < rijen; r++)
		for (c = 0; c < AUDIT_KOLOMMEN; c++)
			o += (size_t)snprintf(buf + o, n - o, "%s$%zu%s",
					      c ? ", " : r ? ", (" : "(",
					      r * AUDIT_KOLOMMEN + c + 1,
					      c == AUDIT_KOLOMMEN - 1 ? ")" : "");
}

static void
audit_sql_maak(void)
{
	audit_sql_rijen(audit_sql_blok, sizeof(audit_sql_blok), AUDIT_BLOK);
	audit_sql_rijen(audit_sql_een, sizeof(audit_sql_een), 1);
}

/* "INSERT INTO audit (...) VALUES ($1, ..., $12), ..., (..., $384)" for
 * 1 or AUDIT_BLOK rows: placeholders only, built once. */
static const char *
audit_insert_sql(size_t rijen)
{
	(void)pthread_once(&audit_sql_klaar, audit_sql_maak);
	return rijen == 1 ? audit_sql_een : audit_sql_blok;
}

/* The text of the audit columns rol and klasse. */
static void
audit_teksten(uint32_t rollen, uint32_t klassen, char *rol, size_t rn,
	      char *klasse, size_t kn)
{
	size_t o = 0;
	int z;

	rollen_tekst(rollen, rol, rn);
	klasse[0] = '\0';
	for (z = 0; z < 3; z++)
		if (klassen & (1u << z)) {
			int k = snprintf(klasse + o, kn - o, "%s%s",
					 o ? "," : "", zichtbaarheid_naam[z]);

			if (k < 0 || (size_t)k >= kn - o)
				break;
			o += (size_t)k;
		}
}

/*
 * Append n records inside the caller's transaction. One UPDATE of the
 * head reserves n numbers and takes the row lock that serialises appends
 * from all processes; the chain is computed here; the rows go in with
 * multi-row INSERTs; one UPDATE stores the new head hash. aantal (NULL:
 * 1 each) is the number of reads a record stands for (audit_vouw).
 */
static int
audit_schrijf(struct store *s, const struct store_audit_rec *rec,
	      const int64_t *aantal, size_t n)
{
	struct audit_rij {
		char rol[160], klasse[48], vorige[65], hash[65];
	} *rij = NULL;
	struct db_param *p = NULL;
	struct db_res r;
	int64_t eerste, tijd = store_nu();
	size_t i, k;
	int rc;

	if (n == 0)
		return ST_OK;
	rij = calloc(n, sizeof(*rij));
	p = calloc((size_t)AUDIT_BLOK * AUDIT_KOLOMMEN, sizeof(*p));
	if (!rij || !p) {
		rc = ST_NOMEM;
		goto out;
	}
	{
		struct db_param q[] = {db_int((int64_t)n)};

		rc = db_query(s->db, "UPDATE audit_kop SET volgnr = volgnr + $1 "
			      "WHERE id = 1 RETURNING volgnr, hash", q, NP(q),
			      &r);
	}
	if (rc)
		goto out;
	if (r.nrows != 1) {
		db_res_release(&r);
		snprintf(s->db->fout, sizeof(s->db->fout), "audit_kop ontbreekt");
		rc = ST_ERR;
		goto out;
	}
	eerste = db_cel_int(&r, 0, 0) - (int64_t)n + 1;
	snprintf(rij[0].vorige, sizeof(rij[0].vorige), "%s", db_cel(&r, 0, 1));
	db_res_release(&r);
	for (i = 0; i < n; i++) {
		if (i)
			memcpy(rij[i].vorige, rij[i - 1].hash, 65);
		audit_teksten(rec[i].rollen, rec[i].klassen, rij[i].rol,
			      sizeof(rij[i].rol), rij[i].klasse,
			      sizeof(rij[i].klasse));
		audit_hash(rij[i].vorige, eerste + (int64_t)i, tijd,
			   rec[i].gebruiker, rec[i].wie, rij[i].rol,
			   rec[i].dossier, rec[i].actie, rij[i].klasse,
			   rij[i].hash);
	}
	for (i = 0; i < n; i += k) {
		size_t j;

		k = n - i >= AUDIT_BLOK ? AUDIT_BLOK : 1;
		for (j = 0; j < k; j++) {
			const struct store_audit_rec *a = &rec[i + j];
			const struct audit_rij *b = &rij[i + j];
			struct db_param *c = &p[j * AUDIT_KOLOMMEN];

			c[0] = db_int(eerste + (int64_t)(i + j));
			c[1] = db_int(tijd);
			c[2] = a->gebruiker ? db_int(a->gebruiker) : db_null();
			c[3] = db_text(a->wie);
			c[4] = db_text(b->rol);
			c[5] = a->dossier ? db_int(a->dossier) : db_null();
			c[6] = db_text(a->actie);
			c[7] = db_text(b->klasse);
			c[8] = db_text(b->vorige);
			c[9] = db_text(b->hash);
			c[10] = db_int(aantal ? aantal[i + j] : 1);
			c[11] = db_int(tijd);
		}
		rc = db_exec(s->db, audit_insert_sql(k), p, k * AUDIT_KOLOMMEN,
			     NULL);
		if (rc)
			goto out;
	}
	{
		struct db_param q[] = {db_text(rij[n - 1].hash)};

		rc = db_exec(s->db, "UPDATE audit_kop SET hash = $1 WHERE "
			     "id = 1", q, NP(q), NULL);
	}
out:
	free(rij);
	free(p);
	return rc;
}

int
store_audit(struct store *s, int64_t gebruiker, const char *wie,
	    uint32_t rollen, int64_t dossier, const char *actie,
	    uint32_t klassen)
{
	struct store_audit_rec r;
	int rc = ST_NOMEM;

	r.gebruiker = gebruiker;
	r.dossier = dossier;
	r.rollen = rollen;
	r.klassen = klassen;
	/* the record owns its strings (the audit queue's records do) */
	r.wie = strdup(wie);
	r.actie = strdup(actie);
	if (r.wie && r.actie)
		rc = audit_schrijf(s, &r, NULL, 1);
	free(r.wie);
	free(r.actie);
	return rc;
}

/* Would b fold into a, both reads (same user, case, roles, action and
 * classes)? */
static int
zelfde_lezing(const struct store_audit_rec *a, const struct store_audit_rec *b)
{
	return a->gebruiker == b->gebruiker && a->dossier == b->dossier &&
	       a->rollen == b->rollen && a->klassen == b->klassen &&
	       !strcmp(a->actie, b->actie) && !strcmp(a->wie, b->wie);
}

/*
 * Fold the read r into the last record of the same read (zelfde_lezing)
 * when that one was appended at most STORE_AUDIT_VOUW seconds before
 * tijd: its aantal and laatst go up, columns outside the hash, so the
 * chain stays as it was. *gevouwen says whether it did.
 */
static int
audit_vouw(struct store *s, const struct store_audit_rec *r, int64_t tijd,
	   int *gevouwen)
{
	char rol[160], klasse[48];
	int64_t n = 0;
	int rc;

	audit_teksten(r->rollen, r->klassen, rol, sizeof(rol), klasse,
		      sizeof(klasse));
	{
		struct db_param p[] = {
			db_int(tijd), db_int(r->dossier), db_int(r->gebruiker),
			db_int(tijd - STORE_AUDIT_VOUW), db_text(rol),
			db_text(r->actie), db_text(klasse), db_text(r->wie)};

		/* the index audit_vouw bounds the search to this user's
		 * records of this case inside the window */
		rc = db_exec(s->db, "UPDATE audit SET aantal = aantal + 1, "
			     "laatst = $1 WHERE volgnr = (SELECT volgnr FROM "
			     "audit WHERE dossier_id = $2 AND gebruiker_id = $3 "
			     "AND tijd >= $4 AND rol = $5 AND actie = $6 AND "
			     "klasse = $7 AND gebruiker = $8 ORDER BY volgnr "
			     "DESC LIMIT 1)", p, NP(p), &n);
	}
	if (!rc)
		*gevouwen = n > 0;
	return rc;
}

/*
 * n read records inside the caller's transaction: each read of a case by
 * a user folds into an earlier record of the same read in this batch or
 * (audit_vouw) in the log; the rest is appended to the chain. The head's
 * row lock is taken first, so every process folds and appends in the
 * same lock order (no deadlock between two servers on PostgreSQL).
 */
static int
audit_lees_schrijf(struct store *s, const struct store_audit_rec *r, size_t n)
{
	struct store_audit_rec *rest = NULL;
	int64_t *aantal = NULL, tijd = store_nu();
	size_t i, j, k = 0;
	int rc;

	rest = calloc(n ? n : 1, sizeof(*rest));
	aantal = calloc(n ? n : 1, sizeof(*aantal));
	if (!rest || !aantal) {
		rc = ST_NOMEM;
		goto out;
	}
	if ((rc = db_exec(s->db, "UPDATE audit_kop SET volgnr = volgnr WHERE "
			  "id = 1", NULL, 0, NULL)))
		goto out;
	for (i = 0; i < n; i++) {
		int gevouwen = 0;

		if (r[i].gebruiker && r[i].dossier) {
			for (j = 0; j < k; j++)
				if (zelfde_lezing(&rest[j], &r[i]))
					break;
			if (j < k) {
				aantal[j]++;
				continue;
			}
			if ((rc = audit_vouw(s, &r[i], tijd, &gevouwen)))
				goto out;
		}
		if (!gevouwen) {
			rest[k] = r[i];
			aantal[k++] = 1;
		}
	}
	rc = audit_schrijf(s, rest, aantal, k);
out:
	free(rest);
	free(aantal);
	return rc;
}

int
store_audit_lees(struct store *s, int64_t gebruiker, const char *wie,
		 uint32_t rollen, int64_t dossier, const char *actie,
		 uint32_t klassen)
{
	int pg = db_soort(s->db) == DB_PG, rc;

	if (!pg && (rc = db_script(s->db, "PRAGMA synchronous=NORMAL")))
		return rc;
	if ((rc = db_begin(s->db)))
		goto out;
	{
		struct store_audit_rec r;

		r.gebruiker = gebruiker;
		r.dossier = dossier;
		r.rollen = rollen;
		r.klassen = klassen;
		r.wie = strdup(wie);
		r.actie = strdup(actie);
		if (!r.wie || !r.actie)
			rc = ST_NOMEM;
		if (rc || (pg && (rc = db_script(s->db, "SET LOCAL "
						 "synchronous_commit = off"))) ||
		    (rc = audit_lees_schrijf(s, &r, 1)) ||
		    (rc = db_commit(s->db)))
			store_rollback(s);
		free(r.wie);
		free(r.actie);
	}
out:
	if (!pg) {
		int r2 = db_script(s->db, "PRAGMA synchronous=FULL");

		if (!rc)
			rc = r2;
	}
	return rc;
}

int
store_audit_reeks(struct store *s, const struct store_audit_rec *r, size_t n)
{
	int pg = db_soort(s->db) == DB_PG, rc;

	if (!pg && (rc = db_script(s->db, "PRAGMA synchronous=NORMAL")))
		return rc;
	if ((rc = db_begin(s->db)))
		goto out;
	if (pg && (rc = db_script(s->db, "SET LOCAL synchronous_commit = off")))
		goto terug;
	if ((rc = audit_lees_schrijf(s, r, n)))
		goto terug;
	if (!(rc = db_commit(s->db)))
		goto out;
terug:
	store_rollback(s);
out:
	if (!pg) {
		int r2 = db_script(s->db, "PRAGMA synchronous=FULL");

		if (!rc)
			rc = r2;
	}
	return rc;
}

int
store_audit_kop(struct store *s, int64_t *volgnr, char hash[65], int64_t *tijd)
{
	struct db_res r;
	int rc;

	rc = db_query(s->db, "SELECT k.volgnr, k.hash, (SELECT a.tijd FROM "
		      "audit a WHERE a.volgnr = k.volgnr) FROM audit_kop k "
		      "WHERE k.id = 1", NULL, 0, &r);
	if (rc)
		return rc;
	if (r.nrows != 1 || !db_cel(&r, 0, 1) ||
	    strlen(db_cel(&r, 0, 1)) != 64) {
		db_res_release(&r);
		snprintf(s->db->fout, sizeof(s->db->fout), "audit_kop ontbreekt");
		return ST_ERR;
	}
	*volgnr = db_cel_int(&r, 0, 0);
	memcpy(hash, db_cel(&r, 0, 1), 65);
	*tijd = db_cel(&r, 0, 2) ? db_cel_int(&r, 0, 2) : 0;
	db_res_release(&r);
	return ST_OK;
}

int
store_audit_hash(struct store *s, int64_t volgnr, char hash[65])
{
	struct db_param p[] = {db_int(volgnr)};
	struct db_res r;
	int rc;

	rc = db_query(s->db, "SELECT hash FROM audit WHERE volgnr = $1", p,
		      NP(p), &r);
	if (rc)
		return rc;
	if (r.nrows != 1 || !db_cel(&r, 0, 0)) {
		rc = ST_NIET_GEVONDEN;
	} else {
		snprintf(hash, 65, "%s", db_cel(&r, 0, 0));
		rc = ST_OK;
	}
	db_res_release(&r);
	return rc;
}

int
store_audit_verify(struct store *s, int64_t *n, int64_t *fout_volgnr)
{
	struct db_res r, k;
	char vorige[65], hash[65];
	size_t i;
	int rc;

	rc = db_query(s->db, "SELECT volgnr, tijd, gebruiker_id, gebruiker, "
		      "rol, dossier_id, actie, klasse, vorige, hash FROM audit "
		      "ORDER BY volgnr", NULL, 0, &r);
	if (rc)
		return rc;
	memset(vorige, '0', 64);
	vorige[64] = '\0';
	for (i = 0; i < r.nrows; i++) {
		int64_t volgnr = db_cel_int(&r, i, 0);
		const char *c[10];
		size_t j;

		for (j = 0; j < 10; j++)
			c[j] = db_cel(&r, i, j) ? db_cel(&r, i, j) : "";
		audit_hash(vorige, volgnr, db_cel_int(&r, i, 1),
			   db_cel_int(&r, i, 2), c[3], c[4], db_cel_int(&r, i, 5),
			   c[6], c[7], hash);
		/* numbers are gapless from 1, each record names its
		 * predecessor, and its own hash is right */
		if (volgnr != (int64_t)i + 1 || strcmp(c[8], vorige) != 0 ||
		    strcmp(c[9], hash) != 0) {
			*fout_volgnr = volgnr;
			db_res_release(&r);
			return ST_ONGELDIG;
		}
		memcpy(vorige, hash, sizeof(vorige));
	}
	/* the head must match the last record: cutting off the tail is
	 * tampering too */
	rc = db_query(s->db, "SELECT volgnr, hash FROM audit_kop WHERE id = 1",
		      NULL, 0, &k);
	if (rc) {
		db_res_release(&r);
		return rc;
	}
	if (k.nrows != 1 || db_cel_int(&k, 0, 0) != (int64_t)r.nrows ||
	    strcmp(db_cel(&k, 0, 1) ? db_cel(&k, 0, 1) : "", vorige) != 0) {
		*fout_volgnr = (int64_t)r.nrows + 1;
		rc = ST_ONGELDIG;
	} else {
		*n = (int64_t)r.nrows;
	}
	db_res_release(&k);
	db_res_release(&r);
	return rc;
}

int
store_toegang_log(struct store *s, int64_t dossier, int64_t van, int64_t tot,
		  size_t overslaan, size_t max, struct db_res *out)
{
	struct db_param p[] = {db_int(dossier), db_int(van),
			       db_int(tot > 0 ? tot : INT64_MAX),
			       db_int((int64_t)max), db_int((int64_t)overslaan)};

	return db_query(s->db, "SELECT tijd, gebruiker, rol, actie, klasse, "
			"aantal, laatst FROM audit WHERE dossier_id = $1 AND "
			"laatst >= $2 AND tijd < $3 ORDER BY volgnr DESC "
			"LIMIT $4 OFFSET $5", p, NP(p), out);
}
