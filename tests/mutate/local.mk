# make mutate [MUTATIONS="name ..."]: deliberate bugs, one at a time, in a
# copy of the tree, each rebuilt and tested (tests/mutate/mutate.sh).  Not
# part of make check or CI: a full run takes about an hour.
.PHONY: mutate
mutate:
	@$(SHELL) $(srcdir)/tests/mutate/mutate.sh $(MUTATIONS)
EXTRA_DIST += tests/mutate/mutate.sh tests/mutate/apply.py tests/mutate/mutations.txt
