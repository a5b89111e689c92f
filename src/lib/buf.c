/*
 * buf.c - growable byte buffer with a hard cap (see buf.h).
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/buf.h"

/* The first allocation; small enough for a log line, and doubling from
 * here reaches a megabyte in 13 steps. */
#define BUF_START 64

void
buf_init(struct buf *b, size_t cap)
{
	b->p = NULL;
	b->len = 0;
	b->alloc = 0;
	/* room for the NUL must stay countable in a size_t */
	b->cap = cap < SIZE_MAX ? cap : SIZE_MAX - 1;
	b->fout = BUF_OK;
}

void
buf_release(struct buf *b)
{
	free(b->p);
	buf_init(b, b->cap);
}

void
buf_reset(struct buf *b)
{
	b->len = 0;
	b->fout = BUF_OK;
	if (b->p)
		b->p[0] = '\0';
}

static int
faal(struct buf *b, int code)
{
	free(b->p);
	b->p = NULL;
	b->len = 0;
	b->alloc = 0;
	b->fout = code;
	return code;
}

/* Room for extra more content bytes plus the NUL. */
static int
ruimte(struct buf *b, size_t extra)
{
	size_t nodig, n;
	char *np;

	if (b->fout)
		return b->fout;
	if (extra > b->cap || b->len > b->cap - extra)
		return faal(b, BUF_TE_GROOT);
	nodig = b->len + extra + 1;  /* cannot wrap: len + extra <= cap */
	if (nodig <= b->alloc)
		return BUF_OK;
	n = b->alloc ? b->alloc : BUF_START;
	while (n < nodig)
		n = n > SIZE_MAX / 2 ? nodig : n * 2;
	/* no more than the cap can ever use */
	if (n > b->cap + 1)
		n = b->cap + 1;
	if (!(np = realloc(b->p, n)))
		return faal(b, BUF_NOMEM);
	b->p = np;
	b->alloc = n;
	return BUF_OK;
}

int
buf_add(struct buf *b, const void *mem, size_t len)
{
	int rc;

	if ((rc = ruimte(b, len)))
		return rc;
	if (len)
		memcpy(b->p + b->len, mem, len);
	b->len += len;
	b->p[b->len] = '\0';
	return BUF_OK;
}

int
buf_addstr(struct buf *b, const char *s)
{
	return buf_add(b, s, strlen(s));
}

int
buf_addc(struct buf *b, char c)
{
	return buf_add(b, &c, 1);
}

int
buf_addf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	int k, rc;

	if (b->fout)
		return b->fout;
	va_start(ap, fmt);
	k = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (k < 0)
		return faal(b, BUF_NOMEM);  /* an encoding error: no text */
	if ((rc = ruimte(b, (size_t)k)))
		return rc;
	va_start(ap, fmt);
	vsnprintf(b->p + b->len, (size_t)k + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)k;
	return BUF_OK;
}

const char *
buf_ptr(const struct buf *b)
{
	return b->p ? b->p : "";
}

size_t
buf_len(const struct buf *b)
{
	return b->len;
}

int
buf_fout(const struct buf *b)
{
	return b->fout;
}

int
buf_detach(struct buf *b, char **out, size_t *len)
{
	char *p;

	if (b->fout)
		return b->fout;
	if (b->p) {
		p = b->p;
	} else if (!(p = malloc(1))) {
		return BUF_NOMEM;
	} else {
		p[0] = '\0';
	}
	if (len)
		*len = b->len;
	*out = p;
	buf_init(b, b->cap);
	return BUF_OK;
}

const char *
buf_reden(int code)
{
	switch (code) {
	case BUF_OK:
		return "gelukt";
	case BUF_NOMEM:
		return "onvoldoende geheugen";
	case BUF_TE_GROOT:
		return "tekst groter dan toegestaan";
	default:
		return "onbekende fout";
	}
}
