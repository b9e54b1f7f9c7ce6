# Fuzz harnesses (tests/fuzz/): replayed by make check, run by make fuzz.
