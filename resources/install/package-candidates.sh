# HA Lab package check for pre-flight: which version apt would install of each argument, from
# freshly downloaded package lists kept in a temporary folder (the host's own lists, cache and
# lock stay untouched). Prints "candidate<TAB>PACKAGE<TAB>VERSION-or-(none)" lines, then "end".
LC_ALL=C; export LC_ALL
T=$(printf '\t')
d=$(mktemp -d /tmp/halab-apt.XXXXXX) || exit 1
trap 'rm -rf "$d"' EXIT
mkdir -p "$d/lists/partial"
chown -R _apt "$d/lists" 2>/dev/null
set -- -o "Dir::State::Lists=$d/lists" -o Dir::Cache::pkgcache= -o Dir::Cache::srcpkgcache= "$@"
if ! apt-get -q -o Debug::NoLocking=1 "$1" "$2" "$3" "$4" "$5" "$6" update >"$d/update.log" 2>&1; then
  echo "updatefailed${T}$(grep -E '^(E|W):' "$d/update.log" | tail -n 1)"
fi
o1=$1 o2=$2 o3=$3 o4=$4 o5=$5 o6=$6
shift 6
for p in "$@"; do
  c=$(apt-cache "$o1" "$o2" "$o3" "$o4" "$o5" "$o6" policy "$p" 2>/dev/null | sed -n 's/^ *Candidate: //p')
  echo "candidate${T}$p${T}${c:-(none)}"
done
echo "end${T}ok"
