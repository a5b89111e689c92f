/*
 * test_store.c - the dossier store (store.h) and the access table of
 * architecture §6 (toegang.h). Every store test runs against SQLite (a
 * fresh file in a fresh directory) and, when SPOOR_PG_URL is set,
 * against PostgreSQL (a fresh schema "ts", selected through the libpq
 * URI option options=-csearch_path=ts). `scripts/pg.sh run
 * build/tests/test_store` provides a throwaway server.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <pthread.h>
#include <unistd.h>
#include <cmocka.h>

#include "core/dossier.h"
#include "format/casefile.h"
#include "store/db.h"
#include "store/migrate.h"
#include "store/laad.h"
#include "store/store.h"
#include "store/toegang.h"
#include "testlib.h"

/* ---- a realistic case: 4 mutations, 9 entries of all three classes,
 * a correction within medisch and one within algemeen ---- */

#define N_GB 9
static const char DOSSIER_1[] =
	"{\"formaat\":\"spoor-dossier/1\",\"dossier_id\":\"D-2026-0042\","
	"\"werkgever\":{\"id\":\"WG-1\",\"naam\":\"Bakkerij de Korenschoof "
	"B.V.\",\"eigenrisicodrager_wga\":true},"
	"\"werknemer\":{\"id\":\"WN-7\",\"naam\":\"S. de Vries\","
	"\"geboortedatum\":\"1979-04-12\",\"bsn\":\"111222333\"},"
	"\"dienstverband\":{\"begindatum\":\"2015-03-01\",\"einddatum\":null,"
	"\"soort\":\"onbepaalde_tijd\",\"functie\":\"Broodbakker\","
	"\"uren_per_week\":38.5,\"maandloon_cent\":312500,"
	"\"loondoorbetaling\":[{\"tot_en_met_week\":52,\"procent\":100},"
	"{\"tot_en_met_week\":104,\"procent\":70}]},"
	"\"vangnet\":null,"
	"\"verzuim\":["
	"{\"datum\":\"2026-01-12\",\"soort\":\"ziek\",\"percentage\":100},"
	"{\"datum\":\"2026-03-02\",\"soort\":\"ziek\",\"percentage\":50},"
	"{\"datum\":\"2026-04-20\",\"soort\":\"hersteld\"},"
	"{\"datum\":\"2026-05-04\",\"soort\":\"ziek\",\"percentage\":100}],"
	"\"gebeurtenissen\":["
	/* 0 */ "{\"soort\":\"verzuimmelding_arbodienst\",\"datum\":"
	"\"2026-01-13\",\"id\":\"A1\"},"
	/* 1 */ "{\"soort\":\"contact\",\"datum\":\"2026-01-20\","
	"\"zichtbaarheid\":\"medisch\",\"id\":\"M1\",\"tekst\":\"diagnose: "
	"burn-out\",\"auteur\":\"dr. K. Arts\"},"
	/* 2 */ "{\"soort\":\"probleemanalyse\",\"datum\":\"2026-02-20\","
	"\"benutbare_mogelijkheden\":true,\"zichtbaarheid\":\"algemeen\"},"
	/* 3 */ "{\"soort\":\"belastbaarheid\",\"datum\":\"2026-02-21\","
	"\"zichtbaarheid\":\"medisch\",\"instrument\":\"fml\",\"items\":"
	"[{\"code\":\"IV.13\",\"niveau\":2,\"toelichting\":\"korte pauzes\"}]},"
	/* 4 */ "{\"soort\":\"plan_van_aanpak\",\"datum\":\"2026-03-02\","
	"\"casemanager\":\"M. Bakker\",\"id\":\"A2\"},"
	/* 5 */ "{\"soort\":\"contact\",\"datum\":\"2026-03-05\","
	"\"zichtbaarheid\":\"vertrouwelijk\",\"id\":\"V1\",\"tekst\":"
	"\"coachgesprek: conflict met leidinggevende\",\"auteur\":"
	"\"L. Coach\"},"
	/* 6 */ "{\"soort\":\"contact\",\"datum\":\"2026-03-10\","
	"\"zichtbaarheid\":\"medisch\",\"id\":\"M2\",\"corrigeert\":\"M1\","
	"\"tekst\":\"diagnose: burn-out, herstel verwacht\"},"
	/* 7 */ "{\"soort\":\"evaluatie\",\"datum\":\"2026-04-13\",\"tekst\":"
	"\"Gesprek met Zo\\u00eb over \\\"re-integratie\\\"\",\"id\":\"A3\"},"
	/* 8 */ "{\"soort\":\"plan_van_aanpak\",\"datum\":\"2026-03-03\","
	"\"casemanager\":\"M. Bakker\",\"id\":\"A4\",\"corrigeert\":\"A2\"}"
	"]}";

static const char MEDISCH_TEKST[] = "diagnose: burn-out";
static const char COACH_TEKST[] = "coachgesprek: conflict";

/* ---- fixtures ---- */

static int
setup_sqlite(void **state)
{
	return tl_setup_sqlite(state, "store", "s.db", TL_NU0);
}

static int
setup_pg(void **state)
{
	return tl_setup_pg(state, "ts", TL_NU0);
}

/* ---- helpers ---- */

/* src with the first occurrence of oud replaced by nieuw (malloc'd). */
static char *
vervang(const char *src, const char *oud, const char *nieuw)
{
	const char *p = strstr(src, oud);
	size_t a, b, c;
	char *out;

	if (!p)
		fail_msg("'%s' not in the document", oud);
	a = (size_t)(p - src);
	b = strlen(nieuw);
	c = strlen(p + strlen(oud));
	out = malloc(a + b + c + 1);
	assert_non_null(out);
	memcpy(out, src, a);
	memcpy(out + a, nieuw, b);
	memcpy(out + a + b, p + strlen(oud), c + 1);
	return out;
}

/* vervang() that frees its input. */
static char *
vervang_v(char *src, const char *oud, const char *nieuw)
{
	char *r = vervang(src, oud, nieuw);

	free(src);
	return r;
}

/* DOSSIER_1 as case dossier_id of werkgever wg and werknemer wn. */
static char *
variant(const char *dossier_id, const char *wg, const char *wn)
{
	char *d = vervang(DOSSIER_1, "\"D-2026-0042\"", dossier_id);

	d = vervang_v(d, "\"WG-1\"", wg);
	/* a BSN is one person's: another employee of the employer may not
	 * have it (issue 12) */
	if (strcmp(wn, "\"WN-7\""))
		d = vervang_v(d, ",\"bsn\":\"111222333\"", "");
	return vervang_v(d, "\"WN-7\"", wn);
}

static int64_t
importeer(struct store *s, const char *json)
{
	return tl_importeer(s, json, strlen(json));
}

static struct db_res
query(struct db *db, const char *sql, const struct db_param *p, size_t np)
{
	struct db_res r;
	int rc = db_query(db, sql, p, np, &r);

	if (rc)
		fail_msg("%s: rc %d: %s", sql, rc, db_errmsg(db));
	return r;
}

static void
exec(struct db *db, const char *sql, const struct db_param *p, size_t np,
     int64_t want_changed)
{
	int64_t n = -99;
	int rc = db_exec(db, sql, p, np, &n);

	if (rc)
		fail_msg("%s: rc %d: %s", sql, rc, db_errmsg(db));
	assert_int_equal(n, want_changed);
}

static int64_t
telling(struct db *db, const char *tabel)
{
	char sql[128];

	snprintf(sql, sizeof(sql), "SELECT count(*) FROM %s", tabel);
	return tl_getal(db, sql);
}

/* The row counts of every case table, for "nothing was written". */
struct tellingen {
	int64_t n[9];
};

static const char *const TABELLEN[9] = {
	"werkgever", "werknemer", "dienstverband", "dossier", "verzuim",
	"gebeurtenis", "audit", "toekenning", "gebruiker",
};

static struct tellingen
tel(struct store *s)
{
	struct tellingen t;
	size_t i;

	for (i = 0; i < 9; i++)
		t.n[i] = telling(s->db, TABELLEN[i]);
	return t;
}

static void
assert_tellingen(const struct tellingen *a, const struct tellingen *b)
{
	size_t i;

	for (i = 0; i < 9; i++)
		if (a->n[i] != b->n[i])
			fail_msg("table %s: %lld rows, expected %lld",
				 TABELLEN[i], (long long)b->n[i],
				 (long long)a->n[i]);
}

static char *
schrijf(const struct dossier *d)
{
	char *txt = NULL;
	size_t len = 0;

	assert_int_equal(casefile_schrijf(d, &txt, &len), CF_OK);
	assert_int_equal(strlen(txt), len);
	return txt;
}

static void
laad(struct store *s, int64_t id, struct dossier *d)
{
	int rc;

	dossier_init(d);
	rc = store_dossier_laad(s, id, d);
	if (rc)
		fail_msg("store_dossier_laad rc %d: %s", rc, store_errmsg(s));
}

/* The stored case as canonical text, plus its version and the number of
 * audit records: everything a refused write must leave alone. */
static char *
momentopname(struct store *s, int64_t id)
{
	struct dossier d;
	char *txt, *out, sql[128];
	size_t n;
	int64_t versie;

	laad(s, id, &d);
	txt = schrijf(&d);
	dossier_release(&d);
	snprintf(sql, sizeof(sql), "SELECT versie FROM dossier WHERE id = %lld",
		 (long long)id);
	versie = tl_getal(s->db, sql);
	n = strlen(txt) + 64;
	out = malloc(n);
	assert_non_null(out);
	snprintf(out, n, "%s|versie=%lld|audit=%lld", txt, (long long)versie,
		 (long long)telling(s->db, "audit"));
	free(txt);
	return out;
}

static void
assert_ongewijzigd(struct store *s, int64_t id, const char *voor)
{
	char *na = momentopname(s, id);

	assert_string_equal(na, voor);
	free(na);
}

static int
voeg_toe(struct store *s, int64_t id, const char *json, uint32_t rollen,
	 int64_t auteur, const char *naam, char **nieuw, struct casefile_fout *f)
{
	memset(f, 0, sizeof(*f));
	return store_gebeurtenis_toevoegen(s, id, json, strlen(json), rollen,
					   auteur, naam, nieuw, f);
}

static int
verzuim_toe(struct store *s, int64_t id, const char *json, uint32_t rollen,
	    struct casefile_fout *f)
{
	memset(f, 0, sizeof(*f));
	return store_verzuim_toevoegen(s, id, json, strlen(json), rollen, 0,
				       "tester", f);
}

static int
str_is(const struct str *s, const char *want)
{
	return s->s && s->len == strlen(want) && !memcmp(s->s, want, s->len);
}

#define assert_str(sv, want)                                               \
	do {                                                               \
		if (!str_is(&(sv), (want)))                                \
			fail_msg("%s is '%s', expected '%s'", #sv,         \
				 (sv).s ? (sv).s : "(null)", (want));      \
	} while (0)

/* ---- store_open and migrations ---- */

static void
t_open(void **state)
{
	struct tl_fix *f = tl_fx(state);
	static struct store dummy; /* *out must stay untouched on failure */
	struct store *s = &dummy, *orig = &dummy;
	char err[256] = "";
	int v = -1;

	/* an empty database without migreer: refused, pointing at init */
	assert_int_equal(store_open(f->url, 0, &s, err, sizeof(err)), ST_ERR);
	assert_ptr_equal(s, orig);
	if (!strstr(err, "spoor init"))
		fail_msg("error does not mention 'spoor init': %s", err);
	assert_null(strchr(err, '\n'));

	/* spoor init */
	s = NULL;
	if (store_open(f->url, 1, &s, err, sizeof(err)))
		fail_msg("store_open migreer: %s", err);
	assert_int_equal(migrate_versie(s->db, &v), DB_OK);
	assert_int_equal(v, migrate_laatste());
	assert_true(migrate_laatste() >= 1);
	assert_int_equal(tl_getal(s->db, "SELECT max(versie) FROM schema_versie"),
			 migrate_laatste());
	assert_int_equal(telling(s->db, "schema_versie"), migrate_laatste());
	/* the chain head exists and is empty */
	assert_int_equal(tl_getal(s->db, "SELECT volgnr FROM audit_kop"), 0);
	if (f->pg) {
		/* isolation: the URI option really selected schema ts */
		struct db_res r = query(s->db, "SELECT current_schema()", NULL,
					0);

		assert_string_equal(db_cel(&r, 0, 0), "ts");
		db_res_release(&r);
		assert_int_equal(tl_getal(s->db, "SELECT count(*) FROM "
				       "information_schema.tables WHERE "
				       "table_schema = 'ts' AND table_name = "
				       "'gebruiker'"),
				 1);
	}
	tl_gebruiker(s, "jan");
	store_free(s);

	/* again without migreer: accepted, data still there */
	s = NULL;
	if (store_open(f->url, 0, &s, err, sizeof(err)))
		fail_msg("store_open without migreer: %s", err);
	assert_int_equal(telling(s->db, "gebruiker"), 1);
	store_free(s);

	/* migreer on a current database changes nothing */
	s = NULL;
	if (store_open(f->url, 1, &s, err, sizeof(err)))
		fail_msg("store_open migreer again: %s", err);
	assert_int_equal(telling(s->db, "schema_versie"), migrate_laatste());
	assert_int_equal(telling(s->db, "gebruiker"), 1);

	/* a database of a newer spoor is refused, with or without migreer */
	{
		struct db_param p = db_int(migrate_laatste() + 1);

		exec(s->db, "INSERT INTO schema_versie (versie) VALUES ($1)", &p,
		     1, 1);
	}
	store_free(s);
	s = orig;
	err[0] = '\0';
	assert_int_equal(store_open(f->url, 1, &s, err, sizeof(err)), ST_ERR);
	assert_ptr_equal(s, orig);
	if (!strstr(err, "nieuwere spoor"))
		fail_msg("newer schema: unexpected message: %s", err);
	err[0] = '\0';
	assert_int_equal(store_open(f->url, 0, &s, err, sizeof(err)), ST_ERR);
	assert_ptr_equal(s, orig);
	assert_true(strlen(err) > 0);
}

/* ---- import ---- */

static void
t_import_rondgang(void **state)
{
	struct store *s = tl_store(state);
	struct dossier in, uit;
	struct casefile_fout f;
	char *a, *b;
	int64_t id, gevonden = 0;

	dossier_init(&in);
	assert_int_equal(casefile_lees(DOSSIER_1, strlen(DOSSIER_1), &in, &f),
			 CF_OK);
	id = importeer(s, DOSSIER_1);
	assert_int_equal(store_dossier_zoek(s, "D-2026-0042", &gevonden), ST_OK);
	assert_int_equal(gevonden, id);
	gevonden = -7;
	assert_int_equal(store_dossier_zoek(s, "D-2026-0043", &gevonden),
			 ST_NIET_GEVONDEN);
	assert_int_equal(gevonden, -7);

	laad(s, id, &uit);
	assert_true(dossier_equal(&in, &uit));
	a = schrijf(&in);
	b = schrijf(&uit);
	assert_string_equal(a, b);
	/* spot checks that the comparison covers what matters */
	assert_str(uit.bsn, "111222333");
	assert_str(uit.werkgever_naam, "Bakkerij de Korenschoof B.V.");
	assert_int_equal(uit.eigenrisicodrager_wga, 1);
	assert_int_equal(uit.uren_honderdsten, 3850);
	assert_int_equal(uit.maandloon_cent, 312500);
	assert_int_equal(uit.nldb, 2);
	assert_int_equal(uit.ldb[1].procent, 70);
	assert_int_equal(uit.nverzuim, 4);
	assert_int_equal(uit.verzuim[1].percentage, 50);
	assert_int_equal(uit.verzuim[2].soort, VZ_HERSTELD);
	assert_int_equal(uit.ngb, N_GB);
	assert_int_equal(uit.gb[1].zichtbaarheid, ZB_MEDISCH);
	assert_int_equal(uit.gb[1].gecorrigeerd, 1);
	assert_int_equal(uit.gb[4].gecorrigeerd, 1);
	assert_int_equal(uit.gb[5].zichtbaarheid, ZB_VERTROUWELIJK);
	assert_str(uit.gb[1].tekst, MEDISCH_TEKST);
	assert_str(uit.gb[1].auteur, "dr. K. Arts");
	assert_str(uit.gb[7].tekst, "Gesprek met Zo\xc3\xab over "
				    "\"re-integratie\"");
	assert_int_equal(uit.gb[3].nitems, 1);
	assert_str(uit.gb[3].items[0].code, "IV.13");
	/* rows: one per mutation and entry, one audit record */
	assert_int_equal(telling(s->db, "verzuim"), 4);
	assert_int_equal(telling(s->db, "gebeurtenis"), N_GB);
	assert_int_equal(telling(s->db, "audit"), 1);
	free(a);
	free(b);
	dossier_release(&in);
	dossier_release(&uit);

	/* a case that does not exist */
	dossier_init(&uit);
	assert_int_equal(store_dossier_laad(s, id + 1000, &uit),
			 ST_NIET_GEVONDEN);
	assert_int_equal(uit.ngb, 0);
	assert_null(uit.dossier_id.s);
}

