/* Internal invariants: LW_ASSERT(cond) checks a condition that only a bug in
 * lowwear can make false (never bad input: that is an lw_error). With
 * LW_CHECKS defined (Debug and sanitizer builds, CMakeLists.txt) a false
 * condition prints file:line and the condition on stderr and aborts; without
 * it the macro compiles to nothing: the condition is not evaluated, only
 * type-checked, so that variables it names still count as used.
 *
 * Like <assert.h>, the macro follows LW_CHECKS where the header is included,
 * so the header may be included again after changing it (tests/base does). */
#ifndef LW_BASE_ASSERT_H
#define LW_BASE_ASSERT_H

/* Print "file:line: internal check failed: cond" and abort(). The one
 * exception, with the allocator's, to "only cli/ prints": a broken invariant
 * is not an error the caller could handle. */
_Noreturn void lw_assert_fail(const char *cond, const char *file, int line);

#endif

/* LW_CHECKS_ON: 1 or 0, for whole check functions that walk a structure
 * (they return at once, and the compiler drops them, when off). */
#undef LW_ASSERT
#undef LW_CHECKS_ON
#ifdef LW_CHECKS
#define LW_CHECKS_ON 1
#define LW_ASSERT(cond)                                                        \
  ((cond) ? (void)0 : lw_assert_fail(#cond, __FILE__, __LINE__))
#else
#define LW_CHECKS_ON 0
#define LW_ASSERT(cond) ((void)sizeof(!(cond)))
#endif
