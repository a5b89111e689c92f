/*
 * dossier.c - the case-file domain model (see dossier.h).
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "dossier.h"

const char *const gb_soort_naam[GB__COUNT] = {
	"verzuimmelding_arbodienst", "probleemanalyse",
	"bijstelling_probleemanalyse", "plan_van_aanpak",
	"bijstelling_plan_van_aanpak", "evaluatie", "actueel_oordeel",
	"eindevaluatie", "visie_werknemer", "re_integratieverslag",
	"wia_aanvraag", "vervroegde_iva_aanvraag", "voortgangsrapportage",
	"contact", "waarschuwing_werknemer", "loonopschorting", "loonstop",
	"weigering_werknemer", "outplacement", "bekortingsverzoek",
	"belastbaarheid", "arbeidsdeskundig_onderzoek", "melding_42e_week",
	"eerstejaarsevaluatie", "start_tweede_spoor", "activiteit",
	"sollicitatie", "werkhervatting", "deskundigenoordeel",
	"wia_brief_uwv", "verlenging_loondoorbetaling", "loonsanctie",
	"besluit_bekorting", "einde_dienstverband", "melding_vangnet",
	"melding_einde_dienstverband",
};

const char *const verzuim_soort_naam[VZ__COUNT] = {
	"ziek", "hersteld", "zwangerschapsverlof",
};
const char *const vangnet_naam[4] = {
	"", "zwangerschap", "orgaandonatie", "no_risk",
};
const char *const contract_naam[2] = {"onbepaalde_tijd", "bepaalde_tijd"};
const char *const zichtbaarheid_naam[3] = {"algemeen", "medisch",
					   "vertrouwelijk"};
const char *const instrument_naam[INS__COUNT] = {"fml", "izp", "lab"};
const char *const conclusie_naam[ADC__COUNT] = {"spoor1", "spoor2",
						"geen_mogelijkheden"};
const char *const module_naam[MOD__COUNT] = {
	"loopbaanorientatie", "assessment", "coaching",
	"sollicitatietraining", "arbeidsmarktverkenning", "jobhunting",
	"bemiddeling", "scholing", "werkervaringsplaats", "proefplaatsing",
	"detachering", "zelfstandig_ondernemerschap", "nazorg",
};
const char *const sol_uitkomst_naam[SOL__COUNT] = {
	"verstuurd", "gesprek", "afgewezen", "aangenomen",
};
const char *const bij_naam[BIJ__COUNT] = {
	"eigen_werk", "ander_werk_eigen_werkgever", "andere_werkgever",
};

const uint32_t gb_velden[GB__COUNT] = {
	[GB_PROBLEEMANALYSE] = GV_BENUTBARE,
	[GB_BIJSTELLING_PROBLEEMANALYSE] = GV_BENUTBARE,
	[GB_PLAN_VAN_AANPAK] = GV_CASEMANAGER,
	[GB_BELASTBAARHEID] = GV_INSTRUMENT | GV_ITEMS,
	[GB_ARBEIDSDESKUNDIG_ONDERZOEK] = GV_CONCLUSIE,
	[GB_EERSTEJAARSEVALUATIE] = GV_TERUGKEER | GV_VERWACHTE_TERUGKEER,
	[GB_START_TWEEDE_SPOOR] = GV_AANBIEDER,
	[GB_ACTIVITEIT] = GV_MODULE | GV_TOT,
	[GB_SOLLICITATIE] = GV_WERKGEVER | GV_FUNCTIE | GV_UITKOMST_SOL,
	[GB_WERKHERVATTING] = GV_BIJ | GV_UREN | GV_LOONWAARDE |
			      GV_THERAPEUTISCH | GV_STRUCTUREEL,
	[GB_DESKUNDIGENOORDEEL] = GV_VRAAG | GV_UITKOMST_TEKST,
	[GB_WIA_BRIEF_UWV] = GV_UITERSTE,
	[GB_VERLENGING_LOONDOORBETALING] = GV_TOT,
	[GB_BESLUIT_BEKORTING] = GV_VOLDOENDE,
	[GB_EINDE_DIENSTVERBAND] = GV_REDEN,
};

const uint32_t gb_verplicht[GB__COUNT] = {
	[GB_BELASTBAARHEID] = GV_INSTRUMENT,
	[GB_ARBEIDSDESKUNDIG_ONDERZOEK] = GV_CONCLUSIE,
	[GB_ACTIVITEIT] = GV_MODULE,
	[GB_SOLLICITATIE] = GV_UITKOMST_SOL,
	[GB_WERKHERVATTING] = GV_BIJ,
	[GB_VERLENGING_LOONDOORBETALING] = GV_TOT,
	[GB_BESLUIT_BEKORTING] = GV_VOLDOENDE,
};

#define GV(naam, bit, soort, veld) \
	{naam, bit, soort, 0, (uint16_t)offsetof(struct gebeurtenis, veld), \
	 NULL, 0, 0}
#define GVE(naam, bit, veld, tabel, n) \
	{naam, bit, GVS_ENUM, n, (uint16_t)offsetof(struct gebeurtenis, veld), \
	 tabel, 0, 0}

const struct gv_schema gv_schema[GV__AANTAL] = {
	GV("benutbare_mogelijkheden", GV_BENUTBARE, GVS_BOOL, benutbare),
	GV("casemanager", GV_CASEMANAGER, GVS_TEKST, casemanager),
	GVE("instrument", GV_INSTRUMENT, instrument, instrument_naam,
	    INS__COUNT),
	GV("items", GV_ITEMS, GVS_ITEMS, items),
	GVE("conclusie", GV_CONCLUSIE, conclusie, conclusie_naam, ADC__COUNT),
	GV("terugkeer_binnen_3_maanden", GV_TERUGKEER, GVS_BOOL, terugkeer),
	GV("verwachte_terugkeer", GV_VERWACHTE_TERUGKEER, GVS_DATUM,
	   verwachte_terugkeer),
	GV("aanbieder", GV_AANBIEDER, GVS_TEKST, aanbieder),
	GVE("module", GV_MODULE, module, module_naam, MOD__COUNT),
	GV("tot", GV_TOT, GVS_DATUM, tot),
	GV("werkgever", GV_WERKGEVER, GVS_TEKST, werkgever),
	GV("functie", GV_FUNCTIE, GVS_TEKST, functie),
	GVE("uitkomst", GV_UITKOMST_SOL, uitkomst_sol, sol_uitkomst_naam,
	    SOL__COUNT),
	GVE("bij", GV_BIJ, bij, bij_naam, BIJ__COUNT),
	GV("uren_per_week", GV_UREN, GVS_UREN, uren_honderdsten),
	{"loonwaarde_procent", GV_LOONWAARDE, GVS_GETAL, 0,
	 (uint16_t)offsetof(struct gebeurtenis, loonwaarde_procent), NULL, 0,
	 100},
	GV("therapeutisch", GV_THERAPEUTISCH, GVS_BOOL, therapeutisch),
	GV("structureel", GV_STRUCTUREEL, GVS_BOOL, structureel),
	GV("vraag", GV_VRAAG, GVS_TEKST, vraag),
	GV("uitkomst", GV_UITKOMST_TEKST, GVS_TEKST, uitkomst_tekst),
	GV("uiterste_aanvraagdatum", GV_UITERSTE, GVS_DATUM,
	   uiterste_aanvraagdatum),
	GV("voldoende", GV_VOLDOENDE, GVS_BOOL, voldoende),
	GV("reden", GV_REDEN, GVS_TEKST, reden),
};
#undef GV
#undef GVE

/* Booleans, enums, hours, numbers, dates, texts, items: the order of
 * the reader before the table (its first error stays the same). */
