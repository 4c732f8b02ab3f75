/*
 * dp_regex.c: PCRE2 wrapper behind dp_regex.h (compile, match, group
 * names, LRU cache). See the header for units, ownership and threads.
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dp_regex.h"

struct dp_regex {
    pcre2_code *code;
    char *pattern;          /* copy of the source, NUL-terminated */
    size_t len;
    unsigned flags;
    unsigned ncap;          /* capture groups, group 0 not counted */
    int jit;                /* compiled by the JIT: matched by pcre2_jit_match */
    atomic_uint refs;
};

struct dp_match {
    pcre2_match_data *md;
    uint32_t pairs;             /* ovector pairs md holds */
    int count;                  /* result of the last exec */
    pcre2_match_context *mctx;  /* only once a JIT stack was needed */
    pcre2_jit_stack *jit_stack;
};

/* JIT stack used after the default 32 KiB machine stack overflowed. */
#define DP_JIT_STACK_START (64u * 1024u)
#define DP_JIT_STACK_MAX (8u * 1024u * 1024u)

/* ---- compile ---------------------------------------------------------- */

static void set_err(char *err, size_t errlen, size_t offset, const char *msg) {
    if (err && errlen > 0) snprintf(err, errlen, "bad pattern at offset %zu: %s", offset, msg);
}

dp_regex *dp_regex_compile(const char *pat, size_t len, unsigned flags,
                           char *err, size_t errlen) {
    if (!pat && len > 0) {
        set_err(err, errlen, 0, "pattern is NULL");
        return NULL;
    }
    if (flags & ~(unsigned)DP_RE_ALL_FLAGS) {
        set_err(err, errlen, 0, "unknown flag bits");
        return NULL;
    }
    uint32_t opts = PCRE2_UTF | PCRE2_UCP | PCRE2_MATCH_INVALID_UTF | PCRE2_NEVER_BACKSLASH_C;
    if (flags & DP_RE_CASELESS) opts |= PCRE2_CASELESS;
    if (flags & DP_RE_MULTILINE) opts |= PCRE2_MULTILINE;
    if (flags & DP_RE_DOTALL) opts |= PCRE2_DOTALL;
    if (flags & DP_RE_EXTENDED) opts |= PCRE2_EXTENDED;

    dp_regex *re = calloc(1, sizeof *re);
    char *copy = malloc(len + 1);
    pcre2_compile_context *cctx = pcre2_compile_context_create(NULL);
    if (!re || !copy || !cctx) {
        free(re);
        free(copy);
        pcre2_compile_context_free(cctx);
        set_err(err, errlen, 0, "out of memory");
        return NULL;
    }
    pcre2_set_newline(cctx, PCRE2_NEWLINE_LF);

    int errcode = 0;
    PCRE2_SIZE erroffset = 0;
    static const char empty[1] = "";
    re->code = pcre2_compile((PCRE2_SPTR)(len ? pat : empty), len, opts,
                             &errcode, &erroffset, cctx);
    pcre2_compile_context_free(cctx);
    if (!re->code) {
        PCRE2_UCHAR msg[256];
        if (pcre2_get_error_message(errcode, msg, sizeof msg) < 0)
            snprintf((char *)msg, sizeof msg, "PCRE2 error %d", errcode);
        set_err(err, errlen, (size_t)erroffset, (const char *)msg);
        free(copy);
        free(re);
        return NULL;
    }
    /* JIT is an optimisation only: any failure leaves the interpreter. */
    re->jit = pcre2_jit_compile(re->code, PCRE2_JIT_COMPLETE) == 0;

    uint32_t ncap = 0;
    pcre2_pattern_info(re->code, PCRE2_INFO_CAPTURECOUNT, &ncap);
    if (len) memcpy(copy, pat, len);
    copy[len] = '\0';
    re->pattern = copy;
    re->len = len;
    re->flags = flags;
    re->ncap = ncap;
    atomic_init(&re->refs, 1u);
    return re;
}

dp_regex *dp_regex_retain(dp_regex *re) {
    if (re) atomic_fetch_add(&re->refs, 1u);
    return re;
}

void dp_regex_free(dp_regex *re) {
    if (!re) return;
    if (atomic_fetch_sub(&re->refs, 1u) != 1u) return;
    pcre2_code_free(re->code);
    free(re->pattern);
    free(re);
}

unsigned dp_regex_capture_count(const dp_regex *re) {
    return re->ncap;
}

int dp_regex_group_index(const dp_regex *re, const char *name) {
    if (!name) return -1;
    int n = pcre2_substring_number_from_name(re->code, (PCRE2_SPTR)name);
    return n > 0 ? n : -1;
}

