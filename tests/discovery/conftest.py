"""Fake devices as fixtures: started on ephemeral loopback ports, stopped after each test."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from fake_devices import (
    CameraFacts,
    DhipResponder,
    FakeCamera,
    OnvifService,
    SadpResponder,
    UdpResponder,
    WsdResponder,
)


@pytest.fixture
def start_fake() -> Iterator[Callable[[Any], Any]]:
    """Start a fake and stop it when the test ends, whatever happens in between."""
    running: list[UdpResponder | OnvifService] = []

    def start(fake: Any) -> Any:
        running.append(fake)
        return fake.start()

    yield start
    for fake in reversed(running):
        fake.stop()


@pytest.fixture
def fake_camera(start_fake: Callable[[Any], Any]) -> FakeCamera:
    facts = CameraFacts()
    service = start_fake(OnvifService(facts))
    responder = start_fake(WsdResponder(facts, service.url))
    return FakeCamera(facts, responder, service)


@pytest.fixture
def fake_sadp(start_fake: Callable[[Any], Any]) -> SadpResponder:
    facts = CameraFacts(
        model="DS-7608NI-K2", serial="DS-7608NI-K20820210301CCRRF12345678",
        mac="bc:ad:28:aa:bb:01", firmware="V4.30.085 build 210918",
    )  # fmt: skip
    responder: SadpResponder = start_fake(SadpResponder(facts))
    return responder


@pytest.fixture
def fake_dhip(start_fake: Callable[[Any], Any]) -> DhipResponder:
    facts = CameraFacts(
        maker="Dahua", model="IPC-HDW2431T-AS-S2", serial="6G0ABCDEF12345",
        mac="3c:ef:8c:41:6c:ce", firmware="2.800.0000000.25.R",
    )  # fmt: skip
    responder: DhipResponder = start_fake(DhipResponder(facts))
    return responder