/* A document without optional parts (no bsn, no loondoorbetaling, an
 * end date, vangnet, no entries) survives the round trip too. */
static void
t_import_minimaal(void **state)
{
	static const char doc[] =
		"{\"formaat\":\"spoor-dossier/1\",\"dossier_id\":\"D-min\","
		"\"werkgever\":{\"id\":\"WG-9\",\"naam\":\"X\","
		"\"eigenrisicodrager_wga\":false},\"werknemer\":{\"id\":\"WN-1\","
		"\"naam\":\"Y\"},\"dienstverband\":{\"begindatum\":\"2020-01-01\","
		"\"einddatum\":\"2027-12-31\",\"soort\":\"bepaalde_tijd\"},"
		"\"vangnet\":\"no_risk\",\"verzuim\":[{\"datum\":\"2026-01-05\","
		"\"soort\":\"ziek\",\"percentage\":100}],\"gebeurtenissen\":[]}";
	struct store *s = tl_store(state);
	struct dossier in, uit;
	struct casefile_fout f;
	char *a, *b;
	int64_t id;

	dossier_init(&in);
	assert_int_equal(casefile_lees(doc, strlen(doc), &in, &f), CF_OK);
	id = importeer(s, doc);
	laad(s, id, &uit);
	assert_true(dossier_equal(&in, &uit));
	a = schrijf(&in);
	b = schrijf(&uit);
	assert_string_equal(a, b);
	assert_null(uit.bsn.s);
	assert_int_equal(uit.vangnet, VN_NO_RISK);
	assert_int_equal(uit.ngb, 0);
	free(a);
	free(b);
	dossier_release(&in);
	dossier_release(&uit);
}

static void
t_import_dubbel(void **state)
{
	struct store *s = tl_store(state);
	struct tellingen voor;
	struct casefile_fout f;
	char *tweede;
	int64_t id, id2 = -7;
	struct db_res r;

	id = importeer(s, DOSSIER_1);
	voor = tel(s);
	/* same dossier_id, other employer name and other werknemer data:
	 * the upserts of werkgever/werknemer must roll back as well */
	tweede = vervang(DOSSIER_1, "Bakkerij de Korenschoof B.V.",
			 "Ander Bedrijf");
	tweede = vervang_v(tweede, "S. de Vries", "Iemand Anders");
	memset(&f, 0, sizeof(f));
	assert_int_equal(store_import(s, tweede, strlen(tweede), 0, "import",
				      &id2, &f),
			 ST_CONFLICT);
	assert_int_equal(id2, -7);
	assert_string_equal(f.pad, "$.dossier_id");
	if (!strstr(f.reden, "D-2026-0042"))
		fail_msg("reason does not name the id: %s", f.reden);
	{
		struct tellingen na = tel(s);

		assert_tellingen(&voor, &na);
	}
	r = query(s->db, "SELECT w.naam, n.naam FROM werkgever w, werknemer n",
		  NULL, 0);
	assert_int_equal(r.nrows, 1);
	assert_string_equal(db_cel(&r, 0, 0), "Bakkerij de Korenschoof B.V.");
	assert_string_equal(db_cel(&r, 0, 1), "S. de Vries");
	db_res_release(&r);
	free(tweede);
	/* the store still works afterwards (no transaction left open) */
	{
		char *d2 = variant("\"D-2\"", "\"WG-1\"", "\"WN-8\"");
		int64_t id3 = importeer(s, d2);
		int64_t n = 0, fv = 0;

		assert_true(id3 != id);
		assert_int_equal(store_audit_verify(s, &n, &fv), ST_OK);
		assert_int_equal(n, 2);
		free(d2);
	}
}

static void
import_fout(struct store *s, const char *doc, int want_rc, const char *pad)
{
	struct tellingen voor = tel(s), na;
	struct casefile_fout f;
	int64_t id = -7;
	int rc;

	memset(&f, 0, sizeof(f));
	rc = store_import(s, doc, strlen(doc), 0, "import", &id, &f);
	if (rc != want_rc)
		fail_msg("store_import rc %d (expected %d): %s: %s", rc,
			 want_rc, f.pad, f.reden);
	assert_string_equal(f.pad, pad);
	assert_true(strlen(f.reden) > 0);
	assert_int_equal(id, -7);
	na = tel(s);
	assert_tellingen(&voor, &na);
}

static void
t_import_ongeldig(void **state)
{
	struct store *s = tl_store(state);
	char *d;
	int64_t x = -7;

	/* an impossible date */
	d = vervang(DOSSIER_1, "\"2026-03-02\",\"soort\":\"ziek\"",
		    "\"2026-02-30\",\"soort\":\"ziek\"");
	import_fout(s, d, ST_ONGELDIG, "$.verzuim[1].datum");
	free(d);
	/* a BSN that fails the eleven-test */
	d = vervang(DOSSIER_1, "111222333", "111222334");
	import_fout(s, d, ST_ONGELDIG, "$.werknemer.bsn");
	free(d);
	/* an unknown key in an entry */
	d = vervang(DOSSIER_1, "\"id\":\"A3\"", "\"id\":\"A3\",\"kleur\":1");
	import_fout(s, d, ST_ONGELDIG, "$.gebeurtenissen[7].kleur");
	free(d);
	/* a correction of a medical entry filed as algemeen */
	d = vervang(DOSSIER_1, "\"zichtbaarheid\":\"medisch\",\"id\":\"M2\"",
		    "\"zichtbaarheid\":\"algemeen\",\"id\":\"M2\"");
	import_fout(s, d, ST_ONGELDIG, "$.gebeurtenissen[6].zichtbaarheid");
	free(d);
	/* ... or without zichtbaarheid (so: algemeen) */
	d = vervang(DOSSIER_1, "\"zichtbaarheid\":\"medisch\",\"id\":\"M2\",",
		    "\"id\":\"M2\",");
	import_fout(s, d, ST_ONGELDIG, "$.gebeurtenissen[6].zichtbaarheid");
	free(d);
	/* an algemeen correction that corrects a vertrouwelijk entry */
	d = vervang(DOSSIER_1, "\"id\":\"A4\",\"corrigeert\":\"A2\"",
		    "\"id\":\"A4\",\"corrigeert\":\"V1\"");
	import_fout(s, d, ST_ONGELDIG, "$.gebeurtenissen[8].zichtbaarheid");
	free(d);
	/* a correction of an unknown id */
	d = vervang(DOSSIER_1, "\"corrigeert\":\"A2\"", "\"corrigeert\":\"A9\"");
	import_fout(s, d, ST_ONGELDIG, "$.gebeurtenissen[8].corrigeert");
	free(d);
	/* not JSON at all */
	import_fout(s, "{\"formaat\":", ST_ONGELDIG, "");
	assert_int_equal(telling(s->db, "dossier"), 0);
	assert_int_equal(store_dossier_zoek(s, "D-2026-0042", &x),
			 ST_NIET_GEVONDEN);
	assert_int_equal(x, -7);
	/* the good document still goes in afterwards */
	importeer(s, DOSSIER_1);
	assert_int_equal(telling(s->db, "dossier"), 1);
}

/* ---- users ---- */

static void
t_gebruikers(void **state)
{
	struct store *s = tl_store(state);
	int64_t jan, piet, id = -7;
	char *hash = NULL, *naam = NULL, *wn = NULL;
	struct db_res r;

	jan = tl_gebruiker(s, "jan");
	piet = tl_gebruiker(s, "piet");
	assert_true(piet != jan);
	assert_int_equal(store_gebruiker_nieuw(s, "jan", "Jan 2", "h", &id),
			 ST_CONFLICT);
	assert_int_equal(id, -7);
	assert_int_equal(telling(s->db, "gebruiker"), 2);

	assert_int_equal(store_gebruiker_login(s, "jan", &id, &hash), ST_OK);
	assert_int_equal(id, jan);
	assert_string_equal(hash, "$argon2id$v=19$jan");
	free(hash);
	hash = NULL;
	id = -7;
	assert_int_equal(store_gebruiker_login(s, "onbekend", &id, &hash),
			 ST_NIET_GEVONDEN);
	assert_int_equal(id, -7);
	assert_null(hash);
	/* names are exact: no case folding, no prefix match */
	assert_int_equal(store_gebruiker_login(s, "Jan", &id, &hash),
			 ST_NIET_GEVONDEN);
	assert_int_equal(store_gebruiker_login(s, "ja", &id, &hash),
			 ST_NIET_GEVONDEN);

	assert_int_equal(store_gebruiker_info(s, piet, &naam, &wn), ST_OK);
	assert_string_equal(naam, "piet");
	assert_string_equal(wn, "piet");
	free(naam);
	free(wn);
	naam = wn = NULL;
	assert_int_equal(store_gebruiker_info(s, piet + jan + 100, &naam, &wn),
			 ST_NIET_GEVONDEN);
	assert_null(naam);

	/* a new password */
	assert_int_equal(store_gebruiker_wachtwoord(s, jan, "nieuw"), ST_OK);
	assert_int_equal(store_gebruiker_login(s, "jan", &id, &hash), ST_OK);
	assert_string_equal(hash, "nieuw");
	free(hash);
	hash = NULL;
	assert_int_equal(store_gebruiker_login(s, "piet", &id, &hash), ST_OK);
	assert_string_equal(hash, "$argon2id$v=19$piet");
	free(hash);
	hash = NULL;
	assert_int_equal(store_gebruiker_wachtwoord(s, piet + jan + 100, "x"),
			 ST_NIET_GEVONDEN);

	/* a deactivated user cannot log in */
	{
		struct db_param p = db_int(piet);

		exec(s->db, "UPDATE gebruiker SET actief = 0 WHERE id = $1", &p,
		     1, 1);
	}
	assert_int_equal(store_gebruiker_login(s, "piet", &id, &hash),
			 ST_NIET_GEVONDEN);

	/* the list: one row per user (no grants), ordered by name */
	assert_int_equal(store_gebruikers(s, &r), ST_OK);
	assert_int_equal(r.nrows, 2);
	assert_int_equal(r.ncols, 7);
	assert_string_equal(db_cel(&r, 0, 0), "jan");
	assert_string_equal(db_cel(&r, 0, 2), "1");
	assert_null(db_cel(&r, 0, 3));
	assert_string_equal(db_cel(&r, 1, 0), "piet");
	assert_string_equal(db_cel(&r, 1, 2), "0");
	db_res_release(&r);
}

/* ---- grants and roles ---- */

