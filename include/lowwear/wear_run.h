/* Wear of a program file in one call: read it (and its circuit), make its
 * rotated variants, check them, measure, draw the heat map (lowwear wear). */
#ifndef LOWWEAR_WEAR_RUN_H
#define LOWWEAR_WEAR_RUN_H

#include <stddef.h>
#include <stdint.h>

#include "lowwear/io.h"
#include "lowwear/rotate.h"
#include "lowwear/status.h"
#include "lowwear/wear.h"

typedef struct lw_wear_run_params {
  const char *circuit_path; /* NULL: the program is not checked first */
  const char *program_path;
  lw_read_params read;     /* how the circuit is read */
  uint32_t rotate;         /* variants the row cycles through (1: none) */
  lw_rotate_mode mode;     /* how they are made */
  const char *svg_path;    /* NULL, or the heat map there */
  const char *heatmap_dir; /* NULL, or DIR/CIRCUIT-FLOW-wear.svg (-rotR) */
  lw_wear_params wear;     /* events are kept when a heat map is drawn */
} lw_wear_run_params;

/* Each variant is checked by simulation against the circuit (a wrong
 * program's wear means nothing: LW_ERR_VERIFY), then the row is measured;
 * *json: the report as JSON text (free()). */
lw_status lw_wear_run(const lw_wear_run_params *params, lw_wear_report *report,
                      char **json, lw_error *err);

/* The wear command's summary line (no newline) into buf; returns buf. */
char *lw_wear_summary(const lw_wear_run_params *params,
                      const lw_wear_report *report, char *buf, size_t n);

#endif
