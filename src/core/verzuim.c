/*
 * verzuim.c - sick periods and aggregation (see verzuim.h).
 */
#include "verzuim.h"

int
ziekteverloop_build(const struct verzuim_mutatie *m, size_t n,
		    struct ziekrange *buf, size_t cap,
		    struct ziekteverloop *out, size_t *err_index)
{
	size_t i, nr = 0, geval_start = 0;
	uint32_t gevallen = 0;
	int32_t fit = 0; /* fit days since the end of the last sick range */
	int in_ziek = 0;
	struct ziekteverloop zv;

	for (i = 0; i < n; i++) {
		if (m[i].soort >= VZ__COUNT ||
		    (m[i].soort == VZ_ZIEK &&
		     (m[i].percentage < 1 || m[i].percentage > 100)))
			goto bad_value;
		if (i > 0 && m[i].datum <= m[i - 1].datum) {
			if (err_index)
				*err_index = i;
			return VZF_VOLGORDE;
		}
	}

	for (i = 0; i < n; i++) {
		sdate until = i + 1 < n ? m[i + 1].datum - 1 : DATE_NONE;

		switch (m[i].soort) {
		case VZ_ZIEK:
			if (in_ziek) {
				/* a new percentage: same range continues */
				buf[nr - 1].tot = until;
				break;
			}
			if (nr == 0 || fit >= AGG_NIEUW_GEVAL_DAGEN) {
				/* R-AGG-2: a new verzuimgeval */
				gevallen++;
				geval_start = nr;
			}
			if (nr >= cap) {
				if (err_index)
					*err_index = i;
				return VZF_CAPACITEIT;
			}
			buf[nr].van = m[i].datum;
			buf[nr].tot = until;
			buf[nr].voor = nr > geval_start
				? buf[nr - 1].voor +
				  (buf[nr - 1].tot - buf[nr - 1].van + 1)
				: 0;
			nr++;
			in_ziek = 1;
			fit = 0;
			break;
		case VZ_HERSTELD:
			in_ziek = 0;
			if (nr > 0 && until != DATE_NONE)
				fit += until - m[i].datum + 1;
			else if (nr > 0)
				fit = AGG_NIEUW_GEVAL_DAGEN; /* open-ended */
			break;
		default: /* VZ_ZWANGERSCHAPSVERLOF: neither sick nor fit */
			in_ziek = 0;
			break;
		}
	}
	if (nr == 0) {
		if (err_index)
			*err_index = 0;
		return VZF_GEEN_ZIEK;
	}
	zv.d = buf[geval_start].van;
	zv.r = buf + geval_start;
	zv.nr = (uint32_t)(nr - geval_start);
	zv.open = in_ziek;
	zv.geval_nr = gevallen;
	zv.geval_count = gevallen;
	*out = zv;
	return VZF_OK;

bad_value:
	if (err_index)
		*err_index = i;
	return VZF_WAARDE;
}

void
ziekteverloop_continu(sdate d, struct ziekrange *buf, struct ziekteverloop *out)
{
	buf[0].van = d;
	buf[0].tot = DATE_NONE;
	buf[0].voor = 0;
	out->d = d;
	out->r = buf;
	out->nr = 1;
	out->open = 1;
	out->geval_nr = 1;
	out->geval_count = 1;
}

static int32_t
range_len(const struct ziekrange *r)
{
	return r->tot - r->van + 1;
}

/* Sick day k inside an earlier range (k <= voor of the last range). */
sdate
ziekteverloop_sickday_in(const struct ziekteverloop *zv, int32_t k)
{
	uint32_t lo = 0, hi = zv->nr - 1;

	/* binary search: the last range whose voor < k */
	while (lo < hi) {
		uint32_t mid = (lo + hi + 1) / 2;

		if (zv->r[mid].voor < k)
			lo = mid;
		else
			hi = mid - 1;
	}
	return zv->r[lo].van + (k - zv->r[lo].voor - 1);
}

int32_t
ziekteverloop_ziektedag(const struct ziekteverloop *zv, sdate p)
{
	uint32_t i;

	if (p < zv->d)
		return 0;
	for (i = zv->nr; i-- > 0;) {
		const struct ziekrange *r = &zv->r[i];

		if (p < r->van)
			continue;
		if (r->tot == DATE_NONE || p <= r->tot)
			return r->voor + (p - r->van + 1);
		return r->voor + range_len(r);
	}
	return 0;
}

int32_t
ziekteverloop_onderbreking(const struct ziekteverloop *zv, sdate p)
{
	const struct ziekrange *last = &zv->r[zv->nr - 1];
	sdate end;

	if (p < zv->d)
		return 0;
	end = p;
	if (last->tot != DATE_NONE && end > last->tot)
		end = last->tot;
	return (end - zv->d + 1) - ziekteverloop_ziektedag(zv, end);
}

sdate
ziekteverloop_laatste_ziektedag(const struct ziekteverloop *zv)
{
	if (zv->open)
		return DATE_NONE;
	return zv->r[zv->nr - 1].tot;
}
