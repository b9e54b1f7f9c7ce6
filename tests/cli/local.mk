# Command-line golden tests (tests/cli/).
# The facts dissect, explain and trace state, checked independently.
TESTS += tests/cli/facts.sh
EXTRA_DIST += tests/cli/facts.sh tests/cli/facts.py
