/*
 * casefile.h - reader and writer of the case file format spoor-dossier/1
 * (architecture §4, docs/formats.md).
 *
 * The reader is strict: duplicate keys, unknown keys, unknown `soort`
 * values, impossible dates, wrong types and out-of-range numbers are
 * errors. Each error names the JSON path and the reason, in Dutch, e.g.
 * "$.gebeurtenissen[3].datum: ongeldige datum '2026-02-30'". The writer
 * emits the canonical form; reading it back gives an equal dossier.
 */
#ifndef SPOOR_CASEFILE_H
#define SPOOR_CASEFILE_H

#include <stddef.h>

#include <jansson.h>

#include "../core/dossier.h"

#define CASEFILE_FORMAAT "spoor-dossier/1"

/* Hard limits: larger input is refused before it is parsed further. */
#define CASEFILE_MAX_BYTES ((size_t)8 * 1024 * 1024)
#define CASEFILE_MAX_VERZUIM 10000u
#define CASEFILE_MAX_GEBEURTENISSEN 100000u
#define CASEFILE_MAX_ITEMS 256u
#define CASEFILE_MAX_STRING ((size_t)256 * 1024)

#define CASEFILE_PAD_MAX 128
#define CASEFILE_REDEN_MAX 256

enum casefile_rc {
	CF_OK = 0,
	CF_IO = -1,      /* the file cannot be read */
	CF_SYNTAX = -2,  /* not JSON, or too large or too deep */
	CF_SCHEMA = -3,  /* valid JSON that is not a valid spoor-dossier/1 */
	CF_NOMEM = -4
};

struct casefile_fout {
	char pad[CASEFILE_PAD_MAX];      /* "$.verzuim[2].datum", or "" */
	char reden[CASEFILE_REDEN_MAX];  /* Dutch reason */
};

/*
 * Parse len bytes of JSON into *out (which must be dossier_init'ed and is
 * only filled on success; on failure it stays empty). Returns an
 * enum casefile_rc; on failure *fout says what and where.
 */
int casefile_lees(const char *buf, size_t len, struct dossier *out,
		  struct casefile_fout *fout);

/*
 * casefile_lees() on a parsed tree (borrowed): what the store uses to
 * rebuild a case from its rows without printing and parsing it again.
 */
int casefile_lees_tree(json_t *root, struct dossier *out,
		       struct casefile_fout *fout);

/*
 * The entry-level reader and writer, for an append: one entry (the JSON
 * object of a gebeurtenis, borrowed) read with exactly the checks of the
 * whole-document reader for one entry; JSON paths are relative to the
 * entry ("$.datum"). *out is set only on success and released with
 * gebeurtenis_release(). What needs the other entries (a unique `id`,
 * `corrigeert` naming an earlier entry) is the caller's to check.
 */
int casefile_gebeurtenis_lees(json_t *e, struct gebeurtenis *out,
			      struct casefile_fout *fout);
/*
 * The fast decoder of an entry as the store keeps it: exactly the
 * canonical text of casefile_gebeurtenis_json() (len bytes). CF_OK with
 * *out filled; CF_SCHEMA when the text is in any other form (the caller
 * then reads it with casefile_gebeurtenis_lees(), which gives the same
 * result for every text both accept); CF_NOMEM.
 */
int casefile_gebeurtenis_snel(const char *txt, size_t len,
			      struct gebeurtenis *out);

/* One verzuim mutation; prev (may be NULL) is the case's last one, whose
 * date it must follow. */
int casefile_verzuim_lees(json_t *e, const struct verzuim_mutatie *prev,
			  struct verzuim_mutatie *out,
			  struct casefile_fout *fout);
/* The canonical JSON object of one entry / mutation as casefile_schrijf()
 * writes it inside the document (a new reference; NULL: no memory). */
json_t *casefile_gebeurtenis_json(const struct gebeurtenis *g);
json_t *casefile_verzuim_json(const struct verzuim_mutatie *m);

/*
 * Read the file at path ("-" is standard input) and parse it. Files larger
 * than CASEFILE_MAX_BYTES are refused with CF_SYNTAX.
 */
int casefile_lees_bestand(const char *path, struct dossier *out,
			  struct casefile_fout *fout);

/*
 * Serialise d as compact canonical JSON with a final newline. On success
 * *out is a NUL-terminated string the caller frees with free().
 */
int casefile_schrijf(const struct dossier *d, char **out, size_t *outlen);

/*
 * Read a whole file ("-" for standard input) into a NUL-terminated buffer
 * of at most max bytes. The caller frees *buf. Returns CF_OK, CF_IO or
 * CF_SYNTAX (too large); errno-style detail goes into fout->reden.
 */
int casefile_slurp(const char *path, size_t max, char **buf, size_t *len,
		   struct casefile_fout *fout);

#endif /* SPOOR_CASEFILE_H */