static void
t_toekenningen(void **state)
{
	struct store *s = tl_store(state);
	char *d2 = variant("\"D-2\"", "\"WG-1\"", "\"WN-8\"");
	char *d3 = variant("\"D-3\"", "\"WG-2\"", "\"WN-9\"");
	char *d4 = variant("\"D-4\"", "\"WG-1\"", "\"WN-10\"");
	int64_t D1, D2, D3, D4, wg, coach, multi, arts, beheer, niemand;
	int64_t *ids = NULL;
	uint32_t *rol = NULL, m = 0xdead;
	size_t n = 99;
	struct tellingen voor;
	struct db_res r;

	D1 = importeer(s, DOSSIER_1);
	D2 = importeer(s, d2);
	D3 = importeer(s, d3);
	wg = tl_gebruiker(s, "werkgever1");
	coach = tl_gebruiker(s, "coach");
	multi = tl_gebruiker(s, "multi");
	arts = tl_gebruiker(s, "arts");
	beheer = tl_gebruiker(s, "beheer");
	niemand = tl_gebruiker(s, "niemand");

	tl_toeken(s, wg, ROL_WERKGEVER, "WG-1", NULL);
	tl_toeken(s, wg, ROL_LEIDINGGEVENDE, NULL, "D-2026-0042");
	tl_toeken(s, coach, ROL_LOOPBAANCOACH, NULL, "D-2");
	tl_toeken(s, multi, ROL_CASEMANAGER, "WG-2", NULL);
	tl_toeken(s, multi, ROL_ADVISEUR, NULL, "D-2026-0042");
	tl_toeken(s, multi, ROL_WERKNEMER, NULL, "D-2026-0042");
	tl_toeken(s, arts, ROL_BEDRIJFSARTS, "WG-1", NULL);
	tl_toeken(s, arts, ROL_BEDRIJFSARTS, "WG-2", NULL);
	tl_toeken(s, beheer, ROL_BEHEERDER, NULL, NULL);

	/* unknown scope: refused, nothing stored */
	voor = tel(s);
	assert_int_equal(store_toekenning(s, wg, ROL_WERKGEVER, "WG-X", NULL),
			 ST_NIET_GEVONDEN);
	assert_int_equal(store_toekenning(s, wg, ROL_ADVISEUR, NULL, "D-X"),
			 ST_NIET_GEVONDEN);
	{
		struct tellingen na = tel(s);

		assert_tellingen(&voor, &na);
	}

	/* an organisation-wide grant reaches a case imported later */
	D4 = importeer(s, d4);

#define ROLLEN(g, d, want)                                                 \
	do {                                                               \
		m = 0xdead;                                                \
		assert_int_equal(store_rollen(s, (g), (d), &m), ST_OK);    \
		assert_int_equal(m, (want));                               \
	} while (0)
	ROLLEN(wg, D1, ROL_BIT(ROL_WERKGEVER) | ROL_BIT(ROL_LEIDINGGEVENDE));
	ROLLEN(wg, D2, ROL_BIT(ROL_WERKGEVER));
	ROLLEN(wg, D3, 0);
	ROLLEN(wg, D4, ROL_BIT(ROL_WERKGEVER));
	ROLLEN(coach, D1, 0);
	ROLLEN(coach, D2, ROL_BIT(ROL_LOOPBAANCOACH));
	ROLLEN(coach, D3, 0);
	ROLLEN(coach, D4, 0);
	ROLLEN(multi, D1, ROL_BIT(ROL_ADVISEUR) | ROL_BIT(ROL_WERKNEMER));
	ROLLEN(multi, D2, 0);
	ROLLEN(multi, D3, ROL_BIT(ROL_CASEMANAGER));
	ROLLEN(arts, D1, ROL_BIT(ROL_BEDRIJFSARTS));
	ROLLEN(arts, D3, ROL_BIT(ROL_BEDRIJFSARTS));
	ROLLEN(beheer, D1, 0);
	ROLLEN(beheer, D3, 0);
	ROLLEN(niemand, D1, 0);
	ROLLEN(wg, D4 + 1000, 0);
#undef ROLLEN

	m = 0xdead;
	assert_int_equal(store_werkgever_rollen(s, wg, "WG-1", &m), ST_OK);
	assert_int_equal(m, ROL_BIT(ROL_WERKGEVER));
	assert_int_equal(store_werkgever_rollen(s, wg, "WG-2", &m), ST_OK);
	assert_int_equal(m, 0);
	assert_int_equal(store_werkgever_rollen(s, multi, "WG-2", &m), ST_OK);
	assert_int_equal(m, ROL_BIT(ROL_CASEMANAGER));
	assert_int_equal(store_alle_rollen(s, wg, &m), ST_OK);
	assert_int_equal(m, ROL_BIT(ROL_WERKGEVER) | ROL_BIT(ROL_LEIDINGGEVENDE));
	assert_int_equal(store_alle_rollen(s, multi, &m), ST_OK);
	assert_int_equal(m, ROL_BIT(ROL_CASEMANAGER) | ROL_BIT(ROL_ADVISEUR) |
				    ROL_BIT(ROL_WERKNEMER));
	assert_int_equal(store_alle_rollen(s, beheer, &m), ST_OK);
	assert_int_equal(m, ROL_BIT(ROL_BEHEERDER));
	assert_int_equal(store_alle_rollen(s, niemand, &m), ST_OK);
	assert_int_equal(m, 0);

	/* the case lists, ordered by id, roles folded per case */
	assert_int_equal(store_dossiers(s, wg, &ids, &rol, &n), ST_OK);
	assert_int_equal(n, 3);
	assert_int_equal(ids[0], D1);
	assert_int_equal(ids[1], D2);
	assert_int_equal(ids[2], D4);
	assert_int_equal(rol[0], ROL_BIT(ROL_WERKGEVER) |
					 ROL_BIT(ROL_LEIDINGGEVENDE));
	assert_int_equal(rol[1], ROL_BIT(ROL_WERKGEVER));
	assert_int_equal(rol[2], ROL_BIT(ROL_WERKGEVER));
	free(ids);
	free(rol);
	assert_int_equal(store_dossiers(s, coach, &ids, &rol, &n), ST_OK);
	assert_int_equal(n, 1);
	assert_int_equal(ids[0], D2);
	assert_int_equal(rol[0], ROL_BIT(ROL_LOOPBAANCOACH));
	free(ids);
	free(rol);
	assert_int_equal(store_dossiers(s, multi, &ids, &rol, &n), ST_OK);
	assert_int_equal(n, 2);
	assert_int_equal(ids[0], D1);
	assert_int_equal(ids[1], D3);
	assert_int_equal(rol[0], ROL_BIT(ROL_ADVISEUR) | ROL_BIT(ROL_WERKNEMER));
	assert_int_equal(rol[1], ROL_BIT(ROL_CASEMANAGER));
	free(ids);
	free(rol);
	/* rollen may be NULL */
	ids = NULL;
	assert_int_equal(store_dossiers(s, arts, &ids, NULL, &n), ST_OK);
	assert_int_equal(n, 4);
	assert_int_equal(ids[0], D1);
	assert_int_equal(ids[1], D2);
	assert_int_equal(ids[2], D3);
	assert_int_equal(ids[3], D4);
	free(ids);
	/* beheerder reads no case */
	n = 99;
	ids = NULL;
	rol = NULL;
	assert_int_equal(store_dossiers(s, beheer, &ids, &rol, &n), ST_OK);
	assert_int_equal(n, 0);
	free(ids);
	free(rol);
	n = 99;
	ids = NULL;
	rol = NULL;
	assert_int_equal(store_dossiers(s, niemand, &ids, &rol, &n), ST_OK);
	assert_int_equal(n, 0);
	free(ids);
	free(rol);

	/* store_gebruikers: one row per grant, scopes by extern id */
	assert_int_equal(store_gebruikers(s, &r), ST_OK);
	{
		size_t i, gezien = 0;

		for (i = 0; i < r.nrows; i++) {
			const char *g = db_cel(&r, i, 0), *rl = db_cel(&r, i, 3);

			if (!strcmp(g, "werkgever1") && rl &&
			    !strcmp(rl, "werkgever")) {
				assert_string_equal(db_cel(&r, i, 4), "WG-1");
				assert_null(db_cel(&r, i, 5));
				gezien |= 1;
			}
			if (!strcmp(g, "coach")) {
				assert_string_equal(rl, "loopbaancoach");
				assert_null(db_cel(&r, i, 4));
				assert_string_equal(db_cel(&r, i, 5), "D-2");
				gezien |= 2;
			}
			if (!strcmp(g, "beheer")) {
				assert_string_equal(rl, "beheerder");
				assert_null(db_cel(&r, i, 4));
				assert_null(db_cel(&r, i, 5));
				gezien |= 4;
			}
			if (i > 0 && strcmp(db_cel(&r, i - 1, 0), g) > 0)
				fail_msg("store_gebruikers not ordered by name");
		}
		assert_int_equal(gezien, 7);
		/* 9 grants + niemand without one */
		assert_int_equal(r.nrows, 10);
	}
	db_res_release(&r);
	free(d2);
	free(d3);
	free(d4);
}

/* ---- issue 12: grant scopes and tenant isolation ---- */

/* A case of employer WG-2, so that grants for it can be made. */
static const char WG2_LEEG[] =
	"{\"formaat\":\"spoor-dossier/1\",\"dossier_id\":\"D-0\","
	"\"werkgever\":{\"id\":\"WG-2\",\"naam\":\"B\"},\"werknemer\":"
	"{\"id\":\"WN-0\",\"naam\":\"N\"},\"dienstverband\":{"
	"\"begindatum\":\"2015-03-01\",\"soort\":\"onbepaalde_tijd\"},"
	"\"vangnet\":null,\"verzuim\":[],\"gebeurtenissen\":[]}";

/* Grant scopes of architecture §6 when a grant is made: the per-case
 * roles never organisation-wide, beheerder never with a scope, and a
 * beheerder never also a party of cases (neither order). Nothing is
 * stored by a refusal. */
static void
t_bereik_toekenning(void **state)
{
	static const enum rol per_zaak[] = {ROL_ARBEIDSDESKUNDIGE,
					    ROL_LOOPBAANCOACH, ROL_WERKNEMER,
					    ROL_ADVISEUR};
	struct store *s = tl_store(state);
	struct tellingen voor, na;
	int64_t u, b, arts;
	size_t i;

	importeer(s, DOSSIER_1);
	u = tl_gebruiker(s, "u");
	b = tl_gebruiker(s, "b");
	arts = tl_gebruiker(s, "arts");
	voor = tel(s);
	for (i = 0; i < sizeof(per_zaak) / sizeof(per_zaak[0]); i++) {
		assert_false(toegang_bereik(per_zaak[i], BEREIK_WERKGEVER));
		assert_int_equal(store_toekenning(s, u, per_zaak[i], "WG-1",
						  NULL),
				 ST_ONGELDIG);
		assert_int_equal(store_toekenning(s, u, per_zaak[i], NULL, NULL),
				 ST_ONGELDIG);
	}
	assert_int_equal(store_toekenning(s, u, ROL_BEHEERDER, "WG-1", NULL),
			 ST_ONGELDIG);
	assert_int_equal(store_toekenning(s, u, ROL_BEHEERDER, NULL,
					  "D-2026-0042"),
			 ST_ONGELDIG);
	assert_int_equal(store_toekenning(s, u, ROL_BEDRIJFSARTS, NULL, NULL),
			 ST_ONGELDIG);
	na = tel(s);
	assert_tellingen(&voor, &na);

	/* a beheerder grants himself bedrijfsarts: refused */
	tl_toeken(s, b, ROL_BEHEERDER, NULL, NULL);
	voor = tel(s);
	assert_int_equal(store_toekenning(s, b, ROL_BEDRIJFSARTS, "WG-1", NULL),
			 ST_VERBODEN);
	assert_int_equal(store_toekenning(s, b, ROL_WERKNEMER, NULL,
					  "D-2026-0042"),
			 ST_VERBODEN);
	tl_toeken(s, arts, ROL_BEDRIJFSARTS, "WG-1", NULL);
	voor = tel(s);
	assert_int_equal(store_toekenning(s, arts, ROL_BEHEERDER, NULL, NULL),
			 ST_VERBODEN);
	na = tel(s);
	assert_tellingen(&voor, &na);

	/* what §6 allows */
	tl_toeken(s, u, ROL_LOOPBAANCOACH, NULL, "D-2026-0042");
	tl_toeken(s, u, ROL_WERKNEMER, NULL, "D-2026-0042");
	tl_toeken(s, u, ROL_LEIDINGGEVENDE, "WG-1", NULL);
	tl_toeken(s, u, ROL_CASEMANAGER, NULL, "D-2026-0042");
}

/* A stored grant that §6 does not allow (an older version, a hand-made
 * row) grants nothing when used: an organisation-wide werknemer,
 * adviseur, loopbaancoach or arbeidsdeskundige reads no case, and a
 * beheerder's case roles count nowhere. Every lookup of roles and every
 * case list gives the same answer as toegang_bereik(), so the SQL of
 * the lists and toegang.c cannot drift apart. */
static void
t_bereik_gebruik(void **state)
{
	struct store *s = tl_store(state);
	int64_t D1 = importeer(s, DOSSIER_1), u[ROL__COUNT], beh, id, versie;
	char naam[32];
	uint32_t m;
	int64_t *ids = NULL;
	size_t n;
	struct db_res r;
	int k;

	for (k = 1; k < ROL__COUNT; k++) {
		struct db_param p[2];

		snprintf(naam, sizeof(naam), "org-%s", rol_naam[k]);
		u[k] = tl_gebruiker(s, naam);
		p[0] = db_int(u[k]);
		p[1] = db_text(rol_naam[k]);
		exec(s->db, "INSERT INTO toekenning (gebruiker_id, rol, "
		     "werkgever_id) SELECT $1, $2, id FROM werkgever WHERE "
		     "extern_id = 'WG-1'", p, 2, 1);
	}
	beh = tl_gebruiker(s, "beh");
	{
		struct db_param p[] = {db_int(beh), db_int(D1)};

		exec(s->db, "INSERT INTO toekenning (gebruiker_id, rol) VALUES "
		     "($1, 'beheerder')", p, 1, 1);
		exec(s->db, "INSERT INTO toekenning (gebruiker_id, rol, "
		     "werkgever_id) SELECT $1, 'bedrijfsarts', id FROM "
		     "werkgever WHERE extern_id = 'WG-1'", p, 1, 1);
		exec(s->db, "INSERT INTO toekenning (gebruiker_id, rol, "
		     "dossier_id) VALUES ($1, 'werknemer', $2)", p, 2, 1);
	}
	for (k = 1; k < ROL__COUNT; k++) {
		int mag = toegang_bereik((enum rol)k, BEREIK_WERKGEVER);
		uint32_t want = mag ? ROL_BIT(k) : 0;

		m = 0xdead;
		assert_int_equal(store_rollen(s, u[k], D1, &m), ST_OK);
		assert_int_equal(m, want);
		m = 0xdead;
		assert_int_equal(store_dossier_toegang(s, u[k], "D-2026-0042",
						       &id, &versie, &m),
				 ST_OK);
		assert_int_equal(m, want);
		assert_int_equal(store_werkgever_rollen(s, u[k], "WG-1", &m),
				 ST_OK);
		assert_int_equal(m, want);
		assert_int_equal(store_dossier_org_rollen(s, u[k], D1, &m),
				 ST_OK);
		assert_int_equal(m, want);
		assert_int_equal(store_alle_rollen(s, u[k], &m), ST_OK);
		assert_int_equal(m, want);
		n = 99;
		assert_int_equal(store_dossiers(s, u[k], &ids, NULL, &n), ST_OK);
		assert_int_equal(n, mag ? 1 : 0);
		free(ids);
		ids = NULL;
		assert_int_equal(store_dossierlijst(s, u[k], &r), ST_OK);
		assert_int_equal(r.nrows, mag ? 1 : 0);
		db_res_release(&r);
	}
	/* the beheerder with case roles: none count, he stays beheerder */
	m = 0xdead;
	assert_int_equal(store_rollen(s, beh, D1, &m), ST_OK);
	assert_int_equal(m, 0);
	assert_int_equal(store_dossier_toegang(s, beh, "D-2026-0042", &id,
					       &versie, &m),
			 ST_OK);
	assert_int_equal(m, 0);
	assert_int_equal(store_werkgever_rollen(s, beh, "WG-1", &m), ST_OK);
	assert_int_equal(m, 0);
	assert_int_equal(store_alle_rollen(s, beh, &m), ST_OK);
	assert_int_equal(m, ROL_BIT(ROL_BEHEERDER));
	n = 99;
	assert_int_equal(store_dossiers(s, beh, &ids, NULL, &n), ST_OK);
	assert_int_equal(n, 0);
	free(ids);
	assert_int_equal(store_dossierlijst(s, beh, &r), ST_OK);
	assert_int_equal(r.nrows, 0);
	db_res_release(&r);
	/* the cache warm-up list agrees: the four organisation-wide roles */
	assert_int_equal(store_alle_dossierlijsten(s, &r), ST_OK);
	assert_int_equal(r.nrows, 4);
	db_res_release(&r);
}

/* A grant's audit record: on the case for a per-case grant, so the
 * werknemer sees in his access log who was given access. */
static void
t_toekenning_audit(void **state)
{
	struct store *s = tl_store(state);
	int64_t D1 = importeer(s, DOSSIER_1), beh = tl_gebruiker(s, "beh");
	struct db_res r;

	assert_int_equal(store_toekenning_audit(s, beh, "beh", "coach",
						ROL_LOOPBAANCOACH, NULL,
						"D-2026-0042"),
			 ST_OK);
	assert_int_equal(store_toekenning_audit(s, 0, "spoor user add", "cm",
						ROL_CASEMANAGER, "WG-1", NULL),
			 ST_OK);
	{
		struct db_param p[] = {db_int(D1)};

		r = query(s->db, "SELECT gebruiker, actie FROM audit WHERE "
			  "dossier_id = $1 ORDER BY volgnr DESC", p, 1);
	}
	assert_true(r.nrows >= 1);
	assert_string_equal(db_cel(&r, 0, 1),
			    "toekenning: loopbaancoach aan coach");
	assert_string_equal(db_cel(&r, 0, 0), "beh");
	db_res_release(&r);
	assert_int_equal(tl_getal(s->db, "SELECT count(*) FROM audit WHERE actie "
			       "= 'toekenning: casemanager aan cm bij werkgever "
			       "WG-1' AND dossier_id IS NULL"),
			 1);
}

/* An import never reaches another employer's employee: employer B's
 * WN-7 is another person than employer A's WN-7 and the import of B
 * leaves A's row (name, birth date, BSN) alone; B gets no role in A's
 * case. A BSN another employee of the same employer has is refused
 * (409 on $.werknemer.bsn), nothing stored. */
