# Decoder: tcpdump-style lines per protocol (src/decode/*.c).
