#!/bin/sh
# completion.sh: the bash completion file (completion/bpfx) completes
# commands, options, link types and interfaces from bpfx's own texts, and
# every option it offers is one the command accepts.
. "${srcdir:-.}/tests/cli/filter-lib.sh"

command -v bash >/dev/null 2>&1 || { echo "completion: bash not found, skipping"; exit 77; }
COMP="$srcdir/completion/bpfx"

# complete WORDS...: what the completion offers for the last word, one per
# line, sorted (the words before it are the command line so far).
complete() {
	bash -c '. "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
		_bpfx; printf "%s\n" "${COMPREPLY[@]}" | sort' sh "$COMP" "$@"
}
# offers WANT WORDS...: the completion of WORDS is exactly WANT (lines).
offers() {
	_want=$1
	shift
	_got=$(complete "$@")
	[ "$_got" = "$_want" ] && pass || fail "completing '$*': got '$(echo $_got)', want '$(echo $_want)'"
}

offers filter "$B" fil
offers "$(printf 'check\ncompile')" "$B" c
offers --count "$B" filter --co
offers "$(printf 'LINUX_SLL\nLINUX_SLL2')" "$B" compile -y LINUX_S
offers "$(printf 'out')" "$B" filter -Q o
offers "$(printf 'bpfx\nlibpcap')" "$B" filter --engine ''
# link types: every name of `-y list`, and each one compiles `ip` or is
# refused by name (never "unknown link type")
n=$(complete "$B" compile -y '' | grep -vc '^list$')
[ "$n" -eq "$($B compile -y list | wc -l)" ] && [ "$n" -ge 64 ] && pass || fail "-y offers $n link types"
for lt in $(complete "$B" compile -y '' | grep -v '^list$'); do
	$B compile -y "$lt" ip >/dev/null 2>"$T/err"
	grep -q "unknown link type" "$T/err" && fail "-y $lt offered but unknown" || pass
done
# interfaces, as `filter -D` lists them (lo is there on Linux)
if $B filter -D >/dev/null 2>&1; then
	complete "$B" filter -i l | grep -qx lo && pass || fail "-i l does not offer lo"
else
	skipped "filter -D lists no interfaces here"
fi
# every option offered for every command is one the command knows
for cmd in $(complete "$B" ''); do
	case $cmd in -*) continue ;; esac
	opts=$(complete "$B" "$cmd" -)
	[ -n "$opts" ] && pass || fail "$cmd: no options offered"
	for o in $opts; do
		case $o in *=) o=${o}ir ;; esac
		$B "$cmd" "$o" </dev/null >/dev/null 2>"$T/err"
		grep -qiE "unknown option|unrecognized option|invalid option" "$T/err" &&
			fail "$cmd: offered $o, which it refuses: $(head -1 "$T/err")" || pass
	done
done
finish
