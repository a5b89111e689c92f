/*
 * dossier.h - the domain model of one verzuimgeval file (spoor-dossier/1).
 *
 * The JSON form is read and written by src/format/casefile.h; this header
 * holds only the data. Strings travel with their length (struct str); every
 * string and array is owned by the dossier and freed by dossier_release().
 */
#ifndef SPOOR_DOSSIER_H
#define SPOOR_DOSSIER_H

#include <stddef.h>
#include <stdint.h>

#include "date.h"
#include "verzuim.h"

/* An owned, NUL-terminated UTF-8 string with its length; s may be NULL. */
struct str {
	char *s;
	size_t len;
};

enum vangnet { VN_GEEN = 0, VN_ZWANGERSCHAP, VN_ORGAANDONATIE, VN_NO_RISK };

enum contract_soort { CS_ONBEPAALDE_TIJD = 0, CS_BEPAALDE_TIJD };

enum zichtbaarheid { ZB_ALGEMEEN = 0, ZB_MEDISCH, ZB_VERTROUWELIJK };

/* Event types of architecture §4, in the order of its table. */
enum gb_soort {
	GB_VERZUIMMELDING_ARBODIENST = 0,
	GB_PROBLEEMANALYSE,
	GB_BIJSTELLING_PROBLEEMANALYSE,
	GB_PLAN_VAN_AANPAK,
	GB_BIJSTELLING_PLAN_VAN_AANPAK,
	GB_EVALUATIE,
	GB_ACTUEEL_OORDEEL,
	GB_EINDEVALUATIE,
	GB_VISIE_WERKNEMER,
	GB_RE_INTEGRATIEVERSLAG,
	GB_WIA_AANVRAAG,
	GB_VERVROEGDE_IVA_AANVRAAG,
	GB_VOORTGANGSRAPPORTAGE,
	GB_CONTACT,
	GB_WAARSCHUWING_WERKNEMER,
	GB_LOONOPSCHORTING,
	GB_LOONSTOP,
	GB_WEIGERING_WERKNEMER,
	GB_OUTPLACEMENT,
	GB_BEKORTINGSVERZOEK,
	GB_BELASTBAARHEID,
	GB_ARBEIDSDESKUNDIG_ONDERZOEK,
	GB_MELDING_42E_WEEK,
	GB_EERSTEJAARSEVALUATIE,
	GB_START_TWEEDE_SPOOR,
	GB_ACTIVITEIT,
	GB_SOLLICITATIE,
	GB_WERKHERVATTING,
	GB_DESKUNDIGENOORDEEL,
	GB_WIA_BRIEF_UWV,
	GB_VERLENGING_LOONDOORBETALING,
	GB_LOONSANCTIE,
	GB_BESLUIT_BEKORTING,
	GB_EINDE_DIENSTVERBAND,
	/* reports to UWV under the Ziektewet (architecture §5.1) */
	GB_MELDING_VANGNET,             /* ZW 38a lid 3 */
	GB_MELDING_EINDE_DIENSTVERBAND, /* ZW 38 lid 2, ziek uit dienst */
	GB__COUNT
};

/* The extra fields an event type may carry (bit per key). */
enum gb_veld {
	GV_BENUTBARE = 1u << 0,        /* benutbare_mogelijkheden (bool) */
	GV_CASEMANAGER = 1u << 1,      /* casemanager (string) */
	GV_INSTRUMENT = 1u << 2,       /* instrument (fml|izp|lab) */
	GV_ITEMS = 1u << 3,            /* items (belastbaarheid) */
	GV_CONCLUSIE = 1u << 4,        /* conclusie (spoor1|spoor2|...) */
	GV_TERUGKEER = 1u << 5,        /* terugkeer_binnen_3_maanden (bool) */
	GV_VERWACHTE_TERUGKEER = 1u << 6, /* verwachte_terugkeer (date) */
	GV_AANBIEDER = 1u << 7,        /* aanbieder (string) */
	GV_MODULE = 1u << 8,           /* module (enum) */
	GV_TOT = 1u << 9,              /* tot (date) */
	GV_WERKGEVER = 1u << 10,       /* werkgever (string) */
	GV_FUNCTIE = 1u << 11,         /* functie (string) */
	GV_UITKOMST_SOL = 1u << 12,    /* uitkomst of a sollicitatie (enum) */
	GV_BIJ = 1u << 13,             /* bij (enum) */
	GV_UREN = 1u << 14,            /* uren_per_week (hundredths) */
	GV_LOONWAARDE = 1u << 15,      /* loonwaarde_procent (0..100) */
	GV_THERAPEUTISCH = 1u << 16,   /* therapeutisch (bool) */
	GV_STRUCTUREEL = 1u << 17,     /* structureel (bool) */
	GV_VRAAG = 1u << 18,           /* vraag (string) */
	GV_UITKOMST_TEKST = 1u << 19,  /* uitkomst of a deskundigenoordeel */
	GV_UITERSTE = 1u << 20,        /* uiterste_aanvraagdatum (date) */
	GV_VOLDOENDE = 1u << 21,       /* voldoende (bool) */
	GV_REDEN = 1u << 22            /* reden (string) */
};

