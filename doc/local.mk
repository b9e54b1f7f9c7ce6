# Documentation (doc/).
dist_man_MANS = doc/bpfx.1 doc/bpfx-dask.1
EXTRA_DIST += doc/tutorial.md doc/hardening.md doc/scale.md
# The page of the tutorial's section 8, made by `make` in the build tree.
noinst_DATA = doc/redis-ping-payload.html
CLEANFILES += doc/redis-ping-payload.html
doc/redis-ping-payload.html: bpfx$(EXEEXT) $(srcdir)/examples/redis-ping-10000.pcap
	$(AM_V_GEN)$(MKDIR_P) doc && (cd $(srcdir)/examples && $(abs_builddir)/bpfx$(EXEEXT) explain --html \
	  -r redis-ping-10000.pcap --packet 4 \
	  'tcp port 10000 and (((ip[2:2] - ((ip[0]&0xf)<<2)) - ((tcp[12]&0xf0)>>2)) != 0)') > $@.tmp && mv $@.tmp $@
