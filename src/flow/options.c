/* Flow parameters set by key and value (include/lowwear/options.h): one
 * table of keys, each a field of lw_flow_params with its kind and range. */
#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "base/alloc.h"
#include "lowwear/options.h"

typedef enum { K_FLAG, K_INT, K_U32, K_U64, K_REAL, K_NAME, K_TEXT } key_kind;

/* K(key, kind, field, min, max, names, library): names is the table a
 * K_NAME or checked K_TEXT value must be in; library = 1 for the keys the
 * simpler flow refuses (it reproduces SIMPLER MAGIC's own library). The
 * field of synth: its name-table ids are 0 = abc, 1 = none. */
#define LW_FLOW_PARAM_KEYS(K)                                                  \
  K(row, K_U32, row, 1, 1e8, NULL, 0)                                          \
  K(gates, K_NAME, synth.gates, 0, 0, lw_synth_gate_sets, 1)                   \
  K(cost, K_NAME, synth.cost, 0, 0, lw_synth_costs, 1)                         \
  K(max_inputs, K_INT, synth.max_inputs, 3, 4, NULL, 1)                        \
  K(reinit, K_NAME, reinit, 0, 0, lw_flow_reinits, 0)                          \
  K(paper_rules, K_FLAG, paper_rules, 0, 1, NULL, 0)                           \
  K(wear_aware, K_FLAG, wear_aware, 0, 1, NULL, 0)                             \
  K(prob_reinit, K_FLAG, prob_reinit, 0, 1, NULL, 0)                           \
  K(latency_slack, K_REAL, latency_slack, -1, 10, NULL, 0)                     \
  K(recompute, K_FLAG, recompute, 0, 1, NULL, 0)                               \
  K(latency_budget, K_REAL, latency_budget, 1, 100, NULL, 0)                   \
  K(verify, K_FLAG, verify, 0, 1, NULL, 0)                                     \
  K(cec, K_FLAG, verify_params.cec, 0, 1, NULL, 0)                             \
  K(vectors, K_U32, verify_params.random_vectors, 1, 1e9, NULL, 0)             \
  K(seed, K_U64, verify_params.seed, 0, 4e18, NULL, 0)                         \
  K(abc, K_TEXT, synth.abc.path, 0, 0, NULL, 0)                                \
  K(abc_timeout, K_REAL, synth.abc.timeout_s, 0, 1e6, NULL, 0)                 \
  K(abc_script, K_TEXT, synth.script, 0, 0, NULL, 0)                           \
  K(synth, K_NAME, synth_none, 0, 0, lw_synth_modes, 0)                        \
  K(input_format, K_TEXT, read.input_format, 0, 0, lw_io_input_formats, 0)

typedef struct key_row {
  const char *key;
  key_kind kind;
  size_t offset;
  double min, max;
  lw_names (*names)(void);
  int library;
} key_row;

#define KEY_ROW(key, kind, field, min, max, names, library)                    \
  {#key, kind, offsetof(lw_flow_params, field), min, max, names, library},
static const key_row keys[] = {LW_FLOW_PARAM_KEYS(KEY_ROW)};
#define NKEYS ((int)(sizeof keys / sizeof *keys))

/* The parameters and the strings they point to. */
typedef struct owned_params {
  lw_flow_params p; /* first: the object handed out */
  char *text[NKEYS];
} owned_params;

lw_flow_params *lw_flow_params_new(int flow) {
  if (!lw_names_name(lw_flow_names(), flow))
    return NULL;
  owned_params *o = lw_alloc(sizeof *o);
  o->p = lw_flow_params_default((lw_flow_id)flow);
  /* as `lowwear map` sets them: one ABC and time limit for every stage */
  lw_flow_params_set_abc(&o->p, o->p.synth.abc);
  return &o->p;
}

void lw_flow_params_free(lw_flow_params *p) {
  owned_params *o = (owned_params *)p;
  if (!o)
    return;
  for (int i = 0; i < NKEYS; i++)
    lw_free(o->text[i]);
  lw_free(o);
}

static int find_key(const char *key) {
  for (int i = 0; i < NKEYS; i++)
    if (!strcmp(keys[i].key, key))
      return i;
  return -1;
}

static lw_status bad_value(const key_row *k, const char *value, lw_error *err) {
  char names[512] = "";
  if (k->names)
    lw_names_join(k->names(), ", ", " or ", names, sizeof names);
  if (k->kind == K_NAME || k->names)
    return lw_error_set(err, LW_ERR_USAGE, NULL, 0,
                        "option %s: '%s' is not one of %s", k->key, value,
                        names);
  if (k->kind == K_FLAG)
    return lw_error_set(err, LW_ERR_USAGE, NULL, 0,
                        "option %s: '%s' is not 0, 1, true or false", k->key,
                        value);
  return lw_error_set(err, LW_ERR_USAGE, NULL, 0,
                      "option %s: '%s' is not a number from %g to %g", k->key,
                      value, k->min, k->max);
}

/* value as a number of k's kind within its range; 0 when it is not. */
static int number(const key_row *k, const char *value, double *x) {
  if (k->kind == K_FLAG) {
    int t = !strcmp(value, "1") || !strcmp(value, "true");
    *x = t;
    return t || !strcmp(value, "0") || !strcmp(value, "false");
  }
  char *end;
  errno = 0;
  *x = strtod(value, &end);
  if (!*value || *end || errno || *x < k->min || *x > k->max)
    return 0;
  return k->kind == K_REAL || *x == (double)(long long)*x;
}

static void store_number(const key_row *k, lw_flow_params *p, double x) {
  char *field = (char *)p + k->offset;
  if (k->kind == K_U32)
    *(uint32_t *)field = (uint32_t)x;
  else if (k->kind == K_U64)
    *(uint64_t *)field = (uint64_t)x;
  else if (k->kind == K_REAL)
    *(double *)field = x;
  else
    *(int *)field = (int)x;
}

/* Names and text: a name's id into an enum field, text copied. */
static lw_status store_text(int i, owned_params *o, const char *value,
                            lw_error *err) {
  const key_row *k = &keys[i];
  int id = k->names ? lw_names_parse(k->names(), value) : 0;
  if (id < 0)
    return bad_value(k, value, err);
  char *field = (char *)&o->p + k->offset;
  if (k->kind == K_NAME) {
    *(int *)field = id;
    return LW_OK;
  }
  lw_free(o->text[i]);
  o->text[i] = lw_strdup(value);
  *(const char **)field = o->text[i];
  return LW_OK;
}

lw_status lw_flow_params_set(lw_flow_params *p, const char *key,
                             const char *value, lw_error *err) {
  int i = find_key(key);
  if (i < 0)
    return lw_error_set(err, LW_ERR_USAGE, NULL, 0, "unknown option '%s'", key);
  const key_row *k = &keys[i];
  if (k->library && p->flow == LW_FLOW_SIMPLER)
    return lw_error_set(err, LW_ERR_USAGE, NULL, 0,
                        "option %s chooses the library of losss and lowwear; "
                        "simpler reproduces SIMPLER MAGIC exactly",
                        k->key);
  if (!strcmp(key, "row") && !strcmp(value, "min")) {
    p->row = 0;
    return LW_OK;
  }
  lw_status st = LW_OK;
  double x;
  if (k->kind == K_NAME || k->kind == K_TEXT)
    st = store_text(i, (owned_params *)p, value, err);
  else if (number(k, value, &x))
    store_number(k, p, x);
  else
    st = bad_value(k, value, err);
  lw_flow_params_set_abc(p, p->synth.abc);
  return st;
}
