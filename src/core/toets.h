/*
 * toets.h - the poortwachtertoets: the assessment UWV makes of the
 * re-integratieverslag (architecture §5.2, rule book §5.7-5.8), made early
 * and continuously against a peildatum.
 *
 * Findings follow UWV's order of testing (R-LS-1): completeness of the RIV,
 * a satisfactory result (R-SP2-7: second-track findings drop to info), no
 * work possibilities reasonably concluded (R-SP2-4), then the efforts.
 * Nothing here allocates; the explanation texts are formatted into caller
 * buffers.
 */
#ifndef SPOOR_TOETS_H
#define SPOOR_TOETS_H

#include <stddef.h>
#include <stdint.h>

#include "dossier.h"
#include "tijdlijn.h"

enum ernst { ERNST_INFO = 0, ERNST_LAAG, ERNST_MIDDEN, ERNST_HOOG,
	     ERNST__COUNT };

/* Finding ids of architecture §5.2, in UWV's order of testing. */
enum bevinding_id {
	BV_RIV_ONTBREEKT = 0,
	BV_RIV_EINDE_DIENSTVERBAND_ONTBREEKT, /* ZW 38 lid 2, R-ZW-3 */
	BV_RIV_ONVOLLEDIG,
	BV_ACTUEEL_OORDEEL_ONTBREEKT,
	BV_EINDEVALUATIE_ONTBREEKT,
	BV_BEVREDIGEND_RESULTAAT,
	BV_GEEN_BENUTBARE_MOGELIJKHEDEN,
	BV_SPOOR2_NIET_GESTART,
	BV_SPOOR2_TE_LAAT_GESTART,
	BV_SPOOR2_ZONDER_BEMIDDELING,
	BV_SPOOR2_STIL,
	BV_OUTPLACEMENT_I_P_V_SPOOR2,
	BV_EJE_ONTBREEKT,
	BV_THERAPEUTISCH_TE_LANG,
	BV_WEIGERING_ZONDER_MAATREGEL,
	BV_PA_ONTBREEKT,
	BV_PA_TE_LAAT,
	BV_PVA_ONTBREEKT,
	BV_PVA_TE_LAAT,
	BV_GEEN_CASEMANAGER,
	BV_EVALUATIE_ACHTERSTALLIG,
	BV_MELDING_42_ONTBREEKT,
	BV_MELDING_42_TE_LAAT,
	BV_MELDING_VANGNET_ONTBREEKT,         /* ZW 38a lid 3, R-ZW-2 */
	BV_MELDING_VANGNET_TE_LAAT,
	BV_MELDING_EINDE_DIENSTVERBAND_ONTBREEKT, /* ZW 38 lid 2, R-ZW-3 */
	BV_MELDING_EINDE_DIENSTVERBAND_TE_LAAT,
	BV_WIA_AANVRAAG_TE_LAAT,
	BV__COUNT
};

/* The mandatory parts of the RIV that a case file can show (R-RIV-1). */
enum riv_deel {
	RIV_ADMINISTRATIEF = 0, /* (a) arbodienst/bedrijfsarts involved */
	RIV_FUNCTIE,            /* (c) the employee's job */
	RIV_EERSTE_ZIEKTEDAG,   /* (e) D */
	RIV_PROBLEEMANALYSE,    /* (f) */
	RIV_PLAN_VAN_AANPAK,    /* (g) */
	RIV_EERSTEJAARSEVALUATIE, /* (h) */
	RIV_EINDEVALUATIE,      /* (h) most recent evaluation */
	RIV_ACTUEEL_OORDEEL,    /* (j) */
	RIV_VISIE_WERKNEMER,    /* (l) */
	RIV__COUNT
};

struct bevinding;
struct toets_bron;

/*
 * The check that detects a finding: reads the case (toets.c's struct
 * toets_bron), fills b's dates, count and parts (b->ernst may be raised)
 * and returns 1 when the finding applies.
 */
typedef int bevinding_vind(const struct toets_bron *c, struct bevinding *b);

/* One row of the findings table: the finding as data plus its check. */
struct bevinding_def {
	const char *naam;     /* contract id, e.g. "PA_ONTBREEKT" */
	uint8_t ernst;        /* enum ernst (MELDING_42_* may be raised) */
	uint8_t spoor2;       /* drops to info with a satisfactory result */
	const char *regel;    /* rule book id */
	const char *bron;     /* Dutch legal source */
	const char *herstel;  /* Dutch remedy (herstelmaatregel) */
	bevinding_vind *vind; /* its check, evaluated in table order */
};

/* The findings table, indexed by enum bevinding_id (UWV's order). */
extern const struct bevinding_def bevinding_defs[BV__COUNT];
extern const char *const ernst_naam[ERNST__COUNT];

/* Each part: contract-style key and Dutch label with its R-RIV-1 letter. */
extern const char *const riv_deel_naam[RIV__COUNT];

/* Eight weeks of second track without mediation or without activity. */
#define SP25_STIL_DAGEN 56
/* R-SP2-2: therapeutic work without loonwaarde "niet langer dan 6 weken". */
#define SP22_THERAPEUTISCH_DAGEN 42
/* R-LS-10.8: a refusal needs a measure within 4 weeks. */
#define LS108_MAATREGEL_DAGEN 28
/* R-SP2-7: loonwaarde of at least 65 % of the old wage. */
#define SP27_LOONWAARDE_PROCENT 65

struct bevinding {
	uint8_t id;      /* enum bevinding_id */
	uint8_t ernst;   /* enum ernst as assessed */
	sdate d1, d2;    /* the dates the explanation names */
	int32_t n;       /* a count of days, where relevant */
	uint32_t delen;  /* RIV_ONVOLLEDIG: bits of missing enum riv_deel */
};

struct toets {
	sdate peildatum;
	uint8_t risico;               /* enum ernst, never info */
	uint32_t riv_aanwezig;        /* bits of enum riv_deel present */
	uint32_t n;
	struct bevinding b[BV__COUNT]; /* by severity, then id */
	int64_t loonsanctie_blootstelling_cent; /* set by the caller, -1 */
};

/*
 * Assess dossier ds whose latest verzuimgeval has the timeline t (computed
 * by tijdlijn_bereken for the same peildatum). dossier_link() must have
 * run. out->loonsanctie_blootstelling_cent is set to -1; the wage module
 * fills it in.
 */
void toets_bereken(const struct dossier *ds, const struct tijdlijn *t,
		   struct toets *out);

/*
 * Dutch explanation of b naming its dates, written into buf (NUL
 * terminated, truncated to n bytes). Returns the length it wanted.
 */
size_t toets_toelichting(const struct bevinding *b, char *buf, size_t n);

#endif /* SPOOR_TOETS_H */
