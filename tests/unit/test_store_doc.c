/*
 * test_store_doc.c - documents and organisation records of the store
 * (store_doc.h). Every store test runs against SQLite (a fresh file in a
 * fresh directory) and, when SPOOR_PG_URL is set, against PostgreSQL (a
 * fresh schema "tsd" through options=-csearch_path=tsd);
 * `scripts/pg.sh run build/tests/test_store_doc` provides a server.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "core/dossier.h"
#include "format/casefile.h"
#include "store/db.h"
#include "store/laad.h"
#include "store/store.h"
#include "store/store_doc.h"
#include "store/toegang.h"
#include "testlib.h"

#define RB(r) ROL_BIT(r)
/* a string literal and its length */
#define LIT(s) s, sizeof(s) - 1

/* ---- fixtures (testlib.h) ---- */

static int
setup_sqlite(void **state)
{
	return tl_setup_sqlite(state, "doc", "s.db", TL_NU0);
}

static int
setup_pg(void **state)
{
	return tl_setup_pg(state, "tsd", TL_NU0);
}

/* ---- helpers ---- */

/* A case of employer wg and employee wn; %s are filled in. */
static const char CASE_FMT[] =
	"{\"formaat\":\"spoor-dossier/1\",\"dossier_id\":\"%s\","
	"\"werkgever\":{\"id\":\"%s\",\"naam\":\"Bakkerij %s\"},"
	"\"werknemer\":{\"id\":\"%s\",\"naam\":\"%s\"},"
	"\"dienstverband\":{\"begindatum\":\"2015-03-01\",\"soort\":"
	"\"onbepaalde_tijd\",\"maandloon_cent\":300000},\"vangnet\":null,"
	"\"verzuim\":[{\"datum\":\"2026-01-12\",\"soort\":\"ziek\","
	"\"percentage\":100}],\"gebeurtenissen\":[{\"soort\":\"contact\","
	"\"datum\":\"2026-01-20\",\"zichtbaarheid\":\"medisch\",\"tekst\":"
	"\"diagnose\"}]}";

static int64_t
zaak(struct store *s, const char *id, const char *wg, const char *wn,
     const char *naam)
{
	char tekst[1024];
	struct casefile_fout f;
	int64_t ds = 0;
	int rc;

	snprintf(tekst, sizeof(tekst), CASE_FMT, id, wg, wg, wn, naam);
	memset(&f, 0, sizeof(f));
	rc = store_import(s, tekst, strlen(tekst), 0, "import", &ds, &f);
	if (rc)
		fail_msg("store_import %s rc %d: %s: %s (%s)", id, rc, f.pad,
			 f.reden, store_errmsg(s));
	return ds;
}

static int64_t
getal(struct store *s, const char *sql)
{
	return tl_getal(s->db, sql);
}

static int64_t
versie(struct store *s, int64_t ds)
{
	char sql[96];

	snprintf(sql, sizeof(sql), "SELECT versie FROM dossier WHERE id = %lld",
		 (long long)ds);
	return getal(s, sql);
}

static int64_t
n_audit(struct store *s)
{
	return getal(s, "SELECT count(*) FROM audit");
}

static void
verify_ok(struct store *s)
{
	int64_t n = 0, bad = 0;

	assert_int_equal(store_audit_verify(s, &n, &bad), ST_OK);
	assert_true(n > 0);
}

static int
doc(struct store *s, int64_t ds, uint32_t rollen, const char *naam,
    const char *mime, enum zichtbaarheid z, const char *inhoud, size_t len,
    struct store_doc *out)
{
	return store_doc_nieuw(s, ds, rollen, naam, mime, z, inhoud, len, 0,
			       "tester", out, NULL);
}

/* ---- the checks of an upload (no database) ---- */

static void
t_controles(void **state)
{
	static const char dertig[] = "abcdefghijklmnopqrstuvwxyz0123";
	char lang[STORE_DOC_NAAM_MAX + 2];
	size_t i;

	(void)state;
	assert_string_equal(store_doc_mime("application/pdf"), "application/pdf");
	assert_string_equal(store_doc_mime(" Application/PDF ; x=y"),
			    "application/pdf");
	assert_string_equal(store_doc_mime("text/plain; charset=utf-8"),
			    "text/plain");
	assert_string_equal(store_doc_mime("application/vnd.oasis.opendocument."
					   "text"),
			    "application/vnd.oasis.opendocument.text");
	assert_string_equal(store_doc_mime("application/vnd.openxmlformats-"
					   "officedocument.spreadsheetml.sheet"),
			    "application/vnd.openxmlformats-officedocument."
			    "spreadsheetml.sheet");
	assert_null(store_doc_mime("application/zip"));
	assert_null(store_doc_mime("text/html"));
	assert_null(store_doc_mime("application/pdfx"));
	assert_null(store_doc_mime("application/pd"));
	assert_null(store_doc_mime(""));
	assert_null(store_doc_mime(NULL));

	assert_true(store_doc_naam_geldig("verslag.pdf", 11));
	assert_true(store_doc_naam_geldig(
		LIT("Zo\xc3\xab \xe2\x80\x93 \xf0\x9f\x93\x84.txt")));
	assert_false(store_doc_naam_geldig("", 0));
	assert_false(store_doc_naam_geldig("a/b", 3));
	assert_false(store_doc_naam_geldig("a\nb", 3));
	assert_false(store_doc_naam_geldig("a\x7f", 2));
	assert_false(store_doc_naam_geldig("a\xc2\x85", 3));    /* C1 NEL */
	assert_false(store_doc_naam_geldig("\xc0\xaf", 2));     /* overlong '/' */
	assert_false(store_doc_naam_geldig("\xed\xa0\x80", 3)); /* surrogate */
	assert_false(store_doc_naam_geldig("\xf4\x90\x80\x80", 4));
	assert_false(store_doc_naam_geldig("\xc3", 1));         /* cut short */
	assert_false(store_doc_naam_geldig("a\0b", 3));
	for (i = 0; i < sizeof(lang) - 1; i++)
		lang[i] = dertig[i % 30];
	lang[sizeof(lang) - 1] = '\0';
	assert_true(store_doc_naam_geldig(lang, STORE_DOC_NAAM_MAX));
	assert_false(store_doc_naam_geldig(lang, STORE_DOC_NAAM_MAX + 1));

	assert_true(store_doc_inhoud_past("application/pdf", "%PDF-1.7", 8));
	assert_false(store_doc_inhoud_past("application/pdf", "%PDF", 4));
	assert_false(store_doc_inhoud_past("application/pdf", "\x89PNG\r\n\x1a\n", 8));
	assert_true(store_doc_inhoud_past("image/png", "\x89PNG\r\n\x1a\nIHDR", 12));
	assert_false(store_doc_inhoud_past("image/png", "\x89PNG\n\x1a\n", 7));
	assert_true(store_doc_inhoud_past("image/jpeg", "\xff\xd8\xff\xe0", 4));
	assert_false(store_doc_inhoud_past("image/jpeg", "\xff\xd8", 2));
	assert_true(store_doc_inhoud_past("text/plain", "x", 1));
	assert_false(store_doc_inhoud_past("text/html", "x", 1));
}

