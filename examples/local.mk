# Examples (examples/): the captures the README, the tutorial and the
# decoder tests use, and count.c, the libbpfx example program.  make check
# builds count against the uninstalled library; make installcheck builds it
# again against the installed one with pkg-config and runs the same test.
EXTRA_DIST += examples/README.md examples/make-examples.sh examples/make-dns.sh examples/capture-lib.sh
EXTRA_DIST += examples/handshake-2013.pcap examples/handshake-2013.pcap.tcpdump-nn-vvv.txt
EXTRA_DIST += examples/mixed.pcap examples/mixed.pcap.tcpdump-nn-vvv.txt
EXTRA_DIST += examples/redis-ping-10000.pcap examples/redis-ping-10000.pcap.tcpdump-nn-vvv.txt
EXTRA_DIST += examples/dns.pcap examples/dns.pcap.tcpdump-nn-vvv.txt
EXTRA_DIST += examples/igmp-vrrp.pcap examples/igmp-vrrp.pcap.tcpdump-nn-vvv.txt examples/make-igmp-vrrp.sh
EXTRA_DIST += examples/make-app.sh examples/app.pcap examples/app.pcap.tcpdump-nn-vvv.txt
EXTRA_DIST += examples/dhcp.pcap examples/dhcp.pcap.tcpdump-nn-vvv.txt
EXTRA_DIST += examples/vxlan.pcap examples/vxlan.pcap.tcpdump-nn-vvv.txt
EXTRA_DIST += examples/ip6-ext.pcap examples/ip6-ext.pcap.tcpdump-nn-vvv.txt examples/make-ip6-ext.py
check_PROGRAMS += examples/count
SCRIPT_TESTS += examples/count.sh
# count.c against a staged make install, through pkg-config (install.sh)
SCRIPT_TESTS += examples/install.sh

# From the install prefix only: the header, bpfx.pc and the shared library
# (LD_LIBRARY_PATH: the prefix need not be in the loader's path).
installcheck-local:
	PKG_CONFIG_PATH='$(pkgconfigdir)' $(PKG_CONFIG) --exists --print-errors 'bpfx = $(PACKAGE_VERSION)'
	test -f '$(libdir)/libbpfx.a'
	$(MKDIR_P) examples
	$(CC) $(CFLAGS) -Wall -Wextra -Werror -o examples/count-installed $(srcdir)/examples/count.c \
		`PKG_CONFIG_PATH='$(pkgconfigdir)' $(PKG_CONFIG) --cflags --libs bpfx`
	COUNT=examples/count-installed LD_LIBRARY_PATH='$(libdir)' srcdir='$(srcdir)' $(SHELL) $(srcdir)/examples/count.sh
	rm -f examples/count-installed
