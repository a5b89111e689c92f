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
