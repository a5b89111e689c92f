/*
 * test_casefile.c - the spoor-dossier/1 reader and writer (architecture
 * §4): every error names the JSON path and the reason; the canonical
 * form round-trips.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "format/casefile.h"

#define HEAD "{\"formaat\":\"spoor-dossier/1\",\"dossier_id\":\"D-1\"," \
	"\"werkgever\":{\"id\":\"W\",\"naam\":\"W B.V.\"}," \
	"\"werknemer\":{\"id\":\"N\",\"naam\":\"N\"}," \
	"\"dienstverband\":{\"begindatum\":\"2015-03-01\"," \
	"\"soort\":\"onbepaalde_tijd\"},"
#define ZIEK "\"verzuim\":[{\"datum\":\"2026-01-12\",\"soort\":\"ziek\"," \
	"\"percentage\":100}]"

static void
expect_error(const char *doc, int rc, const char *pad, const char *reden)
{
	struct dossier d;
	struct casefile_fout f;

	dossier_init(&d);
	assert_int_equal(casefile_lees(doc, strlen(doc), &d, &f), rc);
	assert_string_equal(f.pad, pad);
	if (!strstr(f.reden, reden))
		fail_msg("reason '%s' lacks '%s'", f.reden, reden);
	/* nothing is handed out on failure */
	assert_null(d.gb);
	assert_null(d.verzuim);
	assert_null(d.dossier_id.s);
}

static void
test_architecture_example(void **state)
{
	struct dossier d;
	struct casefile_fout f;
	char *buf = NULL;
	size_t len;

	(void)state;
	dossier_init(&d);
	assert_int_equal(casefile_lees_bestand(SPOOR_TESTDATA
					       "/voorbeeld-architectuur.json",
					       &d, &f), 0);
	assert_string_equal(d.dossier_id.s, "D-2026-0042");
	assert_string_equal(d.werkgever_naam.s, "Bakkerij de Korenschoof B.V.");
	assert_string_equal(d.bsn.s, "111222333");
	assert_int_equal(d.uren_honderdsten, 3800);
	assert_int_equal(d.maandloon_cent, 312500);
	assert_int_equal(d.nldb, 2);
	assert_int_equal(d.ldb[1].tot_en_met_week, 104);
	assert_int_equal(d.ldb[1].procent, 70);
	assert_int_equal(d.einddatum, DATE_NONE);
	assert_int_equal(d.nverzuim, 4);
	assert_int_equal(d.verzuim[1].percentage, 50);
	assert_int_equal(d.verzuim[2].soort, VZ_HERSTELD);
	assert_int_equal(d.ngb, 2);
	assert_int_equal(d.gb[0].soort, GB_PROBLEEMANALYSE);
	assert_true(d.gb[0].velden & GV_BENUTBARE);
	assert_string_equal(d.gb[1].casemanager.s, "M. Bakker");
	assert_int_equal(casefile_lees_bestand(SPOOR_TESTDATA "/bestaat-niet",
					       &d, &f), CF_IO);
	assert_int_equal(casefile_schrijf(&d, &buf, &len), 0);
	assert_non_null(strstr(buf, "\"uren_per_week\":38,"));
	assert_non_null(strstr(buf, "\"einddatum\":null"));
	free(buf);
	dossier_release(&d);
}

