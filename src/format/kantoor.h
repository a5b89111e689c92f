/*
 * kantoor.h - the container check of office documents (OOXML: .docx,
 * .xlsx, .pptx; ODF: .odt, .ods, .odp) before they are stored.
 *
 * Both formats are ZIP archives. The check opens the bytes with libzip
 * (its consistency check of central directory and local headers on)
 * and reads every entry to its end, so that nothing the archive
 * declares is trusted: sizes are counted while inflating, and the
 * inflation stops as soon as the total passes its bound. Refused:
 * anything that is no ZIP archive starting with a local header; more
 * than KANTOOR_MAX_ONDERDELEN entries; a total unpacked size over
 * kantoor_grens() of the archive's length (a zip bomb); encrypted
 * entries; a compression method other than stored or deflate; entry
 * names that are absolute, contain '..' as a segment, a backslash or a
 * control character, or occur twice; an archive inside an archive
 * inside the document (one level, an embedded office document, is
 * checked with the same rules); a missing [Content_Types].xml (OOXML)
 * or a mimetype entry that does not name the declared type (ODF).
 *
 * Pure validation of bytes: no I/O, no global state, thread-safe. Peak
 * memory is libzip's directory plus one read buffer, plus at most
 * KANTOOR_MAX_GENEST bytes of a nested archive (docs/security.md).
 */
#ifndef SPOOR_KANTOOR_H
#define SPOOR_KANTOOR_H

#include <stddef.h>
#include <stdint.h>

/* At most this many entries in an archive. */
#define KANTOOR_MAX_ONDERDELEN 10000
/* Absolute bound on the total unpacked size (nested archives count). */
#define KANTOOR_MAX_UITGEPAKT ((uint64_t)256 << 20)
/* The unpacked size may always reach this much ... */
#define KANTOOR_MIN_GRENS ((uint64_t)16 << 20)
/* ... and otherwise this many times the archive's length. */
#define KANTOOR_MAX_FACTOR 100
/* Largest archive inside the document (read into memory to check). */
#define KANTOOR_MAX_GENEST ((size_t)16 << 20)

enum kantoor_rc {
	KANTOOR_OK = 0,
	KANTOOR_ONGELDIG = 1,  /* refused; the reason in kantoor_fout */
	KANTOOR_NOMEM = 2
};

struct kantoor_fout {
	/* Dutch: what is wrong and what to do, naming the entry */
	char reden[320];
};

/* 1 when canonical media type mime is an office type that
 * kantoor_controleer() checks (OOXML or ODF), else 0. */
int kantoor_is_kantoor(const char *mime);

/* The bound on the total unpacked size of an archive of len bytes:
 * KANTOOR_MAX_FACTOR x len, at least KANTOOR_MIN_GRENS, at most
 * KANTOOR_MAX_UITGEPAKT. */
uint64_t kantoor_grens(size_t len);

/*
 * Check len bytes declared as office type mime (kantoor_is_kantoor).
 * KANTOOR_OK, or KANTOOR_ONGELDIG with the reason in *f (also for a
 * mime that is no office type), or KANTOOR_NOMEM. *f is written only on
 * KANTOOR_ONGELDIG.
 */
int kantoor_controleer(const void *data, size_t len, const char *mime,
		       struct kantoor_fout *f);

#endif /* SPOOR_KANTOOR_H */