const uint8_t gv_leesvolgorde[GV__AANTAL] = {
	0, 5, 16, 17, 21, 2, 4, 8, 12, 13, 14, 15, 9, 6, 20,
	1, 7, 10, 11, 18, 19, 22, 3,
};

int
naam_index(const char *const *table, int n, const char *name, size_t len)
{
	int i;

	for (i = 0; i < n; i++)
		if (strlen(table[i]) == len && memcmp(table[i], name, len) == 0)
			return i;
	return -1;
}

int
bsn_valid(const char *s, size_t len)
{
	int sum = 0, i, all_zero = 1;

	if (len != 9)
		return 0;
	for (i = 0; i < 9; i++) {
		if (s[i] < '0' || s[i] > '9')
			return 0;
		if (s[i] != '0')
			all_zero = 0;
		/* weights 9..2 for the first eight digits, -1 for the last */
		sum += (s[i] - '0') * (i < 8 ? 9 - i : -1);
	}
	return !all_zero && sum % 11 == 0;
}

void
str_release(struct str *s)
{
	free(s->s);
	s->s = NULL;
	s->len = 0;
}

void
gebeurtenis_release(struct gebeurtenis *g)
{
	size_t i;

	str_release(&g->id);
	str_release(&g->tekst);
	str_release(&g->auteur);
	str_release(&g->corrigeert);
	str_release(&g->casemanager);
	str_release(&g->aanbieder);
	str_release(&g->werkgever);
	str_release(&g->functie);
	str_release(&g->vraag);
	str_release(&g->uitkomst_tekst);
	str_release(&g->reden);
	for (i = 0; i < g->nitems; i++) {
		str_release(&g->items[i].code);
		str_release(&g->items[i].toelichting);
	}
	free(g->items);
	g->items = NULL;
	g->nitems = 0;
}

