# Differential tests against libpcap (tests/diff/).
