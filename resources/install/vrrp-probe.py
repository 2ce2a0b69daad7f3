# HA Lab VRRP network check (run with python3 as root): listens for VRRP adverts (IP protocol 112)
# on one interface for a few seconds and, meanwhile, sends a few harmless probe adverts to the peer
# front end: VRID 0 (no router uses it, RFC 3768 allows 1-255) and a marker with this run's nonce.
# Arguments: INTERFACE SOURCE_ADDRESS DESTINATION SECONDS NONCE. DESTINATION is 224.0.0.18
# (multicast) or the peer's address (unicast). Prints "ready", one "advert" line per sender and
# VRID heard (SRC VRID VERSION PRIORITY COUNT PROBE-NONCE-OR-DASH), then "end".
import select, socket, struct, sys, time

iface, source, dest, seconds, nonce = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4]), sys.argv[5]
GROUP = "224.0.0.18"
MARK = b"HALAB-PROBE "

def checksum(data):
    if len(data) % 2:
        data += b"\0"
    total = sum(struct.unpack("!%dH" % (len(data) // 2), data))
    total = (total >> 16) + (total & 0xFFFF)
    total += total >> 16
    return ~total & 0xFFFF

def probe():
    # VRRPv2 advert: version 2 / type 1, VRID 0, priority 0, no addresses, no auth, interval 1.
    body = struct.pack("!BBBBBBH", 0x21, 0, 0, 0, 0, 1, 0) + MARK + nonce.encode()
    return body[:6] + struct.pack("!H", checksum(body)) + body[8:]

listener = socket.socket(socket.AF_INET, socket.SOCK_RAW, 112)
listener.setsockopt(socket.SOL_SOCKET, socket.SO_BINDTODEVICE, iface.encode())
listener.setsockopt(socket.IPPROTO_IP, socket.IP_ADD_MEMBERSHIP,
                    struct.pack("4s4s", socket.inet_aton(GROUP), socket.inet_aton(source)))
sender = socket.socket(socket.AF_INET, socket.SOCK_RAW, 112)
sender.setsockopt(socket.SOL_SOCKET, socket.SO_BINDTODEVICE, iface.encode())
sender.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_TTL, 255)
sender.setsockopt(socket.IPPROTO_IP, socket.IP_TTL, 255)
sender.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_IF, socket.inet_aton(source))
sender.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_LOOP, 0)
sender.bind((source, 0))
print("ready", flush=True)

start = time.monotonic()
# Probes from 1 s on: the peer's listener, started at about the same time, is up by then.
send_at = [start + 1.0 + 0.4 * i for i in range(5)]
heard = {}
while True:
    now = time.monotonic()
    if now >= start + seconds:
        break
    if send_at and now >= send_at[0]:
        send_at.pop(0)
        try:
            sender.sendto(probe(), (dest, 0))
        except OSError as e:
            print("senderror\t%s" % e, flush=True)
        continue
    wait = (send_at[0] if send_at else start + seconds) - now
    ready, _, _ = select.select([listener], [], [], max(0.0, wait))
    if not ready:
        continue
    packet, _ = listener.recvfrom(2048)
    ihl = (packet[0] & 0x0F) * 4
    vrrp = packet[ihl:]
    if len(vrrp) < 8:
        continue
    src = socket.inet_ntoa(packet[12:16])
    mark = vrrp.find(MARK)
    tag = vrrp[mark + len(MARK):].decode("ascii", "replace") if mark >= 0 else "-"
    key = (src, vrrp[1], vrrp[0] >> 4, vrrp[2], tag)
    heard[key] = heard.get(key, 0) + 1
for (src, vrid, version, priority, tag), count in sorted(heard.items()):
    print("advert\t%s\t%d\t%d\t%d\t%d\t%s" % (src, vrid, version, priority, count, tag))
print("end", flush=True)
