/*
 * catalogus.h - the words a user sees for every id of the contracts:
 * milestone explanations and short labels, finding titles, status and
 * severity words, event types and their groups, classes, roles, vangnet,
 * contract and mutation kinds, second-track values, Atw remarks.
 *
 * One place for the vocabulary of engine and web (issue 13): the web app
 * renders from GET /api/v1/catalogus, which serves these tables next to
 * the titles, rule ids and sources the rule table (rules.h) and the
 * finding table (toets.h) already carry. Every table is indexed by the
 * enum of the contract ids it names, so a new id without a word is a
 * NULL entry that test_catalogus finds. All strings are static UTF-8.
 */
#ifndef SPOOR_CATALOGUS_H
#define SPOOR_CATALOGUS_H

#include <stddef.h>
#include <stdint.h>

#include "dossier.h"
#include "rules.h"
#include "tijdlijn.h"
#include "toets.h"

#define CATALOGUS_FORMAAT "spoor-catalogus/1"

/* An id of a contract and its Dutch word, for lists that core has no
 * enum for (roles live in the access table of src/store). */
struct cat_woord {
	const char *id;
	const char *titel;
};

/* Milestones (enum mijlpaal_id): the rule in plain Dutch, and the short
 * label of the timeline picture. The title is regels[id].titel. */
extern const char *const mijlpaal_uitleg[MP__COUNT];
extern const char *const mijlpaal_kort[MP__COUNT];

/* Milestone statuses (enum mp_status) as the web app names them; the
 * command line keeps its shorter mp_status_label. */
extern const char *const mp_status_titel[ST__COUNT];

/* Findings (enum bevinding_id) and severities (enum ernst). */
extern const char *const bevinding_titel[BV__COUNT];
extern const char *const ernst_titel[ERNST__COUNT];

/* Event types (enum gb_soort) and the groups of the entry form, each a
 * title and the types in the order shown. */
extern const char *const gb_soort_titel[GB__COUNT];
struct cat_groep {
	const char *titel;
	const uint8_t *soorten; /* enum gb_soort */
	size_t n;
};
extern const struct cat_groep gb_soort_groepen[];
extern const size_t gb_soort_ngroepen;

/* Classes of confidentiality (enum zichtbaarheid): name and who reads. */
extern const char *const zichtbaarheid_titel[3];
extern const char *const zichtbaarheid_uitleg[3];

/* Case-file values: enum vangnet, contract_soort, verzuim_soort. */
extern const char *const vangnet_titel[4];
extern const char *const contract_titel[2];
extern const char *const verzuim_soort_titel[VZ__COUNT];

/* Second-track and assessment values of dossier.h. */
extern const char *const instrument_titel[INS__COUNT];
extern const char *const conclusie_titel[ADC__COUNT];
extern const char *const module_titel[MOD__COUNT];
extern const char *const sol_uitkomst_titel[SOL__COUNT];
extern const char *const bij_titel[BIJ__COUNT];

/*
 * The Algemene termijnenwet per enum atw (R-CNT-8): a contract-style id
 * and the remark on a date that falls on a Saturday, Sunday or holiday
 * (NULL where there is nothing to say). tijdlijn_atw_opmerking() uses
 * the same texts.
 */
extern const char *const atw_naam[ATW__COUNT];
extern const char *const atw_opmerking[ATW__COUNT];

/* Roles of architecture §6 in the order of the access table. */
extern const struct cat_woord rol_titels[];
extern const size_t rol_ntitels;

/* The Dutch word of role naam (len bytes), or NULL. */
const char *catalogus_rol_titel(const char *naam, size_t len);

#endif /* SPOOR_CATALOGUS_H */
