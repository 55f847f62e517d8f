/* lowwear: the command line. Parses the subcommand and hands over. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "lowwear/lowwear.h"
#include "lowwear/version.h"

#define LW_COMMANDS(CMD)                                                       \
  CMD("map", lw_cli_map, "compile a circuit into a verified row program")      \
  CMD("verify", lw_cli_verify, "check a program against its circuit")          \
  CMD("bench", lw_cli_bench, "run the paper's evaluation protocol")            \
  CMD("wear", lw_cli_wear, "measured wear per cell in steady state, lifetime") \
  CMD("sweep", lw_cli_sweep, "row size against latency, toggles and wear")     \
  CMD("view", lw_cli_view, "the program viewer page (one HTML file)")          \
  CMD("device", lw_cli_device, "device-level check of the stateful gates")

static void usage(FILE *out) {
  fprintf(out,
          "lowwear %s: combinational circuits to low-wear stateful-logic "
          "programs\n\nusage: lowwear COMMAND [options]\n\ncommands:\n",
          LW_VERSION);
#define CMD(name, fn, help) fprintf(out, "  %-8s %s\n", name, help);
  LW_COMMANDS(CMD)
#undef CMD
  fprintf(out, "\noptions:\n  %-12s %s\n  %-12s %s\n", "--version",
          "print the version and exit", "-h, --help", "print this help");
  fprintf(out, "\n'lowwear COMMAND --help' describes one command.\n");
  lw_cli_exit_statuses(out);
}

int main(int argc, char **argv) {
  lw_scratch_on_signals();
  if (argc < 2) {
    usage(stderr);
    return 2;
  }
  const char *cmd = argv[1];
  if (!strcmp(cmd, "-h") || !strcmp(cmd, "--help") || !strcmp(cmd, "help")) {
    usage(stdout);
    return 0;
  }
  if (!strcmp(cmd, "--version")) {
    printf("lowwear %s\n", LW_VERSION);
    return 0;
  }
#define CMD(name, fn, help)                                                    \
  if (!strcmp(cmd, name))                                                      \
    return fn(argc, argv);
  LW_COMMANDS(CMD)
#undef CMD
  fprintf(stderr, "lowwear: error: unknown command '%s' (see lowwear --help)\n",
          cmd);
  return 2;
}
