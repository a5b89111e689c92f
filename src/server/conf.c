/*
 * conf.c - the reader of spoor.conf (see conf.h).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "conf.h"
#include "server/api_doc.h"
#include "store/toegang.h"

#define REGEL_MAX 4096
#define BESTAND_MAX ((size_t)1 << 20)

/* The keys, in the order of docs/configuration.md; the index is the bit
 * that marks a key as seen. */
static const char *const sleutels[] = {
	"db", "db_password_file", "listen", "threads", "tls_cert", "tls_key",
	"hsts_max_age", "trusted_proxy", "session_lifetime", "session_idle",
	"upload_max", "smtp_host", "smtp_port", "smtp_from", "metrics_allow",
	"request_log", "max_verbindingen_per_adres", "tweede_factor_verplicht",
	"tweede_factor_sleutel", "max_verbindingen",
};
enum {
	K_DB, K_DB_PASSWORD_FILE, K_LISTEN, K_THREADS, K_TLS_CERT, K_TLS_KEY,
	K_HSTS, K_TRUSTED_PROXY, K_SESSION_LIFETIME, K_SESSION_IDLE,
	K_UPLOAD_MAX, K_SMTP_HOST, K_SMTP_PORT, K_SMTP_FROM,
	K_METRICS_ALLOW, K_REQUEST_LOG, K_PER_ADRES, K_TWEEDE_FACTOR,
	K_TWEEDE_FACTOR_SLEUTEL, K_VERBINDINGEN, K__AANTAL
};
_Static_assert(sizeof(sleutels) / sizeof(sleutels[0]) == K__AANTAL,
	       "one name per key");

void
conf_init(struct spoor_conf *c)
{
	memset(c, 0, sizeof(*c));
	c->hsts_max_age = 31536000;
	c->session_lifetime = (int64_t)8 * 3600;
	c->session_idle = (int64_t)30 * 60;
	c->upload_max = API_DOC_MAX;
	c->smtp_port = 25;
	c->request_log = 1;
	c->max_per_adres = CONF_PER_ADRES_STANDAARD;
	c->max_verbindingen = CONF_VERBINDINGEN_STANDAARD;
}

void
conf_release(struct spoor_conf *c)
{
	size_t i;

	if (!c)
		return;
	free(c->db);
	free(c->db_password_file);
	for (i = 0; i < c->nlisten; i++)
		free(c->listen[i]);
	free(c->tls_cert);
	free(c->tls_key);
	free(c->smtp_host);
	free(c->smtp_from);
	free(c->metrics_allow);
	free(c->tweede_factor_sleutel);
	memset(c, 0, sizeof(*c));
}

/* --- values ------------------------------------------------------ */

/* Decimal digits only, no sign, no spaces: 0 and *out, or -1 when s is
 * not a number or above max. */
static int
getal(const char *s, size_t n, uint64_t max, uint64_t *out)
{
	uint64_t v = 0;
	size_t i;

	if (n == 0)
		return -1;
	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		if (v > (max - (uint64_t)(s[i] - '0')) / 10)
			return -1;
		v = v * 10 + (uint64_t)(s[i] - '0');
	}
	*out = v;
	return 0;
}

/* "90", "90s", "30m", "12h", "7d" as seconds within [min, max]. */
static int
duur(const char *v, int64_t min, int64_t max, int64_t *out, char *err,
     size_t errlen)
{
	size_t n = strlen(v);
	uint64_t x, keer = 1;

	if (n && v[n - 1] >= 'a' && v[n - 1] <= 'z') {
		switch (v[n - 1]) {
		case 's': keer = 1; break;
		case 'm': keer = 60; break;
		case 'h': keer = 3600; break;
		case 'd': keer = 86400; break;
		default: keer = 0; break;
		}
		n--;
	}
	if (!keer || getal(v, n, (uint64_t)max, &x) ||
	    x * keer < (uint64_t)min || x * keer > (uint64_t)max) {
		snprintf(err, errlen, "'%.80s' is geen duur tussen %llds en "
			 "%lldd; schrijf een getal met s, m, h of d (zoals "
			 "12h of 30m)", v, (long long)min,
			 (long long)(max / 86400));
		return -1;
	}
	*out = (int64_t)(x * keer);
	return 0;
}

