/*
 * test_eigenschappen.c - properties over many generated cases (issue 2):
 *   - a continuous illness: every forward deadline is D + the rule book §0
 *     offset, and the week-based ones keep D's weekday (R-CNT-4, R-CNT-6);
 *   - an interruption of G < 28 fit days moves every later sick-day
 *     anchored milestone by exactly G; G >= 28 starts a new verzuimgeval
 *     (R-AGG-1 .. R-AGG-3);
 *   - statuses agree with the peildatum (architecture §5.1);
 *   - the aggregated sick-day count rises by exactly 1 per sick day and by 0
 *     per fit or WAZO day, sickday(k) is its inverse, and sick days plus
 *     interruption days fill the geval (R-CNT-9, R-AGG-2 .. R-AGG-5),
 *     against a day-by-day reference built here;
 *   - reader(writer(x)) == x and the writer is stable (architecture §4).
 * Cases come from a fixed-seed xorshift generator; SPOOR_PROP_N sets how
 * many (default 20000; valgrind runs use fewer). A failure prints the case.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "core/tijdlijn.h"
#include "format/casefile.h"

static uint64_t rng;
static long aantal = 20000;

static uint32_t
rnd(uint32_t n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (uint32_t)(rng % n);
}

static int
setup(void **state)
{
	(void)state;
	rng = 0x853c49e6748fea9bu;
	return 0;
}

static sdate
willekeurige_dag(void)
{
	/* 1950-01-01 .. about 2150: the engine's whole useful range */
	return date_from_ymd(1950, 1, 1) + (sdate)rnd(200 * 365);
}

static void
tijdlijn_van(const struct verzuim_mutatie *m, size_t n,
	     const struct tijdlijn_feiten *f, sdate peil, struct tijdlijn *t)
{
	struct ziekrange r[8];
	struct ziekteverloop zv;
	size_t bad;

	assert_int_equal(ziekteverloop_build(m, n, r, 8, &zv, &bad), 0);
	tijdlijn_bereken(&zv, f, peil, t);
}

/* rule book §0: milestone and D + offset for a continuous illness */
static const struct {
	enum mijlpaal_id id;
	int32_t offset;
	int zelfde_weekdag; /* a whole number of weeks after D */
} vooruit[] = {
	{MP_PROBLEEMANALYSE, 42, 1},
	{MP_PLAN_VAN_AANPAK, 56, 1},
	{MP_MELDING_42E_WEEK, 294, 1},
	{MP_EERSTEJAARSEVALUATIE, 363, 0},
	{MP_START_TWEEDE_SPOOR, 405, 0},
	{MP_EINDE_MINIMUMLOONGRENS, 363, 0},
	{MP_VERVROEGDE_IVA_UITERLIJK, 475, 0},
	{MP_MELDING_42E_WEEK_GRENS, 565, 0},
	{MP_WIA_BRIEF_UWV, 622, 0},
	{MP_RE_INTEGRATIEVERSLAG, 636, 0},
	{MP_WIA_AANVRAAG, 650, 0},
	{MP_BESLUIT_LOONSANCTIE_UITERLIJK, 685, 0},
	{MP_EINDE_WACHTTIJD, 727, 0},
};

static void
test_continu(void **state)
{
	struct tijdlijn_feiten f;
	long i;
	size_t j;

	(void)state;
	tijdlijn_feiten_init(&f);
	for (i = 0; i < aantal; i++) {
		sdate d = willekeurige_dag();
		struct verzuim_mutatie m = {d, VZ_ZIEK, (uint8_t)(1 + rnd(100))};
		struct tijdlijn t;

		tijdlijn_van(&m, 1, &f, d + (sdate)rnd(900), &t);
		for (j = 0; j < sizeof(vooruit) / sizeof(vooruit[0]); j++) {
			sdate got = t.m[vooruit[j].id].datum;

			if (got - d != vooruit[j].offset)
				fail_msg("D=%d %s: D+%d, want D+%d", (int)d,
					 regels[vooruit[j].id].naam,
					 (int)(got - d), (int)vooruit[j].offset);
			if (vooruit[j].zelfde_weekdag &&
			    date_weekday(got) != date_weekday(d))
				fail_msg("D=%d %s: weekday changed", (int)d,
					 regels[vooruit[j].id].naam);
		}
		/* the first WIA day and the venster open on D's weekday */
		assert_int_equal(date_weekday(t.m[MP_EINDE_WACHTTIJD].datum + 1),
				 date_weekday(d));
		assert_int_equal(date_weekday(t.m[MP_EERSTEJAARSEVALUATIE].venster),
				 date_weekday(d));
		/* opzegverbod: D + 2 calendar years (R-DSM-1) */
		assert_int_equal(t.m[MP_EINDE_OPZEGVERBOD].datum,
				 date_add_years(d, 2));
		assert_int_equal(t.onderbrekingsdagen, 0);
	}
}

