/* Scratch paths: private folders for ABC's files, and the temporary files
 * of atomic writes. Each is tracked while it lives, so that a lowwear
 * stopped by SIGINT, SIGTERM or SIGHUP removes what it had made before it
 * dies (the signal handler uses only system calls). */
#ifndef LW_BASE_SCRATCH_H
#define LW_BASE_SCRATCH_H

/* A fresh private folder under $TMPDIR (or /tmp), tracked; NULL on failure. */
char *lw_tmpdir_new(void);
/* Remove the folder and every file in it (one level), stop tracking it and
 * free the path. */
void lw_tmpdir_remove(char *dir);

/* Track a temporary file (is_dir 0) or folder of this process, or stop
 * tracking it. Paths longer than the table holds are not tracked. */
void lw_scratch_track(const char *path, int is_dir);
void lw_scratch_untrack(const char *path);

/* lw_scratch_on_signals (lowwear.h) installs the handlers. */

#endif