/* "20M", "512K", "1048576" as bytes within [min, max]. */
static int
grootte(const char *v, uint64_t min, uint64_t max, size_t *out, char *err,
	size_t errlen)
{
	size_t n = strlen(v);
	uint64_t x, keer = 1;

	if (n && (v[n - 1] == 'K' || v[n - 1] == 'M')) {
		keer = v[n - 1] == 'K' ? 1024 : 1024 * 1024;
		n--;
	}
	if (getal(v, n, max, &x) || x * keer < min || x * keer > max) {
		snprintf(err, errlen, "'%.80s' is geen grootte tussen %lluK en "
			 "%lluM; schrijf een getal met K of M (zoals 20M)", v,
			 (unsigned long long)(min / 1024),
			 (unsigned long long)(max >> 20));
		return -1;
	}
	*out = (size_t)(x * keer);
	return 0;
}

static int
geheel(const char *v, uint64_t min, uint64_t max, unsigned *out, char *err,
       size_t errlen)
{
	uint64_t x;

	if (getal(v, strlen(v), max, &x) || x < min) {
		snprintf(err, errlen, "'%.80s' is geen geheel getal van %llu "
			 "tot en met %llu", v, (unsigned long long)min,
			 (unsigned long long)max);
		return -1;
	}
	*out = (unsigned)x;
	return 0;
}

int
conf_listen_split(const char *l, char *adres, size_t n, uint16_t *poort)
{
	const char *dp = strrchr(l, ':');
	const char *a = l, *e;
	uint64_t p;

	if (!dp || getal(dp + 1, strlen(dp + 1), 65535, &p))
		return -1;
	e = dp;
	if (l[0] == '[') {
		if (dp == l || dp[-1] != ']')
			return -1;
		a = l + 1;
		e = dp - 1;
	} else if (memchr(l, ':', (size_t)(dp - l))) {
		return -1; /* an IPv6 address needs its brackets */
	}
	if (e == a || (size_t)(e - a) >= n)
		return -1;
	memcpy(adres, a, (size_t)(e - a));
	adres[e - a] = '\0';
	*poort = (uint16_t)p;
	return 0;
}

/* A postgresql:// URI with a password in it ("user:pw@"). */
static int
pg_met_wachtwoord(const char *v)
{
	const char *p = strstr(v, "://"), *at, *slash;

	if (strncmp(v, "postgresql://", 13) != 0 &&
	    strncmp(v, "postgres://", 11) != 0)
		return 0;
	p += 3;
	slash = p + strcspn(p, "/?");
	at = memchr(p, '@', (size_t)(slash - p));
	return at && memchr(p, ':', (size_t)(at - p)) != NULL;
}

static int
pad(const char *v, char **out, char *err, size_t errlen)
{
	char *d;

	if (v[0] != '/') {
		snprintf(err, errlen, "'%.80s' is geen absoluut pad; begin het "
			 "met /", v);
		return -1;
	}
	if (!(d = strdup(v)))
		return CONF_NOMEM;
	free(*out);
	*out = d;
	return 0;
}

static int
tekst(const char *v, char **out)
{
	char *d = strdup(v);

	if (!d)
		return CONF_NOMEM;
	free(*out);
	*out = d;
	return 0;
}

/* An IP address in text (no host names: spoor binds exactly this). */
static int
is_ip(const char *a)
{
	struct http_adressen l;

	return !http_adressen_lees(a, &l, NULL, 0) && l.n == 1;
}

/* Set key k of c to v (non-empty, no control characters): 0, CONF_FOUT
 * with the reason in err (without the place), or CONF_NOMEM. */
/* A list of role names separated by commas (spaces around them
 * allowed), or "geen": 0 and *out the bit mask, or CONF_FOUT. */
static int
rollen(const char *v, uint32_t *out, char *err, size_t errlen)
{
	uint32_t m = 0;
	const char *p = v;

	if (!strcmp(v, "geen")) {
		*out = 0;
		return 0;
	}
	while (*p) {
		size_t n = strcspn(p, ",");
		const char *b = p, *e = p + n;
		int r;

		/* spaces around a name; the next name starts after e */
		while (b < e && *b == ' ')
			b++;
		while (e > b && e[-1] == ' ')
			e--;
		r = rol_zoek(b, (size_t)(e - b));
		if (r < 0) {
			snprintf(err, errlen, "'%.*s' is geen rol; schrijf "
				 "rollen met komma's ertussen, zoals "
				 "beheerder,bedrijfsarts, of geen",
				 (int)((size_t)(e - b) > 40 ? 40 : e - b), b);
			return CONF_FOUT;
		}
		m |= ROL_BIT(r);
		p += n;
		if (*p == ',')
			p++;
	}
	*out = m;
	return 0;
}

