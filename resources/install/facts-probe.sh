# HA Lab facts probe: read-only, one round trip per host. Prints one fact per line as
# "KIND<TAB>VALUE...". Arguments: the files to checksum. Run as root (nft, 0600 files).
# FactsProbe sets HALAB_SERVICES and HALAB_PACKAGES (from Distros) before this text.
LC_ALL=C; export LC_ALL
T=$(printf '\t')
echo "uid${T}$(id -u)"
if [ -r /etc/os-release ]; then
  ( . /etc/os-release; echo "os${T}${ID:-}${T}${VERSION_ID:-}${T}${ID_LIKE:-}${T}${PRETTY_NAME:-}" )
fi
if command -v apt-get >/dev/null 2>&1; then echo "apt${T}yes"; else echo "apt${T}no"; fi
if ls /var/lib/apt/lists/ 2>/dev/null | grep -q '_Packages$'; then echo "aptlists${T}yes"; else echo "aptlists${T}no"; fi
if [ -d /run/systemd/system ]; then echo "init${T}systemd"
elif command -v service >/dev/null 2>&1; then echo "init${T}sysv"
else echo "init${T}unknown"; fi
if command -v dpkg-query >/dev/null 2>&1; then
  dpkg-query -W -f='pkg ${db:Status-Status} ${Package} ${Version}\n' 2>/dev/null | sed "s/ /${T}/g"
fi
# What apt would install, from the lists as they are (no refresh: the probe changes nothing).
if command -v apt-cache >/dev/null 2>&1 && ls /var/lib/apt/lists/ 2>/dev/null | grep -q '_Packages$'; then
  for p in $HALAB_PACKAGES; do
    c=$(apt-cache policy "$p" 2>/dev/null | sed -n 's/^ *Candidate: //p')
    echo "candidate${T}$p${T}${c:-(none)}"
  done
fi
if command -v python3 >/dev/null 2>&1; then echo "python3${T}yes"; else echo "python3${T}no"; fi
# Cloned VMs share these: machine-id, MAC addresses, SSH host keys.
echo "machineid${T}$(cat /etc/machine-id 2>/dev/null)"
ip -o link show 2>/dev/null | sed -n "s/^[0-9]*: \([^:@ ]*\).* link\/ether \([0-9a-f:]*\).*/mac${T}\1${T}\2/p"
for k in /etc/ssh/ssh_host_*_key.pub; do
  [ -f "$k" ] && echo "hostkey${T}$(cut -d' ' -f1-2 "$k" | sha256sum | cut -d' ' -f1)"
done
for f in "$@"; do
  if [ -f "$f" ]; then echo "file${T}$(sha256sum < "$f" | cut -d' ' -f1)${T}$f"
    echo "filemeta${T}$(stat -c "%a${T}%U:%G" "$f")${T}$f"
  elif [ -e "$f" ] || [ -L "$f" ]; then echo "file${T}other${T}$f"
  else echo "file${T}absent${T}$f"; fi
done
for s in $HALAB_SERVICES; do
  if [ -d /run/systemd/system ]; then
    a=$(systemctl is-active "$s" 2>/dev/null); e=$(systemctl is-enabled "$s" 2>/dev/null)
  else
    if service "$s" status >/dev/null 2>&1; then a=active; else a=inactive; fi
    if ls /etc/rc2.d/S*"$s" >/dev/null 2>&1; then e=enabled; else e=disabled; fi
  fi
  echo "service${T}$s${T}${a:-unknown}${T}${e:-unknown}"
done
ip -o link show 2>/dev/null | sed -n "s/^[0-9]*: \([^:@ ]*\).*/link${T}\1/p"
ip -o -4 addr show 2>/dev/null | awk -v t="$T" '{print "addr" t $2 t $4}'
echo "disk${T}$(df -Pk / | awk 'NR==2 {print $4}')"
busy=$(pgrep -x 'apt|apt-get|aptitude|dpkg|unattended-upgr' 2>/dev/null | tr '\n' ' ')
echo "aptbusy${T}${busy}"
echo "nonlocalbind${T}$(cat /proc/sys/net/ipv4/ip_nonlocal_bind 2>/dev/null)"
if command -v ufw >/dev/null 2>&1 && ufw status 2>/dev/null | grep -q 'Status: active'; then
  if ufw status 2>/dev/null | grep -qiE 'vrrp|112'; then echo "firewall${T}ufw${T}vrrp-open"; else echo "firewall${T}ufw${T}closed"; fi
elif command -v firewall-cmd >/dev/null 2>&1 && firewall-cmd --state >/dev/null 2>&1; then
  if firewall-cmd --list-rich-rules 2>/dev/null | grep -q vrrp; then echo "firewall${T}firewalld${T}vrrp-open"; else echo "firewall${T}firewalld${T}closed"; fi
elif command -v nft >/dev/null 2>&1 && nft list chain inet filter input 2>/dev/null | grep -q 'policy drop'; then
  if nft list chain inet filter input 2>/dev/null | grep -qE 'ip protocol (vrrp|112) accept'; then echo "firewall${T}nftables${T}vrrp-open"; else echo "firewall${T}nftables${T}closed"; fi
else echo "firewall${T}none${T}-"; fi
cut -d: -f1 /etc/passwd | sed "s/^/user${T}/"
cut -d: -f1 /etc/group | sed "s/^/group${T}/"
if [ -f /var/lib/halab/manifest.json ]; then echo "manifest${T}$(base64 -w0 /var/lib/halab/manifest.json)"; fi
echo "end${T}ok"
