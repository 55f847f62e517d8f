#include "device/out.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "base/proc.h"
#include "io/atomic.h"

lw_status lw_device_save(const char *dir, const char *name, const lw_chars *buf,
                         lw_error *err) {
  char *path = lw_path_join(dir, name);
  lw_io_atomic out;
  lw_status st = lw_io_atomic_open(path, &out, err);
  lw_free(path);
  if (st != LW_OK)
    return st;
  if (buf->size && fwrite(buf->data, 1, buf->size, out.file) != buf->size) {
    lw_io_atomic_abort(&out);
    return lw_error_set(err, LW_ERR_IO, dir, 0, "cannot write %s", name);
  }
  return lw_io_atomic_commit(&out, err);
}

void lw_device_panels(lw_svg_axes *top, lw_svg_axes *bot) {
  top->x = bot->x = 70;
  top->w = bot->w = 560;
  top->h = bot->h = 200;
  top->y = 30;
  bot->y = 280;
}

void lw_device_figure_begin(lw_chars *b, const lw_svg_axes *top,
                            const lw_svg_axes *bot) {
  lw_svg_begin(b, &(lw_svg_page){.width = 660,
                                 .height = 530,
                                 .attrs = LW_SVG_PLAIN_FONT,
                                 .background = "white",
                                 .version = 0,
                                 .viewbox = 1});
  lw_svg_frame(b, top);
  lw_svg_frame(b, bot);
}