/* ---- documents ---- */

static void
t_doc_rondgang(void **state)
{
	struct store *s = tl_store(state);
	int64_t ds = zaak(s, "D-1", "WG-1", "WN-1", "A. Jansen"), a0;
	struct store_doc d, m;
	char *inhoud = NULL;
	size_t len = 0;

	a0 = n_audit(s);
	memset(&d, 0, sizeof(d));
	assert_int_equal(doc(s, ds, RB(ROL_CASEMANAGER), "notitie.txt",
			     "text/plain; charset=utf-8", ZB_ALGEMEEN, "abc", 3,
			     &d),
			 ST_OK);
	assert_true(d.id > 0);
	assert_string_equal(d.naam, "notitie.txt");
	assert_string_equal(d.mime, "text/plain");
	assert_int_equal(d.zichtbaarheid, ZB_ALGEMEEN);
	assert_int_equal(d.grootte, 3);
	assert_int_equal(d.vastgelegd, 1780000000);
	/* SHA-256("abc"), FIPS 180-2 appendix B.1 */
	assert_string_equal(d.sha256, "ba7816bf8f01cfea414140de5dae2223b00361a3"
				      "96177a9cb410ff61f20015ad");
	assert_null(d.auteur); /* auteur 0: the command line */
	assert_int_equal(n_audit(s), a0 + 1);
	assert_int_equal(getal(s, "SELECT count(*) FROM audit WHERE actie = "
			      "'document vastleggen' AND klasse = 'algemeen'"),
			 1);
	assert_int_equal(store_doc_lees(s, ds, d.id, RB(ROL_WERKGEVER), &m,
					&inhoud, &len),
			 ST_OK);
	assert_int_equal(len, 3);
	assert_memory_equal(inhoud, "abc", 3);
	assert_int_equal(m.id, d.id);
	assert_string_equal(m.sha256, d.sha256);
	assert_string_equal(m.naam, "notitie.txt");
	free(inhoud);
	store_doc_release(&m);
	store_doc_release(&d);
	/* a document is no case data: the case keeps its versie */
	assert_int_equal(versie(s, ds), 0);
	verify_ok(s);
}

/* Every byte value, NUL included, comes back as stored (bytea in PG). */
static void
t_doc_binair(void **state)
{
	struct store *s = tl_store(state);
	int64_t ds = zaak(s, "D-1", "WG-1", "WN-1", "A. Jansen");
	char buf[5 + 3 * 256], *inhoud = NULL;
	struct store_doc d, m;
	size_t i, len = 0;

	memcpy(buf, "%PDF-", 5);
	for (i = 5; i < sizeof(buf); i++)
		buf[i] = (char)(unsigned char)(i * 7);
	assert_int_equal(doc(s, ds, RB(ROL_BEDRIJFSARTS), "scan.pdf",
			     "application/pdf", ZB_MEDISCH, buf, sizeof(buf), &d),
			 ST_OK);
	assert_int_equal(store_doc_lees(s, ds, d.id, RB(ROL_BEDRIJFSARTS), &m,
					&inhoud, &len),
			 ST_OK);
	assert_int_equal(len, sizeof(buf));
	assert_memory_equal(inhoud, buf, sizeof(buf));
	assert_int_equal(m.grootte, (int64_t)sizeof(buf));
	free(inhoud);
	store_doc_release(&m);
	store_doc_release(&d);
}

