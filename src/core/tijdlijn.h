/*
 * tijdlijn.h - the statutory timeline of one verzuimgeval (architecture
 * §5.1, rule book §0-3 and 5.9).
 *
 * Two steps, both without allocation:
 *   1. tijdlijn_feiten_uit_dossier() distils the case file's events into
 *      the few dates the timeline depends on (corrected entries and entries
 *      before D do not count);
 *   2. tijdlijn_bereken() evaluates the rule table (rules.h) for a sick
 *      course, those facts and a peildatum.
 */
#ifndef SPOOR_TIJDLIJN_H
#define SPOOR_TIJDLIJN_H

#include <stddef.h>
#include <stdint.h>

#include "date.h"
#include "dossier.h"
#include "rules.h"
#include "verzuim.h"

/* R-TL-10: the EJE window opens in sick week 46. */
#define TL10_VENSTER_WEEK 46

enum mp_status {
	ST_OP_TIJD = 0,
	ST_TE_LAAT,
	ST_VERLOPEN,
	ST_OPEN,
	ST_NIET_VAN_TOEPASSING,
	ST_KOMEND,
	ST_VOORBIJ,
	ST__COUNT
};

/* Contract names ("op_tijd", ...) and Dutch labels ("op tijd", ...). */
extern const char *const mp_status_naam[ST__COUNT];
extern const char *const mp_status_label[ST__COUNT];

/* The dates the timeline needs; DATE_NONE when absent. */
struct tijdlijn_feiten {
	uint8_t vangnet;           /* enum vangnet */
	uint8_t geen_mogelijkheden; /* latest (bijstelling) PA: none */
	uint8_t eje_terugkeer;     /* EJE: return within 3 months */
	uint8_t erd_zw;            /* employer is eigenrisicodrager ZW */
	sdate einddatum;           /* end of the dienstverband, or DATE_NONE */
	sdate melding_vangnet, melding_einde_dv;
	sdate pa, pva, laatste_evaluatie, melding42;
	sdate eje, eje_verwachte_terugkeer, start_spoor2;
	sdate actueel_oordeel, eindevaluatie, riv, wia_aanvraag;
	sdate wia_brief, wia_brief_uiterste;
	sdate verlenging, verlenging_tot;
	sdate loonsanctie, bekorting_verzoek, bekorting_besluit;
};

struct mijlpaal {
	/* rule id and source behind datum: the row's, or another where the
	 * case moved the date to another rule (static strings) */
	const char *regel, *bron;
	sdate datum;     /* uiterlijk (actions) or datum (moments) */
	sdate streef;    /* streefdatum, DATE_NONE unless given */
	sdate venster;   /* venster_vanaf, DATE_NONE unless given */
	sdate gedaan;    /* date of the event that did it, or DATE_NONE */
	sdate voor_atw;  /* datum before an Atw art. 1 extension, or DATE_NONE */
	uint8_t id;      /* enum mijlpaal_id */
	uint8_t status;  /* enum mp_status */
	uint8_t atw;     /* enum atw: the Atw rule that applied to datum */
};

struct tijdlijn {
	sdate peildatum, eerste_ziektedag;
	int32_t ziektedag, ziekteweek, onderbrekingsdagen;
	uint32_t geval_nr, geval_count;
	sdate laatste_ziektedag;    /* DATE_NONE while the illness is open */
	int32_t wia_vertraging;     /* days the wage period moved, R-TL-9.3 */
	uint8_t wia_geacht_tijdig;  /* late application deemed timely */
	uint8_t loonsanctie_vervallen; /* decision after the end, R-LS-3 */
	sdate einde_loonbetaling;   /* last wage day incl. a loonsanctie */
	uint8_t uit_dienst;         /* ill when the dienstverband ended */
	/* bit 1 << id: the milestone applies to this case and is reported
	 * (melding_vangnet, melding_einde_dienstverband and einde_loonsanctie
	 * only where their rule says so); read through tijdlijn_mijlpaal() */
	uint32_t aanwezig;
	struct mijlpaal m[MP__COUNT]; /* indexed by enum mijlpaal_id */
};

/* All dates DATE_NONE, flags 0. */
void tijdlijn_feiten_init(struct tijdlijn_feiten *f);

/*
 * Collect the facts of dossier ds for the verzuimgeval that starts on d.
 * dossier_link() must have run (it marks corrected entries).
 */
void tijdlijn_feiten_uit_dossier(const struct dossier *ds, sdate d,
				 struct tijdlijn_feiten *f);

/* Evaluate every milestone; out is filled completely. */
void tijdlijn_bereken(const struct ziekteverloop *zv,
		      const struct tijdlijn_feiten *f, sdate peildatum,
		      struct tijdlijn *out);

/* The milestone with that id in t, or NULL when t leaves it out. */
const struct mijlpaal *tijdlijn_mijlpaal(const struct tijdlijn *t,
					 enum mijlpaal_id id);

/*
 * The Dutch remark on how the Algemene termijnenwet treated m's date, for a
 * date that falls on a Saturday, Sunday or Atw holiday or was extended
 * (R-CNT-8); NULL when there is nothing to say. Formatted into buf (n
 * bytes, 160 suffice); returns buf or NULL.
 */
const char *tijdlijn_atw_opmerking(const struct mijlpaal *m, char *buf,
				   size_t n);

#endif /* SPOOR_TIJDLIJN_H */