void
dossier_init(struct dossier *d)
{
	memset(d, 0, sizeof(*d));
	d->geboortedatum = DATE_NONE;
	d->begindatum = DATE_NONE;
	d->einddatum = DATE_NONE;
	d->uren_honderdsten = -1;
	d->maandloon_cent = -1;
}

void
dossier_release(struct dossier *d)
{
	size_t i;

	str_release(&d->dossier_id);
	str_release(&d->werkgever_id);
	str_release(&d->werkgever_naam);
	str_release(&d->werknemer_id);
	str_release(&d->werknemer_naam);
	str_release(&d->bsn);
	str_release(&d->functie);
	free(d->ldb);
	free(d->verzuim);
	for (i = 0; i < d->ngb; i++)
		gebeurtenis_release(&d->gb[i]);
	free(d->gb);
	dossier_init(d);
}

void
dossier_free(struct dossier *d)
{
	if (!d)
		return;
	dossier_release(d);
	free(d);
}

static int
str_eq(const struct str *a, const struct str *b)
{
	if (!a->s || !b->s)
		return !a->s && !b->s;
	return a->len == b->len && memcmp(a->s, b->s, a->len) == 0;
}

/* dossier_link() by comparing each entry with every earlier one:
 * quadratic, only when the index of dossier_link() cannot be allocated. */
static int
link_kwadratisch(struct dossier *d, size_t *err)
{
	size_t i, j;

	for (i = 0; i < d->ngb; i++) {
		const struct gebeurtenis *g = &d->gb[i];

		if (g->id.s)
			for (j = 0; j < i; j++)
				if (str_eq(&d->gb[j].id, &g->id)) {
					*err = i;
					return -1;
				}
		if (!g->corrigeert.s)
			continue;
		for (j = 0; j < i; j++)
			if (d->gb[j].id.s && str_eq(&d->gb[j].id, &g->corrigeert))
				break;
		if (j == i) {
			*err = i;
			return -2;
		}
		d->gb[j].gecorrigeerd = 1;
	}
	return 0;
}

/* The order of the id index: by id (bytes, then length), then by
 * position, so equal ids are adjacent and the earliest comes first. */
static int
id_vgl(const struct str *a, const struct str *b)
{
	size_t n = a->len < b->len ? a->len : b->len;
	int c = n ? memcmp(a->s, b->s, n) : 0;

	if (c)
		return c;
	return a->len < b->len ? -1 : a->len > b->len ? 1 : 0;
}

static int
index_vgl(const void *pa, const void *pb)
{
	const struct gebeurtenis *a = *(const struct gebeurtenis *const *)pa;
	const struct gebeurtenis *b = *(const struct gebeurtenis *const *)pb;
	int c = id_vgl(&a->id, &b->id);

	if (c)
		return c;
	return a < b ? -1 : a > b ? 1 : 0;
}

/* The earliest entry with id k in the sorted index ix of n entries, or
 * NULL. */
static struct gebeurtenis *
eerste_met(struct gebeurtenis *const *ix, size_t n, const struct str *k)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (id_vgl(&ix[mid]->id, k) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && id_vgl(&ix[lo]->id, k) == 0 ? ix[lo] : NULL;
}

/*
 * The same answers as link_kwadratisch() through an index of the ids
 * sorted once: O(n log n) instead of comparing every id with every
 * earlier one on each read and append (issue 12: a case of many entries
 * held the case's write lock for seconds per append).
 */
int
dossier_link(struct dossier *d, size_t *err)
{
	struct gebeurtenis **ix;
	size_t i, n = 0, dubbel = d->ngb, fout = d->ngb;

	for (i = 0; i < d->ngb; i++)
		d->gb[i].gecorrigeerd = 0;
	if (d->ngb == 0)
		return 0;
	ix = malloc(d->ngb * sizeof(struct gebeurtenis *));
	if (!ix)
		return link_kwadratisch(d, err);
	for (i = 0; i < d->ngb; i++)
		if (d->gb[i].id.s)
			ix[n++] = &d->gb[i];
	qsort(ix, n, sizeof(struct gebeurtenis *), index_vgl);
	/* the first entry whose id an earlier entry has */
	for (i = 1; i < n; i++)
		if (id_vgl(&ix[i - 1]->id, &ix[i]->id) == 0 &&
		    (size_t)(ix[i] - d->gb) < dubbel)
			dubbel = (size_t)(ix[i] - d->gb);
	/* corrections before it name an earlier entry */
	for (i = 0; i < dubbel; i++) {
		struct gebeurtenis *j;

		if (!d->gb[i].corrigeert.s)
			continue;
		j = eerste_met(ix, n, &d->gb[i].corrigeert);
		if (!j || j >= &d->gb[i]) {
			fout = i;
			break;
		}
		j->gecorrigeerd = 1;
	}
	free(ix);
	if (fout < dubbel) {
		*err = fout;
		return -2;
	}
	if (dubbel < d->ngb) {
		*err = dubbel;
		return -1;
	}
	return 0;
}

