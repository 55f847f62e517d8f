/* The cache of circuit runs on the gap grid (memo.h): open addressing over
 * a power-of-two table of entry numbers, the entries in insertion order,
 * both grown by doubling up to the cache's size.
 * It keeps what the row uses of a run: the final, lowest and highest gaps,
 * the energy, the hottest temperature and the integrator's steps. */
#include "device/memo.h"

#include <math.h>
#include <string.h>

#include "base/alloc.h"
#include "base/assert.h"

typedef struct entry {
  lw_dmemo_key key;
  uint64_t hash;
  double gap[LW_PMR_MAX_DEVICES], lo[LW_PMR_MAX_DEVICES],
      hi[LW_PMR_MAX_DEVICES];
  double energy, peak_temp;
  uint32_t steps;
} entry;

struct lw_dmemo {
  entry *entries;
  uint32_t size, cap, max; /* entries held, allocated, at most */
  uint32_t *slots;         /* entry number + 1; 0 = empty */
  uint32_t mask;           /* slots - 1, at least twice cap */
  uint64_t hits, stored;
  uint32_t flushes;
};

/* Room for cap entries, in slots at least twice as many, rehashed. */
static void grow(lw_dmemo *m, uint32_t cap) {
  uint32_t slots = 16;
  while (slots < 2 * cap)
    slots *= 2;
  m->entries = lw_realloc(m->entries, sizeof *m->entries * cap);
  m->cap = cap;
  lw_free(m->slots);
  m->slots = lw_alloc(sizeof *m->slots * slots);
  memset(m->slots, 0, sizeof *m->slots * slots);
  m->mask = slots - 1;
  for (uint32_t e = 0; e < m->size; e++) {
    uint32_t s = (uint32_t)m->entries[e].hash & m->mask;
    while (m->slots[s])
      s = (s + 1) & m->mask;
    m->slots[s] = e + 1;
  }
}

lw_dmemo *lw_dmemo_new(uint32_t max_entries) {
  LW_ASSERT(max_entries > 0);
  lw_dmemo *m = lw_alloc(sizeof *m);
  memset(m, 0, sizeof *m);
  m->max = max_entries;
  grow(m, max_entries < 1024 ? max_entries : 1024);
  return m;
}

void lw_dmemo_free(lw_dmemo *m) {
  if (!m)
    return;
  lw_free(m->entries);
  lw_free(m->slots);
  lw_free(m);
}

void lw_dmemo_clear(lw_dmemo *m) {
  memset(m->slots, 0, sizeof *m->slots * ((size_t)m->mask + 1));
  m->size = 0;
}

double lw_dmemo_grid_point(double g, double grid) {
  return grid * nearbyint(g / grid);
}

void lw_dmemo_key_of(lw_dmemo_key *k, uint32_t kind, uint32_t n,
                     const double *gaps, double grid, const uint32_t *cells) {
  LW_ASSERT(n <= LW_PMR_MAX_DEVICES && grid > 0);
  memset(k, 0, sizeof *k);
  k->kind = kind;
  k->n = n;
  for (uint32_t i = 0; i < n; i++) {
    k->q[i] = (int64_t)nearbyint(gaps[i] / grid);
    k->cell[i] = cells ? cells[i] : 0;
  }
}

static uint64_t mix(uint64_t h, uint64_t x) {
  h ^= x + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
  h ^= h >> 31;
  h *= 0xbf58476d1ce4e5b9ull;
  return h ^ h >> 29;
}

static uint64_t hash_of(const lw_dmemo_key *k) {
  uint64_t h = mix((uint64_t)k->kind << 32 | k->n, 0);
  for (uint32_t i = 0; i < k->n; i++)
    h = mix(h, (uint64_t)k->q[i] ^ (uint64_t)k->cell[i] << 40);
  return h;
}

static int same(const lw_dmemo_key *a, const lw_dmemo_key *b) {
  if (a->kind != b->kind || a->n != b->n)
    return 0;
  for (uint32_t i = 0; i < a->n; i++)
    if (a->q[i] != b->q[i] || a->cell[i] != b->cell[i])
      return 0;
  return 1;
}

/* The slot holding k, or the empty slot where it would go. */
static uint32_t find(const lw_dmemo *m, const lw_dmemo_key *k, uint64_t h) {
  uint32_t s = (uint32_t)h & m->mask;
  while (m->slots[s]) {
    const entry *e = &m->entries[m->slots[s] - 1];
    if (e->hash == h && same(&e->key, k))
      return s;
    s = (s + 1) & m->mask;
  }
  return s;
}

int lw_dmemo_get(lw_dmemo *m, const lw_dmemo_key *k, lw_pmr_result *res) {
  uint64_t h = hash_of(k);
  uint32_t s = find(m, k, h);
  if (!m->slots[s])
    return 0;
  const entry *e = &m->entries[m->slots[s] - 1];
  memset(res, 0, sizeof *res);
  for (uint32_t i = 0; i < k->n; i++) {
    res->gap[i] = e->gap[i];
    res->lo_gap[i] = e->lo[i];
    res->hi_gap[i] = e->hi[i];
    res->t_cross[i] = -1;
  }
  res->energy = e->energy;
  res->peak_temp = e->peak_temp;
  res->steps = e->steps;
  m->hits++;
  return 1;
}

void lw_dmemo_put(lw_dmemo *m, const lw_dmemo_key *k,
                  const lw_pmr_result *res) {
  if (m->size == m->max) {
    lw_dmemo_clear(m);
    m->flushes++;
  } else if (m->size == m->cap) {
    grow(m, m->cap <= m->max / 2 ? 2 * m->cap : m->max);
  }
  uint64_t h = hash_of(k);
  uint32_t s = find(m, k, h);
  if (m->slots[s])
    return; /* already there */
  entry *e = &m->entries[m->size];
  e->key = *k;
  e->hash = h;
  for (uint32_t i = 0; i < k->n; i++) {
    e->gap[i] = res->gap[i];
    e->lo[i] = res->lo_gap[i];
    e->hi[i] = res->hi_gap[i];
  }
  e->energy = res->energy;
  e->peak_temp = res->peak_temp;
  e->steps = res->steps;
  m->slots[s] = ++m->size;
  m->stored++;
}

void lw_dmemo_counts(const lw_dmemo *m, uint64_t *hits, uint64_t *stored,
                     uint32_t *flushes) {
  *hits = m->hits;
  *stored = m->stored;
  *flushes = m->flushes;
}
