#!/bin/sh
# Runs the spoor binary named by $SPOOR_BIN under $SPOOR_VALGRIND, so the
# command-line test scripts exercise the real binary under memcheck.
# valgrind exits 99 on an error, which the scripts report as a failure.
exec $SPOOR_VALGRIND "$SPOOR_BIN" "$@"
