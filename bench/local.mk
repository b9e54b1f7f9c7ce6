# Benchmarks against libpcap: `make bench`.
