# The numbers the documents state, re-computed (tests/doc/claims.sh).  It
# reads what difftest, vmdiff and optsize print, so its log waits for
# theirs (named through a variable: automake's own rule for the log stays
# in place, this only adds prerequisites).
TESTS += tests/doc/claims.sh
EXTRA_DIST += tests/doc/claims.sh
CLAIMS_LOG = tests/doc/claims.sh.log
$(CLAIMS_LOG): tests/diff/run-difftest.sh.log tests/diff/vmdiff.log tests/diff/optsize.sh.log
