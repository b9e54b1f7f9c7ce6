# Command-line tests (tests/cli/): bpfx run as a user runs it, outputs
# checked against tcpdump and libpcap.  They share filter-lib.sh and need
# bpfx-synth and filter-mkpcap built.
# filter-mkpcap writes the captures the shell tests filter, cut and corrupt.
check_PROGRAMS += tests/cli/filter-mkpcap
SCRIPT_TESTS += tests/cli/asm.sh
SCRIPT_TESTS += tests/cli/asm-program.sh
SCRIPT_TESTS += tests/cli/check.sh
SCRIPT_TESTS += tests/cli/check-bpfx.sh
SCRIPT_TESTS += tests/cli/compile-formats.sh
SCRIPT_TESTS += tests/cli/dissect.sh
SCRIPT_TESTS += tests/cli/explain.sh
SCRIPT_TESTS += tests/cli/filter.sh
SCRIPT_TESTS += tests/cli/filter-bpfx.sh
SCRIPT_TESTS += tests/cli/filter-corpus.sh
SCRIPT_TESTS += tests/cli/loose.sh
SCRIPT_TESTS += tests/cli/trace.sh
EXTRA_DIST += tests/cli/filter-lib.sh tests/cli/dissect-tcpdump.py
SCRIPT_TESTS += tests/cli/signals.sh
SCRIPT_TESTS += tests/cli/output.sh
SCRIPT_TESTS += tests/cli/errors.sh
SCRIPT_TESTS += tests/cli/tcpdump-options.sh
SCRIPT_TESTS += tests/cli/live.sh
SCRIPT_TESTS += tests/cli/kernel.sh
# The facts dissect, explain and trace state, checked independently.
SCRIPT_TESTS += tests/cli/facts.sh
EXTRA_DIST += tests/cli/facts.py
SCRIPT_TESTS += tests/cli/completion.sh
SCRIPT_TESTS += tests/cli/live-vlan.sh
SCRIPT_TESTS += tests/cli/pcapng-out.sh
SCRIPT_TESTS += tests/cli/jobs.sh