static void
test_roundtrip_all_fields(void **state)
{
	static const char doc[] = HEAD
		"\"vangnet\":\"orgaandonatie\"," ZIEK ",\"gebeurtenissen\":["
		"{\"soort\":\"belastbaarheid\",\"datum\":\"2026-02-01\","
		"\"id\":\"b1\",\"zichtbaarheid\":\"medisch\",\"auteur\":\"BA\","
		"\"tekst\":\"\\\"quote\\\" \\\\ é ü € 🙂\","
		"\"instrument\":\"fml\",\"items\":[{\"code\":\"IV.13\","
		"\"niveau\":2,\"toelichting\":\"max 10 kg\"},{\"code\":\"I.1\","
		"\"niveau\":0}]},"
		"{\"soort\":\"werkhervatting\",\"datum\":\"2026-03-01\","
		"\"bij\":\"andere_werkgever\",\"uren_per_week\":12.25,"
		"\"loonwaarde_procent\":70,\"therapeutisch\":false,"
		"\"structureel\":true},"
		"{\"soort\":\"sollicitatie\",\"datum\":\"2026-03-02\","
		"\"werkgever\":\"X\",\"functie\":\"Y\",\"uitkomst\":\"gesprek\"},"
		"{\"soort\":\"deskundigenoordeel\",\"datum\":\"2026-03-03\","
		"\"vraag\":\"passend?\",\"uitkomst\":\"ja\"},"
		"{\"soort\":\"activiteit\",\"datum\":\"2026-03-04\","
		"\"module\":\"jobhunting\",\"tot\":\"2026-06-01\"},"
		"{\"soort\":\"eerstejaarsevaluatie\",\"datum\":\"2026-12-01\","
		"\"terugkeer_binnen_3_maanden\":false,"
		"\"verwachte_terugkeer\":\"2027-06-01\"},"
		"{\"soort\":\"besluit_bekorting\",\"datum\":\"2027-01-01\","
		"\"voldoende\":true,\"corrigeert\":\"b1\"}]}";
	struct dossier a, b;
	struct casefile_fout f;
	char *s1 = NULL, *s2 = NULL;
	size_t l1, l2;

	(void)state;
	dossier_init(&a);
	dossier_init(&b);
	if (casefile_lees(doc, sizeof(doc) - 1, &a, &f))
		fail_msg("%s: %s", f.pad, f.reden);
	assert_int_equal(a.vangnet, VN_ORGAANDONATIE);
	assert_int_equal(a.gb[0].nitems, 2);
	assert_int_equal(a.gb[0].items[0].niveau, 2);
	assert_int_equal(a.gb[0].zichtbaarheid, ZB_MEDISCH);
	assert_true(a.gb[0].gecorrigeerd);
	assert_int_equal(a.gb[1].uren_honderdsten, 1225);
	assert_int_equal(a.gb[2].uitkomst_sol, SOL_GESPREK);
	assert_string_equal(a.gb[3].uitkomst_tekst.s, "ja");
	assert_int_equal(casefile_schrijf(&a, &s1, &l1), 0);
	assert_non_null(strstr(s1, "\"uren_per_week\":12.25"));
	assert_non_null(strstr(s1, "é ü € 🙂"));
	assert_int_equal(casefile_lees(s1, l1, &b, &f), 0);
	assert_true(dossier_equal(&a, &b));
	assert_int_equal(casefile_schrijf(&b, &s2, &l2), 0);
	assert_int_equal(l1, l2);
	assert_memory_equal(s1, s2, l1);
	/* a changed field breaks equality */
	b.gb[1].loonwaarde_procent = 71;
	assert_false(dossier_equal(&a, &b));
	free(s1);
	free(s2);
	dossier_release(&a);
	dossier_release(&b);
}

