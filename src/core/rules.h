/*
 * rules.h - the statutory timeline as data.
 *
 * One row per milestone of architecture §5.1: its id, kind, how its date is
 * anchored, the offset, the rule id of the rule book and the legal source.
 * tijdlijn.c evaluates these rows; it holds no day counts of its own.
 *
 * The ±1-day conventions of rule book R-CNT-10 are the named constants
 * below. Each states the reading chosen and the alternative; each has a
 * test in tests/unit/test_rules.c.
 */
#ifndef SPOOR_RULES_H
#define SPOOR_RULES_H

#include <stddef.h>
#include <stdint.h>

/*
 * R-CNT-4: "binnen N weken na E" and "de eerste dag nadat ... N weken heeft
 * geduurd" resolve to E + 7N. Counted from D that is sick day 7N + 1.
 * The streefdatum shown to users is CNT4_STREEF_EERDER days earlier
 * (rule book: store D+42, show D+41).
 */
#define CNT4_NA_WEKEN(n) (7 * (n) + 1)
#define CNT4_STREEF_EERDER 1

/*
 * R-CNT-5: "uiterlijk N weken voor het einde van de wachttijd" = L - 7N,
 * L the last day of the wachttijd. The alternative reading (count back from
 * the first WIA day L + 1) would set CNT5_CORRECTIE to 1.
 */
#define CNT5_CORRECTIE 0
#define CNT5_VOOR_EINDE(n) (7 * (n) - CNT5_CORRECTIE)

/*
 * R-CNT-6: "de dag waarop de wachttijd N weken heeft geduurd" = D + 7N - 1,
 * i.e. sick day 7N. The alternative reading (D + 7N) would set
 * CNT6_CORRECTIE to 1.
 */
#define CNT6_CORRECTIE 0
#define CNT6_GEDUURD_WEKEN(n) (7 * (n) + CNT6_CORRECTIE)

/*
 * R-LS-6: "eindigt zes weken nadat ..." encoded as last sanction day =
 * decision + 42 (alternative: + 41).
 */
#define LS6_EINDE_NA_BESLUIT 42

/* R-LS-5: UWV decides a bekortingsverzoek within 3 weeks (WIA 25 lid 13);
 * a term in a wet of at most 12 weeks, so Atw art. 1 extends its end. */
#define LS5_BESLISTERMIJN 21

/* R-LS-2, R-LS-4: a loonsanctie lasts at most 52 weeks. */
#define LS4_MAX_DAGEN (52 * 7)

/*
 * R-DSM-1: "ten minste twee jaren": calendar years (the later date), not
 * 104 weeks. DSM1_KALENDERJAREN 0 would use 104 weeks instead.
 */
#define DSM1_KALENDERJAREN 1
#define DSM1_JAREN 2

/* R-TL-7: evaluation interval, practice norm, not statutory. */
#define TL7_EVALUATIE_DAGEN 42
/* R-TL-5: plan van aanpak within two weeks after the probleemanalyse. */
#define TL5_PVA_DAGEN 14
/* R-TL-12, R-SP2-3: second track at the latest 6 weeks after the EJE. */
#define TL12_SPOOR2_DAGEN 42
/* R-SP2-3, R-CNT-7: concrete return within 3 calendar months. */
#define SP23_TERUGKEER_MAANDEN 3
/* R-TL-9.3, WIA 64 lid 6: application within 4 weeks after receipt of a
 * late notice; a forward term in a wet, extended by Atw art. 1. */
#define TL9_BRIEF_AANVRAAG_DAGEN 28
/* R-ZW-2, ZW 38a lid 3: vangnet report "de eerste dag na zes weken", D+42
 * in calendar days, extended by Atw art. 1. */
#define ZW2_VANGNET_DAGEN 42
/* R-ZW-3, ZW 38 lid 2: a RIV at the end of the contract when the illness
 * lasted at least six weeks (architecture §5.1: 42 days from D). */
#define ZW3_RIV_MIN_DAGEN 42

/* Backward terms from the end of the (extended) wage period, R-CNT-5. */
#define TL16_RIV_VOOR_EINDE CNT5_VOOR_EINDE(13)      /* WIA 25 lid 3 */
#define TL17_WIA_VOOR_EINDE CNT5_VOOR_EINDE(11)      /* WIA 64 lid 3 */
#define LS3_BESLUIT_VOOR_EINDE CNT5_VOOR_EINDE(6)    /* WIA 25 lid 10 */

enum mijlpaal_id {
	MP_PROBLEEMANALYSE = 0,
	MP_PLAN_VAN_AANPAK,
	MP_EVALUATIE,
	MP_MELDING_42E_WEEK,
	MP_MELDING_VANGNET,             /* only in a vangnet case */
	MP_MELDING_EINDE_DIENSTVERBAND, /* only when ill out of service */
	MP_EERSTEJAARSEVALUATIE,
	MP_START_TWEEDE_SPOOR,
	MP_ACTUEEL_OORDEEL,
	MP_EINDEVALUATIE,
	MP_RE_INTEGRATIEVERSLAG,
	MP_WIA_AANVRAAG,
	MP_EINDE_MINIMUMLOONGRENS,
	MP_VERVROEGDE_IVA_UITERLIJK,
	MP_MELDING_42E_WEEK_GRENS,
	MP_WIA_BRIEF_UWV,
	MP_BESLUIT_LOONSANCTIE_UITERLIJK,
	MP_EINDE_WACHTTIJD,
	MP_EINDE_OPZEGVERBOD,
	MP_EINDE_LOONSANCTIE,
	MP__COUNT
};

enum mijlpaal_soort { MPS_ACTIE = 0, MPS_MOMENT };

