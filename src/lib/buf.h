/*
 * buf.h - a growable byte buffer with a hard size cap (after curl's
 * lib/curlx/dynbuf).
 *
 * Every writer that builds text of unknown length (an export, a
 * calendar, a log line) gets one place that grows memory and one place
 * that says "too large", instead of a realloc loop of its own. A buffer
 * never holds more than its cap: an add that would pass it fails with
 * BUF_TE_GROOT and nothing is aborted. The first failure is sticky: the
 * content is freed and every later add returns the same code, so a
 * writer may chain adds and check the last one (or buf_fout) only.
 *
 * The content is always NUL-terminated (the NUL is not counted in the
 * length and not in the cap) and may itself contain NUL bytes.
 */
#ifndef SPOOR_LIB_BUF_H
#define SPOOR_LIB_BUF_H

#include <stddef.h>

enum {
	BUF_OK = 0,
	BUF_NOMEM = -1,     /* malloc failed */
	BUF_TE_GROOT = -2,  /* the content would pass the cap */
};

struct buf {
	char *p;       /* NULL until the first add; owned by the buffer */
	size_t len;    /* bytes of content */
	size_t alloc;  /* bytes allocated at p */
	size_t cap;    /* most content bytes ever allowed */
	int fout;      /* first failure (sticky), BUF_OK while none */
};

/* An empty buffer that will refuse content beyond cap bytes (SIZE_MAX
 * counts as SIZE_MAX - 1: the NUL needs its byte). Allocates nothing. */
void buf_init(struct buf *b, size_t cap);

/* Append len bytes at mem / a C string / one byte / printf-formatted
 * text. 0, or BUF_NOMEM or BUF_TE_GROOT (and the buffer is then empty
 * and failed: see above). */
int buf_add(struct buf *b, const void *mem, size_t len);
int buf_addstr(struct buf *b, const char *s);
int buf_addc(struct buf *b, char c);
int buf_addf(struct buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* The content ("" when empty; valid until the next add or release) and
 * its length. */
const char *buf_ptr(const struct buf *b);
size_t buf_len(const struct buf *b);

/* The first failure, or BUF_OK. */
int buf_fout(const struct buf *b);

/* Empty the buffer, keep its memory and cap; clears a failure. */
void buf_reset(struct buf *b);

/* Free the memory; the buffer is empty with the same cap afterwards
 * and may be used again. Accepts a buffer that never held anything. */
void buf_release(struct buf *b);

/*
 * Hand the content over: *out (NUL-terminated, caller frees with
 * free()) and *len when len is not NULL. The buffer is empty
 * afterwards. Returns the buffer's failure if it has one (nothing is
 * handed over), BUF_NOMEM if an empty buffer cannot allocate its "".
 */
int buf_detach(struct buf *b, char **out, size_t *len);

/* A short Dutch description of a BUF_ code, for messages. */
const char *buf_reden(int code);

#endif /* SPOOR_LIB_BUF_H */