static void
t_import_werkgever(void **state)
{
	struct store *s = tl_store(state);
	int64_t D1 = importeer(s, DOSSIER_1), b = tl_gebruiker(s, "b"), id = 0;
	char *aanval = variant("\"D-B\"", "\"WG-2\"", "\"WN-7\"");
	char *dubbel;
	struct casefile_fout f;
	struct tellingen voor, na;
	struct dossier d;
	uint32_t m = 0xdead;

	aanval = vervang_v(aanval, "S. de Vries", "X. Overschreven");
	aanval = vervang_v(aanval, "1979-04-12", "1990-01-01");
	importeer(s, WG2_LEEG);
	tl_toeken(s, b, ROL_WERKGEVER, "WG-2", NULL);
	memset(&f, 0, sizeof(f));
	assert_int_equal(store_import_als(s, aanval, strlen(aanval), b, "B",
					  "b", ROL_BIT(ROL_WERKGEVER) |
						       ROL_BIT(ROL_BEDRIJFSARTS) |
						       ROL_BIT(ROL_LOOPBAANCOACH),
					  &id, &f),
			 ST_OK);
	laad(s, D1, &d);
	assert_str(d.werknemer_naam, "S. de Vries");
	assert_str(d.bsn, "111222333");
	assert_int_equal(d.geboortedatum, date_from_ymd(1979, 4, 12));
	dossier_release(&d);
	laad(s, id, &d);
	assert_str(d.werknemer_naam, "X. Overschreven");
	dossier_release(&d);
	assert_int_equal(store_rollen(s, b, D1, &m), ST_OK);
	assert_int_equal(m, 0);
	assert_int_equal(tl_getal(s->db, "SELECT count(*) FROM werknemer WHERE "
			       "extern_id = 'WN-7'"),
			 2);

	/* the same BSN for another employee of WG-2: refused */
	dubbel = vervang(aanval, "\"D-B\"", "\"D-C\"");
	dubbel = vervang_v(dubbel, "\"WN-7\"", "\"WN-9\"");
	voor = tel(s);
	memset(&f, 0, sizeof(f));
	assert_int_equal(store_import_als(s, dubbel, strlen(dubbel), b, "B",
					  "b", ROL_BIT(ROL_WERKGEVER) |
						       ROL_BIT(ROL_BEDRIJFSARTS) |
						       ROL_BIT(ROL_LOOPBAANCOACH),
					  &id, &f),
			 ST_CONFLICT);
	assert_string_equal(f.pad, "$.werknemer.bsn");
	assert_non_null(strstr(f.reden, "BSN"));
	na = tel(s);
	assert_tellingen(&voor, &na);
	free(dubbel);
	free(aanval);
}

/* An import goes through the class rules of every write: a werkgever
 * cannot import medical or confidential entries (403 naming the first
 * such entry, nothing stored); the auteur of every imported entry is the
 * importer, whatever the document says; another employer's case id is
 * answered as a read would (404), one's own with 409. */
static void
t_import_klassen(void **state)
{
	struct store *s = tl_store(state);
	int64_t wg = tl_gebruiker(s, "wg"), ander = tl_gebruiker(s, "ander"), id = 0;
	char *d2 = variant("\"D-2\"", "\"WG-1\"", "\"WN-8\"");
	char *vreemd = variant("\"D-2026-0042\"", "\"WG-2\"", "\"WN-8\"");
	const uint32_t alles = ROL_BIT(ROL_WERKGEVER) |
			       ROL_BIT(ROL_BEDRIJFSARTS) |
			       ROL_BIT(ROL_LOOPBAANCOACH);
	struct casefile_fout f;
	struct tellingen voor, na;
	struct dossier d;
	size_t i;

	importeer(s, DOSSIER_1);
	importeer(s, WG2_LEEG);
	tl_toeken(s, wg, ROL_WERKGEVER, "WG-1", NULL);
	tl_toeken(s, ander, ROL_WERKGEVER, "WG-2", NULL);
	voor = tel(s);
	memset(&f, 0, sizeof(f));
	assert_int_equal(store_import_als(s, d2, strlen(d2), wg, "W. Gever",
					  "wg", ROL_BIT(ROL_WERKGEVER), &id, &f),
			 ST_VERBODEN);
	assert_string_equal(f.pad, "$.gebeurtenissen[1].zichtbaarheid");
	na = tel(s);
	assert_tellingen(&voor, &na);

	/* roles that write every class: stored, every auteur the importer */
	assert_int_equal(store_import_als(s, d2, strlen(d2), wg, "W. Gever",
					  "wg", alles, &id, &f),
			 ST_OK);
	laad(s, id, &d);
	assert_int_equal(d.ngb, N_GB);
	for (i = 0; i < d.ngb; i++)
		assert_str(d.gb[i].auteur, "W. Gever");
	dossier_release(&d);

	/* D-2026-0042 is WG-1's: 404 for WG-2's werkgever, 409 for WG-1's */
	voor = tel(s);
	memset(&f, 0, sizeof(f));
	assert_int_equal(store_import_als(s, vreemd, strlen(vreemd), ander, "A",
					  "ander", alles, &id, &f),
			 ST_NIET_GEVONDEN);
	assert_string_equal(f.pad, "");
	memset(&f, 0, sizeof(f));
	assert_int_equal(store_import_als(s, DOSSIER_1, strlen(DOSSIER_1), wg,
					  "W. Gever", "wg", alles, &id, &f),
			 ST_CONFLICT);
	assert_string_equal(f.pad, "$.dossier_id");
	na = tel(s);
	assert_tellingen(&voor, &na);
	free(d2);
	free(vreemd);
}

/* ---- the access table of §6 ---- */

#define A (1u << ZB_ALGEMEEN)
#define M (1u << ZB_MEDISCH)
#define V (1u << ZB_VERTROUWELIJK)

static const struct {
	enum rol r;
	uint32_t lees, schrijf;
	int dossier, verzuim, bsn, stamdata, inzage;
} TABEL6[ROL__COUNT] = {
	{ROL_BEHEERDER, 0, 0, 0, 0, 0, 0, 0},
	{ROL_CASEMANAGER, A, A, 1, 1, 1, 1, 0},
	{ROL_WERKGEVER, A, A, 1, 1, 1, 1, 0},
	{ROL_LEIDINGGEVENDE, A, A, 1, 1, 0, 0, 0},
	{ROL_BEDRIJFSARTS, A | M, A | M, 1, 1, 1, 0, 0},
	{ROL_ARBEIDSDESKUNDIGE, A, A, 1, 0, 0, 0, 0},
	{ROL_LOOPBAANCOACH, A | V, A | V, 1, 0, 0, 0, 0},
	{ROL_WERKNEMER, A | M | V, A | V, 1, 0, 1, 0, 1},
	{ROL_ADVISEUR, A, 0, 1, 0, 0, 0, 0},
};

static void
t_toegang_tabel(void **state)
{
	size_t i;
	unsigned z;

	(void)state;
	for (i = 0; i < ROL__COUNT; i++) {
		uint32_t b = ROL_BIT(TABEL6[i].r);

		assert_int_equal(TABEL6[i].r, (enum rol)i);
		for (z = 0; z < 3; z++) {
			int l = toegang_lees(b, (enum zichtbaarheid)z);
			int w = toegang_schrijf(b, (enum zichtbaarheid)z);

			if ((unsigned)(l != 0) != ((TABEL6[i].lees >> z) & 1u) ||
			    (unsigned)(w != 0) != ((TABEL6[i].schrijf >> z) & 1u))
				fail_msg("%s/%s: lees %d schrijf %d", rol_naam[i],
					 zichtbaarheid_naam[z], l, w);
		}
		assert_int_equal(toegang_klassen(b), TABEL6[i].lees);
		assert_int_equal(toegang_dossier(b), TABEL6[i].dossier);
		assert_int_equal(toegang_verzuim_schrijf(b), TABEL6[i].verzuim);
		assert_int_equal(toegang_bsn(b), TABEL6[i].bsn);
		assert_int_equal(toegang_stamdata(b), TABEL6[i].stamdata);
		assert_int_equal(toegang_inzage(b), TABEL6[i].inzage);
		assert_int_equal(toegang_zicht(b),
				 TABEL6[i].lees |
					 (TABEL6[i].bsn ? TOEGANG_ZICHT_BSN : 0));
		/* no class beyond the three */
		assert_int_equal(toegang_lees(b, (enum zichtbaarheid)3), 0);
		assert_int_equal(toegang_schrijf(b, (enum zichtbaarheid)3), 0);
		/* names round-trip, exactly */
		assert_int_equal(rol_zoek(rol_naam[i], strlen(rol_naam[i])),
				 (int)i);
		assert_int_equal(rol_zoek(rol_naam[i], strlen(rol_naam[i]) - 1),
				 -1);
	}
	/* no roles: nothing */
	assert_int_equal(toegang_klassen(0), 0);
	assert_int_equal(toegang_dossier(0), 0);
	assert_int_equal(toegang_lees(0, ZB_ALGEMEEN), 0);
	/* roles combine as a union */
	assert_int_equal(toegang_klassen(ROL_BIT(ROL_WERKGEVER) |
					 ROL_BIT(ROL_BEDRIJFSARTS)),
			 A | M);
	assert_int_equal(toegang_klassen(ROL_BIT(ROL_ADVISEUR) |
					 ROL_BIT(ROL_LOOPBAANCOACH)),
			 A | V);
	assert_int_equal(toegang_schrijf(ROL_BIT(ROL_ADVISEUR) |
					 ROL_BIT(ROL_WERKNEMER), ZB_MEDISCH),
			 0);
	assert_int_equal(toegang_dossier(ROL_BIT(ROL_BEHEERDER) |
					 ROL_BIT(ROL_ADVISEUR)),
			 1);
	assert_int_equal(toegang_klassen(ROL_BIT(ROL_BEHEERDER)), 0);
	assert_int_equal(rol_zoek("Werkgever", 9), -1);
	assert_int_equal(rol_zoek("werkgevers", 10), -1);
	assert_int_equal(rol_zoek("", 0), -1);
}

/* toegang_filter on the stored case: exactly the readable entries stay,
 * in order, and no hidden text survives serialisation. */
static void
filter_geval(struct store *s, int64_t id, uint32_t rollen, size_t want_weg,
	     uint32_t klassen)
{
	struct dossier d, vol;
	char *txt;
	size_t i, j, k = 0;

	laad(s, id, &vol);
	laad(s, id, &d);
	assert_int_equal(toegang_filter(&d, rollen), want_weg);
	assert_int_equal(d.ngb, N_GB - want_weg);
	for (i = 0; i < vol.ngb; i++) {
		if (!((klassen >> vol.gb[i].zichtbaarheid) & 1u))
			continue;
		/* the next kept entry is this one */
		assert_true(k < d.ngb);
		assert_int_equal(d.gb[k].soort, vol.gb[i].soort);
		assert_int_equal(d.gb[k].datum, vol.gb[i].datum);
		assert_int_equal(d.gb[k].zichtbaarheid, vol.gb[i].zichtbaarheid);
		k++;
	}
	assert_int_equal(k, d.ngb);
	/* every kept correction points at a kept entry */
	for (i = 0; i < d.ngb; i++) {
		if (!d.gb[i].corrigeert.s)
			continue;
		for (j = 0; j < i; j++)
			if (d.gb[j].id.s &&
			    !strcmp(d.gb[j].id.s, d.gb[i].corrigeert.s))
				break;
		assert_true(j < i);
	}
	txt = schrijf(&d);
	/* the BSN (DOSSIER_1 has one) only for the roles that need it */
	assert_non_null(vol.bsn.s);
	if (toegang_bsn(rollen))
		assert_non_null(strstr(txt, "\"bsn\":\"111222333\""));
	else
		assert_null(strstr(txt, "111222333"));
	if (!(klassen & M)) {
		assert_null(strstr(txt, MEDISCH_TEKST));
		assert_null(strstr(txt, "medisch"));
		assert_null(strstr(txt, "IV.13"));
	} else {
		assert_non_null(strstr(txt, MEDISCH_TEKST));
	}
	if (!(klassen & V)) {
		assert_null(strstr(txt, COACH_TEKST));
		assert_null(strstr(txt, "vertrouwelijk"));
	} else {
		assert_non_null(strstr(txt, COACH_TEKST));
	}
	/* the filtered document is still a valid case file */
	{
		struct dossier terug;
		struct casefile_fout f;

		dossier_init(&terug);
		if (casefile_lees(txt, strlen(txt), &terug, &f) != CF_OK)
			fail_msg("filtered case unreadable: %s: %s", f.pad,
				 f.reden);
		dossier_release(&terug);
	}
	free(txt);
	dossier_release(&d);
	dossier_release(&vol);
}

static void
t_toegang_filter(void **state)
{
	struct store *s = tl_store(state);
	int64_t id = importeer(s, DOSSIER_1);

	filter_geval(s, id, ROL_BIT(ROL_WERKGEVER), 4, A);
	filter_geval(s, id, ROL_BIT(ROL_ADVISEUR), 4, A);
	filter_geval(s, id, ROL_BIT(ROL_CASEMANAGER), 4, A);
	filter_geval(s, id, ROL_BIT(ROL_BEDRIJFSARTS), 1, A | M);
	filter_geval(s, id, ROL_BIT(ROL_LOOPBAANCOACH), 3, A | V);
	filter_geval(s, id, ROL_BIT(ROL_WERKNEMER), 0, A | M | V);
	filter_geval(s, id, ROL_BIT(ROL_WERKGEVER) | ROL_BIT(ROL_BEDRIJFSARTS),
		     1, A | M);
	filter_geval(s, id, ROL_BIT(ROL_LEIDINGGEVENDE), 4, A);
	filter_geval(s, id, ROL_BIT(ROL_ARBEIDSDESKUNDIGE), 4, A);
	filter_geval(s, id, ROL_BIT(ROL_LOOPBAANCOACH) |
				    ROL_BIT(ROL_WERKGEVER), 3, A | V);
	filter_geval(s, id, ROL_BIT(ROL_BEHEERDER), N_GB, 0);
	filter_geval(s, id, 0, N_GB, 0);
}

/* ---- appending entries ---- */

static void
gb_weigering(struct store *s, int64_t id, const char *json, uint32_t rollen,
	     int want_rc, const char *want_pad, struct casefile_fout *f)
{
	static char onaangeroerd[] = "onaangeroerd";
	char *voor = momentopname(s, id), *nieuw = onaangeroerd;
	int rc = voeg_toe(s, id, json, rollen, 0, "X", &nieuw, f);

	if (rc != want_rc)
		fail_msg("%s: rc %d (expected %d): %s: %s", json, rc, want_rc,
			 f->pad, f->reden);
	assert_ptr_equal(nieuw, onaangeroerd);
	if (want_pad)
		assert_string_equal(f->pad, want_pad);
	assert_true(strlen(f->reden) > 0);
	assert_ongewijzigd(s, id, voor);
	free(voor);
}

/* An id spoor assigns to an entry: "E" and 16 base32 digits (issue 12:
 * random, no count of the case's entries in it). */
static void
assert_entry_id(const char *id)
{
	static const char abc[] = "0123456789abcdefghjkmnpqrstvwxyz";
	size_t i;

	assert_non_null(id);
	if (strlen(id) != 17 || id[0] != 'E')
		fail_msg("entry id '%s' is not E and 16 base32 digits", id);
	for (i = 1; i < 17; i++)
		if (!strchr(abc, id[i]))
			fail_msg("entry id '%s': '%c' is no base32 digit", id,
				 id[i]);
}

