# The Python binding of libbpfx (python/bpfx/, ctypes over the installed
# shared library) and bpfx-dask, installed for Debian's python3 (configure
# says where: BPFX_PYTHONDIR).  _config.py, written here, tells the
# installed package where make install put the library.
bpfxpydir = $(BPFX_PYTHONDIR)/bpfx
dist_bpfxpy_DATA = python/bpfx/__init__.py python/bpfx/_lib.py python/bpfx/cluster.py
nodist_bpfxpy_DATA = python/bpfx/_config.py
bin_SCRIPTS = python/bpfx-dask
EXTRA_DIST += python/bpfx-dask.in
CLEANFILES += python/bpfx/_config.py python/bpfx-dask
python/bpfx/_config.py: libbpfx.la
	$(AM_V_GEN)$(MKDIR_P) python/bpfx && \
	  dl=`sed -n "s/^dlname='\(.*\)'/\1/p" libbpfx.la` && \
	  printf '"""Written by make: where make install puts libbpfx."""\nLIBRARY = "%s"\n' \
	    '$(libdir)/'"$$dl" > $@
python/bpfx-dask: $(srcdir)/python/bpfx-dask.in Makefile
	$(AM_V_GEN)$(MKDIR_P) python && sed -e 's|@PYTHON3[@]|$(PYTHON3)|' \
	  -e 's|@BPFX_PYTHONDIR[@]|$(BPFX_PYTHONDIR)|' $(srcdir)/python/bpfx-dask.in > $@.tmp && \
	  chmod +x $@.tmp && mv $@.tmp $@
# make installcheck: the installed package, on its own (no BPFX_LIBRARY:
# it must find the installed library through _config.py), and the
# installed bpfx-dask's usage.
installcheck-local: installcheck-python
.PHONY: installcheck-python
installcheck-python:
	PYTHONPATH='$(BPFX_PYTHONDIR)' PYTHONDONTWRITEBYTECODE=1 $(PYTHON3) -c 'import bpfx, sys; \
	  assert bpfx.version() == "$(PACKAGE_VERSION)", bpfx.version(); \
	  assert bpfx._lib.lib._name.startswith("$(libdir)/"), bpfx._lib.lib._name; \
	  assert bpfx.compile("tcp").listing.startswith("(000) ldh      [12]")'
	'$(bindir)/bpfx-dask' --help | grep -q -e '--scheduler ADDRESS'