/*
 * How a milestone's date is found (its anchor); `offset` and `terug` are
 * read per anchor. tijdlijn_bereken() evaluates the rows in table order, so
 * a row may anchor on an earlier row's date.
 */
enum anker {
	ANK_ZIEKTEDAG = 0,  /* sick day `offset` (R-CNT-9) */
	ANK_ZIEKTEDAG_ERVOOR, /* sick day `offset` - 1: "voor de dag waarop" */
	ANK_NA_FEIT,        /* event date `feit` of tijdlijn_feiten + offset;
			     * without that event milestone `na`'s date */
	ANK_DAG,            /* D + offset calendar days */
	ANK_VOOR_EINDE,     /* sick day `offset`; after an extension of the
			     * wage period (R-TL-19) `terug` days before its end */
	ANK_VOOR_EINDE_LAAT, /* as ANK_VOOR_EINDE, the end also moved by a
			      * late WIA application (R-TL-9.3) */
	ANK_LAATSTE_WERKDAG, /* last working day on or before the einddatum */
	ANK_OPZEGVERBOD,    /* R-DSM-1: D + DSM1_JAREN calendar years, moved
			     * as the last day of wage payment moves */
	ANK_EINDE_LOON      /* the last day of wage payment incl. a loonsanctie */
};

/* When a row is part of a case at all; otherwise tijdlijn leaves it out. */
enum voorwaarde {
	VW_ALTIJD = 0,
	VW_VANGNET,         /* R-ZW-2: a vangnet case */
	VW_UIT_DIENST,      /* R-ZW-3: ill when the dienstverband ended */
	VW_LOONSANCTIE      /* R-LS-4: a loonsanctie that did not lapse */
};

/*
 * The special cases that no anchor expresses, each a named step of
 * tijdlijn.c run after the row's anchor and status (STAP_GEEN: none).
 */
enum stap {
	STAP_GEEN = 0,
	STAP_STREEF,        /* R-CNT-4: the streefdatum a day earlier */
	STAP_GEEN_VANGNET,  /* ZW 38 lid 4: no 42e-weekmelding and no report
			     * of lid 2 in vangnet */
	STAP_VANGNET_EINDE, /* R-ZW-2: due on the contract's end if earlier */
	STAP_EJE_VENSTER,   /* R-TL-10: the window opens in week 46 */
	STAP_SPOOR2_NVT,    /* R-SP2-3, R-SP2-4: no second track needed */
	STAP_RIV_UIT_DIENST, /* R-ZW-3: the RIV with the report of ZW 38 lid 2 */
	STAP_WIA_BRIEF,     /* R-TL-17, R-TL-9.3: UWV's letter, a late claim */
	STAP_LOONSANCTIE,   /* R-LS-3 .. R-LS-6: the end of wage payment */
	STAP_OPZEGVERBOD_NVT, /* R-ZW-3: no opzegverbod out of service */
	STAP__COUNT
};

/* No event date: `feit` and `gedaan` hold offsets of sdate fields of
 * struct tijdlijn_feiten, whose first field is not a date. */
#define FEIT_GEEN 0

/*
 * How the Algemene termijnenwet (R-CNT-8) treats a milestone's date when
 * it ends on a Saturday, Sunday or Atw holiday.
 */
enum atw {
	ATW_GEEN = 0,     /* a moment, not a term for an act: nothing to say */
	ATW_REGELING,     /* source is a ministerial regulation or policy: art. 5 */
	ATW_LANG,         /* longer than 12 weeks: art. 4 */
	ATW_TERUG,        /* counted backwards from a moment: art. 1 lid 2 */
	ATW_VERLENGD,     /* short forward term in a wet: art. 1 lid 1 extends */
	ATW_WERKDAG,      /* the date is a working day by definition */
	ATW__COUNT
};

enum zekerheid { ZEKER_H = 0, ZEKER_M, ZEKER_L };

struct regel {
	uint8_t id;           /* enum mijlpaal_id, equal to the row index */
	uint8_t soort;        /* enum mijlpaal_soort */
	uint8_t anker;        /* enum anker */
	uint8_t zekerheid;    /* enum zekerheid: confidence in the rule book */
	uint8_t atw;          /* enum atw: the Atw rule for its date */
	uint8_t voorwaarde;   /* enum voorwaarde */
	uint8_t stap;         /* enum stap: the named special case */
	uint8_t feit;         /* ANK_NA_FEIT: the event date it counts from */
	uint8_t na;           /* ANK_NA_FEIT: enum mijlpaal_id without it */
	uint8_t gedaan;       /* actions: the event date that did it */
	/* 16 bits keep a row at 48 bytes, the size of the table before its
	 * anchor columns (bench/tijdlijn.c: its rows are read per case) */
	int16_t offset;       /* sick day number or days, per anchor */
	int16_t terug;        /* days back from the end (ANK_VOOR_EINDE...) */
	const char *naam;     /* contract id, e.g. "probleemanalyse" */
	const char *titel;    /* Dutch label for people */
	const char *regel;    /* rule book id, e.g. "R-TL-3" */
	const char *bron;     /* Dutch legal citation */
};

/* R-ZW-3: the re-integratieverslag due with the report of ZW 38 lid 2. */
#define ZW3_REGEL "R-ZW-3"
#define ZW3_BRON "Ziektewet art. 38 lid 2"

/* The table, indexed by enum mijlpaal_id; MP__COUNT rows. */
extern const struct regel regels[MP__COUNT];

/* Row for a contract id, or NULL. */
const struct regel *regel_by_naam(const char *naam, size_t len);

/* "H", "M" or "L". */
const char *zekerheid_naam(enum zekerheid z);

#endif /* SPOOR_RULES_H */