/* How many extra fields there are (bits of enum gb_veld). */
#define GV__AANTAL 23

/* The kind of an extra field's value in spoor-dossier/1. */
enum gv_soort {
	GVS_BOOL = 0,  /* true/false into a uint8_t */
	GVS_ENUM,      /* one of waarden into a uint8_t */
	GVS_DATUM,     /* "YYYY-MM-DD" into an sdate */
	GVS_TEKST,     /* a string into a struct str */
	GVS_UREN,      /* hours with up to two decimals, in hundredths */
	GVS_GETAL,     /* an integer in [min, max] into an int32_t */
	GVS_ITEMS      /* the belastbaarheid items */
};

enum instrument { INS_FML = 0, INS_IZP, INS_LAB, INS__COUNT };
enum ad_conclusie { ADC_SPOOR1 = 0, ADC_SPOOR2, ADC_GEEN_MOGELIJKHEDEN,
		    ADC__COUNT };
enum module {
	MOD_LOOPBAANORIENTATIE = 0, MOD_ASSESSMENT, MOD_COACHING,
	MOD_SOLLICITATIETRAINING, MOD_ARBEIDSMARKTVERKENNING, MOD_JOBHUNTING,
	MOD_BEMIDDELING, MOD_SCHOLING, MOD_WERKERVARINGSPLAATS,
	MOD_PROEFPLAATSING, MOD_DETACHERING, MOD_ZELFSTANDIG_ONDERNEMERSCHAP,
	MOD_NAZORG, MOD__COUNT
};
enum sol_uitkomst { SOL_VERSTUURD = 0, SOL_GESPREK, SOL_AFGEWEZEN,
		    SOL_AANGENOMEN, SOL__COUNT };
enum hervat_bij { BIJ_EIGEN_WERK = 0, BIJ_ANDER_WERK_EIGEN_WERKGEVER,
		  BIJ_ANDERE_WERKGEVER, BIJ__COUNT };

/* One FML/IZP/LAB item: code such as "IV.13", level, optional note. */
struct belastbaar_item {
	struct str code;
	int32_t niveau;
	struct str toelichting;
};

/*
 * One dossier entry. The fields the timeline and the assessment read come
 * first, so that they share one cache line; texts follow.
 */
struct gebeurtenis {
	uint8_t soort;          /* enum gb_soort */
	uint8_t zichtbaarheid;  /* enum zichtbaarheid */
	/* derived by dossier_link(): a later entry corrects this one */
	uint8_t gecorrigeerd;
	uint8_t benutbare, terugkeer, therapeutisch, structureel, voldoende;
	uint8_t instrument, conclusie, module, uitkomst_sol, bij;
	sdate datum;
	uint32_t velden;        /* enum gb_veld bits present */
	sdate tot, verwachte_terugkeer, uiterste_aanvraagdatum;
	int32_t uren_honderdsten;
	int32_t loonwaarde_procent;
	struct str casemanager;

	struct str id, tekst, auteur, corrigeert; /* optional */
	struct str aanbieder, werkgever, functie, vraag, uitkomst_tekst, reden;
	struct belastbaar_item *items;
	size_t nitems;
};

struct ldb_trede {
	int32_t tot_en_met_week;
	int32_t procent;
};