/* Who reads which class, in the list and one by one (architecture §6). */
static void
t_doc_klassen(void **state)
{
	struct store *s = tl_store(state);
	int64_t ds = zaak(s, "D-1", "WG-1", "WN-1", "A. Jansen"),
		ander = zaak(s, "D-2", "WG-1", "WN-2", "B. Smit"), id[3];
	struct store_doc d, *lijst = NULL;
	size_t n = 0;
	int r, z;

	assert_int_equal(doc(s, ds, RB(ROL_CASEMANAGER), "a.txt", "text/plain",
			     ZB_ALGEMEEN, "a", 1, &d), ST_OK);
	id[0] = d.id;
	store_doc_release(&d);
	assert_int_equal(doc(s, ds, RB(ROL_BEDRIJFSARTS), "m.txt", "text/plain",
			     ZB_MEDISCH, "m", 1, &d), ST_OK);
	id[1] = d.id;
	store_doc_release(&d);
	assert_int_equal(doc(s, ds, RB(ROL_WERKNEMER), "v.txt", "text/plain",
			     ZB_VERTROUWELIJK, "v", 1, &d), ST_OK);
	id[2] = d.id;
	store_doc_release(&d);
	for (r = ROL_CASEMANAGER; r < ROL__COUNT; r++) {
		size_t k = 0;

		assert_int_equal(store_docs(s, ds, RB(r), &lijst, &n), ST_OK);
		for (z = 0; z < 3; z++) {
			char *inhoud = NULL;
			size_t len = 0;
			struct store_doc m;
			int rc = store_doc_lees(s, ds, id[z], RB(r), &m, &inhoud,
						&len);

			if (toegang_lees(RB(r), (enum zichtbaarheid)z)) {
				assert_true(k < n);
				assert_int_equal(lijst[k].id, id[z]);
				assert_int_equal(lijst[k].zichtbaarheid, z);
				k++;
				assert_int_equal(rc, ST_OK);
				assert_int_equal(len, 1);
				free(inhoud);
				store_doc_release(&m);
			} else {
				assert_int_equal(rc, ST_NIET_GEVONDEN);
			}
		}
		assert_int_equal(n, k);
		store_docs_free(lijst, n);
		lijst = NULL;
	}
	/* the werkgever: one document, never the medical one */
	assert_int_equal(store_docs(s, ds, RB(ROL_WERKGEVER), &lijst, &n), ST_OK);
	assert_int_equal(n, 1);
	assert_string_equal(lijst[0].naam, "a.txt");
	store_docs_free(lijst, n);
	/* beheerder reads nothing; another case's path finds nothing */
	assert_int_equal(store_docs(s, ds, RB(ROL_BEHEERDER), &lijst, &n), ST_OK);
	assert_int_equal(n, 0);
	store_docs_free(lijst, n);
	{
		char *inhoud = NULL;
		size_t len = 0;
		struct store_doc m;

		assert_int_equal(store_doc_lees(s, ander, id[0], RB(ROL_CASEMANAGER),
						&m, &inhoud, &len),
				 ST_NIET_GEVONDEN);
		assert_int_equal(store_doc_lees(s, ds, id[2] + 100,
						RB(ROL_CASEMANAGER), &m, &inhoud,
						&len),
				 ST_NIET_GEVONDEN);
	}
	assert_int_equal(store_docs(s, ander, RB(ROL_CASEMANAGER), &lijst, &n),
			 ST_OK);
	assert_int_equal(n, 0);
	store_docs_free(lijst, n);
}

static void
t_doc_weigering(void **state)
{
	struct store *s = tl_store(state);
	int64_t ds = zaak(s, "D-1", "WG-1", "WN-1", "A. Jansen"), a0;

	a0 = n_audit(s);
	assert_int_equal(doc(s, ds, RB(ROL_WERKGEVER), "a.pdf", "application/pdf",
			     ZB_MEDISCH, "%PDF-1", 6, NULL), ST_VERBODEN);
	assert_int_equal(doc(s, ds, RB(ROL_ADVISEUR), "a.txt", "text/plain",
			     ZB_ALGEMEEN, "x", 1, NULL), ST_VERBODEN);
	assert_int_equal(doc(s, ds, RB(ROL_BEHEERDER), "a.txt", "text/plain",
			     ZB_ALGEMEEN, "x", 1, NULL), ST_VERBODEN);
	assert_int_equal(doc(s, ds, RB(ROL_CASEMANAGER), "a/b.txt", "text/plain",
			     ZB_ALGEMEEN, "x", 1, NULL), ST_ONGELDIG);
	assert_int_equal(doc(s, ds, RB(ROL_CASEMANAGER), "a.zip",
			     "application/zip", ZB_ALGEMEEN, "PK", 2, NULL),
			 ST_ONGELDIG);
	assert_int_equal(doc(s, ds, RB(ROL_CASEMANAGER), "a.txt", "text/plain",
			     ZB_ALGEMEEN, "", 0, NULL), ST_ONGELDIG);
	assert_int_equal(doc(s, ds, RB(ROL_CASEMANAGER), "a.png", "image/png",
			     ZB_ALGEMEEN, "%PDF-1", 6, NULL), ST_ONGELDIG);
	/* an office document is checked as a ZIP container (kantoor.h) */
	{
		struct kantoor_fout kf;

		assert_int_equal(store_doc_nieuw(s, ds, RB(ROL_CASEMANAGER),
						 "a.docx", "application/vnd."
						 "openxmlformats-officedocument."
						 "wordprocessingml.document",
						 ZB_ALGEMEEN, "platte tekst", 12,
						 0, "tester", NULL, &kf),
				 ST_ONGELDIG);
		assert_non_null(strstr(kf.reden, "geen ZIP-archief"));
		assert_int_equal(doc(s, ds, RB(ROL_CASEMANAGER), "CON.txt",
				     "text/plain", ZB_ALGEMEEN, "x", 1, NULL),
				 ST_ONGELDIG);
	}
	assert_int_equal(doc(s, ds + 1000, RB(ROL_CASEMANAGER), "a.txt",
			     "text/plain", ZB_ALGEMEEN, "x", 1, NULL),
			 ST_NIET_GEVONDEN);
	assert_int_equal(getal(s, "SELECT count(*) FROM document"), 0);
	assert_int_equal(n_audit(s), a0);
	/* the store is usable after a refusal inside its transaction */
	assert_int_equal(doc(s, ds, RB(ROL_CASEMANAGER), "a.txt", "text/plain",
			     ZB_ALGEMEEN, "x", 1, NULL), ST_OK);
	verify_ok(s);
}

/* ---- werkgevers ---- */

