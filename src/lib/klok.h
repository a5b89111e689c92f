/*
 * klok.h - the one wall clock of spoor.
 *
 * Everything whose behaviour depends on the current time (today's date
 * as default peildatum, session and token expiry, rate limits, the time
 * stored with a write) asks klok_nu(), so a test fixes the time for the
 * whole program with SPOOR_NU=<seconds since the epoch>. Durations are
 * measured with CLOCK_MONOTONIC and stay outside this module; so do
 * timestamps that only label a record (a log line's ts=).
 */
#ifndef SPOOR_LIB_KLOK_H
#define SPOOR_LIB_KLOK_H

#include <stdint.h>

/* Seconds since 1970-01-01T00:00:00Z: SPOOR_NU when it is set to a
 * valid integer, else the system's time. */
int64_t klok_nu(void);

/* The calendar day klok_nu() falls on in local time (the office's
 * day): year, month 1-12, day 1-31. (A day number is core's type;
 * lib sits below core.) */
void klok_vandaag(int *jaar, int *maand, int *dag);

#endif /* SPOOR_LIB_KLOK_H */
