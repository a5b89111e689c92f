/* fixture of tests/layers_test.sh: an include in angle brackets is ours
 * too when it names a layer; a system header is not */
#include <stdio.h>
#include <store/store.h>