static void
t_werkgevers(void **state)
{
	struct store *s = tl_store(state);
	struct store_werkgever *w = NULL;
	int64_t g1, g2;
	size_t n = 0;

	zaak(s, "D-1", "WG-1", "WN-1", "A. Jansen");
	zaak(s, "D-2", "WG-1", "WN-2", "B. Smit");
	zaak(s, "D-3", "WG-2", "WN-3", "C. Bos");
	g1 = tl_gebruiker(s, "cm");
	g2 = tl_gebruiker(s, "coach");
	tl_toeken(s, g1, ROL_CASEMANAGER, "WG-2", NULL);
	tl_toeken(s, g2, ROL_LOOPBAANCOACH, NULL, "D-1");
	assert_int_equal(store_werkgevers(s, 0, 1, &w, &n), ST_OK);
	assert_int_equal(n, 2);
	assert_string_equal(w[0].id, "WG-1");
	assert_string_equal(w[0].naam, "Bakkerij WG-1");
	assert_int_equal(w[0].dossiers, 2);
	assert_false(w[0].eigenrisicodrager_wga);
	assert_string_equal(w[1].id, "WG-2");
	assert_int_equal(w[1].dossiers, 1);
	store_werkgevers_free(w, n);
	assert_int_equal(store_werkgevers(s, g1, 0, &w, &n), ST_OK);
	assert_int_equal(n, 1);
	assert_string_equal(w[0].id, "WG-2");
	store_werkgevers_free(w, n);
	/* a grant for one case is no organisation-wide grant */
	assert_int_equal(store_werkgevers(s, g2, 0, &w, &n), ST_OK);
	assert_int_equal(n, 0);
	store_werkgevers_free(w, n);
}

static void
t_werkgever_nieuw(void **state)
{
	struct store *s = tl_store(state);
	struct store_werkgever w;
	struct casefile_fout f;
	int64_t a0 = n_audit(s);
	static const struct {
		const char *json, *pad;
	} fout[] = {
		{"{\"id\":\"WG-9\",\"naam\":\"X\",\"kvk\":1}", "$.kvk"},
		{"{\"id\":\"WG-9\",\"naam\":\"X\",\"naam\":\"Y\"}", "$.naam"},
		{"{\"id\":\"WG-9\",\"naam\":\"\"}", "$.naam"},
		{"{\"naam\":\"X\"}", "$.id"},
		{"{\"id\":\"WG-9\",\"naam\":\"X\",\"eigenrisicodrager_wga\":1}",
		 "$.eigenrisicodrager_wga"},
		{"[]", "$"},
		{"{\"id\":\"WG-9\"", ""},
		{"{\"id\":\"WG-9\",\"naam\":\"X\"} {}", ""},
	};
	size_t i;

	for (i = 0; i < sizeof(fout) / sizeof(fout[0]); i++) {
		memset(&f, 0, sizeof(f));
		assert_int_equal(store_werkgever_nieuw(s, fout[i].json,
						       strlen(fout[i].json), 0,
						       "t", RB(ROL_BEHEERDER), &w,
						       &f),
				 ST_ONGELDIG);
		assert_string_equal(f.pad, fout[i].pad);
		assert_true(f.reden[0] != '\0');
	}
	assert_int_equal(getal(s, "SELECT count(*) FROM werkgever"), 0);
	assert_int_equal(n_audit(s), a0);
	{
		static const char j[] = "{\"id\":\"WG-9\",\"naam\":\"Nieuw B.V.\","
					"\"eigenrisicodrager_wga\":true}";

		assert_int_equal(store_werkgever_nieuw(s, j, strlen(j), 0, "t",
						       RB(ROL_BEHEERDER), &w, &f),
				 ST_OK);
		assert_string_equal(w.id, "WG-9");
		assert_string_equal(w.naam, "Nieuw B.V.");
		assert_true(w.eigenrisicodrager_wga);
		assert_int_equal(w.dossiers, 0);
		store_werkgever_release(&w);
		assert_int_equal(n_audit(s), a0 + 1);
		assert_int_equal(store_werkgever_nieuw(s, j, strlen(j), 0, "t",
						       RB(ROL_BEHEERDER), &w, &f),
				 ST_CONFLICT);
		assert_string_equal(f.pad, "$.id");
	}
	assert_int_equal(n_audit(s), a0 + 1);
	/* a case of the new employer keeps its data */
	zaak(s, "D-1", "WG-9", "WN-1", "A. Jansen");
	verify_ok(s);
}

