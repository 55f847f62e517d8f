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

#define TAGLINE "combinational circuits to low-wear stateful-logic programs"

#define CMD(name, fn, help) {name, fn, help},
static const lw_cli_command commands[] = {LW_COMMANDS(CMD)};
#undef CMD
enum { NCOMMANDS = sizeof commands / sizeof *commands };

/* lowwear's own options but -h, --help (hidden: --man). */
static const lw_opt main_opts[] = {
    {"--version", LW_OPT_FLAG, NULL, 0, 0, "", "print the version and exit"}};
enum { NMAIN_OPTS = sizeof main_opts / sizeof *main_opts };

static void usage(FILE *out) {
  fprintf(out,
          "lowwear %s: " TAGLINE
          "\n\nusage: lowwear COMMAND [options]\n\ncommands:\n",
          LW_VERSION);
  for (int i = 0; i < NCOMMANDS; i++)
    fprintf(out, "  %-8s %s\n", commands[i].name, commands[i].help);
  fputs("\noptions:\n", out);
  for (int i = 0; i < NMAIN_OPTS; i++)
    fprintf(out, "  %-12s %s\n", main_opts[i].name, main_opts[i].help);
  fprintf(out, "  %-12s %s\n", LW_CLI_HELP_NAME, LW_CLI_HELP_TEXT);
  fprintf(out, "\n'lowwear COMMAND --help' describes one command.\n");
  lw_cli_exit_statuses(out);
}

/* lowwear --man [DOCDIR]: the manual page (CMakeLists.txt installs it). */
static int man(int argc, char **argv) {
  lw_cli_man_page page = {TAGLINE,   commands,   NCOMMANDS,
                          main_opts, NMAIN_OPTS, "share/doc/lowwear"};
  if (argc > 2)
    page.docdir = argv[2];
  lw_cli_man(&page);
  return fflush(stdout) ? 1 : 0;
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
  if (!strcmp(cmd, "--man"))
    return man(argc, argv);
  for (int i = 0; i < NCOMMANDS; i++)
    if (!strcmp(cmd, commands[i].name))
      return commands[i].run(argc, argv);
  fprintf(stderr, "lowwear: error: unknown command '%s' (see lowwear --help)\n",
          cmd);
  return 2;
}
