/*
 * store_doc.c - documents and organisation records (see store_doc.h).
 */
#include "store/store_doc.h"