static void
t_werkgever_wijzig(void **state)
{
	struct store *s = tl_store(state);
	int64_t d1 = zaak(s, "D-1", "WG-1", "WN-1", "A. Jansen"),
		d2 = zaak(s, "D-2", "WG-1", "WN-2", "B. Smit"),
		d3 = zaak(s, "D-3", "WG-2", "WN-3", "C. Bos");
	struct store_werkgever w;
	struct casefile_fout f;
	struct dossier d;
	static const char j[] = "{\"naam\":\"Bakkerij WG-1\","
				"\"eigenrisicodrager_wga\":true}";

	assert_int_equal(store_werkgever_wijzig(s, "WG-1", j, strlen(j), 0, "t",
						RB(ROL_CASEMANAGER), &w, &f),
			 ST_OK);
	assert_true(w.eigenrisicodrager_wga);
	assert_int_equal(w.dossiers, 2);
	store_werkgever_release(&w);
	assert_int_equal(versie(s, d1), 1);
	assert_int_equal(versie(s, d2), 1);
	assert_int_equal(versie(s, d3), 0);
	dossier_init(&d);
	assert_int_equal(store_dossier_laad(s, d2, &d), ST_OK);
	assert_true(d.eigenrisicodrager_wga);
	dossier_release(&d);
	/* the same again changes nothing and raises nothing */
	assert_int_equal(store_werkgever_wijzig(s, "WG-1", j, strlen(j), 0, "t",
						RB(ROL_CASEMANAGER), NULL, &f),
			 ST_OK);
	assert_int_equal(versie(s, d1), 1);
	/* a new name alone raises too: it is in every case file */
	assert_int_equal(store_werkgever_wijzig(s, "WG-1", LIT("{\"naam\":\"B\"}"),
						0, "t", RB(ROL_WERKGEVER), NULL,
						&f),
			 ST_OK);
	assert_int_equal(versie(s, d1), 2);
	dossier_init(&d);
	assert_int_equal(store_dossier_laad(s, d1, &d), ST_OK);
	assert_string_equal(d.werkgever_naam.s, "B");
	assert_false(d.eigenrisicodrager_wga); /* absent: false */
	dossier_release(&d);
	assert_int_equal(store_werkgever_wijzig(s, "WG-7", j, strlen(j), 0, "t",
						RB(ROL_BEHEERDER), NULL, &f),
			 ST_NIET_GEVONDEN);
	assert_int_equal(store_werkgever_wijzig(s, "WG-1",
						LIT("{\"id\":\"WG-1\",\"naam\":\"X\"}"),
						0, "t", RB(ROL_BEHEERDER),
						NULL, &f),
			 ST_ONGELDIG);
	assert_string_equal(f.pad, "$.id");
	assert_int_equal(store_werkgever_wijzig(s, "WG-1", LIT("{\"naam\":7}"), 0,
						"t", RB(ROL_BEHEERDER), NULL, &f),
			 ST_ONGELDIG);
	assert_string_equal(f.pad, "$.naam");
	assert_int_equal(versie(s, d1), 2);
	assert_int_equal(getal(s, "SELECT count(*) FROM audit WHERE actie = "
			      "'werkgever wijzigen'"), 3);
	verify_ok(s);
}

/* ---- werknemers ---- */

static void
t_werknemers(void **state)
{
	struct store *s = tl_store(state);
	struct store_werknemer *w = NULL;
	size_t n = 0;

	zaak(s, "D-1", "WG-1", "WN-1", "Z. Jansen");
	zaak(s, "D-2", "WG-1", "WN-2", "B. Smit");
	zaak(s, "D-3", "WG-1", "WN-1", "Z. Jansen"); /* his second case */
	zaak(s, "D-4", "WG-2", "WN-3", "C. Bos");
	assert_int_equal(store_werknemers(s, "WG-1", &w, &n), ST_OK);
	assert_int_equal(n, 2);
	assert_string_equal(w[0].id, "WN-2");
	assert_string_equal(w[0].naam, "B. Smit");
	assert_int_equal(w[0].ndossiers, 1);
	assert_string_equal(w[0].dossiers[0], "D-2");
	assert_string_equal(w[1].id, "WN-1");
	assert_int_equal(w[1].ndossiers, 2);
	assert_string_equal(w[1].dossiers[0], "D-1");
	assert_string_equal(w[1].dossiers[1], "D-3");
	assert_null(w[1].bsn);
	assert_int_equal(w[1].geboortedatum, DATE_NONE);
	store_werknemers_free(w, n);
	assert_int_equal(store_werknemers(s, "WG-9", &w, &n), ST_OK);
	assert_int_equal(n, 0);
	store_werknemers_free(w, n);
}

static void
t_werknemer_rollen(void **state)
{
	struct store *s = tl_store(state);
	int64_t cm, coach, lg;
	uint32_t org = 99, partij = 99;

	zaak(s, "D-1", "WG-1", "WN-1", "A. Jansen");
	zaak(s, "D-2", "WG-2", "WN-2", "B. Smit");
	cm = tl_gebruiker(s, "cm");
	coach = tl_gebruiker(s, "coach");
	lg = tl_gebruiker(s, "lg");
	tl_toeken(s, cm, ROL_CASEMANAGER, "WG-1", NULL);
	tl_toeken(s, coach, ROL_LOOPBAANCOACH, NULL, "D-1");
	tl_toeken(s, lg, ROL_LEIDINGGEVENDE, "WG-1", NULL);
	tl_toeken(s, lg, ROL_WERKGEVER, "WG-2", NULL);
	assert_int_equal(store_werknemer_rollen(s, cm, "WN-1", NULL, &org, &partij),
			 ST_OK);
	assert_int_equal(org, RB(ROL_CASEMANAGER));
	assert_int_equal(partij, RB(ROL_CASEMANAGER));
	assert_int_equal(store_werknemer_rollen(s, cm, "WN-2", NULL, &org, &partij),
			 ST_OK);
	assert_int_equal(org | partij, 0);
	assert_int_equal(store_werknemer_rollen(s, coach, "WN-1", NULL, &org, &partij),
			 ST_OK);
	assert_int_equal(org, 0);
	assert_int_equal(partij, RB(ROL_LOOPBAANCOACH));
	/* his werkgever grant for WG-2 does not reach WN-1 */
	assert_int_equal(store_werknemer_rollen(s, lg, "WN-1", NULL, &org, &partij),
			 ST_OK);
	assert_int_equal(org, RB(ROL_LEIDINGGEVENDE));
	assert_int_equal(store_werknemer_rollen(s, lg, "WN-9", NULL, &org, &partij),
			 ST_OK);
	assert_int_equal(org | partij, 0);
}

