# Bash completion, installed where bash-completion looks for it under the
# prefix (with --prefix=/usr: /usr/share/bash-completion/completions).
bashcompletiondir = $(datadir)/bash-completion/completions
dist_bashcompletion_DATA = completion/bpfx
