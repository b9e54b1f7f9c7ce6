# The HTML page (src/html.c): rendered in headless Chromium, checked from
# the DOM; screenshots left in tests/html/shots/ (not distributed).
SCRIPT_TESTS += tests/html/html.sh
EXTRA_DIST += tests/html/check.py
CLEANFILES += tests/html/shots/*.png tests/html/shots/*.html
