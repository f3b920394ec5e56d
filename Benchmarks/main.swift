// The benchmark runner: see Benchmarks/README.md.
print("cityindex-bench: no benchmarks yet")
