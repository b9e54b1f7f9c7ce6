# Documentation (doc/).
dist_man_MANS = doc/bpfx.1
EXTRA_DIST += doc/tutorial.md doc/hardening.md