static void
test_errors_name_path(void **state)
{
	(void)state;
	expect_error("{", CF_SYNTAX, "", "geen geldige JSON op regel 1");
	expect_error("[]", CF_SCHEMA, "$", "verwacht een object");
	expect_error(HEAD ZIEK ",\"x\":1}", CF_SCHEMA, "$.x", "onbekend veld");
	expect_error(HEAD ZIEK ",\"vangnet\":null,\"vangnet\":null}",
		     CF_SCHEMA, "$.vangnet", "twee keer");
	/* the path of a nested duplicate, past arrays and strings that
	 * hold brackets, commas, colons and escaped quotes */
	expect_error("{\"a\":[{\"x\":\"[{,:\\\"\"},{\"b\":1,\"b\":2}]}",
		     CF_SCHEMA, "$.a[1].b", "twee keer");
	expect_error("{\"a\":{\"x\":[[],{}],\"y\":{\"z\":1,\"z\":1}}}",
		     CF_SCHEMA, "$.a.y.z", "twee keer");
	expect_error("42", CF_SCHEMA, "$", "verwacht een object");
	expect_error("null", CF_SCHEMA, "$", "verwacht een object");
	expect_error("{\"formaat\":\"spoor-dossier/2\"}", CF_SCHEMA,
		     "$.formaat", "spoor-dossier/1");
	expect_error(HEAD "\"verzuim\":[{\"datum\":\"2026-02-30\","
		     "\"soort\":\"ziek\",\"percentage\":100}]}", CF_SCHEMA,
		     "$.verzuim[0].datum", "ongeldige datum '2026-02-30'");
	expect_error(HEAD "\"verzuim\":[{\"datum\":\"2026-02-01\","
		     "\"soort\":\"ziek\",\"percentage\":101}]}", CF_SCHEMA,
		     "$.verzuim[0].percentage", "buiten het bereik 1..100");
	expect_error(HEAD "\"verzuim\":[{\"datum\":\"2026-02-01\","
		     "\"soort\":\"ziek\"}]}", CF_SCHEMA,
		     "$.verzuim[0].percentage", "ontbreekt");
	expect_error(HEAD "\"verzuim\":[{\"datum\":\"2026-02-01\","
		     "\"soort\":\"hersteld\",\"percentage\":10}]}", CF_SCHEMA,
		     "$.verzuim[0].percentage", "alleen toegestaan");
	expect_error(HEAD "\"verzuim\":[{\"datum\":\"2026-02-01\","
		     "\"soort\":\"ziek\",\"percentage\":100},"
		     "{\"datum\":\"2026-01-01\",\"soort\":\"hersteld\"}]}",
		     CF_SCHEMA, "$.verzuim[1].datum", "oplopen");
	expect_error(HEAD "\"verzuim\":[{\"datum\":\"2026-02-01\","
		     "\"soort\":\"beter\"}]}", CF_SCHEMA,
		     "$.verzuim[0].soort", "onbekende waarde 'beter'");
	expect_error(HEAD ZIEK ",\"gebeurtenissen\":[{\"soort\":\"contact\","
		     "\"datum\":\"2026-02-01\"},{\"soort\":\"tovenarij\","
		     "\"datum\":\"2026-02-01\"}]}", CF_SCHEMA,
		     "$.gebeurtenissen[1].soort", "onbekende waarde");
	expect_error(HEAD ZIEK ",\"gebeurtenissen\":[{\"soort\":\"contact\","
		     "\"datum\":\"2026-02-01\",\"casemanager\":\"x\"}]}",
		     CF_SCHEMA, "$.gebeurtenissen[0].casemanager",
		     "onbekend veld");
	expect_error(HEAD ZIEK ",\"gebeurtenissen\":[{\"soort\":"
		     "\"verlenging_loondoorbetaling\",\"datum\":\"2027-09-01\"}]}",
		     CF_SCHEMA, "$.gebeurtenissen[0].tot", "ontbreekt");
	expect_error(HEAD ZIEK ",\"gebeurtenissen\":[{\"soort\":\"probleemanalyse\","
		     "\"datum\":\"2026-02-01\",\"benutbare_mogelijkheden\":\"ja\"}]}",
		     CF_SCHEMA, "$.gebeurtenissen[0].benutbare_mogelijkheden",
		     "verwacht true of false");
	expect_error(HEAD ZIEK ",\"gebeurtenissen\":[{\"soort\":\"werkhervatting\","
		     "\"datum\":\"2026-02-01\",\"bij\":\"eigen_werk\","
		     "\"uren_per_week\":12.125}]}", CF_SCHEMA,
		     "$.gebeurtenissen[0].uren_per_week", "twee decimalen");
	expect_error(HEAD ZIEK ",\"gebeurtenissen\":[{\"soort\":\"belastbaarheid\","
		     "\"datum\":\"2026-02-01\",\"instrument\":\"fml\",\"items\":"
		     "[{\"code\":\"VII.1\",\"niveau\":1}]}]}", CF_SCHEMA,
		     "$.gebeurtenissen[0].items[0].code", "ongeldige itemcode");
	expect_error(HEAD ZIEK ",\"gebeurtenissen\":[{\"soort\":\"contact\","
		     "\"datum\":\"2026-02-01\",\"id\":\"a\"},{\"soort\":\"contact\","
		     "\"datum\":\"2026-02-01\",\"id\":\"a\"}]}", CF_SCHEMA,
		     "$.gebeurtenissen[1].id", "komt vaker voor");
	expect_error(HEAD ZIEK ",\"gebeurtenissen\":[{\"soort\":\"contact\","
		     "\"datum\":\"2026-02-01\",\"corrigeert\":\"zzz\"}]}",
		     CF_SCHEMA, "$.gebeurtenissen[0].corrigeert", "onbekend");
	expect_error(HEAD ZIEK ",\"gebeurtenissen\":{}}", CF_SCHEMA,
		     "$.gebeurtenissen", "verwacht een lijst");
}

