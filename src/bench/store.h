/* One circuit's results as OUT/circuits/NAME.json (format LW_BENCH_FORMAT),
 * and a folder of them: what a worker writes, what a later run resumes
 * from and what `bench --merge` reads. */
#ifndef LW_BENCH_STORE_H
#define LW_BENCH_STORE_H

#include "report/result.h"

/* Write one circuit's JSON atomically. */
lw_status lw_bench_result_write(const lw_bench_circuit *c, const char *path,
                                lw_error *err);
/* Read one circuit's JSON; LW_ERR_PARSE when it is not one. */
lw_status lw_bench_result_read(const char *path, lw_bench_circuit *c,
                               lw_error *err);
/* Append every DIR/circuits/\*.json to out (unreadable ones are an error). */
lw_status lw_bench_result_load_dir(const char *dir, lw_bench_circuits *out,
                                   lw_error *err);
/* Sort by index, then name, and drop later duplicates of a name. */
void lw_bench_result_sort(lw_bench_circuits *cs);

#endif
