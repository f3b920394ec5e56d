#ifndef MALLOC_COUNTER_H
#define MALLOC_COUNTER_H

/// Counting of heap allocations for the benchmarks (`cityindex-bench` only; never linked into
/// the tool). The allocation functions of the C library are wrapped: each call to malloc,
/// calloc, realloc, posix_memalign, aligned_alloc or memalign made while counting is on adds one.

/// Starts counting from zero.
void malloc_counter_start(void);
/// Stops counting and returns the allocations counted since `malloc_counter_start`.
long malloc_counter_stop(void);
/// Whether the wrappers are in effect (the executable's symbols took precedence over the C library's).
int malloc_counter_active(void);

#endif
