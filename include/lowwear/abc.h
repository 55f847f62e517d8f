/* The ABC executable a stage runs and the time limit of each run, one struct
 * embedded in the parameters of every stage that runs ABC (or yosys). */
#ifndef LOWWEAR_ABC_H
#define LOWWEAR_ABC_H

typedef struct lw_abc_params {
  const char *path; /* NULL: berkeley-abc or abc on the PATH */
  double timeout_s; /* each run, seconds; 0 = no limit */
} lw_abc_params;

#endif