const char *dp_regex_pattern(const dp_regex *re, size_t *len) {
    if (len) *len = re->len;
    return re->pattern;
}

unsigned dp_regex_flags(const dp_regex *re) {
    return re->flags;
}

/* ---- match ------------------------------------------------------------ */

dp_match *dp_match_new(const dp_regex *re) {
    dp_match *m = calloc(1, sizeof *m);
    if (!m) return NULL;
    m->pairs = re ? (uint32_t)re->ncap + 1u : 1u;
    m->md = pcre2_match_data_create(m->pairs, NULL);
    if (!m->md) {
        free(m);
        return NULL;
    }
    return m;
}

void dp_match_free(dp_match *m) {
    if (!m) return;
    pcre2_match_data_free(m->md);
    pcre2_match_context_free(m->mctx);
    pcre2_jit_stack_free(m->jit_stack);
    free(m);
}

/* Give m a private, larger JIT stack; 0 on success. */
static int grow_jit_stack(dp_match *m) {
    if (m->jit_stack) return -1; /* already the big one */
    m->mctx = pcre2_match_context_create(NULL);
    m->jit_stack = pcre2_jit_stack_create(DP_JIT_STACK_START, DP_JIT_STACK_MAX, NULL);
    if (!m->mctx || !m->jit_stack) {
        pcre2_match_context_free(m->mctx);
        pcre2_jit_stack_free(m->jit_stack);
        m->mctx = NULL;
        m->jit_stack = NULL;
        return -1;
    }
    pcre2_jit_stack_assign(m->mctx, NULL, m->jit_stack);
    return 0;
}

int dp_regex_exec(const dp_regex *re, const char *subj, size_t len,
                  size_t start, dp_match *m) {
    m->count = 0;
    if (!subj && len > 0) return PCRE2_ERROR_NULL;
    if (start > len) return PCRE2_ERROR_BADOFFSET;
    uint32_t need = (uint32_t)re->ncap + 1u;
    if (m->pairs < need) {
        pcre2_match_data *md = pcre2_match_data_create(need, NULL);
        if (!md) return PCRE2_ERROR_NOMEMORY;
        pcre2_match_data_free(m->md);
        m->md = md;
        m->pairs = need;
    }
    static const char empty[1] = "";
    PCRE2_SPTR s = (PCRE2_SPTR)(len ? subj : empty);
    /* (a JIT-compiled pattern goes straight to its machine code: pcre2_match
     * would check its arguments again, some hundred instructions a call, and
     * the ones checked above are all its fast path needs) */
    int rc = re->jit ? pcre2_jit_match(re->code, s, len, start, 0, m->md, m->mctx)
                     : pcre2_match(re->code, s, len, start, 0, m->md, m->mctx);
    if (rc == PCRE2_ERROR_JIT_STACKLIMIT && grow_jit_stack(m) == 0)
        rc = pcre2_jit_match(re->code, s, len, start, 0, m->md, m->mctx);
    if (rc == PCRE2_ERROR_JIT_STACKLIMIT) /* the interpreter keeps its frames on the heap */
        rc = pcre2_match(re->code, s, len, start, PCRE2_NO_JIT, m->md, m->mctx);
    if (rc == PCRE2_ERROR_NOMATCH) rc = 0;
    if (rc > 0) {
        /* Groups beyond the highest set one read as unset. */
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(m->md);
        for (uint32_t i = (uint32_t)rc; i < need; i++) ov[2 * i] = ov[2 * i + 1] = PCRE2_UNSET;
    }
    m->count = rc;
    return rc;
}

int dp_regex_first_bytes(const dp_regex *re, unsigned char set[256]) {
    memset(set, 1, 256);
    pcre2_match_data *md = pcre2_match_data_create_from_pattern(re->code, NULL);
    if (!md) return -1;
    /* (the interpreter: the JIT code was compiled for complete matches only;
     * an error other than no match leaves the byte set) */
    for (unsigned c = 0; c < 128; c++) {
        PCRE2_UCHAR8 subj[1] = { (PCRE2_UCHAR8)c };
        int rc = pcre2_match(re->code, subj, 1, 0,
                             PCRE2_ANCHORED | PCRE2_PARTIAL_HARD | PCRE2_NO_JIT, md, NULL);
        if (rc == PCRE2_ERROR_NOMATCH) set[c] = 0;
    }
    pcre2_match_data_free(md);
    return 0;
}

int dp_match_count(const dp_match *m) {
    return m->count;
}