static void
t_gebeurtenis(void **state)
{
	struct store *s = tl_store(state);
	int64_t id = importeer(s, DOSSIER_1), cm = tl_gebruiker(s, "cm"), n, fv;
	const uint32_t CM = ROL_BIT(ROL_CASEMANAGER), WG = ROL_BIT(ROL_WERKGEVER),
		       BA = ROL_BIT(ROL_BEDRIJFSARTS), WN = ROL_BIT(ROL_WERKNEMER);
	struct casefile_fout f;
	struct dossier d;
	struct db_res r;
	char *nieuw = NULL, eerste[32];

	/* an algemeen entry by the casemanager */
	assert_int_equal(voeg_toe(s, id, "{\"soort\":\"contact\",\"datum\":"
				  "\"2026-06-02\",\"tekst\":\"telefonisch\"}",
				  CM, cm, "C. Manager", &nieuw, &f),
			 ST_OK);
	assert_entry_id(nieuw);
	snprintf(eerste, sizeof(eerste), "%s", nieuw);
	free(nieuw);
	nieuw = NULL;
	laad(s, id, &d);
	assert_int_equal(d.ngb, N_GB + 1);
	assert_str(d.gb[N_GB].id, eerste);
	assert_str(d.gb[N_GB].auteur, "C. Manager");
	assert_str(d.gb[N_GB].tekst, "telefonisch");
	assert_int_equal(d.gb[N_GB].soort, GB_CONTACT);
	assert_int_equal(d.gb[N_GB].zichtbaarheid, ZB_ALGEMEEN);
	dossier_release(&d);
	r = query(s->db, "SELECT auteur_id, extern_id, zichtbaarheid FROM "
		  "gebeurtenis WHERE volgnr = 10", NULL, 0);
	assert_int_equal(r.nrows, 1);
	assert_int_equal(db_cel_int(&r, 0, 0), cm);
	assert_string_equal(db_cel(&r, 0, 1), eerste);
	assert_string_equal(db_cel(&r, 0, 2), "algemeen");
	db_res_release(&r);

	/* nieuw_id may be NULL; the numbering continues */
	assert_int_equal(voeg_toe(s, id, "{\"soort\":\"contact\",\"datum\":"
				  "\"2026-06-03\",\"zichtbaarheid\":"
				  "\"vertrouwelijk\",\"tekst\":\"eigen notitie\"}",
				  WN, 0, "S. de Vries", NULL, &f),
			 ST_OK);

	/* refusals; each leaves the case as it was */
	gb_weigering(s, id, "{\"soort\":\"contact\",\"datum\":\"2026-06-04\","
		     "\"id\":\"E99\"}", CM, ST_ONGELDIG, "$.id", &f);
	gb_weigering(s, id, "{\"soort\":\"contact\",\"datum\":\"2026-06-04\","
		     "\"auteur\":\"iemand anders\"}", CM, ST_ONGELDIG,
		     "$.auteur", &f);
	gb_weigering(s, id, "{\"soort\":\"contact\",\"datum\":\"2026-06-04\","
		     "\"zichtbaarheid\":\"medisch\",\"tekst\":\"x\"}", WG,
		     ST_VERBODEN, "$.zichtbaarheid", &f);
	gb_weigering(s, id, "{\"soort\":\"contact\",\"datum\":\"2026-06-04\","
		     "\"zichtbaarheid\":\"medisch\"}", WN, ST_VERBODEN,
		     "$.zichtbaarheid", &f);
	gb_weigering(s, id, "{\"soort\":\"contact\",\"datum\":\"2026-06-04\","
		     "\"zichtbaarheid\":\"vertrouwelijk\"}", CM, ST_VERBODEN,
		     "$.zichtbaarheid", &f);
	gb_weigering(s, id, "{\"soort\":\"contact\",\"datum\":\"2026-06-04\"}",
		     ROL_BIT(ROL_ADVISEUR), ST_VERBODEN, "$.zichtbaarheid", &f);
	gb_weigering(s, id, "{\"soort\":\"contact\",\"datum\":\"2026-06-04\"}",
		     ROL_BIT(ROL_BEHEERDER), ST_VERBODEN, "$.zichtbaarheid", &f);
	gb_weigering(s, id, "{\"soort\":\"contact\",\"datum\":\"2026-06-04\"}",
		     0, ST_VERBODEN, "$.zichtbaarheid", &f);
	gb_weigering(s, id, "{\"soort\":\"contact\",\"datum\":\"2026-02-30\"}",
		     CM, ST_ONGELDIG, "$.datum", &f);
	if (!strstr(f.reden, "2026-02-30"))
		fail_msg("reason does not name the date: %s", f.reden);
	gb_weigering(s, id, "{\"soort\":\"kletspraat\",\"datum\":"
		     "\"2026-06-04\"}", CM, ST_ONGELDIG, "$.soort", &f);
	gb_weigering(s, id, "{\"soort\":\"contact\",\"datum\":\"2026-06-04\","
		     "\"kleur\":\"rood\"}", CM, ST_ONGELDIG, "$.kleur", &f);
	gb_weigering(s, id, "{\"datum\":\"2026-06-04\"}", CM, ST_ONGELDIG,
		     "$.soort", &f);
	gb_weigering(s, id, "[1, 2]", CM, ST_ONGELDIG, "$", &f);
	gb_weigering(s, id, "{\"soort\":", CM, ST_ONGELDIG, NULL, &f);
	/* a class mismatch on a correction, by someone who can read it */
	gb_weigering(s, id, "{\"soort\":\"contact\",\"datum\":\"2026-06-04\","
		     "\"corrigeert\":\"M2\"}", BA, ST_ONGELDIG,
		     "$.zichtbaarheid", &f);

	/* a case that does not exist */
	memset(&f, 0, sizeof(f));
	assert_int_equal(voeg_toe(s, id + 1000, "{\"soort\":\"contact\","
				  "\"datum\":\"2026-06-04\"}", CM, 0, "X", NULL,
				  &f),
			 ST_NIET_GEVONDEN);

	/* the bedrijfsarts corrects his own class */
	assert_int_equal(voeg_toe(s, id, "{\"soort\":\"contact\",\"datum\":"
				  "\"2026-06-05\",\"zichtbaarheid\":\"medisch\","
				  "\"corrigeert\":\"M2\",\"tekst\":\"herzien\"}",
				  BA, 0, "dr. K. Arts", &nieuw, &f),
			 ST_OK);
	assert_entry_id(nieuw);
	assert_string_not_equal(nieuw, eerste);
	free(nieuw);
	laad(s, id, &d);
	assert_int_equal(d.ngb, N_GB + 3);
	assert_int_equal(d.gb[6].gecorrigeerd, 1);
	assert_str(d.gb[N_GB + 2].corrigeert, "M2");
	assert_str(d.gb[N_GB + 1].auteur, "S. de Vries");
	assert_int_equal(d.gb[N_GB + 1].zichtbaarheid, ZB_VERTROUWELIJK);
	dossier_release(&d);

	/* three writes plus the import, each with one audit record */
	assert_int_equal(store_audit_verify(s, &n, &fv), ST_OK);
	assert_int_equal(n, 4);
}

/* A correction of an entry the writer cannot read is answered exactly
 * as one of an id that does not exist, so the refusal does not reveal
 * that the hidden entry exists (architecture §6). */
static void
t_gebeurtenis_geen_lek(void **state)
{
	struct store *s = tl_store(state);
	int64_t id = importeer(s, DOSSIER_1);
	const uint32_t WG = ROL_BIT(ROL_WERKGEVER);
	struct casefile_fout f, f2;
	char want[CASEFILE_REDEN_MAX];
	char *p;

	/* the werkgever corrects an id that does not exist ... */
	gb_weigering(s, id, "{\"soort\":\"contact\",\"datum\":\"2026-06-04\","
		     "\"corrigeert\":\"Q7\"}", WG, ST_ONGELDIG, "$.corrigeert",
		     &f2);
	/* ... and of a medical entry the werkgever cannot read: the same
	 * answer, so the refusal does not reveal that M2 exists */
	gb_weigering(s, id, "{\"soort\":\"contact\",\"datum\":\"2026-06-04\","
		     "\"corrigeert\":\"M2\"}", WG, ST_ONGELDIG, "$.corrigeert",
		     &f);
	p = strstr(f2.reden, "Q7");
	assert_non_null(p);
	snprintf(want, sizeof(want), "%.*sM2%s", (int)(p - f2.reden), f2.reden,
		 p + 2);
	assert_string_equal(f.reden, want);
	/* the same for the coach's entry V1 */
	gb_weigering(s, id, "{\"soort\":\"contact\",\"datum\":\"2026-06-04\","
		     "\"corrigeert\":\"V1\"}", WG, ST_ONGELDIG, "$.corrigeert",
		     &f);
	snprintf(want, sizeof(want), "%.*sV1%s", (int)(p - f2.reden), f2.reden,
		 p + 2);
	assert_string_equal(f.reden, want);
}

/* The ids spoor assigns must not collide with ids the imported document
 * already used: "E<n>" is taken by entry 2 of this case. */
static void
t_gebeurtenis_id_botsing(void **state)
{
	static const char doc[] =
		"{\"formaat\":\"spoor-dossier/1\",\"dossier_id\":\"D-E\","
		"\"werkgever\":{\"id\":\"WG-1\",\"naam\":\"X\","
		"\"eigenrisicodrager_wga\":false},\"werknemer\":{\"id\":\"WN-1\","
		"\"naam\":\"Y\"},\"dienstverband\":{\"begindatum\":\"2020-01-01\","
		"\"einddatum\":null,\"soort\":\"onbepaalde_tijd\"},"
		"\"vangnet\":null,\"verzuim\":[{\"datum\":\"2026-01-05\","
		"\"soort\":\"ziek\",\"percentage\":100}],\"gebeurtenissen\":["
		"{\"soort\":\"contact\",\"datum\":\"2026-01-06\",\"id\":\"E2\"}"
		"]}";
	struct store *s = tl_store(state);
	int64_t id = importeer(s, doc);
	struct casefile_fout f;
	struct dossier d;
	char *nieuw = NULL;
	int rc;

	rc = voeg_toe(s, id, "{\"soort\":\"contact\",\"datum\":\"2026-01-07\"}",
		      ROL_BIT(ROL_CASEMANAGER), 0, "C", &nieuw, &f);
	if (rc != ST_OK)
		fail_msg("append to a case whose entry is named E2: rc %d: "
			 "%s: %s", rc, f.pad, f.reden);
	assert_non_null(nieuw);
	assert_string_not_equal(nieuw, "E2");
	laad(s, id, &d);
	assert_int_equal(d.ngb, 2);
	assert_str(d.gb[1].id, nieuw);
	dossier_release(&d);
	free(nieuw);
}

/* Issue 12: a case whose imported entries carry the ids a counter would
 * choose (E1..E3000) cannot steer the ids of appends (the old allocator
 * searched the case for the next free E<n>, quadratic in such a case,
 * under the case's write lock), and the ids are random: E and 16 base32
 * digits, nothing of the entry count in them. */
static void
t_gebeurtenis_id_gemaakt(void **state)
{
	enum { N = 3000 };
	static const char kop[] =
		"{\"formaat\":\"spoor-dossier/1\",\"dossier_id\":\"D-G\","
		"\"werkgever\":{\"id\":\"WG-1\",\"naam\":\"X\","
		"\"eigenrisicodrager_wga\":false},\"werknemer\":{\"id\":\"WN-1\","
		"\"naam\":\"Y\"},\"dienstverband\":{\"begindatum\":\"2020-01-01\","
		"\"einddatum\":null,\"soort\":\"onbepaalde_tijd\"},"
		"\"vangnet\":null,\"verzuim\":[{\"datum\":\"2026-01-05\","
		"\"soort\":\"ziek\",\"percentage\":100}],\"gebeurtenissen\":[";
	struct store *s = tl_store(state);
	struct casefile_fout f;
	struct dossier d;
	char *doc, *nieuw[3] = {NULL, NULL, NULL};
	size_t o, i, j;
	int64_t id;

	doc = malloc(sizeof(kop) + (size_t)N * 64 + 4);
	assert_non_null(doc);
	o = (size_t)snprintf(doc, sizeof(kop), "%s", kop);
	for (i = 1; i <= N; i++)
		o += (size_t)sprintf(doc + o, "%s{\"soort\":\"contact\",\"datum\":"
				     "\"2026-01-06\",\"id\":\"E%zu\"}",
				     i > 1 ? "," : "", i);
	memcpy(doc + o, "]}", 3);
	id = importeer(s, doc);
	free(doc);
	for (i = 0; i < 3; i++) {
		int rc = voeg_toe(s, id, "{\"soort\":\"contact\",\"datum\":"
				  "\"2026-01-07\"}", ROL_BIT(ROL_CASEMANAGER),
				  0, "C", &nieuw[i], &f);

		if (rc != ST_OK)
			fail_msg("append %zu to the crafted case: rc %d: %s: %s",
				 i, rc, f.pad, f.reden);
		assert_entry_id(nieuw[i]);
		for (j = 0; j < i; j++)
			assert_string_not_equal(nieuw[i], nieuw[j]);
	}
	laad(s, id, &d);
	assert_int_equal(d.ngb, N + 3);
	for (i = 0; i < 3; i++)
		assert_str(d.gb[N + i].id, nieuw[i]);
	dossier_release(&d);
	for (i = 0; i < 3; i++)
		free(nieuw[i]);
}

/* ---- appending verzuim mutations ---- */

static void
vz_weigering(struct store *s, int64_t id, const char *json, uint32_t rollen,
	     int want_rc, const char *want_pad)
{
	char *voor = momentopname(s, id);
	struct casefile_fout f;
	int rc = verzuim_toe(s, id, json, rollen, &f);

	if (rc != want_rc)
		fail_msg("%s: rc %d (expected %d): %s: %s", json, rc, want_rc,
			 f.pad, f.reden);
	if (want_pad)
		assert_string_equal(f.pad, want_pad);
	assert_true(strlen(f.reden) > 0);
	assert_ongewijzigd(s, id, voor);
	free(voor);
}