static void
t_werknemer_wijzig(void **state)
{
	struct store *s = tl_store(state);
	int64_t d1 = zaak(s, "D-1", "WG-1", "WN-1", "A. Jansen"),
		d2 = zaak(s, "D-2", "WG-2", "WN-1", "A. Jansen"),
		d3 = zaak(s, "D-3", "WG-1", "WN-2", "B. Smit"), a0;
	struct store_werknemer w;
	struct casefile_fout f;
	struct dossier d;
	static const char j[] = "{\"naam\":\"A. Jansen-Bos\",\"geboortedatum\":"
				"\"1980-02-29\",\"bsn\":\"111222333\"}";
	static const struct {
		const char *json, *pad;
	} fout[] = {
		{"{\"naam\":\"A\",\"bsn\":\"111222334\"}", "$.bsn"},
		{"{\"naam\":\"A\",\"bsn\":111222333}", "$.bsn"},
		{"{\"naam\":\"A\",\"geboortedatum\":\"1981-02-29\"}",
		 "$.geboortedatum"},
		{"{\"naam\":\"A\",\"geboortedatum\":\"29-02-1980\"}",
		 "$.geboortedatum"},
		{"{\"geboortedatum\":\"1980-02-29\"}", "$.naam"},
		{"{\"naam\":\"A\",\"adres\":\"x\"}", "$.adres"},
		{"{\"id\":\"WN-1\",\"naam\":\"A\"}", "$.id"},
		{"\"A\"", "$"},
	};
	size_t i;

	a0 = n_audit(s);
	for (i = 0; i < sizeof(fout) / sizeof(fout[0]); i++) {
		memset(&f, 0, sizeof(f));
		assert_int_equal(store_werknemer_wijzig(s, "WN-1", NULL, fout[i].json,
							strlen(fout[i].json), 0,
							"t", RB(ROL_WERKGEVER),
							&w, &f),
				 ST_ONGELDIG);
		assert_string_equal(f.pad, fout[i].pad);
	}
	assert_int_equal(n_audit(s), a0);
	assert_int_equal(versie(s, d1), 0);
	/* WN-1 is an id in two administrations, two persons (issue 12):
	 * without an employer the change is refused, not applied to both */
	memset(&f, 0, sizeof(f));
	assert_int_equal(store_werknemer_wijzig(s, "WN-1", NULL, j, strlen(j), 0,
						"t", RB(ROL_WERKGEVER), &w, &f),
			 ST_CONFLICT);
	assert_string_equal(f.pad, "werkgever");
	assert_int_equal(n_audit(s), a0);
	assert_int_equal(store_werknemer_wijzig(s, "WN-1", "WG-1", j, strlen(j),
						0, "t", RB(ROL_WERKGEVER), &w,
						&f),
			 ST_OK);
	assert_string_equal(w.id, "WN-1");
	assert_string_equal(w.naam, "A. Jansen-Bos");
	assert_string_equal(w.bsn, "111222333");
	assert_int_equal(w.geboortedatum, date_from_ymd(1980, 2, 29));
	assert_int_equal(w.ndossiers, 0);
	store_werknemer_release(&w);
	/* his case at WG-1 only: WG-2's WN-1 is another employee */
	assert_int_equal(versie(s, d1), 1);
	assert_int_equal(versie(s, d2), 0);
	assert_int_equal(versie(s, d3), 0);
	assert_int_equal(n_audit(s), a0 + 1);
	assert_int_equal(getal(s, "SELECT count(*) FROM audit WHERE actie = "
			      "'werknemer wijzigen' AND dossier_id IS NOT NULL"),
			 1);
	dossier_init(&d);
	assert_int_equal(store_dossier_laad(s, d2, &d), ST_OK);
	assert_string_equal(d.werknemer_naam.s, "A. Jansen");
	dossier_release(&d);
	/* a BSN another employee of the employer has: 409 on $.bsn */
	memset(&f, 0, sizeof(f));
	assert_int_equal(store_werknemer_wijzig(s, "WN-2", NULL, j, strlen(j), 0,
						"t", RB(ROL_WERKGEVER), NULL,
						&f),
			 ST_CONFLICT);
	assert_string_equal(f.pad, "$.bsn");
	assert_int_equal(versie(s, d3), 0);
	/* unchanged: no new versie, still audited; then clearing */
	assert_int_equal(store_werknemer_wijzig(s, "WN-1", "WG-1", j, strlen(j),
						0, "t", RB(ROL_WERKGEVER), NULL,
						&f),
			 ST_OK);
	assert_int_equal(versie(s, d1), 1);
	assert_int_equal(n_audit(s), a0 + 2);
	assert_int_equal(store_werknemer_wijzig(s, "WN-1", "WG-1",
						LIT("{\"naam\":\"A\"}"), 0, "t",
						RB(ROL_WERKGEVER), NULL, &f),
			 ST_OK);
	assert_int_equal(versie(s, d1), 2);
	dossier_init(&d);
	assert_int_equal(store_dossier_laad(s, d1, &d), ST_OK);
	assert_null(d.bsn.s);
	assert_int_equal(d.geboortedatum, DATE_NONE);
	dossier_release(&d);
	assert_int_equal(store_werknemer_wijzig(s, "WN-9", NULL, j, strlen(j), 0, "t",
						RB(ROL_WERKGEVER), NULL, &f),
			 ST_NIET_GEVONDEN);
	verify_ok(s);
}

/* ---- dienstverband ---- */

