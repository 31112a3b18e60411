"""A count of surveyed devices never calls a recorder or a door station a camera."""

from __future__ import annotations

import pytest

from specassist.domain import formatting as fmt


@pytest.mark.parametrize(
    ("classes", "text"),
    [
        (["camera"] * 20, "20 cameras"),
        (["camera"], "1 camera"),
        ([], "0 cameras"),
        (["intercom", "camera", "recorder", "camera"],
         "4 devices (2 cameras, 1 recorder, 1 intercom)"),
        (["access_control", "other", "other"],
         "3 devices (1 access-control device, 2 other devices)"),
    ],
)  # fmt: skip
def test_device_count(classes: list[str], text: str) -> None:
    assert fmt.device_count(classes) == text
