#ifndef CSQLITE_SHIM_H
#define CSQLITE_SHIM_H
#include <sqlite3.h>

/// SQLITE_TRANSIENT (a cast of -1 to a function pointer), which Swift cannot import as a macro:
/// tells sqlite3_bind_* to copy the bytes before returning.
static inline sqlite3_destructor_type csqlite_transient(void) { return SQLITE_TRANSIENT; }

#endif