static int
gb_equal(const struct gebeurtenis *a, const struct gebeurtenis *b)
{
	size_t i;

	if (a->soort != b->soort || a->zichtbaarheid != b->zichtbaarheid ||
	    a->datum != b->datum || a->velden != b->velden ||
	    a->nitems != b->nitems)
		return 0;
	if (!str_eq(&a->id, &b->id) || !str_eq(&a->tekst, &b->tekst) ||
	    !str_eq(&a->auteur, &b->auteur) ||
	    !str_eq(&a->corrigeert, &b->corrigeert) ||
	    !str_eq(&a->casemanager, &b->casemanager) ||
	    !str_eq(&a->aanbieder, &b->aanbieder) ||
	    !str_eq(&a->werkgever, &b->werkgever) ||
	    !str_eq(&a->functie, &b->functie) ||
	    !str_eq(&a->vraag, &b->vraag) ||
	    !str_eq(&a->uitkomst_tekst, &b->uitkomst_tekst) ||
	    !str_eq(&a->reden, &b->reden))
		return 0;
#define SAME(F, FIELD) (!(a->velden & (F)) || a->FIELD == b->FIELD)
	if (!SAME(GV_BENUTBARE, benutbare) || !SAME(GV_TERUGKEER, terugkeer) ||
	    !SAME(GV_THERAPEUTISCH, therapeutisch) ||
	    !SAME(GV_STRUCTUREEL, structureel) ||
	    !SAME(GV_VOLDOENDE, voldoende) ||
	    !SAME(GV_INSTRUMENT, instrument) ||
	    !SAME(GV_CONCLUSIE, conclusie) || !SAME(GV_MODULE, module) ||
	    !SAME(GV_UITKOMST_SOL, uitkomst_sol) || !SAME(GV_BIJ, bij) ||
	    !SAME(GV_TOT, tot) ||
	    !SAME(GV_VERWACHTE_TERUGKEER, verwachte_terugkeer) ||
	    !SAME(GV_UITERSTE, uiterste_aanvraagdatum) ||
	    !SAME(GV_UREN, uren_honderdsten) ||
	    !SAME(GV_LOONWAARDE, loonwaarde_procent))
		return 0;
#undef SAME
	for (i = 0; i < a->nitems; i++)
		if (!str_eq(&a->items[i].code, &b->items[i].code) ||
		    a->items[i].niveau != b->items[i].niveau ||
		    !str_eq(&a->items[i].toelichting, &b->items[i].toelichting))
			return 0;
	return 1;
}

int
dossier_equal(const struct dossier *a, const struct dossier *b)
{
	size_t i;

	if (!str_eq(&a->dossier_id, &b->dossier_id) ||
	    !str_eq(&a->werkgever_id, &b->werkgever_id) ||
	    !str_eq(&a->werkgever_naam, &b->werkgever_naam) ||
	    !str_eq(&a->werknemer_id, &b->werknemer_id) ||
	    !str_eq(&a->werknemer_naam, &b->werknemer_naam) ||
	    !str_eq(&a->bsn, &b->bsn) || !str_eq(&a->functie, &b->functie))
		return 0;
	if (a->eigenrisicodrager_wga != b->eigenrisicodrager_wga ||
	    a->eigenrisicodrager_zw != b->eigenrisicodrager_zw ||
	    a->geboortedatum != b->geboortedatum ||
	    a->begindatum != b->begindatum || a->einddatum != b->einddatum ||
	    a->contract != b->contract ||
	    a->uren_honderdsten != b->uren_honderdsten ||
	    a->maandloon_cent != b->maandloon_cent || a->nldb != b->nldb ||
	    a->has_ldb != b->has_ldb || a->vangnet != b->vangnet ||
	    a->nverzuim != b->nverzuim || a->ngb != b->ngb)
		return 0;
	for (i = 0; i < a->nldb; i++)
		if (a->ldb[i].tot_en_met_week != b->ldb[i].tot_en_met_week ||
		    a->ldb[i].procent != b->ldb[i].procent)
			return 0;
	for (i = 0; i < a->nverzuim; i++)
		if (a->verzuim[i].datum != b->verzuim[i].datum ||
		    a->verzuim[i].soort != b->verzuim[i].soort ||
		    a->verzuim[i].percentage != b->verzuim[i].percentage)
			return 0;
	for (i = 0; i < a->ngb; i++)
		if (!gb_equal(&a->gb[i], &b->gb[i]))
			return 0;
	return 1;
}
