/* fixture of tests/layers_test.sh: core reaching up into the store */
#include "date.h"
#include "../format/casefile.h"
#include "store/store.h"