/* milestones anchored on a sick-day number only */
static const enum mijlpaal_id ziektedag_ankers[] = {
	MP_PROBLEEMANALYSE, MP_MELDING_42E_WEEK, MP_EERSTEJAARSEVALUATIE,
	MP_EINDE_MINIMUMLOONGRENS, MP_VERVROEGDE_IVA_UITERLIJK,
	MP_WIA_BRIEF_UWV, MP_RE_INTEGRATIEVERSLAG, MP_WIA_AANVRAAG,
	MP_BESLUIT_LOONSANCTIE_UITERLIJK, MP_EINDE_WACHTTIJD,
};

static void
test_onderbreking(void **state)
{
	struct tijdlijn_feiten f;
	long i;
	size_t j;

	(void)state;
	tijdlijn_feiten_init(&f);
	for (i = 0; i < aantal; i++) {
		sdate d = willekeurige_dag();
		int32_t l = 1 + (int32_t)rnd(400);      /* sick days before */
		int32_t g = 1 + (int32_t)rnd(40);       /* fit days */
		struct verzuim_mutatie m[3] = {
			{d, VZ_ZIEK, 100},
			{d + l, VZ_HERSTELD, 0},
			{d + l + g, VZ_ZIEK, (uint8_t)(1 + rnd(100))},
		};
		struct tijdlijn c, t;
		sdate peil = d + l + g + (sdate)rnd(900);

		tijdlijn_van(m, 1, &f, peil, &c);
		tijdlijn_van(m, 3, &f, peil, &t);
		if (g >= AGG_NIEUW_GEVAL_DAGEN) {
			/* a new verzuimgeval from the relapse */
			assert_int_equal(t.eerste_ziektedag, d + l + g);
			assert_int_equal(t.geval_nr, 2);
			assert_int_equal(t.m[MP_PROBLEEMANALYSE].datum,
					 d + l + g + 42);
			/* every §0 date restarts from the new D */
			for (j = 0; j < sizeof(vooruit) / sizeof(vooruit[0]);
			     j++) {
				sdate td = t.m[vooruit[j].id].datum;

				if (td - (d + l + g) != vooruit[j].offset)
					fail_msg("D=%d L=%d G=%d %s: new D+%d, "
						 "want new D+%d", (int)d,
						 (int)l, (int)g,
						 regels[vooruit[j].id].naam,
						 (int)(td - (d + l + g)),
						 (int)vooruit[j].offset);
			}
			assert_int_equal(t.onderbrekingsdagen, 0);
			continue;
		}
		assert_int_equal(t.eerste_ziektedag, d);
		assert_int_equal(t.onderbrekingsdagen, g);
		for (j = 0; j < sizeof(ziektedag_ankers) /
				    sizeof(ziektedag_ankers[0]); j++) {
			enum mijlpaal_id id = ziektedag_ankers[j];
			sdate cd = c.m[id].datum, td = t.m[id].datum;
			/* sick days 1..l are unchanged, later ones move */
			sdate want = cd - d >= l ? cd + g : cd;

			if (td != want)
				fail_msg("D=%d L=%d G=%d %s: %d, want %d",
					 (int)d, (int)l, (int)g,
					 regels[id].naam, (int)td, (int)want);
		}
		/* the opzegverbod and the end move alike (R-DSM-1) */
		assert_int_equal(t.m[MP_EINDE_OPZEGVERBOD].datum -
					 c.m[MP_EINDE_OPZEGVERBOD].datum,
				 g);
		/* the sick-day count at the peildatum excludes the gap */
		assert_int_equal(t.ziektedag, c.ziektedag - g);
	}
}

