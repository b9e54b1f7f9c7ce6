# Command-line golden tests (tests/cli/).