static void
t_dienstverband(void **state)
{
	struct store *s = tl_store(state);
	int64_t d1 = zaak(s, "D-1", "WG-1", "WN-1", "A. Jansen"),
		d2 = zaak(s, "D-2", "WG-1", "WN-1", "A. Jansen"), a0;
	struct casefile_fout f;
	struct dossier d;
	char *canon = NULL;
	static const char j[] =
		"{ \"soort\": \"bepaalde_tijd\", \"begindatum\": \"2014-01-01\", "
		"\"einddatum\": \"2027-12-31\", \"functie\": \"Bakker\", "
		"\"uren_per_week\": 30.25, \"maandloon_cent\": 280000, "
		"\"loondoorbetaling\": [{\"tot_en_met_week\": 104, "
		"\"procent\": 90}] }";
	static const struct {
		const char *json, *pad;
	} fout[] = {
		{"{\"begindatum\":\"2014-01-01\",\"soort\":\"x\"}",
		 "$.dienstverband.soort"},
		{"{\"begindatum\":\"2014-01-01\",\"soort\":\"bepaalde_tijd\","
		 "\"kleur\":1}", "$.dienstverband.kleur"},
		{"{\"soort\":\"bepaalde_tijd\"}", "$.dienstverband.begindatum"},
		{"{\"begindatum\":\"2014-01-01\",\"begindatum\":\"2014-01-02\","
		 "\"soort\":\"bepaalde_tijd\"}", "$.dienstverband.begindatum"},
		{"{\"begindatum\":\"2014-01-01\",\"soort\":\"bepaalde_tijd\","
		 "\"maandloon_cent\":-1}", "$.dienstverband.maandloon_cent"},
		{"{\"begindatum\":\"2014-01-01\",\"soort\":\"bepaalde_tijd\","
		 "\"uren_per_week\":30.125}", "$.dienstverband.uren_per_week"},
		{"[1]", "$.dienstverband"},
		/* one value only: text after it never reaches the case */
		{"{\"begindatum\":\"2014-01-01\",\"soort\":\"bepaalde_tijd\"},"
		 "\"vangnet\":\"no_risk\"", ""},
		{"", ""},
	};
	size_t i;

	a0 = n_audit(s);
	for (i = 0; i < sizeof(fout) / sizeof(fout[0]); i++) {
		memset(&f, 0, sizeof(f));
		assert_int_equal(store_dienstverband_wijzig(s, d1, fout[i].json,
							    strlen(fout[i].json),
							    RB(ROL_CASEMANAGER),
							    0, "t", &canon, &f),
				 ST_ONGELDIG);
		assert_string_equal(f.pad, fout[i].pad);
	}
	assert_null(canon);
	assert_int_equal(store_dienstverband_wijzig(s, d1, j, strlen(j),
						    RB(ROL_LEIDINGGEVENDE) |
							    RB(ROL_BEDRIJFSARTS),
						    0, "t", &canon, &f),
			 ST_VERBODEN);
	assert_int_equal(versie(s, d1), 0);
	assert_int_equal(n_audit(s), a0);
	assert_int_equal(store_dienstverband_wijzig(s, d1, j, strlen(j),
						    RB(ROL_WERKGEVER), 0, "t",
						    &canon, &f),
			 ST_OK);
	assert_string_equal(canon,
			    "{\"begindatum\":\"2014-01-01\",\"einddatum\":"
			    "\"2027-12-31\",\"soort\":\"bepaalde_tijd\","
			    "\"functie\":\"Bakker\",\"uren_per_week\":30.25,"
			    "\"maandloon_cent\":280000,\"loondoorbetaling\":"
			    "[{\"tot_en_met_week\":104,\"procent\":90}]}");
	free(canon);
	canon = NULL;
	assert_int_equal(versie(s, d1), 1);
	assert_int_equal(versie(s, d2), 0); /* his other case: its own */
	assert_int_equal(n_audit(s), a0 + 1);
	dossier_init(&d);
	assert_int_equal(store_dossier_laad(s, d1, &d), ST_OK);
	assert_int_equal(d.contract, CS_BEPAALDE_TIJD);
	assert_int_equal(d.begindatum, date_from_ymd(2014, 1, 1));
	assert_int_equal(d.maandloon_cent, 280000);
	assert_int_equal(d.uren_honderdsten, 3025);
	assert_int_equal(d.nldb, 1);
	assert_int_equal(d.ngb, 1); /* the entries are untouched */
	dossier_release(&d);
	assert_int_equal(getal(s, "SELECT count(*) FROM dienstverband WHERE "
			      "begindatum = '2014-01-01'"), 1);
	assert_int_equal(store_dienstverband_wijzig(s, d2 + 1000, j, strlen(j),
						    RB(ROL_WERKGEVER), 0, "t",
						    NULL, &f),
			 ST_NIET_GEVONDEN);
	verify_ok(s);
}

/* ---- optimistic concurrency (issue 12) ---- */

/* Two editors read the same version; the second write with the old ETag
 * is ST_VERANDERD with the stored object (the first editor's), and
 * writes nothing: for employer, employee and dienstverband. "" (no
 * If-Match) never matches, "*" and NULL check nothing. */