static void
test_status_peildatum(void **state)
{
	long i;
	uint32_t j;

	(void)state;
	for (i = 0; i < aantal; i++) {
		sdate d = willekeurige_dag();
		struct verzuim_mutatie m = {d, VZ_ZIEK, 100};
		struct tijdlijn_feiten f;
		struct tijdlijn t;
		sdate peil = d + (sdate)rnd(1200);

		tijdlijn_feiten_init(&f);
		if (rnd(2))
			f.pa = d + (sdate)rnd(80);
		if (rnd(2))
			f.melding42 = d + 250 + (sdate)rnd(80);
		tijdlijn_van(&m, 1, &f, peil, &t);
		for (j = 0; j < MP__COUNT; j++) {
			const struct mijlpaal *p =
				tijdlijn_mijlpaal(&t, (enum mijlpaal_id)j);
			int want;

			if (!p)
				continue;
			if (regels[p->id].soort == MPS_MOMENT)
				want = peil <= p->datum ? ST_KOMEND : ST_VOORBIJ;
			else if (p->gedaan != DATE_NONE)
				want = p->gedaan <= p->datum ? ST_OP_TIJD
							     : ST_TE_LAAT;
			else
				want = peil > p->datum ? ST_VERLOPEN : ST_OPEN;
			if (p->status != want)
				fail_msg("D=%d peil=%d %s: %s, want %s", (int)d,
					 (int)peil, regels[p->id].naam,
					 mp_status_naam[p->status],
					 mp_status_naam[want]);
		}
		/* the done dates are the facts given */
		assert_int_equal(t.m[MP_PROBLEEMANALYSE].gedaan, f.pa);
		assert_int_equal(t.m[MP_MELDING_42E_WEEK].gedaan, f.melding42);
	}
}

/* --- sick-day count ------------------------------------------------------ */

/*
 * A random verzuim: ziek, then a mix of percentage changes (no
 * interruption, R-AGG-4), recoveries of 1..40 fit days (R-AGG-2: < 28
 * aggregate, >= 28 start a new geval) and WAZO leave of any length that
 * ends in a relapse (R-AGG-5: leave days are neither sick nor fit days and
 * the periods either side are aggregated). Fills in per-day states from
 * day m[0].datum (0 fit, 1 sick, 2 leave) up to the last mutation and
 * returns the number of mutations.
 */
enum { DAG_FIT, DAG_ZIEK, DAG_VERLOF };
#define MAX_MUT 16
#define MAX_DAGEN (MAX_MUT * 200 + 1)

static size_t
maak_verzuim(struct verzuim_mutatie *m, unsigned char *dag, size_t *ndag)
{
	size_t n = 0, i;
	sdate x = willekeurige_dag();
	size_t stappen = 1 + rnd(MAX_MUT - 2);
	uint8_t st = VZ_ZIEK;

	m[n++] = (struct verzuim_mutatie){x, VZ_ZIEK, (uint8_t)(1 + rnd(100))};
	for (i = 0; i < stappen && n < MAX_MUT - 1; i++) {
		sdate y = x + 1 + (sdate)rnd(st == VZ_HERSTELD ? 40 : 150);

		if (st != VZ_ZIEK) {
			/* after leave or recovery: always a relapse */
			m[n++] = (struct verzuim_mutatie){y, VZ_ZIEK,
				(uint8_t)(1 + rnd(100))};
			st = VZ_ZIEK;
		} else {
			switch (rnd(4)) {
			case 0:
				m[n++] = (struct verzuim_mutatie){y, VZ_ZIEK,
					(uint8_t)(1 + rnd(100))};
				break;
			case 1:
				m[n++] = (struct verzuim_mutatie){y,
					VZ_ZWANGERSCHAPSVERLOF, 0};
				st = VZ_ZWANGERSCHAPSVERLOF;
				break;
			default:
				m[n++] = (struct verzuim_mutatie){y,
					VZ_HERSTELD, 0};
				st = VZ_HERSTELD;
				break;
			}
		}
		x = y;
	}
	/* per-day states up to and including the last mutation's day */
	*ndag = (size_t)(m[n - 1].datum - m[0].datum) + 1;
	assert_true(*ndag <= MAX_DAGEN);
	for (i = 0; i < n; i++) {
		sdate e = i + 1 < n ? m[i + 1].datum : m[i].datum + 1;
		sdate q;
		unsigned char v = m[i].soort == VZ_ZIEK ? DAG_ZIEK
			: m[i].soort == VZ_HERSTELD ? DAG_FIT : DAG_VERLOF;

		for (q = m[i].datum; q < e; q++)
			dag[q - m[0].datum] = v;
	}
	return n;
}

