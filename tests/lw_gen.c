#include "lw_gen.h"

#define GEN_MAX_IN 7
#define GEN_MAX_NODES 10
#define GEN_MAX_FANIN 4

typedef struct gen {
  uint64_t s;
  unsigned ninputs, nnodes;
} gen;

static uint32_t rnd(gen *g, uint32_t n) { /* splitmix64, in [0, n) */
  uint64_t z = (g->s += 0x9e3779b97f4a7c15ull);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  return (uint32_t)((z ^ (z >> 31)) % n);
}

/* Signal k: inputs i0.., then nodes n0.. */
static void put_signal(const gen *g, unsigned k, FILE *f) {
  if (k < g->ninputs)
    fprintf(f, " i%u", k);
  else
    fprintf(f, " n%u", k - g->ninputs);
}

typedef enum cover_kind {
  K_CONST0,    /* no cube */
  K_CONST1,    /* "1" */
  K_TAUTOLOGY, /* a cube of dashes, alone or with others */
  K_BUFFER,
  K_INVERTER,
  K_CUBES, /* random cubes with don't-cares */
  K_COUNT
} cover_kind;

static void random_cube(gen *g, unsigned nfanin, FILE *f) {
  static const char lit[] = "01--";
  for (unsigned k = 0; k < nfanin; k++)
    fputc(lit[rnd(g, 4)], f);
}

/* One .names of node j over signals before it (so the circuit has no
 * loop); its rows are the ON-set or, at random, the OFF-set. */
static void node(gen *g, unsigned j, FILE *f) {
  unsigned avail = g->ninputs + j;
  cover_kind kind = (cover_kind)rnd(g, K_COUNT + 3);
  if (kind >= K_COUNT)
    kind = K_CUBES; /* the common case */
  unsigned nfanin = kind == K_CONST0 || kind == K_CONST1 ? 0
                    : kind == K_BUFFER || kind == K_INVERTER
                        ? 1
                        : 1 + rnd(g, GEN_MAX_FANIN);
  fputs(".names", f);
  for (unsigned k = 0; k < nfanin; k++)
    put_signal(g, rnd(g, avail), f);
  fprintf(f, " n%u\n", j);
  int value = rnd(g, 3) != 0; /* 0: an OFF-set cover */
  switch (kind) {
  case K_CONST0:
    break;
  case K_CONST1:
    fputs("1\n", f);
    break;
  case K_BUFFER:
  case K_INVERTER:
    fprintf(f, "%c %d\n", kind == K_BUFFER ? '1' : '0', value);
    break;
  case K_TAUTOLOGY:
  case K_CUBES: {
    unsigned ncubes = 1 + rnd(g, 4);
    unsigned dashes = kind == K_TAUTOLOGY ? rnd(g, ncubes) : ncubes;
    for (unsigned c = 0; c < ncubes; c++) {
      if (c == dashes)
        for (unsigned k = 0; k < nfanin; k++)
          fputc('-', f);
      else
        random_cube(g, nfanin, f);
      fprintf(f, " %d\n", value);
    }
    break;
  }
  default:
    break;
  }
}

void lw_gen_blif(uint64_t seed, FILE *f) {
  gen g = {seed * 0x2545f4914f6cdd1dull + 1, 0, 0};
  g.ninputs = 1 + rnd(&g, GEN_MAX_IN);
  g.nnodes = rnd(&g, GEN_MAX_NODES + 1);
  unsigned nsig = g.ninputs + g.nnodes;
  fprintf(f, "# lowwear random circuit, seed %llu\n.model r%llu\n.inputs",
          (unsigned long long)seed, (unsigned long long)seed);
  for (unsigned i = 0; i < g.ninputs; i++)
    put_signal(&g, i, f);
  /* outputs: distinct signals, nodes more often than inputs */
  unsigned char listed[GEN_MAX_IN + GEN_MAX_NODES] = {0};
  unsigned nout = 1 + rnd(&g, 4), written = 0;
  fputs("\n.outputs", f);
  for (unsigned o = 0; o < nout || !written; o++) {
    unsigned k =
        g.nnodes && rnd(&g, 4) ? g.ninputs + rnd(&g, g.nnodes) : rnd(&g, nsig);
    if (listed[k])
      continue;
    listed[k] = 1;
    written++;
    put_signal(&g, k, f);
  }
  fputc('\n', f);
  for (unsigned j = 0; j < g.nnodes; j++)
    node(&g, j, f);
  fputs(".end\n", f);
}

int lw_gen_blif_file(uint64_t seed, const char *path) {
  FILE *f = fopen(path, "w");
  if (!f)
    return -1;
  lw_gen_blif(seed, f);
  return fclose(f) == 0 ? 0 : -1;
}