static void
t_verzuim(void **state)
{
	struct store *s = tl_store(state);
	int64_t id = importeer(s, DOSSIER_1), n, fv;
	const uint32_t CM = ROL_BIT(ROL_CASEMANAGER);
	struct casefile_fout f;
	struct dossier d;
	char datum[DATE_STRLEN];
	struct db_res r;

	assert_int_equal(verzuim_toe(s, id, "{\"datum\":\"2026-06-01\","
				     "\"soort\":\"hersteld\"}", CM, &f),
			 ST_OK);
	laad(s, id, &d);
	assert_int_equal(d.nverzuim, 5);
	assert_int_equal(d.verzuim[4].soort, VZ_HERSTELD);
	date_format(d.verzuim[4].datum, datum);
	assert_string_equal(datum, "2026-06-01");
	dossier_release(&d);
	r = query(s->db, "SELECT volgnr, soort, percentage FROM verzuim WHERE "
		  "datum = '2026-06-01'", NULL, 0);
	assert_int_equal(r.nrows, 1);
	assert_int_equal(db_cel_int(&r, 0, 0), 5);
	assert_string_equal(db_cel(&r, 0, 1), "hersteld");
	assert_null(db_cel(&r, 0, 2));
	db_res_release(&r);

	/* the parties who do not register absence */
	vz_weigering(s, id, "{\"datum\":\"2026-06-10\",\"soort\":\"ziek\","
		     "\"percentage\":100}", ROL_BIT(ROL_LOOPBAANCOACH),
		     ST_VERBODEN, NULL);
	vz_weigering(s, id, "{\"datum\":\"2026-06-10\",\"soort\":\"ziek\","
		     "\"percentage\":100}", ROL_BIT(ROL_ADVISEUR), ST_VERBODEN,
		     NULL);
	vz_weigering(s, id, "{\"datum\":\"2026-06-10\",\"soort\":\"ziek\","
		     "\"percentage\":100}", ROL_BIT(ROL_WERKNEMER), ST_VERBODEN,
		     NULL);
	vz_weigering(s, id, "{\"datum\":\"2026-06-10\",\"soort\":\"ziek\","
		     "\"percentage\":100}", ROL_BIT(ROL_BEHEERDER), ST_VERBODEN,
		     NULL);
	/* bad mutations, paths relative to the mutation */
	vz_weigering(s, id, "{\"datum\":\"2026-01-01\",\"soort\":\"ziek\","
		     "\"percentage\":100}", CM, ST_ONGELDIG, "$.datum");
	vz_weigering(s, id, "{\"datum\":\"2026-06-01\",\"soort\":\"ziek\","
		     "\"percentage\":100}", CM, ST_ONGELDIG, "$.datum");
	vz_weigering(s, id, "{\"datum\":\"2026-06-31\",\"soort\":\"ziek\","
		     "\"percentage\":100}", CM, ST_ONGELDIG, "$.datum");
	vz_weigering(s, id, "{\"datum\":\"2026-06-10\",\"soort\":\"ziek\","
		     "\"percentage\":0}", CM, ST_ONGELDIG, "$.percentage");
	vz_weigering(s, id, "{\"datum\":\"2026-06-10\",\"soort\":\"ziek\"}",
		     CM, ST_ONGELDIG, "$.percentage");
	vz_weigering(s, id, "{\"datum\":\"2026-06-10\",\"soort\":\"hersteld\","
		     "\"percentage\":100}", CM, ST_ONGELDIG, "$.percentage");
	vz_weigering(s, id, "{\"datum\":\"2026-06-10\",\"soort\":\"beter\"}",
		     CM, ST_ONGELDIG, "$.soort");
	vz_weigering(s, id, "{\"datum\":\"2026-06-10\",\"soort\":\"ziek\","
		     "\"percentage\":100,\"x\":1}", CM, ST_ONGELDIG, "$.x");
	vz_weigering(s, id, "[1]", CM, ST_ONGELDIG, "$");
	vz_weigering(s, id, "\"ziek\"", CM, ST_ONGELDIG, NULL);
	vz_weigering(s, id, "{\"datum\":", CM, ST_ONGELDIG, NULL);

	memset(&f, 0, sizeof(f));
	assert_int_equal(verzuim_toe(s, id + 1000, "{\"datum\":\"2026-06-10\","
				     "\"soort\":\"hersteld\"}", CM, &f),
			 ST_NIET_GEVONDEN);

	/* the other parties who may register */
	assert_int_equal(verzuim_toe(s, id, "{\"datum\":\"2026-06-10\","
				     "\"soort\":\"ziek\",\"percentage\":40}",
				     ROL_BIT(ROL_WERKGEVER), &f),
			 ST_OK);
	assert_int_equal(verzuim_toe(s, id, "{\"datum\":\"2026-06-11\","
				     "\"soort\":\"ziek\",\"percentage\":30}",
				     ROL_BIT(ROL_BEDRIJFSARTS), &f),
			 ST_OK);
	laad(s, id, &d);
	assert_int_equal(d.nverzuim, 7);
	assert_int_equal(d.verzuim[6].percentage, 30);
	dossier_release(&d);
	assert_int_equal(store_audit_verify(s, &n, &fv), ST_OK);
	assert_int_equal(n, 4);
}

/* ---- sessions and API tokens ---- */

static void
t_sessies(void **state)
{
	struct store *s = tl_store(state);
	int64_t jan = tl_gebruiker(s, "jan"), piet = tl_gebruiker(s, "piet"), g;
	char *csrf = NULL;

	assert_int_equal(store_sessie_nieuw(s, "h1", jan, "csrf1", 5000), ST_OK);
	assert_int_equal(store_sessie_nieuw(s, "h2", jan, "csrf2", 9000), ST_OK);
	assert_int_equal(store_sessie_nieuw(s, "h3", piet, "csrf3", 9000), ST_OK);
	assert_int_equal(store_sessie_nieuw(s, "h1", piet, "csrfX", 9000),
			 ST_CONFLICT);

	g = -7;
	assert_int_equal(store_sessie_zoek(s, "h1", 4999, 0, &g, &csrf), ST_OK);
	assert_int_equal(g, jan);
	assert_string_equal(csrf, "csrf1");
	free(csrf);
	csrf = NULL;
	g = -7;
	/* expired: nu >= verloopt */
	assert_int_equal(store_sessie_zoek(s, "h1", 5000, 0, &g, &csrf),
			 ST_NIET_GEVONDEN);
	assert_int_equal(store_sessie_zoek(s, "h1", 5001, 0, &g, &csrf),
			 ST_NIET_GEVONDEN);
	assert_int_equal(g, -7);
	assert_null(csrf);
	assert_int_equal(store_sessie_zoek(s, "h9", 0, 0, &g, &csrf),
			 ST_NIET_GEVONDEN);
	assert_int_equal(store_sessie_zoek(s, "H1", 0, 0, &g, &csrf),
			 ST_NIET_GEVONDEN);

	assert_int_equal(store_sessie_weg(s, "h1"), ST_OK);
	assert_int_equal(store_sessie_zoek(s, "h1", 0, 0, &g, &csrf),
			 ST_NIET_GEVONDEN);
	assert_int_equal(store_sessie_zoek(s, "h2", 0, 0, &g, &csrf), ST_OK);
	assert_string_equal(csrf, "csrf2");
	free(csrf);
	csrf = NULL;

	/* a new password ends jan's sessions, not piet's */
	assert_int_equal(store_gebruiker_wachtwoord(s, jan, "h"), ST_OK);
	assert_int_equal(store_sessie_zoek(s, "h2", 0, 0, &g, &csrf),
			 ST_NIET_GEVONDEN);
	assert_int_equal(store_sessie_zoek(s, "h3", 0, 0, &g, &csrf), ST_OK);
	assert_int_equal(g, piet);
	free(csrf);
	csrf = NULL;

	/* API tokens */
	assert_int_equal(store_token_nieuw(s, "t1", jan, "integratie"), ST_OK);
	assert_int_equal(store_token_nieuw(s, "t1", piet, "dubbel"),
			 ST_CONFLICT);
	g = -7;
	assert_int_equal(store_token_zoek(s, "t1", &g), ST_OK);
	assert_int_equal(g, jan);
	g = -7;
	assert_int_equal(store_token_zoek(s, "t2", &g), ST_NIET_GEVONDEN);
	assert_int_equal(g, -7);
	exec(s->db, "UPDATE api_token SET ingetrokken = 1 WHERE token_hash = "
	     "'t1'", NULL, 0, 1);
	assert_int_equal(store_token_zoek(s, "t1", &g), ST_NIET_GEVONDEN);

	/* a deactivated user has no live session or token */
	assert_int_equal(store_token_nieuw(s, "t3", piet, "x"), ST_OK);
	{
		struct db_param p = db_int(piet);

		exec(s->db, "UPDATE gebruiker SET actief = 0 WHERE id = $1", &p,
		     1, 1);
	}
	assert_int_equal(store_sessie_zoek(s, "h3", 0, 0, &g, &csrf),
			 ST_NIET_GEVONDEN);
	assert_int_equal(store_token_zoek(s, "t3", &g), ST_NIET_GEVONDEN);
	assert_null(csrf);
}

/* ---- revocation (issue 12) ---- */

/* Is token h live at nu, and read-only? -1: not live. */
static int
token_leeft(struct store *s, const char *h, int64_t nu)
{
	int64_t g = 0;
	char *a = NULL, *b = NULL;
	int lezen = -1, rc = store_token_wie_at(s, h, nu, &g, &a, &b, &lezen);

	free(a);
	free(b);
	if (rc == ST_NIET_GEVONDEN)
		return -1;
	assert_int_equal(rc, ST_OK);
	return lezen;
}

static void
t_intrekken(void **state)
{
	struct store *s = tl_store(state);
	int64_t nu = store_nu(), jan = tl_gebruiker(s, "jan"),
		piet = tl_gebruiker(s, "piet"), beh = tl_gebruiker(s, "beh"), g = 0,
		van = 0;
	int64_t ds = importeer(s, DOSSIER_1);
	char h1[65], h2[65], id1[STORE_TOKEN_ID_LEN + 1], *naam = NULL,
	     *wg = NULL, *dsx = NULL;
	uint32_t rollen = 0;
	enum rol r = ROL_WERKNEMER;
	struct db_res res;
	size_t i;

	memset(h1, 'a', 64);
	h1[64] = '\0';
	memset(h2, 'b', 64);
	h2[64] = '\0';
	memcpy(id1, h1, STORE_TOKEN_ID_LEN);
	id1[STORE_TOKEN_ID_LEN] = '\0';

	/* expiry and scope */
	assert_int_equal(store_token_maak(s, h1, jan, "kort", nu + 100, 0),
			 ST_OK);
	assert_int_equal(store_token_maak(s, h2, jan, "lezer", nu + 1000, 1),
			 ST_OK);
	assert_int_equal(token_leeft(s, h1, nu), 0);
	assert_int_equal(token_leeft(s, h2, nu), 1);
	assert_int_equal(token_leeft(s, h1, nu + 100), -1);
	assert_int_equal(token_leeft(s, h2, nu + 100), 1);
	/* the default: STORE_TOKEN_DAGEN */
	assert_int_equal(store_token_nieuw(s, "t3", piet, "std"), ST_OK);
	assert_int_equal(store_token_zoek(s, "t3", &g), ST_OK);
	assert_int_equal(token_leeft(s, "t3",
				     nu + STORE_TOKEN_DAGEN * 86400 - 1), 0);
	assert_int_equal(token_leeft(s, "t3", nu + STORE_TOKEN_DAGEN * 86400),
			 -1);

	/* listing: own, or all */
	assert_int_equal(store_tokens(s, jan, &res), ST_OK);
	assert_int_equal(res.nrows, 2);
	for (i = 0; i < res.nrows; i++)
		assert_string_equal(db_cel(&res, i, 6), "jan");
	db_res_release(&res);
	assert_int_equal(store_tokens(s, 0, &res), ST_OK);
	assert_int_equal(res.nrows, 3);
	db_res_release(&res);

	/* revoke: not another user's, an own one, any for 0 */
	assert_int_equal(store_token_intrekken(s, id1, piet, &van),
			 ST_NIET_GEVONDEN);
	assert_int_equal(token_leeft(s, h1, nu), 0);
	assert_int_equal(store_token_intrekken(s, "aaaa", 0, &van),
			 ST_NIET_GEVONDEN);
	assert_int_equal(store_token_intrekken(s, id1, jan, &van), ST_OK);
	assert_int_equal(van, jan);
	assert_int_equal(token_leeft(s, h1, nu), -1);

	/* a new password revokes every token of the user, not another's */
	assert_int_equal(store_gebruiker_wachtwoord(s, jan, "h"), ST_OK);
	assert_int_equal(token_leeft(s, h2, nu), -1);
	assert_int_equal(token_leeft(s, "t3", nu), 0);

	/* deactivation: sessions deleted, tokens revoked, login refused */
	assert_int_equal(store_sessie_nieuw(s, "sp", piet, "c", nu + 1000),
			 ST_OK);
	assert_int_equal(store_gebruiker_actief(s, "piet", 0, &g), ST_OK);
	assert_int_equal(g, piet);
	assert_int_equal(tl_getal(s->db, "SELECT count(*) FROM sessie"), 0);
	assert_int_equal(store_gebruiker_login(s, "piet", &g, &naam),
			 ST_NIET_GEVONDEN);
	assert_int_equal(store_gebruiker_actief(s, "piet", 1, NULL), ST_OK);
	assert_int_equal(token_leeft(s, "t3", nu), -1);
	assert_int_equal(store_gebruiker_login(s, "piet", &g, &naam), ST_OK);
	free(naam);
	naam = NULL;
	assert_int_equal(store_gebruiker_actief(s, "niemand", 0, NULL),
			 ST_NIET_GEVONDEN);

	/* the last active beheerder stays; with a second one he may go */
	tl_toeken(s, beh, ROL_BEHEERDER, NULL, NULL);
	assert_int_equal(store_gebruiker_actief(s, "beh", 0, NULL),
			 ST_VERBODEN);
	{
		int64_t b2 = tl_gebruiker(s, "beh2");

		tl_toeken(s, b2, ROL_BEHEERDER, NULL, NULL);
		assert_int_equal(store_gebruiker_actief(s, "beh", 0, NULL),
				 ST_OK);
		assert_int_equal(store_gebruiker_actief(s, "beh2", 0, NULL),
				 ST_VERBODEN);
	}

	/* grants: the exact scope only, and access ends at once */
	tl_toeken(s, jan, ROL_CASEMANAGER, "WG-1", NULL);
	tl_toeken(s, jan, ROL_LOOPBAANCOACH, NULL, "D-2026-0042");
	assert_int_equal(store_rollen(s, jan, ds, &rollen), ST_OK);
	assert_int_equal(rollen, ROL_BIT(ROL_CASEMANAGER) |
				 ROL_BIT(ROL_LOOPBAANCOACH));
	assert_int_equal(store_toekenning_weg(s, jan, ROL_CASEMANAGER, NULL,
					      "D-2026-0042"),
			 ST_NIET_GEVONDEN);
	assert_int_equal(store_toekenning_weg(s, jan, ROL_CASEMANAGER, NULL,
					      NULL),
			 ST_NIET_GEVONDEN);
	assert_int_equal(store_toekenning_weg(s, jan, ROL_CASEMANAGER, "WG-2",
					      NULL),
			 ST_NIET_GEVONDEN);
	assert_int_equal(store_toekenning_weg(s, jan, ROL_CASEMANAGER, "WG-1",
					      NULL),
			 ST_OK);
	assert_int_equal(store_rollen(s, jan, ds, &rollen), ST_OK);
	assert_int_equal(rollen, ROL_BIT(ROL_LOOPBAANCOACH));
	/* by id, with what the audit record needs */
	g = tl_getal(s->db, "SELECT id FROM toekenning WHERE rol = "
			 "'loopbaancoach'");
	assert_int_equal(store_toekenning_weg_id(s, g, &naam, &r, &wg, &dsx),
			 ST_OK);
	assert_string_equal(naam, "jan");
	assert_int_equal(r, ROL_LOOPBAANCOACH);
	assert_null(wg);
	assert_string_equal(dsx, "D-2026-0042");
	assert_int_equal(store_rollen(s, jan, ds, &rollen), ST_OK);
	assert_int_equal(rollen, 0);
	assert_int_equal(store_intrekking_audit(s, beh, "beh", naam, r, wg,
						dsx),
			 ST_OK);
	free(naam);
	free(dsx);
	naam = dsx = NULL;
	assert_int_equal(store_toekenning_weg_id(s, g, &naam, &r, &wg, &dsx),
			 ST_NIET_GEVONDEN);
	assert_null(naam);
	/* the revocation is in the case's access log */
	{
		struct db_param p = db_int(ds);
		struct db_res a = query(s->db, "SELECT actie FROM audit WHERE "
					"dossier_id = $1 AND actie LIKE "
					"'toekenning ingetrokken%'", &p, 1);

		assert_int_equal(a.nrows, 1);
		assert_string_equal(db_cel(&a, 0, 0), "toekenning ingetrokken: "
				    "loopbaancoach aan jan");
		db_res_release(&a);
	}
}

static int64_t
gezien(struct store *s, const char *h)
{
	struct db_param p = db_text(h);
	struct db_res r = query(s->db, "SELECT gezien FROM sessie WHERE "
				"token_hash = $1", &p, 1);
	int64_t n;

	assert_int_equal(r.nrows, 1);
	n = db_cel_int(&r, 0, 0);
	db_res_release(&r);
	return n;
}

/* session_idle: a session unused for longer than idle ends; gezien is
 * written at most once per STORE_SESSIE_GEZIEN seconds, and the check
 * allows that step on top of idle; idle 0 is no limit; the clean-up
 * deletes ended sessions only. */
