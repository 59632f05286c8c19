// CSQLite: the system SQLite header. SQLITE_TRANSIENT is a macro Swift cannot import,
// so it is re-exported as a typed constant.
#ifndef CSQLITE_SHIM_H
#define CSQLITE_SHIM_H
#include <sqlite3.h>
static const sqlite3_destructor_type csqlite_transient = SQLITE_TRANSIENT;
#endif