static void
print_verzuim(const struct verzuim_mutatie *m, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		char s[DATE_STRLEN];

		date_format(m[i].datum, s);
		print_error("  %s %s %u\n", s,
			    m[i].soort == VZ_ZIEK ? "ziek"
			    : m[i].soort == VZ_HERSTELD ? "hersteld"
						       : "zwangerschapsverlof",
			    (unsigned)m[i].percentage);
	}
}

static void
test_ziektedag(void **state)
{
	static unsigned char dag[MAX_DAGEN];
	long i, n = aantal / 4 + 1;

	(void)state;
	for (i = 0; i < n; i++) {
		struct verzuim_mutatie m[MAX_MUT];
		struct ziekrange r[MAX_MUT];
		struct ziekteverloop zv;
		size_t nm, nd, bad, k;
		sdate d0, d, eind, p;
		int32_t telling = 0, fit = 0, vorige = 0, ziek_tot = 0;
		int open;
		const char *waarom = NULL;

		nm = maak_verzuim(m, dag, &nd);
		d0 = m[0].datum;
		open = m[nm - 1].soort == VZ_ZIEK;
		assert_int_equal(ziekteverloop_build(m, nm, r, MAX_MUT, &zv,
						     &bad), 0);
		/* reference D: the first sick day after the last run of 28 or
		 * more fit days (R-AGG-2); leave days do not break a run of
		 * fit days nor add to it, but a leave period is always
		 * followed by a relapse here, so runs are plain fit runs */
		d = d0;
		for (k = 0; k < nd; k++) {
			if (dag[k] == DAG_FIT) {
				fit++;
			} else if (dag[k] == DAG_ZIEK) {
				if (fit >= AGG_NIEUW_GEVAL_DAGEN)
					d = d0 + (sdate)k;
				fit = 0;
			}
		}
		if (zv.d != d) {
			print_verzuim(m, nm);
			fail_msg("case %ld: D=%d, want %d", i, (int)zv.d,
				 (int)d);
		}
		/* walk the days: +1 per sick day, +0 per fit or leave day */
		eind = d0 + (sdate)nd - 1 + 60;
		for (p = d - 5; p <= eind && !waarom; p++) {
			size_t ix = (size_t)(p - d0);
			int ziek = p >= d && (p - d0 >= (sdate)nd
					      ? open : dag[ix] == DAG_ZIEK);
			int32_t z = ziekteverloop_ziektedag(&zv, p);

			telling += ziek;
			if (z != telling)
				waarom = "ziektedag differs from the count";
			else if (z - vorige != ziek)
				waarom = "step is not 1 on a sick day, 0 else";
			else if (ziek && ziekteverloop_sickday(&zv, z) != p)
				waarom = "sickday(ziektedag(p)) != p";
			/* R-CNT-9: sick days plus interruption days fill
			 * the geval up to the last sick day */
			else if (p >= d && (open || p <= d0 + (sdate)nd - 2) &&
				 z + ziekteverloop_onderbreking(&zv, p) !=
					 p - d + 1)
				waarom = "ziektedag + onderbreking != days";
			vorige = z;
			if (waarom)
				print_error("case %ld: p=%d (D+%d) %s\n", i,
					    (int)p, (int)(p - d), waarom);
		}
		if (waarom) {
			print_verzuim(m, nm);
			fail_msg("case %ld failed", i);
		}
		/* sickday is strictly increasing and a closed illness is
		 * projected on from its last sick day (verzuim.h) */
		ziek_tot = telling;
		for (k = 2; k <= (size_t)ziek_tot + 30; k++) {
			sdate a = ziekteverloop_sickday(&zv, (int32_t)k - 1);
			sdate b = ziekteverloop_sickday(&zv, (int32_t)k);

			if (b <= a) {
				print_verzuim(m, nm);
				fail_msg("case %ld: sickday(%zu)=%d <= "
					 "sickday(%zu)=%d", i, k, (int)b, k - 1,
					 (int)a);
			}
		}
		if (!open) {
			sdate laatst = ziekteverloop_laatste_ziektedag(&zv);

			assert_int_equal(laatst, m[nm - 1].datum - 1);
			assert_int_equal(ziekteverloop_sickday(&zv, ziek_tot + 7),
					 laatst + 7);
		} else {
			assert_int_equal(ziekteverloop_laatste_ziektedag(&zv),
					 DATE_NONE);
		}
	}
}