static size_t ov_at(const dp_match *m, unsigned g, unsigned which) {
    if (m->count <= 0 || g >= (unsigned)m->count || g >= m->pairs) return DP_RE_UNSET;
    PCRE2_SIZE v = pcre2_get_ovector_pointer(m->md)[2 * (size_t)g + which];
    return v == PCRE2_UNSET ? DP_RE_UNSET : (size_t)v;
}

size_t dp_match_start(const dp_match *m, unsigned g) {
    return ov_at(m, g, 0);
}

size_t dp_match_end(const dp_match *m, unsigned g) {
    return ov_at(m, g, 1);
}

void dp_regex_error_message(int code, char *buf, size_t buflen) {
    if (!buf || buflen == 0) return;
    if (pcre2_get_error_message(code, (PCRE2_UCHAR *)buf, buflen) < 0)
        snprintf(buf, buflen, "PCRE2 error %d", code);
}

/* ---- cache ------------------------------------------------------------ */

typedef struct dp_cache_entry {
    dp_regex *re;
    uint64_t hash;
    struct dp_cache_entry *chain;        /* next in the bucket */
    struct dp_cache_entry *prev, *next;  /* LRU list, head = most recent */
} dp_cache_entry;

struct dp_regex_cache {
    size_t capacity, size;
    size_t nbuckets; /* power of two */
    dp_cache_entry **buckets;
    dp_cache_entry *head, *tail;
};

static uint64_t key_hash(const char *pat, size_t len, unsigned flags) {
    uint64_t h = 1469598103934665603u; /* FNV-1a 64 */
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)pat[i];
        h *= 1099511628211u;
    }
    h ^= flags;
    h *= 1099511628211u;
    return h;
}

dp_regex_cache *dp_regex_cache_new(size_t capacity) {
    if (capacity == 0) capacity = 1;
    dp_regex_cache *c = calloc(1, sizeof *c);
    if (!c) return NULL;
    size_t nb = 8;
    while (nb < capacity * 2 && nb < ((size_t)1 << 30)) nb *= 2;
    c->buckets = calloc(nb, sizeof *c->buckets);
    if (!c->buckets) {
        free(c);
        return NULL;
    }
    c->capacity = capacity;
    c->nbuckets = nb;
    return c;
}

static void lru_unlink(dp_regex_cache *c, dp_cache_entry *e) {
    if (e->prev) e->prev->next = e->next;
    else c->head = e->next;
    if (e->next) e->next->prev = e->prev;
    else c->tail = e->prev;
    e->prev = e->next = NULL;
}

static void lru_push_front(dp_regex_cache *c, dp_cache_entry *e) {
    e->prev = NULL;
    e->next = c->head;
    if (c->head) c->head->prev = e;
    c->head = e;
    if (!c->tail) c->tail = e;
}

static void evict_lru(dp_regex_cache *c) {
    dp_cache_entry *e = c->tail;
    if (!e) return;
    lru_unlink(c, e);
    dp_cache_entry **pp = &c->buckets[e->hash & (c->nbuckets - 1)];
    while (*pp && *pp != e) pp = &(*pp)->chain;
    if (*pp) *pp = e->chain;
    dp_regex_free(e->re);
    free(e);
    c->size--;
}

dp_regex *dp_regex_cache_get(dp_regex_cache *c, const char *pat, size_t len,
                             unsigned flags, char *err, size_t errlen) {
    uint64_t h = key_hash(pat ? pat : "", pat ? len : 0, flags);
    dp_cache_entry **bucket = &c->buckets[h & (c->nbuckets - 1)];
    for (dp_cache_entry *e = *bucket; e; e = e->chain) {
        if (e->hash == h && e->re->flags == flags && e->re->len == len &&
            (len == 0 || memcmp(e->re->pattern, pat, len) == 0)) {
            if (c->head != e) {
                lru_unlink(c, e);
                lru_push_front(c, e);
            }
            return e->re;
        }
    }
    dp_regex *re = dp_regex_compile(pat, len, flags, err, errlen);
    if (!re) return NULL;
    dp_cache_entry *e = calloc(1, sizeof *e);
    if (!e) {
        dp_regex_free(re);
        set_err(err, errlen, 0, "out of memory");
        return NULL;
    }
    while (c->size >= c->capacity) evict_lru(c);
    e->re = re;
    e->hash = h;
    e->chain = *bucket;
    *bucket = e;
    lru_push_front(c, e);
    c->size++;
    return re;
}

size_t dp_regex_cache_size(const dp_regex_cache *c) {
    return c->size;
}

void dp_regex_cache_free(dp_regex_cache *c) {
    if (!c) return;
    dp_cache_entry *e = c->head;
    while (e) {
        dp_cache_entry *next = e->next;
        dp_regex_free(e->re);
        free(e);
        e = next;
    }
    free(c->buckets);
    free(c);
}
