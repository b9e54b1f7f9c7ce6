# The tutorial's commands, run and compared with what it shows (TZ=UTC, in
# the source tree's examples/).
SCRIPT_TESTS += tests/doc/tutorial.sh
# The numbers the documents state, re-computed (tests/doc/claims.sh).  It
# reads what difftest, vmdiff and optsize print, so its log waits for
# theirs (named through a variable: automake's own rule for the log stays
# in place, this only adds prerequisites).
SCRIPT_TESTS += tests/doc/claims.sh
CLAIMS_LOG = tests/doc/claims.sh.log
$(CLAIMS_LOG): tests/diff/run-difftest.sh.log tests/diff/vmdiff.log tests/diff/optsize.sh.log