/* --- round trip ---------------------------------------------------------- */

struct buf {
	char s[16384];
	size_t n;
};

static void
put(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = vsnprintf(b->s + b->n, sizeof(b->s) - b->n, fmt, ap);
	va_end(ap);
	assert_true(r >= 0 && (size_t)r < sizeof(b->s) - b->n);
	b->n += (size_t)r;
}

static void
datum(char out[DATE_STRLEN], sdate d)
{
	date_format(d, out);
}

static const char *const teksten[] = {
	"Gesprek gevoerd.", "Caf\\u00e9 \\\"De Hoek\\\"", "regel 1\\nregel 2",
	"\\u20ac 12,50 per uur", "tab\\tteken", "\\u00eb\\u00ef\\u00f6",
};
static const char *const zicht[] = {"algemeen", "medisch", "vertrouwelijk"};
static const char *const modules[] = {"coaching", "jobhunting", "bemiddeling",
				      "scholing", "werkervaringsplaats"};
static const char *const uitkomsten[] = {"verstuurd", "gesprek", "afgewezen",
					 "aangenomen"};

static void
maak_dossier(struct buf *b)
{
	sdate d = willekeurige_dag(), x = d;
	char ds[DATE_STRLEN], es[DATE_STRLEN];
	uint32_t i, n;

	b->n = 0;
	datum(ds, d - 3000);
	put(b, "{\"formaat\":\"spoor-dossier/1\",\"dossier_id\":\"D-%u\","
	       "\"werkgever\":{\"id\":\"W\",\"naam\":\"%s\","
	       "\"eigenrisicodrager_wga\":%s},"
	       "\"werknemer\":{\"id\":\"N\",\"naam\":\"N. %u\"},"
	       "\"dienstverband\":{\"begindatum\":\"%s\",\"einddatum\":null,"
	       "\"soort\":\"onbepaalde_tijd\",\"uren_per_week\":%u.%02u,"
	       "\"maandloon_cent\":%u",
	    rnd(100000), teksten[rnd(6)], rnd(2) ? "true" : "false",
	    rnd(1000), ds, 1 + rnd(40), rnd(100), 150000 + rnd(900000));
	if (rnd(2))
		put(b, ",\"loondoorbetaling\":[{\"tot_en_met_week\":52,"
		       "\"procent\":%u},{\"tot_en_met_week\":104,"
		       "\"procent\":70}]", 70 + rnd(31));
	put(b, "},\"vangnet\":%s,\"verzuim\":[",
	    rnd(4) ? "null" : "\"no_risk\"");
	datum(ds, d);
	put(b, "{\"datum\":\"%s\",\"soort\":\"ziek\",\"percentage\":%u}", ds,
	    1 + rnd(100));
	for (i = rnd(3); i > 0; i--) {
		x += 1 + (sdate)rnd(60);
		datum(ds, x);
		put(b, ",{\"datum\":\"%s\",\"soort\":\"hersteld\"}", ds);
		x += 1 + (sdate)rnd(60);
		datum(ds, x);
		put(b, ",{\"datum\":\"%s\",\"soort\":\"ziek\","
		       "\"percentage\":%u}", ds, 1 + rnd(100));
	}
	put(b, "],\"gebeurtenissen\":[");
	n = rnd(12);
	for (i = 0; i < n; i++) {
		sdate e = d + (sdate)rnd(700);

		datum(es, e);
		if (i)
			put(b, ",");
		switch (rnd(7)) {
		case 0:
			put(b, "{\"soort\":\"probleemanalyse\",\"datum\":\"%s\","
			       "\"benutbare_mogelijkheden\":%s", es,
			    rnd(2) ? "true" : "false");
			break;
		case 1:
			put(b, "{\"soort\":\"plan_van_aanpak\",\"datum\":\"%s\","
			       "\"casemanager\":\"%s\"", es, teksten[rnd(6)]);
			break;
		case 2:
			put(b, "{\"soort\":\"activiteit\",\"datum\":\"%s\","
			       "\"module\":\"%s\"", es, modules[rnd(5)]);
			break;
		case 3:
			put(b, "{\"soort\":\"sollicitatie\",\"datum\":\"%s\","
			       "\"werkgever\":\"X\",\"functie\":\"Y\","
			       "\"uitkomst\":\"%s\"", es, uitkomsten[rnd(4)]);
			break;
		case 4:
			put(b, "{\"soort\":\"werkhervatting\",\"datum\":\"%s\","
			       "\"bij\":\"eigen_werk\",\"uren_per_week\":%u,"
			       "\"loonwaarde_procent\":%u,\"therapeutisch\":%s,"
			       "\"structureel\":%s", es, 1 + rnd(40), rnd(101),
			    rnd(2) ? "true" : "false",
			    rnd(2) ? "true" : "false");
			break;
		case 5:
			datum(ds, e + 1 + (sdate)rnd(300));
			put(b, "{\"soort\":\"verlenging_loondoorbetaling\","
			       "\"datum\":\"%s\",\"tot\":\"%s\"", es, ds);
			break;
		default:
			put(b, "{\"soort\":\"evaluatie\",\"datum\":\"%s\"", es);
			break;
		}
		put(b, ",\"id\":\"e%u\"", i);
		if (rnd(2))
			put(b, ",\"zichtbaarheid\":\"%s\",\"tekst\":\"%s\"",
			    zicht[rnd(3)], teksten[rnd(6)]);
		if (i > 0 && rnd(5) == 0)
			put(b, ",\"corrigeert\":\"e%u\"", rnd(i));
		put(b, "}");
	}
	put(b, "]}");
}

