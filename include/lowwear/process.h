/* The process: what a program's main sets up once (signals), and the
 * file system it writes into. */
#ifndef LOWWEAR_PROCESS_H
#define LOWWEAR_PROCESS_H

#include "lowwear/status.h"

/* Make SIGINT, SIGTERM and SIGHUP remove the scratch folders and temporary
 * files this process has open before it dies of the signal (a signal that
 * is ignored stays ignored). Call once, early, in a program's main. */
void lw_scratch_on_signals(void);

/* mkdir -p: create path and every missing folder above it (src/base/fs.c).
 * A folder already there is fine; a file in the way, or a folder that
 * cannot be made, is LW_ERR_IO naming that part of the path. */
lw_status lw_fs_mkdirs(const char *path, lw_error *err);

#endif
