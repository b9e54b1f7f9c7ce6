# Packet synthesizer for the tests (tests/synth/).
