"""A fake camera inside a network namespace the multicast test created; run by that test only.

Usage (as the test does): ip netns exec NS python netns_fakes.py ADDRESS
with SPECASSIST_TEST_NETNS=NS in the environment. The script refuses to start
anywhere but in that namespace. It answers WS-Discovery and DHIP to the sender
and SADP to the multicast group, as the devices do, prints its ONVIF address,
and exits when the test closes its stdin or after MAX_LIFETIME_S.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading

from fake_devices import (
    MAX_LIFETIME_S,
    CameraFacts,
    DhipResponder,
    OnvifService,
    SadpResponder,
    WsdResponder,
)


def main(address: str) -> None:
    expected = os.environ.get("SPECASSIST_TEST_NETNS", "")
    here = subprocess.run(["ip", "netns", "identify"], capture_output=True, text=True, check=True)
    if not expected or here.stdout.strip() != expected:
        sys.exit(f"refusing to run outside the test's namespace {expected!r}")
    threading.Timer(MAX_LIFETIME_S, lambda: os._exit(3)).start()
    facts = CameraFacts(model="DS-2CD2387G2-LU", mac="44:19:b6:77:00:01", name="Namespace Cam")
    space = {"host": address, "in_test_namespace": True}
    onvif = OnvifService(facts, **space).start()  # type: ignore[arg-type]
    fakes = [
        WsdResponder(facts, onvif.url, port=3702, group="239.255.255.250", **space),
        SadpResponder(facts, port=37020, group="239.255.255.250", reply_to_group=True, **space),
        DhipResponder(facts, port=37810, group="239.255.255.251", **space),
    ]
    for fake in fakes:
        fake.start()
    print(onvif.url, flush=True)
    sys.stdin.read()
    for fake in fakes:
        fake.stop()
    onvif.stop()
    os._exit(0)


if __name__ == "__main__":
    main(sys.argv[1])
