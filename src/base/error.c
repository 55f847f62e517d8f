#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "lowwear/status.h"

lw_status lw_error_set(lw_error *err, lw_status status, const char *file,
                       int line, const char *fmt, ...) {
  if (!err)
    return status;
  err->status = status;
  snprintf(err->file, sizeof err->file, "%s", file ? file : "");
  err->line = line;
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(err->msg, sizeof err->msg, fmt, ap);
  va_end(ap);
  return status;
}

const char *lw_status_text(lw_status status) {
  static const char *const text[] = {
#define S(id, t, code) t,
      LW_STATUSES(S)
#undef S
  };
  return (unsigned)status < sizeof text / sizeof *text ? text[status] : "?";
}

int lw_status_exit_code(lw_status status) {
  static const int code[] = {
#define S(id, t, c) c,
      LW_STATUSES(S)
#undef S
  };
  return (unsigned)status < sizeof code / sizeof *code ? code[status] : 1;
}