static void
t_sessie_idle(void **state)
{
	struct store *s = tl_store(state);
	int64_t jan = tl_gebruiker(s, "jan"), g = -7, n = -1;
	char *csrf = NULL;
	const int64_t idle = 600, stap = STORE_SESSIE_GEZIEN;

	setenv("SPOOR_NU", "10000", 1);
	assert_int_equal(store_sessie_nieuw(s, "h1", jan, "c1", 100000), ST_OK);
	assert_int_equal(store_sessie_nieuw(s, "h2", jan, "c2", 100000), ST_OK);
	assert_int_equal(store_sessie_nieuw(s, "h3", jan, "c3", 10500), ST_OK);
	assert_int_equal(gezien(s, "h1"), 10000);

	/* within the step: a read, no write */
	assert_int_equal(store_sessie_zoek(s, "h1", 10000 + stap - 1, idle, &g,
					   &csrf), ST_OK);
	assert_int_equal(g, jan);
	free(csrf);
	csrf = NULL;
	assert_int_equal(gezien(s, "h1"), 10000);
	/* a step later: gezien moves */
	assert_int_equal(store_sessie_zoek(s, "h1", 10000 + stap, idle, &g,
					   &csrf), ST_OK);
	free(csrf);
	csrf = NULL;
	assert_int_equal(gezien(s, "h1"), 10000 + stap);
	/* idle 0: no limit, h2 is found long after its login */
	assert_int_equal(store_sessie_zoek(s, "h2", 10000 + idle + stap - 1,
					   0, &g, &csrf), ST_OK);
	free(csrf);
	csrf = NULL;
	/* h1 one second too late, and at the last moment it counts */
	g = -7;
	assert_int_equal(store_sessie_zoek(s, "h1", 10000 + stap + idle + stap,
					   idle, &g, &csrf), ST_NIET_GEVONDEN);
	assert_int_equal(g, -7);
	assert_null(csrf);
	assert_int_equal(store_sessie_zoek(s, "h1",
					   10000 + stap + idle + stap - 1,
					   idle, &g, &csrf), ST_OK);
	free(csrf);
	csrf = NULL;
	assert_int_equal(gezien(s, "h1"), 10000 + stap + idle + stap - 1);

	/* at 11319 h2 (seen at 10659) is idle, h3 is past verloopt, h1
	 * (seen at 10719) lives */
	assert_int_equal(gezien(s, "h2"), 10000 + idle + stap - 1);
	assert_int_equal(store_sessies_opruimen(s, 10000 + idle + stap - 1 +
						   idle + stap, idle, &n),
			 ST_OK);
	assert_int_equal(n, 2);
	assert_int_equal(telling(s->db, "sessie"), 1);
	assert_int_equal(gezien(s, "h1"), 10000 + stap + idle + stap - 1);
	/* nothing more to do */
	assert_int_equal(store_sessies_opruimen(s, 11000, idle, &n), ST_OK);
	assert_int_equal(n, 0);
	/* a token has no idle limit */
	assert_int_equal(store_token_nieuw(s, "t1", jan, "integratie"), ST_OK);
	{
		char *a = NULL, *b = NULL;

		assert_int_equal(store_token_wie(s, "t1", &g, &a, &b), ST_OK);
		free(a);
		free(b);
	}
}

/* ---- audit ---- */

/* Nine records: two imports, an entry, a mutation, a manual record, a
 * read, and a batch of three; times 1000, 1001, ... */
static void
maak_audit(struct store *s, int64_t *D1, int64_t *D2, int64_t *cm)
{
	char *d2 = variant("\"D-2\"", "\"WG-1\"", "\"WN-8\"");
	struct casefile_fout f;
	struct store_audit_rec rec[3];
	static char wn[] = "wn", adv[] = "adv", coach[] = "coach",
		    lezen[] = "dossier lezen", tl[] = "tijdlijn lezen";

	*cm = tl_gebruiker(s, "cm");
	setenv("SPOOR_NU", "1000", 1);
	*D1 = importeer(s, DOSSIER_1);
	setenv("SPOOR_NU", "1001", 1);
	*D2 = importeer(s, d2);
	setenv("SPOOR_NU", "1002", 1);
	assert_int_equal(voeg_toe(s, *D1, "{\"soort\":\"contact\",\"datum\":"
				  "\"2026-06-02\"}", ROL_BIT(ROL_CASEMANAGER),
				  *cm, "cm", NULL, &f),
			 ST_OK);
	/* a refused write leaves no record */
	assert_int_equal(voeg_toe(s, *D1, "{\"soort\":\"contact\",\"datum\":"
				  "\"2026-06-02\",\"zichtbaarheid\":\"medisch\"}",
				  ROL_BIT(ROL_WERKGEVER), *cm, "cm", NULL, &f),
			 ST_VERBODEN);
	setenv("SPOOR_NU", "1003", 1);
	assert_int_equal(verzuim_toe(s, *D2, "{\"datum\":\"2026-06-01\","
				     "\"soort\":\"hersteld\"}",
				     ROL_BIT(ROL_CASEMANAGER), &f),
			 ST_OK);
	setenv("SPOOR_NU", "1004", 1);
	assert_int_equal(store_audit(s, *cm, "cm", ROL_BIT(ROL_WERKGEVER) |
				     ROL_BIT(ROL_CASEMANAGER), 0,
				     "gebruiker aanmaken", 0),
			 ST_OK);
	setenv("SPOOR_NU", "1005", 1);
	assert_int_equal(store_audit_lees(s, *cm, "cm",
					  ROL_BIT(ROL_BEDRIJFSARTS), *D1,
					  "dossier lezen", A | M),
			 ST_OK);
	setenv("SPOOR_NU", "1006", 1);
	memset(rec, 0, sizeof(rec));
	rec[0] = (struct store_audit_rec){*cm, *D2, ROL_BIT(ROL_WERKNEMER),
					  A | M | V, wn, lezen};
	rec[1] = (struct store_audit_rec){0, *D1, ROL_BIT(ROL_ADVISEUR), A,
					  adv, tl};
	rec[2] = (struct store_audit_rec){*cm, *D1, ROL_BIT(ROL_LOOPBAANCOACH),
					  A | V, coach, lezen};
	assert_int_equal(store_audit_reeks(s, rec, 3), ST_OK);
	/* an empty batch is fine and writes nothing */
	assert_int_equal(store_audit_reeks(s, rec, 0), ST_OK);
	free(d2);
}

static void
verify_ok(struct store *s, int64_t want_n)
{
	int64_t n = -1, fv = -1;
	int rc = store_audit_verify(s, &n, &fv);

	if (rc != ST_OK)
		fail_msg("store_audit_verify rc %d, first bad %lld", rc,
			 (long long)fv);
	assert_int_equal(n, want_n);
}

static void
verify_breuk(struct store *s, int64_t want_volgnr)
{
	int64_t n = -1, fv = -1;
	int rc = store_audit_verify(s, &n, &fv);

	if (rc != ST_ONGELDIG)
		fail_msg("store_audit_verify rc %d (n %lld), expected a break "
			 "at %lld", rc, (long long)n, (long long)want_volgnr);
	assert_int_equal(fv, want_volgnr);
}

static void
zet(struct store *s, const char *sql, const char *waarde, int64_t volgnr)
{
	struct db_param p[] = {db_text(waarde), db_int(volgnr)};

	exec(s->db, sql, p, 2, 1);
}

/* The text of column kol of audit record volgnr (malloc'd). */
static char *
veld(struct store *s, const char *kol, int64_t volgnr)
{
	char sql[128];
	struct db_param p = db_int(volgnr);
	struct db_res r;
	char *v;

	snprintf(sql, sizeof(sql), "SELECT %s FROM audit WHERE volgnr = $1",
		 kol);
	r = query(s->db, sql, &p, 1);
	assert_int_equal(r.nrows, 1);
	v = strdup(db_cel(&r, 0, 0));
	db_res_release(&r);
	assert_non_null(v);
	return v;
}

static void
t_audit(void **state)
{
	struct store *s = tl_store(state);
	int64_t D1, D2, cm;
	struct db_res r;
	size_t i;
	char *h;

	maak_audit(s, &D1, &D2, &cm);
	verify_ok(s, 9);

	/* the records as written */
	r = query(s->db, "SELECT volgnr, tijd, gebruiker_id, gebruiker, rol, "
		  "dossier_id, actie, klasse, vorige, hash FROM audit ORDER BY "
		  "volgnr", NULL, 0);
	assert_int_equal(r.nrows, 9);
	for (i = 0; i < 9; i++) {
		assert_int_equal(db_cel_int(&r, i, 0), (int64_t)i + 1);
		assert_int_equal(db_cel_int(&r, i, 1), 1000 + (int64_t)(i < 6 ? i : 6));
		assert_int_equal(strlen(db_cel(&r, i, 9)), 64);
		assert_string_equal(db_cel(&r, i, 8),
				    i ? db_cel(&r, i - 1, 9)
				      : "0000000000000000000000000000000000000000"
					"000000000000000000000000");
	}
	/* import: no user, no roles, every class of the document */
	assert_null(db_cel(&r, 0, 2));
	assert_string_equal(db_cel(&r, 0, 3), "import");
	assert_string_equal(db_cel(&r, 0, 4), "");
	assert_int_equal(db_cel_int(&r, 0, 5), D1);
	assert_string_equal(db_cel(&r, 0, 6), "dossier importeren");
	assert_string_equal(db_cel(&r, 0, 7), "algemeen,medisch,vertrouwelijk");
	/* the entry */
	assert_int_equal(db_cel_int(&r, 2, 2), cm);
	assert_string_equal(db_cel(&r, 2, 4), "casemanager");
	assert_string_equal(db_cel(&r, 2, 6), "item vastleggen");
	assert_string_equal(db_cel(&r, 2, 7), "algemeen");
	/* the manual record: roles in enum order, no case, no class */
	assert_string_equal(db_cel(&r, 4, 4), "casemanager,werkgever");
	assert_null(db_cel(&r, 4, 5));
	assert_string_equal(db_cel(&r, 4, 7), "");
	/* the read */
	assert_string_equal(db_cel(&r, 5, 4), "bedrijfsarts");
	assert_string_equal(db_cel(&r, 5, 7), "algemeen,medisch");
	assert_string_equal(db_cel(&r, 6, 7), "algemeen,medisch,vertrouwelijk");
	assert_string_equal(db_cel(&r, 6, 3), "wn");
	db_res_release(&r);
	/* the head names the last record */
	r = query(s->db, "SELECT k.volgnr, k.hash, a.hash FROM audit_kop k, "
		  "audit a WHERE a.volgnr = 9", NULL, 0);
	assert_int_equal(r.nrows, 1);
	assert_int_equal(db_cel_int(&r, 0, 0), 9);
	assert_string_equal(db_cel(&r, 0, 1), db_cel(&r, 0, 2));
	db_res_release(&r);

	/* the access log of D1 only, newest first */
	assert_int_equal(store_toegang_log(s, D1, 0, 0, 0, 100, &r), ST_OK);
	assert_int_equal(r.ncols, 7);
	assert_int_equal(r.nrows, 5);
	{
		static const struct {
			int64_t tijd;
			const char *wie, *rol, *actie, *klasse;
		} want[5] = {
			{1000, "import", "", "dossier importeren",
			 "algemeen,medisch,vertrouwelijk"},
			{1002, "cm", "casemanager", "item vastleggen",
			 "algemeen"},
			{1005, "cm", "bedrijfsarts", "dossier lezen",
			 "algemeen,medisch"},
			{1006, "adv", "adviseur", "tijdlijn lezen", "algemeen"},
			{1006, "coach", "loopbaancoach", "dossier lezen",
			 "algemeen,vertrouwelijk"},
		};

		for (i = 0; i < 5; i++) {
			size_t k = 4 - i;

			assert_int_equal(db_cel_int(&r, i, 0), want[k].tijd);
			assert_string_equal(db_cel(&r, i, 1), want[k].wie);
			assert_string_equal(db_cel(&r, i, 2), want[k].rol);
			assert_string_equal(db_cel(&r, i, 3), want[k].actie);
			assert_string_equal(db_cel(&r, i, 4), want[k].klasse);
			assert_int_equal(db_cel_int(&r, i, 5), 1);
			assert_int_equal(db_cel_int(&r, i, 6), want[k].tijd);
		}
	}
	db_res_release(&r);
	assert_int_equal(store_toegang_log(s, D2, 0, 0, 0, 100, &r), ST_OK);
	assert_int_equal(r.nrows, 3);
	assert_string_equal(db_cel(&r, 2, 3), "dossier importeren");
	assert_string_equal(db_cel(&r, 1, 3), "verzuim vastleggen");
	assert_string_equal(db_cel(&r, 1, 4), "algemeen");
	assert_string_equal(db_cel(&r, 0, 1), "wn");
	db_res_release(&r);
	assert_int_equal(store_toegang_log(s, D2 + 1000, 0, 0, 0, 100, &r),
			 ST_OK);
	assert_int_equal(r.nrows, 0);
	db_res_release(&r);

	/* tampering, each undone before the next */
	h = veld(s, "actie", 3);
	zet(s, "UPDATE audit SET actie = $1 WHERE volgnr = $2", "dossier lezen",
	    3);
	verify_breuk(s, 3);
	zet(s, "UPDATE audit SET actie = $1 WHERE volgnr = $2", h, 3);
	free(h);
	verify_ok(s, 9);

	h = veld(s, "gebruiker", 1);
	zet(s, "UPDATE audit SET gebruiker = $1 WHERE volgnr = $2", "imporT", 1);
	verify_breuk(s, 1);
	zet(s, "UPDATE audit SET gebruiker = $1 WHERE volgnr = $2", h, 1);
	free(h);

	h = veld(s, "klasse", 6);
	zet(s, "UPDATE audit SET klasse = $1 WHERE volgnr = $2", "algemeen", 6);
	verify_breuk(s, 6);
	zet(s, "UPDATE audit SET klasse = $1 WHERE volgnr = $2", h, 6);
	free(h);

	h = veld(s, "hash", 5);
	zet(s, "UPDATE audit SET hash = $1 WHERE volgnr = $2",
	    "0000000000000000000000000000000000000000000000000000000000000000",
	    5);
	verify_breuk(s, 5);
	zet(s, "UPDATE audit SET hash = $1 WHERE volgnr = $2", h, 5);
	free(h);

	{
		struct db_param p = db_int(7);

		exec(s->db, "UPDATE audit SET tijd = tijd + 1 WHERE volgnr = $1",
		     &p, 1, 1);
		verify_breuk(s, 7);
		exec(s->db, "UPDATE audit SET tijd = tijd - 1 WHERE volgnr = $1",
		     &p, 1, 1);
		exec(s->db, "UPDATE audit SET dossier_id = NULL WHERE volgnr = $1",
		     &p, 1, 1);
		verify_breuk(s, 7);
	}
	{
		struct db_param p[] = {db_int(D2), db_int(7)};

		exec(s->db, "UPDATE audit SET dossier_id = $1 WHERE volgnr = $2",
		     p, 2, 1);
	}
	verify_ok(s, 9);

	/* the head alone */
	h = veld(s, "hash", 9);
	{
		struct db_param p = db_text(h);

		exec(s->db, "UPDATE audit_kop SET hash = upper($1)", &p, 1, 1);
		verify_breuk(s, 10);
		exec(s->db, "UPDATE audit_kop SET hash = $1", &p, 1, 1);
	}
	free(h);
	verify_ok(s, 9);

	/* cutting off the last record */
	exec(s->db, "DELETE FROM audit WHERE volgnr = 9", NULL, 0, 1);
	verify_breuk(s, 9);
	/* ... also when the head's number is fixed up: its hash still
	 * names the record that is gone */
	exec(s->db, "UPDATE audit_kop SET volgnr = 8", NULL, 0, 1);
	verify_breuk(s, 9);
	/* a record taken out of the middle */
	exec(s->db, "DELETE FROM audit WHERE volgnr = 4", NULL, 0, 1);
	verify_breuk(s, 5);
}