static int
zet(struct spoor_conf *c, int k, const char *v, char *err, size_t errlen)
{
	char a[256];
	uint16_t p;
	size_t i;

	switch (k) {
	case K_DB:
		if (pg_met_wachtwoord(v)) {
			snprintf(err, errlen, "het adres bevat een wachtwoord; "
				 "zet het wachtwoord in het bestand van "
				 "db_password_file");
			return CONF_FOUT;
		}
		return tekst(v, &c->db);
	case K_DB_PASSWORD_FILE:
		return pad(v, &c->db_password_file, err, errlen);
	case K_LISTEN:
		if (conf_listen_split(v, a, sizeof(a), &p) ||
		    !is_ip(a)) {
			snprintf(err, errlen, "'%.80s' is geen ADRES:POORT; schrijf "
				 "bijvoorbeeld 127.0.0.1:8080 of [::1]:8080", v);
			return CONF_FOUT;
		}
		if (c->nlisten == CONF_MAX_LISTEN) {
			snprintf(err, errlen, "meer dan %d keer listen",
				 CONF_MAX_LISTEN);
			return CONF_FOUT;
		}
		for (i = 0; i < c->nlisten; i++)
			if (!strcmp(c->listen[i], v)) {
				snprintf(err, errlen, "listen %.80s staat er al", v);
				return CONF_FOUT;
			}
		if (!(c->listen[c->nlisten] = strdup(v)))
			return CONF_NOMEM;
		c->nlisten++;
		return 0;
	case K_THREADS:
		return geheel(v, 1, 64, &c->threads, err, errlen);
	case K_TLS_CERT:
		return pad(v, &c->tls_cert, err, errlen);
	case K_TLS_KEY:
		return pad(v, &c->tls_key, err, errlen);
	case K_HSTS:
		/* up to two years, the preload list's expectation */
		return geheel(v, 0, 63072000, &c->hsts_max_age, err, errlen);
	case K_TRUSTED_PROXY:
		return http_adressen_lees(v, &c->trusted_proxy, err, errlen)
			       ? CONF_FOUT : 0;
	case K_METRICS_ALLOW: {
		struct http_adressen l;

		if (http_adressen_lees(v, &l, err, errlen))
			return CONF_FOUT;
		return tekst(v, &c->metrics_allow);
	}
	case K_SESSION_LIFETIME:
		return duur(v, 300, (int64_t)30 * 86400, &c->session_lifetime,
			    err, errlen);
	case K_SESSION_IDLE:
		return duur(v, 60, (int64_t)30 * 86400, &c->session_idle, err,
			    errlen);
	case K_UPLOAD_MAX:
		return grootte(v, 1024, (uint64_t)1 << 30, &c->upload_max, err,
			       errlen);
	case K_SMTP_HOST:
		if (strlen(v) > 253 ||
		    strspn(v, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
			      "0123456789.-:[]") != strlen(v)) {
			snprintf(err, errlen, "'%.80s' is geen hostnaam of "
				 "IP-adres", v);
			return CONF_FOUT;
		}
		return tekst(v, &c->smtp_host);
	case K_SMTP_PORT:
		return geheel(v, 1, 65535, &c->smtp_port, err, errlen);
	case K_SMTP_FROM: {
		const char *at = strchr(v, '@');

		if (strlen(v) > 254 || !at || at == v || !at[1] ||
		    strchr(at + 1, '@') || strpbrk(v, " \t<>,;\"")) {
			snprintf(err, errlen, "'%.80s' is geen e-mailadres (zoals "
				 "spoor@example.org)", v);
			return CONF_FOUT;
		}
		return tekst(v, &c->smtp_from);
	}
	case K_REQUEST_LOG:
		if (strcmp(v, "on") != 0 && strcmp(v, "off") != 0) {
			snprintf(err, errlen, "'%.80s' moet on of off zijn", v);
			return CONF_FOUT;
		}
		c->request_log = !strcmp(v, "on");
		return 0;
	case K_PER_ADRES:
		/* at most the server's connection cap (http.h: 512) */
		if (geheel(v, 0, 512, &c->max_per_adres, err, errlen))
			return CONF_FOUT;
		c->max_per_adres_gezet = 1;
		return 0;
	case K_TWEEDE_FACTOR:
		return rollen(v, &c->tweede_factor_verplicht, err, errlen);
	case K_TWEEDE_FACTOR_SLEUTEL:
		return pad(v, &c->tweede_factor_sleutel, err, errlen);
	case K_VERBINDINGEN:
		return geheel(v, 16, CONF_VERBINDINGEN_MAX, &c->max_verbindingen,
			      err, errlen) ? CONF_FOUT : 0;
	default:
		return CONF_FOUT;
	}
}