struct dossier {
	struct str dossier_id;
	struct str werkgever_id, werkgever_naam;
	int eigenrisicodrager_wga;
	int eigenrisicodrager_zw;      /* optional in the file, default 0 */
	struct str werknemer_id, werknemer_naam, bsn;
	sdate geboortedatum;           /* DATE_NONE when absent */
	sdate begindatum, einddatum;   /* einddatum DATE_NONE when null */
	uint8_t contract;              /* enum contract_soort */
	struct str functie;
	int32_t uren_honderdsten;      /* -1 when absent */
	int64_t maandloon_cent;        /* -1 when absent */
	struct ldb_trede *ldb;         /* loondoorbetaling, may be empty */
	size_t nldb;
	int has_ldb;                   /* the key was present */
	uint8_t vangnet;               /* enum vangnet */
	struct verzuim_mutatie *verzuim;
	size_t nverzuim;
	struct gebeurtenis *gb;
	size_t ngb;
};

/*
 * The event schema (issue 13): every extra field of an entry, indexed by
 * its bit (gv_schema[i].bit == 1u << i), which is also the order of the
 * canonical form: its key, its kind, where it lives in struct
 * gebeurtenis, the names of an enum, the range of a number. Which event
 * types may carry a field is gb_velden, which must carry it
 * gb_verplicht. The case-file reader and writer, the field masks and the
 * OpenAPI/JSON Schema fragment (docs/formats.md) follow from here: a new
 * field is a row here plus its tests.
 */
struct gv_schema {
	const char *naam;             /* JSON key */
	uint32_t bit;                 /* enum gb_veld */
	uint8_t soort;                /* enum gv_soort */
	uint8_t nwaarden;             /* GVS_ENUM: names in waarden */
	uint16_t plek;                /* offsetof(struct gebeurtenis, ...) */
	const char *const *waarden;   /* GVS_ENUM */
	int32_t min, max;             /* GVS_GETAL */
};
extern const struct gv_schema gv_schema[GV__AANTAL];

/* Extra fields an event type must carry (the computation needs them). */
extern const uint32_t gb_verplicht[GB__COUNT];

/* The order in which the reader checks the extra fields (indexes into
 * gv_schema): with several wrong, the first in this order is reported. */
extern const uint8_t gv_leesvolgorde[GV__AANTAL];

/* Zero the dossier (no allocation). */
void dossier_init(struct dossier *d);

/* Free everything the dossier owns and re-initialise it. */
void dossier_release(struct dossier *d);

/* dossier_release() plus free(d); accepts NULL. */
void dossier_free(struct dossier *d);

/* Free the string and leave it empty (NULL, 0). */
void str_release(struct str *s);

/* Release what one event owns. */
void gebeurtenis_release(struct gebeurtenis *g);

/*
 * Resolve `corrigeert`: marks every corrected entry. Returns 0, or -1 when
 * an `id` occurs twice (index in *err) or -2 when `corrigeert` names no
 * earlier entry (index in *err).
 */
int dossier_link(struct dossier *d, size_t *err);

/* 1 when a and b hold the same data (the round-trip property). */
int dossier_equal(const struct dossier *a, const struct dossier *b);

/* Contract names of enum values ("probleemanalyse", "fml", ...). */
extern const char *const gb_soort_naam[GB__COUNT];
extern const char *const verzuim_soort_naam[VZ__COUNT];
extern const char *const vangnet_naam[4];
extern const char *const contract_naam[2];
extern const char *const zichtbaarheid_naam[3];
extern const char *const instrument_naam[INS__COUNT];
extern const char *const conclusie_naam[ADC__COUNT];
extern const char *const module_naam[MOD__COUNT];
extern const char *const sol_uitkomst_naam[SOL__COUNT];
extern const char *const bij_naam[BIJ__COUNT];

/* Extra fields allowed per event type (enum gb_veld bits). */
extern const uint32_t gb_velden[GB__COUNT];

/* Index of name (len bytes) in table (n entries), or -1. */
int naam_index(const char *const *table, int n, const char *name,
	       size_t len);

/* 1 for a 9-digit string that passes the BSN eleven-test. */
int bsn_valid(const char *s, size_t len);

#endif /* SPOOR_DOSSIER_H */
