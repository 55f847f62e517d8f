/* Errors are values: every library entry point returns an lw_status and, on
 * failure, fills an lw_error with the file, the line (0 when there is none)
 * and a message. Only cli/ prints them. */
#ifndef LOWWEAR_STATUS_H
#define LOWWEAR_STATUS_H

#define LW_STATUSES(S)                                                         \
  S(LW_OK, "ok", 0)                                                            \
  S(LW_ERR_IO, "i/o error", 1)                                                 \
  S(LW_ERR_PARSE, "parse error", 1)                                            \
  S(LW_ERR_CIRCUIT, "unsupported circuit", 1)                                  \
  S(LW_ERR_ABC, "abc failed", 1)                                               \
  S(LW_ERR_ROW, "row too small", 3)                                            \
  S(LW_ERR_VERIFY, "verification failed", 4)                                   \
  S(LW_ERR_USAGE, "usage error", 2)                                            \
  S(LW_ERR_INTERNAL, "internal error", 5)

typedef enum lw_status {
#define S(id, text, code) id,
  LW_STATUSES(S)
#undef S
} lw_status;

typedef struct lw_error {
  lw_status status;
  char file[512];
  int line; /* 1-based; 0 when the error has no line */
  char msg[1024];
} lw_error;

/* Fill err (may be NULL) and return status. */
lw_status lw_error_set(lw_error *err, lw_status status, const char *file,
                       int line, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;
const char *lw_status_text(lw_status status);
int lw_status_exit_code(lw_status status);

#endif
