# The tutorial's commands, run and compared with what it shows (TZ=UTC, in
# the source tree's examples/).
SCRIPT_TESTS += tests/doc/tutorial.sh
