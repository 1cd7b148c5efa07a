# lib.sh - shared by the command-line tests: the binary, the source dir, a scratch dir, and
# small assertions that print what went wrong.
BIN="$1"; SRC="$2"; SCRATCH="$3/cli-$(basename "$0" .sh)"
rm -rf "$SCRATCH"; mkdir -p "$SCRATCH"
export GYR_DATA_DIR="$SRC"
fails=0
pass() { echo "ok: $*"; }
bad() { echo "FAIL: $*"; fails=$((fails + 1)); }
# json_field JSON KEY: the first value of "KEY":... (string or number) in one-line JSON.
json_field() { printf '%s' "$1" | grep -o "\"$2\":\(\"[^\"]*\"\|[-0-9a-z.]*\)" | head -1 | sed 's/^[^:]*://; s/"//g'; }
finish() { if [ $fails = 0 ]; then echo "1 passed, 0 failed"; exit 0; else echo "0 passed, 1 failed"; exit 1; fi; }