/* --- lines ------------------------------------------------------- */

static void
bekende_sleutels(char *b, size_t n)
{
	size_t i, o = 0;

	b[0] = '\0';
	for (i = 0; i < K__AANTAL && o < n; i++) {
		int k = snprintf(b + o, n - o, "%s%s", i ? ", " : "",
				 sleutels[i]);

		if (k < 0)
			break;
		o += (size_t)k;
	}
}

/* Strip spaces and tabs at both ends of s[0..*n). */
static const char *
trim(const char *s, size_t *n)
{
	while (*n && (*s == ' ' || *s == '\t')) {
		s++;
		(*n)--;
	}
	while (*n && (s[*n - 1] == ' ' || s[*n - 1] == '\t'))
		(*n)--;
	return s;
}

int
conf_parse(const char *naam, const char *text, size_t len,
	   struct spoor_conf *c, char *err, size_t errlen)
{
	struct spoor_conf t;
	const char *p = text, *end = text + len;
	char sleutel[64], waarde[REGEL_MAX], reden[400];
	unsigned regel = 0, gezien = 0, regel_van[K__AANTAL];
	int rc = CONF_OK;

	conf_init(&t);
	memset(regel_van, 0, sizeof(regel_van));
	reden[0] = '\0';
	if (memchr(text, '\0', len)) {
		snprintf(err, errlen, "%s: het bestand bevat een nulteken; is "
			 "het wel een tekstbestand?", naam);
		rc = CONF_FOUT;
		goto out;
	}
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
		const char *r = p, *is, *k, *v;
		size_t kn, vn, i;
		int s;

		p = nl ? nl + 1 : end;
		regel++;
		if (n >= REGEL_MAX) {
			snprintf(reden, sizeof(reden), "de regel is langer dan "
				 "%d tekens", REGEL_MAX - 1);
			goto fout;
		}
		/* '#' starts a comment anywhere; CRLF files are fine */
		if ((is = memchr(r, '#', n)))
			n = (size_t)(is - r);
		if (n && r[n - 1] == '\r')
			n--;
		r = trim(r, &n);
		if (n == 0)
			continue;
		for (i = 0; i < n; i++)
			if (((unsigned char)r[i] < 0x20 && r[i] != '\t') ||
			    r[i] == 0x7f) {
				snprintf(reden, sizeof(reden), "de regel bevat "
					 "een stuurteken (teken %zu)", i + 1);
				goto fout;
			}
		if (!(is = memchr(r, '=', n))) {
			snprintf(reden, sizeof(reden), "verwacht 'sleutel = "
				 "waarde'; er staat geen = in de regel");
			goto fout;
		}
		kn = (size_t)(is - r);
		k = trim(r, &kn);
		vn = n - (size_t)(is - r) - 1;
		v = trim(is + 1, &vn);
		if (kn == 0) {
			snprintf(reden, sizeof(reden), "er staat geen sleutel "
				 "voor de =");
			goto fout;
		}
		if (kn >= sizeof(sleutel))
			kn = sizeof(sleutel) - 1;
		memcpy(sleutel, k, kn);
		sleutel[kn] = '\0';
		for (s = 0; s < K__AANTAL; s++)
			if (!strcmp(sleutel, sleutels[s]))
				break;
		if (s == K__AANTAL) {
			char lijst[300];

			bekende_sleutels(lijst, sizeof(lijst));
			snprintf(reden, sizeof(reden), "onbekende sleutel "
				 "'%.64s'; bekend zijn %s", sleutel, lijst);
			goto fout;
		}
		if ((gezien & (1u << s)) && s != K_LISTEN) {
			snprintf(reden, sizeof(reden), "%s staat er al op regel "
				 "%u; laat een van beide weg", sleutel,
				 regel_van[s]);
			goto fout;
		}
		if (vn == 0) {
			snprintf(reden, sizeof(reden), "%s heeft geen waarde; "
				 "geef er een of laat de regel weg", sleutel);
			goto fout;
		}
		gezien |= 1u << s;
		regel_van[s] = regel;
		memcpy(waarde, v, vn);
		waarde[vn] = '\0';
		/* the reason names the value; it follows the key */
		i = (size_t)snprintf(reden, sizeof(reden), "%s: ", sleutel);
		rc = zet(&t, s, waarde, reden + i, sizeof(reden) - i);
		if (rc == CONF_NOMEM)
			goto out;
		if (rc)
			goto fout;
	}
	if (!t.tls_cert != !t.tls_key) {
		regel = regel_van[t.tls_cert ? K_TLS_CERT : K_TLS_KEY];
		snprintf(reden, sizeof(reden), "%s zonder %s; geef beide "
			 "(certificaat en sleutel) of geen van beide",
			 t.tls_cert ? "tls_cert" : "tls_key",
			 t.tls_cert ? "tls_key" : "tls_cert");
		goto fout;
	}
	if (t.session_idle > t.session_lifetime) {
		regel = regel_van[K_SESSION_IDLE] ? regel_van[K_SESSION_IDLE]
						  : regel_van[K_SESSION_LIFETIME];
		snprintf(reden, sizeof(reden), "session_idle is langer dan "
			 "session_lifetime; maak session_idle korter");
		goto fout;
	}
	rc = CONF_OK;
	conf_release(c);
	*c = t;
	return rc;