static void
test_people_and_contract(void **state)
{
	(void)state;
	expect_error("{\"formaat\":\"spoor-dossier/1\",\"dossier_id\":\"D\","
		     "\"werkgever\":{\"id\":\"W\"}}", CF_SCHEMA,
		     "$.werkgever.naam", "verplicht veld ontbreekt");
	expect_error("{\"formaat\":\"spoor-dossier/1\",\"dossier_id\":\"D\","
		     "\"werkgever\":{\"id\":\"W\",\"naam\":\"W\"},"
		     "\"werknemer\":{\"id\":\"N\",\"naam\":\"N\","
		     "\"bsn\":\"111222334\"}}", CF_SCHEMA, "$.werknemer.bsn",
		     "elfproef");
	expect_error("{\"formaat\":\"spoor-dossier/1\",\"dossier_id\":\"D\","
		     "\"werkgever\":{\"id\":\"W\",\"naam\":\"W\"},"
		     "\"werknemer\":{\"id\":\"N\",\"naam\":\"N\"},"
		     "\"dienstverband\":{\"begindatum\":\"2015-03-01\","
		     "\"soort\":\"onbepaalde_tijd\",\"maandloon_cent\":-1}}",
		     CF_SCHEMA, "$.dienstverband.maandloon_cent", "bereik");
	expect_error("{\"formaat\":\"spoor-dossier/1\",\"dossier_id\":\"D\","
		     "\"werkgever\":{\"id\":\"W\",\"naam\":\"W\"},"
		     "\"werknemer\":{\"id\":\"N\",\"naam\":\"N\"},"
		     "\"dienstverband\":{\"begindatum\":\"2015-03-01\","
		     "\"einddatum\":\"2014-01-01\",\"soort\":\"bepaalde_tijd\"}}",
		     CF_SCHEMA, "$.dienstverband.einddatum", "voor de begindatum");
	expect_error("{\"formaat\":\"spoor-dossier/1\",\"dossier_id\":\"D\","
		     "\"werkgever\":{\"id\":\"W\",\"naam\":\"W\"},"
		     "\"werknemer\":{\"id\":\"N\",\"naam\":\"N\"},"
		     "\"dienstverband\":{\"begindatum\":\"2015-03-01\","
		     "\"soort\":\"onbepaalde_tijd\",\"loondoorbetaling\":["
		     "{\"tot_en_met_week\":52,\"procent\":100},"
		     "{\"tot_en_met_week\":52,\"procent\":70}]}}",
		     CF_SCHEMA, "$.dienstverband.loondoorbetaling[1]"
		     ".tot_en_met_week", "oplopen");
	assert_true(bsn_valid("111222333", 9));
	assert_true(bsn_valid("123456782", 9));
	assert_false(bsn_valid("123456789", 9));
	assert_false(bsn_valid("000000000", 9));
	assert_false(bsn_valid("11122233", 8));
	assert_false(bsn_valid("11122233a", 9));
}

