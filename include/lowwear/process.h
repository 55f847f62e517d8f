/* The process: what a program's main sets up once (signals). */
#ifndef LOWWEAR_PROCESS_H
#define LOWWEAR_PROCESS_H

/* Make SIGINT, SIGTERM and SIGHUP remove the scratch folders and temporary
 * files this process has open before it dies of the signal (a signal that
 * is ignored stays ignored). Call once, early, in a program's main. */
void lw_scratch_on_signals(void);

#endif