fout:
	snprintf(err, errlen, "%s, regel %u: %s", naam, regel, reden);
	rc = CONF_FOUT;
out:
	conf_release(&t);
	return rc;
}

/* --- files ------------------------------------------------------- */

/* Read the open file f (at most max bytes) into a NUL-terminated copy. */
static int
slurp(int fd, size_t max, char **out, size_t *len)
{
	size_t cap = 4096, n = 0;
	char *b = malloc(cap + 1);
	ssize_t r;

	if (!b)
		return CONF_NOMEM;
	for (;;) {
		if (n == cap) {
			char *nb;

			if (cap > max) {
				free(b);
				return CONF_FOUT;
			}
			cap *= 2;
			if (!(nb = realloc(b, cap + 1))) {
				free(b);
				return CONF_NOMEM;
			}
			b = nb;
		}
		r = read(fd, b + n, cap - n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			free(b);
			return CONF_FOUT;
		}
		if (r == 0)
			break;
		n += (size_t)r;
	}
	if (n > max) {
		free(b);
		return CONF_FOUT;
	}
	b[n] = '\0';
	*out = b;
	*len = n;
	return 0;
}

int
conf_load(const char *path, struct spoor_conf *c, char *err, size_t errlen)
{
	char *b = NULL;
	size_t n;
	int fd, rc;

	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		int e = errno;

		snprintf(err, errlen, "%s: %s", path, e == ENOENT
			 ? "dit configuratiebestand bestaat niet; maak het "
			   "aan (zie docs/configuration.md) of geef een ander "
			   "met --config"
			 : e == EACCES ? "geen leesrechten op het "
					 "configuratiebestand; pas de rechten aan"
				       : "kan het configuratiebestand niet openen");
		return e == ENOENT ? CONF_ONTBREEKT : CONF_FOUT;
	}
	rc = slurp(fd, BESTAND_MAX, &b, &n);
	close(fd);
	if (rc == CONF_FOUT)
		snprintf(err, errlen, "%s: kan het bestand niet lezen (is het "
			 "een map, of groter dan 1 MiB?)", path);
	if (rc)
		return rc;
	rc = conf_parse(path, b, n, c, err, errlen);
	free(b);
	return rc;
}

int
conf_lees_bestand(const char *path, size_t max, int geheim, int eerste_regel,
		  char **out, char *err, size_t errlen)
{
	struct stat st;
	char *b = NULL;
	size_t n;
	int fd, rc = -1;

	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		snprintf(err, errlen, "%s: %s", path, errno == ENOENT
			 ? "bestaat niet" : errno == EACCES
			 ? "geen leesrechten; geef de gebruiker van spoor "
			   "leesrecht" : "kan het bestand niet openen");
		return -1;
	}
	if (fstat(fd, &st) || !S_ISREG(st.st_mode)) {
		snprintf(err, errlen, "%s: is geen gewoon bestand", path);
		goto out;
	}
	if (geheim && (st.st_mode & S_IROTH)) {
		snprintf(err, errlen, "%s: iedereen op deze machine kan dit "
			 "geheim lezen; maak het alleen leesbaar voor spoor "
			 "(chmod 640 of 600)", path);
		goto out;
	}
	if (slurp(fd, max, &b, &n)) {
		snprintf(err, errlen, "%s: kan het bestand niet lezen (groter "
			 "dan %zu bytes?)", path, max);
		goto out;
	}
	if (eerste_regel) {
		size_t k = strcspn(b, "\r\n");

		/* no copy of the rest of a secret stays behind */
		memset(b + k, 0, n - k);
		if (!b[0]) {
			snprintf(err, errlen, "%s: de eerste regel is leeg",
				 path);
			free(b);
			b = NULL;
			goto out;
		}
	}
	*out = b;
	rc = 0;
out:
	close(fd);
	return rc;
}
