/*
 * rules.c - the milestone table (see rules.h and docs/rules.md).
 *
 * Sick day numbers follow R-CNT-9: a milestone at D+o of a continuous
 * illness is sick day o+1.
 */
#include <stddef.h>
#include <string.h>

#include "rules.h"
#include "tijdlijn.h"

/* The rows' data: id, kind, anchor, confidence, Atw rule, offset, terug,
 * texts; then HOE: the event date that does it, the event date and the
 * milestone it counts from (ANK_NA_FEIT), its named step and condition. */
#define ROW(ID, S, A, Z, ATW, OFF, TERUG, NAAM, TITEL, REGEL, BRON, HOE) \
	[ID] = {.id = (ID), .soort = (S), .anker = (A), .zekerheid = (Z), \
		.atw = (ATW), .offset = (OFF), .terug = (TERUG), \
		.naam = (NAAM), .titel = (TITEL), .regel = (REGEL), \
		.bron = (BRON), HOE},
#define HOE(GEDAAN, FEIT, NA, STAP, VW) \
	.gedaan = (GEDAAN), .feit = (FEIT), .na = (NA), .stap = (STAP), \
	.voorwaarde = (VW)
#define F(veld) ((uint8_t)offsetof(struct tijdlijn_feiten, veld))
#define GEEN HOE(FEIT_GEEN, FEIT_GEEN, 0, STAP_GEEN, VW_ALTIJD)

/* The rows are in rules.def, which tijdlijn.c includes as well. */
const struct regel regels[MP__COUNT] = {
#include "rules.def"
};

const struct regel *
regel_by_naam(const char *naam, size_t len)
{
	size_t i;

	for (i = 0; i < MP__COUNT; i++)
		if (strlen(regels[i].naam) == len &&
		    memcmp(regels[i].naam, naam, len) == 0)
			return &regels[i];
	return NULL;
}

const char *
zekerheid_naam(enum zekerheid z)
{
	return z == ZEKER_H ? "H" : z == ZEKER_M ? "M" : "L";
}