static void
test_rondgang(void **state)
{
	long i, n = aantal / 10 + 1;

	(void)state;
	for (i = 0; i < n; i++) {
		struct buf b;
		struct dossier a, c;
		struct casefile_fout f;
		char *w1 = NULL, *w2 = NULL;
		size_t l1, l2;

		maak_dossier(&b);
		dossier_init(&a);
		dossier_init(&c);
		if (casefile_lees(b.s, b.n, &a, &f) != 0)
			fail_msg("generated case %ld refused: %s: %s\n%s", i,
				 f.pad, f.reden, b.s);
		assert_int_equal(casefile_schrijf(&a, &w1, &l1), 0);
		if (casefile_lees(w1, l1, &c, &f) != 0)
			fail_msg("written case %ld refused: %s: %s\n%s", i,
				 f.pad, f.reden, w1);
		if (!dossier_equal(&a, &c))
			fail_msg("round trip changed case %ld:\n%s\n%s", i,
				 b.s, w1);
		assert_int_equal(casefile_schrijf(&c, &w2, &l2), 0);
		assert_int_equal(l1, l2);
		assert_memory_equal(w1, w2, l1);
		free(w1);
		free(w2);
		dossier_release(&a);
		dossier_release(&c);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_continu, setup),
		cmocka_unit_test_setup(test_onderbreking, setup),
		cmocka_unit_test_setup(test_status_peildatum, setup),
		cmocka_unit_test_setup(test_ziektedag, setup),
		cmocka_unit_test_setup(test_rondgang, setup),
	};
	const char *n = getenv("SPOOR_PROP_N");

	if (n && strtol(n, NULL, 10) > 0)
		aantal = strtol(n, NULL, 10);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