static void
t_als(void **state)
{
	struct store *s = tl_store(state);
	int64_t d1 = zaak(s, "D-1", "WG-1", "WN-1", "A. Jansen"), a0, v0;
	struct store_werkgever g, g2;
	struct store_werknemer n, n2;
	struct casefile_fout f;
	char e0[STORE_ETAG_LEN], e1[STORE_ETAG_LEN], *c = NULL;
	static const char ga[] = "{\"naam\":\"A\"}", gb[] = "{\"naam\":\"B\"}",
			  na[] = "{\"naam\":\"N. A\"}", nb[] = "{\"naam\":\"N. B\"}",
			  da[] = "{\"begindatum\":\"2014-01-01\","
				 "\"soort\":\"onbepaalde_tijd\"}",
			  db_[] = "{\"begindatum\":\"2015-01-01\","
				  "\"soort\":\"onbepaalde_tijd\"}";

	/* werkgever */
	assert_int_equal(store_werkgever_lees(s, "WG-1", &g), ST_OK);
	store_werkgever_etag(&g, e0);
	store_werkgever_release(&g);
	assert_int_equal(strlen(e0), STORE_ETAG_LEN - 1);
	assert_int_equal(store_werkgever_wijzig_als(s, "WG-1", ga, strlen(ga),
						    e0, 0, "t",
						    RB(ROL_CASEMANAGER), &g,
						    &f),
			 ST_OK);
	store_werkgever_etag(&g, e1);
	store_werkgever_release(&g);
	assert_string_not_equal(e0, e1);
	a0 = n_audit(s);
	v0 = versie(s, d1);
	memset(&g2, 0, sizeof(g2));
	assert_int_equal(store_werkgever_wijzig_als(s, "WG-1", gb, strlen(gb),
						    e0, 0, "t",
						    RB(ROL_CASEMANAGER), &g2,
						    &f),
			 ST_VERANDERD);
	assert_string_equal(g2.naam, "A");
	store_werkgever_release(&g2);
	assert_int_equal(store_werkgever_wijzig_als(s, "WG-1", gb, strlen(gb),
						    "", 0, "t",
						    RB(ROL_CASEMANAGER), NULL,
						    &f),
			 ST_VERANDERD);
	assert_int_equal(n_audit(s), a0);
	assert_int_equal(versie(s, d1), v0);
	assert_int_equal(store_werkgever_lees(s, "WG-1", &g), ST_OK);
	assert_string_equal(g.naam, "A");
	store_werkgever_release(&g);
	assert_int_equal(store_werkgever_wijzig_als(s, "WG-9", gb, strlen(gb),
						    e1, 0, "t",
						    RB(ROL_CASEMANAGER), NULL,
						    &f),
			 ST_NIET_GEVONDEN);
	assert_int_equal(store_werkgever_wijzig_als(s, "WG-1", gb, strlen(gb),
						    "*", 0, "t",
						    RB(ROL_CASEMANAGER), NULL,
						    &f),
			 ST_OK);

	/* werknemer */
	assert_int_equal(store_werknemer_lees(s, "WN-1", NULL, 0, &n, &f),
			 ST_OK);
	store_werknemer_etag(&n, e0);
	store_werknemer_release(&n);
	assert_int_equal(store_werknemer_wijzig_als(s, "WN-1", NULL, na,
						    strlen(na), e0, 0, "t",
						    RB(ROL_CASEMANAGER), NULL,
						    &f),
			 ST_OK);
	memset(&n2, 0, sizeof(n2));
	assert_int_equal(store_werknemer_wijzig_als(s, "WN-1", NULL, nb,
						    strlen(nb), e0, 0, "t",
						    RB(ROL_CASEMANAGER), &n2,
						    &f),
			 ST_VERANDERD);
	assert_string_equal(n2.naam, "N. A");
	store_werknemer_release(&n2);
	assert_int_equal(store_werknemer_lees(s, "WN-1", NULL, 0, &n, &f),
			 ST_OK);
	assert_string_equal(n.naam, "N. A");
	store_werknemer_release(&n);

	/* dienstverband */
	assert_int_equal(store_dienstverband_lees(s, d1, &c), ST_OK);
	store_dienstverband_etag(c, e0);
	free(c);
	c = NULL;
	assert_int_equal(store_dienstverband_wijzig_als(s, d1, da, strlen(da),
							e0, RB(ROL_WERKGEVER),
							0, "t", NULL, &f),
			 ST_OK);
	v0 = versie(s, d1);
	assert_int_equal(store_dienstverband_wijzig_als(s, d1, db_, strlen(db_),
							e0, RB(ROL_WERKGEVER),
							0, "t", &c, &f),
			 ST_VERANDERD);
	assert_non_null(strstr(c, "\"begindatum\":\"2014-01-01\""));
	free(c);
	c = NULL;
	assert_int_equal(versie(s, d1), v0);
	/* a bad body is refused before the version is looked at */
	assert_int_equal(store_dienstverband_wijzig_als(s, d1, "[1]", 3, "",
							RB(ROL_WERKGEVER), 0,
							"t", &c, &f),
			 ST_ONGELDIG);
	assert_null(c);
	verify_ok(s);
}

/* ---- registration: every store test on both backends ---- */

#define TESTS(X)                                                           \
	X(t_doc_rondgang)                                                  \
	X(t_doc_binair)                                                    \
	X(t_doc_klassen)                                                   \
	X(t_doc_weigering)                                                 \
	X(t_werkgevers)                                                    \
	X(t_werkgever_nieuw)                                               \
	X(t_werkgever_wijzig)                                              \
	X(t_werknemers)                                                    \
	X(t_werknemer_rollen)                                              \
	X(t_werknemer_wijzig)                                              \
	X(t_dienstverband)                                                 \
	X(t_als)

#define SQ(f) cmocka_unit_test_setup_teardown(f, setup_sqlite, tl_teardown),
#define PG(f) cmocka_unit_test_setup_teardown(f, setup_pg, tl_teardown),

int
main(void)
{
	const struct CMUnitTest los[] = {
		cmocka_unit_test(t_controles),
	};
	const struct CMUnitTest sqlite_tests[] = {TESTS(SQ)};
	const struct CMUnitTest pg_tests[] = {TESTS(PG)};
	int fouten = 0;

	fouten += cmocka_run_group_tests_name("doc_controles", los, NULL, NULL);
	fouten += cmocka_run_group_tests_name("store_doc_sqlite", sqlite_tests,
					      NULL, NULL);
	if (!tl_pg_url())
		fprintf(stderr, "test_store_doc: SPOOR_PG_URL is not set, the "
				"PostgreSQL tests are skipped (run: "
				"scripts/pg.sh run build/tests/test_store_doc)\n");
	fouten += cmocka_run_group_tests_name("store_doc_pg", pg_tests, NULL,
					      NULL);
	return fouten ? 1 : 0;
}