/* The aantal and laatst of audit record volgnr. */
static void
vouw_telling(struct store *s, int64_t volgnr, int64_t aantal, int64_t laatst)
{
	struct db_param p = db_int(volgnr);
	struct db_res r = query(s->db, "SELECT aantal, laatst FROM audit "
				"WHERE volgnr = $1", &p, 1);

	assert_int_equal(r.nrows, 1);
	assert_int_equal(db_cel_int(&r, 0, 0), aantal);
	assert_int_equal(db_cel_int(&r, 0, 1), laatst);
	db_res_release(&r);
}

static int64_t
kop_volgnr(struct store *s)
{
	char h[65];
	int64_t v = -1, t = -1;

	assert_int_equal(store_audit_kop(s, &v, h, &t), ST_OK);
	assert_int_equal(strlen(h), 64);
	return v;
}

/* issue 12: reads of one case by one user within STORE_AUDIT_VOUW
 * seconds fold into one record (before, every read added a record: the
 * head moved on each), the chain still verifies, writes never fold. */
static void
t_audit_vouw(void **state)
{
	struct store *s = tl_store(state);
	static char ba[] = "ba", lezen[] = "dossier lezen";
	struct store_audit_rec rec[4];
	int64_t D1 = 101, D2 = 102, cm, n0, i;
	char h[65], h2[65];
	int64_t t;

	/* audit records name cases by id only: none need exist */
	cm = tl_gebruiker(s, "ba");
	setenv("SPOOR_NU", "4000", 1);
	assert_int_equal(store_audit(s, cm, "ba", 0, 0, "aanmelden", 0), ST_OK);
	n0 = kop_volgnr(s);
	assert_int_equal(n0, 1);
	setenv("SPOOR_NU", "5000", 1);
	for (i = 0; i < 3; i++)
		assert_int_equal(store_audit_lees(s, cm, "ba",
						  ROL_BIT(ROL_BEDRIJFSARTS), D1,
						  "dossier lezen", A | M),
				 ST_OK);
	assert_int_equal(kop_volgnr(s), n0 + 1);
	vouw_telling(s, n0 + 1, 3, 5000);
	/* within the window: folds, laatst moves */
	setenv("SPOOR_NU", "5600", 1);
	assert_int_equal(store_audit_lees(s, cm, "ba", ROL_BIT(ROL_BEDRIJFSARTS),
					  D1, "dossier lezen", A | M),
			 ST_OK);
	vouw_telling(s, n0 + 1, 4, 5600);
	/* another case, another action, another role: records of their
	 * own */
	assert_int_equal(store_audit_lees(s, cm, "ba", ROL_BIT(ROL_BEDRIJFSARTS),
					  D2, "dossier lezen", A | M),
			 ST_OK);
	assert_int_equal(store_audit_lees(s, cm, "ba", ROL_BIT(ROL_BEDRIJFSARTS),
					  D1, "tijdlijn lezen", A | M),
			 ST_OK);
	assert_int_equal(store_audit_lees(s, cm, "ba", ROL_BIT(ROL_WERKNEMER),
					  D1, "dossier lezen", A | M | V),
			 ST_OK);
	assert_int_equal(kop_volgnr(s), n0 + 4);
	/* past the window (counted from the record's first read): new */
	setenv("SPOOR_NU", "5601", 1);
	assert_int_equal(store_audit_lees(s, cm, "ba", ROL_BIT(ROL_BEDRIJFSARTS),
					  D1, "dossier lezen", A | M),
			 ST_OK);
	assert_int_equal(kop_volgnr(s), n0 + 5);
	vouw_telling(s, n0 + 1, 4, 5600);
	vouw_telling(s, n0 + 5, 1, 5601);
	/* a batch: three equal reads and one into the record above */
	setenv("SPOOR_NU", "5700", 1);
	memset(rec, 0, sizeof(rec));
	for (i = 0; i < 3; i++)
		rec[i] = (struct store_audit_rec){cm, D2,
						  ROL_BIT(ROL_WERKNEMER),
						  A | M | V, ba, lezen};
	rec[3] = (struct store_audit_rec){cm, D1, ROL_BIT(ROL_BEDRIJFSARTS),
					  A | M, ba, lezen};
	assert_int_equal(store_audit_reeks(s, rec, 4), ST_OK);
	assert_int_equal(kop_volgnr(s), n0 + 6);
	vouw_telling(s, n0 + 6, 3, 5700);
	vouw_telling(s, n0 + 5, 2, 5700);
	/* writes never fold */
	assert_int_equal(store_audit(s, cm, "ba", ROL_BIT(ROL_BEDRIJFSARTS), D1,
				     "dossier lezen", A | M),
			 ST_OK);
	assert_int_equal(kop_volgnr(s), n0 + 7);
	/* no user (command line): never folds */
	assert_int_equal(store_audit_lees(s, 0, "cli", 0, D1, "export", A),
			 ST_OK);
	assert_int_equal(store_audit_lees(s, 0, "cli", 0, D1, "export", A),
			 ST_OK);
	assert_int_equal(kop_volgnr(s), n0 + 9);
	verify_ok(s, n0 + 9);
	/* the head: the last record's hash and time */
	assert_int_equal(store_audit_kop(s, &i, h, &t), ST_OK);
	assert_int_equal(store_audit_hash(s, i, h2), ST_OK);
	assert_string_equal(h, h2);
	assert_int_equal(t, 5700);
	assert_int_equal(store_audit_hash(s, i + 1, h2), ST_NIET_GEVONDEN);
	unsetenv("SPOOR_NU");
}

/* issue 12: the access log is read a page at a time, newest first, in a
 * time range; before, the whole log came back in one result. */
static void
t_audit_pagina(void **state)
{
	struct store *s = tl_store(state);
	struct db_res r;
	int64_t D1 = 101, D2 = 102, cm, i;
	char t[24];

	cm = tl_gebruiker(s, "ba");
	setenv("SPOOR_NU", "1001", 1);
	assert_int_equal(store_audit_lees(s, cm, "ba", ROL_BIT(ROL_WERKNEMER),
					  D1, "dossier lezen", A), ST_OK);
	/* 120 reads at times 10000, 11000, ...: each past the window */
	for (i = 0; i < 120; i++) {
		snprintf(t, sizeof(t), "%lld", (long long)(10000 + i * 1000));
		setenv("SPOOR_NU", t, 1);
		assert_int_equal(store_audit_lees(s, cm, "ba",
						  ROL_BIT(ROL_BEDRIJFSARTS), D2,
						  "dossier lezen", A | M),
				 ST_OK);
	}
	unsetenv("SPOOR_NU");
	/* D2 has these 120, D1 one of its own */
	assert_int_equal(store_toegang_log(s, D2, 0, 0, 0, 50, &r), ST_OK);
	assert_int_equal(r.nrows, 50);
	assert_int_equal(db_cel_int(&r, 0, 0), 10000 + 119 * 1000);
	assert_int_equal(db_cel_int(&r, 49, 0), 10000 + 70 * 1000);
	db_res_release(&r);
	assert_int_equal(store_toegang_log(s, D2, 0, 0, 100, 50, &r), ST_OK);
	assert_int_equal(r.nrows, 20);
	assert_int_equal(db_cel_int(&r, 19, 0), 10000);
	db_res_release(&r);
	assert_int_equal(store_toegang_log(s, D1, 0, 0, 0, 50, &r), ST_OK);
	assert_int_equal(r.nrows, 1);
	assert_int_equal(db_cel_int(&r, 0, 0), 1001);
	db_res_release(&r);
	assert_int_equal(store_toegang_log(s, D2, 0, 0, 200, 50, &r), ST_OK);
	assert_int_equal(r.nrows, 0);
	db_res_release(&r);
	/* [20000, 25000): the reads at 20000 .. 24000 */
	assert_int_equal(store_toegang_log(s, D2, 20000, 25000, 0, 50, &r),
			 ST_OK);
	assert_int_equal(r.nrows, 5);
	assert_int_equal(db_cel_int(&r, 0, 0), 24000);
	assert_int_equal(db_cel_int(&r, 4, 0), 20000);
	db_res_release(&r);
	/* a folded record counts when its reads overlap the range */
	setenv("SPOOR_NU", "129500", 1);
	assert_int_equal(store_audit_lees(s, cm, "ba", ROL_BIT(ROL_BEDRIJFSARTS),
					  D2, "dossier lezen", A | M),
			 ST_OK);
	unsetenv("SPOOR_NU");
	assert_int_equal(store_toegang_log(s, D2, 129200, 0, 0, 50, &r), ST_OK);
	assert_int_equal(r.nrows, 1);
	assert_int_equal(db_cel_int(&r, 0, 0), 129000);
	assert_int_equal(db_cel_int(&r, 0, 5), 2);
	assert_int_equal(db_cel_int(&r, 0, 6), 129500);
	db_res_release(&r);
}

/* The audit chain continues across connections: a second store appends
 * after the first one's records. */
static void
t_audit_tweede_verbinding(void **state)
{
	struct tl_fix *f = tl_fx(state);
	struct store *s = tl_store(state), *t = NULL;
	char err[256];
	int64_t n = -1, fv = -1;

	assert_int_equal(store_audit(s, 0, "a", 0, 0, "een", 0), ST_OK);
	if (store_open(f->url, 0, &t, err, sizeof(err)))
		fail_msg("second store_open: %s", err);
	assert_int_equal(store_audit(t, 0, "b", 0, 0, "twee", 0), ST_OK);
	assert_int_equal(store_audit(s, 0, "a", 0, 0, "drie", 0), ST_OK);
	assert_int_equal(store_audit_verify(t, &n, &fv), ST_OK);
	assert_int_equal(n, 3);
	store_free(t);
}

/* store_begin/commit/rollback group writes: a rolled-back audit record
 * is gone, the chain stays whole. */
static void
t_transactie(void **state)
{
	struct store *s = tl_store(state);

	assert_int_equal(store_begin(s), ST_OK);
	assert_int_equal(store_audit(s, 0, "x", 0, 0, "weg", 0), ST_OK);
	assert_int_equal(store_audit(s, 0, "x", 0, 0, "weg", 0), ST_OK);
	assert_int_equal(store_rollback(s), ST_OK);
	assert_int_equal(telling(s->db, "audit"), 0);
	verify_ok(s, 0);
	assert_int_equal(store_begin(s), ST_OK);
	assert_int_equal(store_audit(s, 0, "x", 0, 0, "blijft", 0), ST_OK);
	assert_int_equal(store_commit(s), ST_OK);
	verify_ok(s, 1);
	/* a rollback without a transaction is accepted */
	assert_int_equal(store_rollback(s), ST_OK);
}

/* Writers on separate connections queue on the case: every append of
 * two concurrent writers lands, with distinct ids, and the audit chain
 * stays whole. */
#define PARALLEL 15

struct schrijver {
	const char *url;
	int64_t id;
	int fouten;
	char melding[256];
};

static void *
schrijf_draad(void *arg)
{
	struct schrijver *w = arg;
	struct store *s = NULL;
	struct casefile_fout f;
	int i, rc;

	if (store_open(w->url, 0, &s, w->melding, sizeof(w->melding))) {
		w->fouten++;
		return NULL;
	}
	for (i = 0; i < PARALLEL; i++) {
		static const char e[] = "{\"soort\":\"contact\",\"datum\":"
					"\"2026-06-02\"}";

		rc = i % 3 == 2
			? store_audit_lees(s, 0, "lezer", 0, w->id,
						"dossier lezen", 1u)
			: store_gebeurtenis_toevoegen(s, w->id, e, strlen(e),
						      ROL_BIT(ROL_CASEMANAGER),
						      0, "cm", NULL, &f);
		if (rc) {
			w->fouten++;
			snprintf(w->melding, sizeof(w->melding), "rc %d: %s", rc,
				 store_errmsg(s));
		}
	}
	store_free(s);
	return NULL;
}

static void
t_gelijktijdig(void **state)
{
	struct tl_fix *f = tl_fx(state);
	struct store *s = tl_store(state);
	struct schrijver w[2];
	pthread_t t[2];
	struct dossier d;
	size_t i, j;
	int64_t id = importeer(s, DOSSIER_1);

	for (i = 0; i < 2; i++) {
		memset(&w[i], 0, sizeof(w[i]));
		w[i].url = f->url;
		w[i].id = id;
		assert_int_equal(pthread_create(&t[i], NULL, schrijf_draad,
						&w[i]),
				 0);
	}
	for (i = 0; i < 2; i++)
		assert_int_equal(pthread_join(t[i], NULL), 0);
	for (i = 0; i < 2; i++)
		if (w[i].fouten)
			fail_msg("writer %zu: %d failures, last: %s", i,
				 w[i].fouten, w[i].melding);
	laad(s, id, &d);
	/* 10 appends per writer (i % 3 != 2 for i < 15) */
	assert_int_equal(d.ngb, N_GB + 20);
	for (i = N_GB; i < d.ngb; i++) {
		assert_entry_id(d.gb[i].id.s);
		for (j = 0; j < i; j++)
			assert_false(d.gb[j].id.s &&
				     !strcmp(d.gb[j].id.s, d.gb[i].id.s));
	}
	dossier_release(&d);
	verify_ok(s, 1 + 2 * PARALLEL);
}

/* ---- registration: every store test on both backends ---- */

#define TESTS(X)                                                           \
	X(t_open)                                                          \
	X(t_import_rondgang)                                               \
	X(t_import_minimaal)                                               \
	X(t_import_dubbel)                                                 \
	X(t_import_ongeldig)                                               \
	X(t_gebruikers)                                                    \
	X(t_toekenningen)                                                  \
	X(t_bereik_toekenning)                                             \
	X(t_bereik_gebruik)                                                \
	X(t_toekenning_audit)                                              \
	X(t_import_werkgever)                                              \
	X(t_import_klassen)                                                \
	X(t_toegang_filter)                                                \
	X(t_gebeurtenis)                                                   \
	X(t_gebeurtenis_geen_lek)                                          \
	X(t_gebeurtenis_id_botsing)                                        \
	X(t_gebeurtenis_id_gemaakt)                                        \
	X(t_verzuim)                                                       \
	X(t_sessies)                                                       \
	X(t_intrekken)                                                     \
	X(t_sessie_idle)                                                   \
	X(t_audit)                                                         \
	X(t_audit_tweede_verbinding)                                       \
	X(t_audit_vouw)                                                    \
	X(t_audit_pagina)                                                  \
	X(t_transactie)                                                    \
	X(t_gelijktijdig)

#define SQ(f) cmocka_unit_test_setup_teardown(f, setup_sqlite, tl_teardown),
#define PG(f) cmocka_unit_test_setup_teardown(f, setup_pg, tl_teardown),

int
main(void)
{
	const struct CMUnitTest los[] = {
		cmocka_unit_test(t_toegang_tabel),
	};
	const struct CMUnitTest sqlite_tests[] = {TESTS(SQ)};
	const struct CMUnitTest pg_tests[] = {TESTS(PG)};
	int fouten = 0;

	fouten += cmocka_run_group_tests_name("toegang", los, NULL, NULL);
	fouten += cmocka_run_group_tests_name("store_sqlite", sqlite_tests,
					      NULL, NULL);
	if (!tl_pg_url())
		fprintf(stderr, "test_store: SPOOR_PG_URL is not set, the "
				"PostgreSQL tests are skipped (run: "
				"scripts/pg.sh run build/tests/test_store)\n");
	fouten += cmocka_run_group_tests_name("store_pg", pg_tests, NULL, NULL);
	return fouten ? 1 : 0;
}
