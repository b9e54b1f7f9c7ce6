# Command-line golden tests (tests/cli/).
# One line per test script: cli_tests += tests/cli/NAME.sh
cli_tests =
TESTS += $(cli_tests)
EXTRA_DIST += $(cli_tests)
cli_tests += tests/cli/signals.sh
cli_tests += tests/cli/output.sh
cli_tests += tests/cli/errors.sh
cli_tests += tests/cli/tcpdump-options.sh
cli_tests += tests/cli/live.sh
cli_tests += tests/cli/kernel.sh