static void
test_limits(void **state)
{
	struct dossier d;
	struct casefile_fout f;
	size_t n = CASEFILE_MAX_BYTES + 1;
	char *big = malloc(n);

	(void)state;
	assert_non_null(big);
	memset(big, ' ', n);
	dossier_init(&d);
	assert_int_equal(casefile_lees(big, n, &d, &f), CF_SYNTAX);
	assert_non_null(strstr(f.reden, "te groot"));
	free(big);
}

/* dossier_link() through its sorted id index (issue 12) gives the
 * answers of the pairwise check: the first repeated id, the first
 * correction of no earlier entry, whichever comes first, and the marks;
 * on 20,000 entries in well under the seconds the pairwise check took. */
static void
zet_id(struct str *x, char *buf, size_t n, char voor, int k)
{
	snprintf(buf, n, "%c%d", voor, k);
	x->s = buf;
	x->len = strlen(buf);
}

static void
test_link(void **state)
{
	enum { N = 20000 };
	struct dossier d;
	char (*ids)[16] = calloc(N, 16), (*cor)[16] = calloc(N, 16);
	size_t err = 0, i;

	(void)state;
	assert_non_null(ids);
	assert_non_null(cor);
	memset(&d, 0, sizeof(d));
	d.gb = calloc(N, sizeof(*d.gb));
	assert_non_null(d.gb);
	/* a0 a1 b a1 a1: the repeat at 3 */
	d.ngb = 5;
	zet_id(&d.gb[0].id, ids[0], 16, 'a', 0);
	zet_id(&d.gb[1].id, ids[1], 16, 'a', 1);
	zet_id(&d.gb[2].id, ids[2], 16, 'b', 0);
	zet_id(&d.gb[3].id, ids[3], 16, 'a', 1);
	zet_id(&d.gb[4].id, ids[4], 16, 'a', 1);
	assert_int_equal(dossier_link(&d, &err), -1);
	assert_int_equal(err, 3);
	/* a correction of a later entry before the repeat: -2 first */
	zet_id(&d.gb[1].corrigeert, cor[1], 16, 'b', 0);
	assert_int_equal(dossier_link(&d, &err), -2);
	assert_int_equal(err, 1);
	/* ... after the repeat: the repeat first */
	d.gb[1].corrigeert.s = NULL;
	zet_id(&d.gb[4].corrigeert, cor[4], 16, 'z', 9);
	assert_int_equal(dossier_link(&d, &err), -1);
	assert_int_equal(err, 3);
	/* an entry without id is skipped; an unknown id is -2 */
	d.ngb = 3;
	d.gb[4].corrigeert.s = NULL;
	d.gb[1].id.s = NULL;
	zet_id(&d.gb[2].corrigeert, cor[2], 16, 'a', 0);
	assert_int_equal(dossier_link(&d, &err), 0);
	assert_int_equal(d.gb[0].gecorrigeerd, 1);
	assert_int_equal(d.gb[1].gecorrigeerd, 0);
	zet_id(&d.gb[2].corrigeert, cor[2], 16, 'a', 10);
	assert_int_equal(dossier_link(&d, &err), -2);
	assert_int_equal(err, 2);
	/* many: E1..E20000, each odd one corrects the one before */
	d.ngb = N;
	for (i = 0; i < N; i++) {
		zet_id(&d.gb[i].id, ids[i], 16, 'E', (int)i + 1);
		d.gb[i].corrigeert.s = NULL;
		if (i % 2)
			zet_id(&d.gb[i].corrigeert, cor[i], 16, 'E', (int)i);
	}
	assert_int_equal(dossier_link(&d, &err), 0);
	for (i = 0; i < N; i++)
		assert_int_equal(d.gb[i].gecorrigeerd, i % 2 == 0);
	free(d.gb);
	free(ids);
	free(cor);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_architecture_example),
		cmocka_unit_test(test_roundtrip_all_fields),
		cmocka_unit_test(test_errors_name_path),
		cmocka_unit_test(test_people_and_contract),
		cmocka_unit_test(test_limits),
		cmocka_unit_test(test_link),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
