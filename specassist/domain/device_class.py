"""What kind of device a surveyed row is: camera, recorder, door station, encoder…

A survey of "cameras" also lists the recorders, door stations and encoders on
the same network, and discovery tools report a device type ("IPC", "NVR",
"VTO"). Only cameras may be replaced by cameras, so the class is decided
from the words a survey or tool gives, from model-number patterns and from
the catalog (see ``Identifier``), and when nothing says, a camera is
*assumed* and the assumption is recorded.

The vocabulary below is the set of type words seen in surveys and discovery
exports: Hikvision/Dahua device-type strings ("IPC", "NVR", "DVR", "XVR",
"VTO", "SD" for speed domes, "NVS" for video servers), Dahua HDCVI ("HAC",
"CVI"), Hikvision Turbo HD ("TVI") and plain English ("door station").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum


class DeviceClass(StrEnum):
    CAMERA = "camera"
    RECORDER = "recorder"
    """NVR, DVR, XVR (hybrid), HVR or a recording server."""
    INTERCOM = "intercom"
    """Door and villa stations, video doorbells, indoor monitors."""
    ENCODER = "encoder"
    """Video encoders and decoders (video servers) that bridge analogue cameras or walls."""
    ACCESS_CONTROL = "access_control"
    OTHER = "other"


class CameraKind(StrEnum):
    """How a camera delivers its picture, where that changes what may replace it."""

    IP = "ip"
    ANALOG = "analog"
    """HD-TVI, HDCVI, AHD or CVBS over coax: needs an encoder or a recorder input."""
    THERMAL = "thermal"


@dataclass(frozen=True, slots=True)
class DeviceTypeReading:
    """What a device-type text says: the class, and the camera kind or form if it says."""

    device_class: DeviceClass
    word: str
    camera_kind: CameraKind | None = None
    form: str | None = None
    """A FormFactor value ("ptz", "dome"…) when the words name one."""


_PHRASES: tuple[tuple[str, DeviceClass], ...] = (
    ("ACCESS CONTROL", DeviceClass.ACCESS_CONTROL),
    ("CARD READER", DeviceClass.ACCESS_CONTROL),
    ("DOOR CONTROLLER", DeviceClass.ACCESS_CONTROL),
    ("FACE RECOGNITION TERMINAL", DeviceClass.ACCESS_CONTROL),
    ("DOOR STATION", DeviceClass.INTERCOM),
    ("VILLA STATION", DeviceClass.INTERCOM),
    ("INDOOR STATION", DeviceClass.INTERCOM),
    ("OUTDOOR STATION", DeviceClass.INTERCOM),
    ("INDOOR MONITOR", DeviceClass.INTERCOM),
    ("VIDEO DOORBELL", DeviceClass.INTERCOM),
    ("DOOR PHONE", DeviceClass.INTERCOM),
    ("VIDEO SERVER", DeviceClass.ENCODER),
    ("VIDEO RECORDER", DeviceClass.RECORDER),
    ("RECORDING SERVER", DeviceClass.RECORDER),
    ("SPEED DOME", DeviceClass.CAMERA),
    ("IP CAMERA", DeviceClass.CAMERA),
    ("NETWORK CAMERA", DeviceClass.CAMERA),
)
_WORDS: dict[str, DeviceClass] = {
    **dict.fromkeys(
        ("NVR", "DVR", "XVR", "HVR", "HCVR", "RECORDER", "NAS", "VMS", "STORAGE"),
        DeviceClass.RECORDER,
    ),
    **dict.fromkeys(
        ("VTO", "VTH", "INTERCOM", "DOORBELL", "INTERPHONE", "DOORPHONE"), DeviceClass.INTERCOM
    ),
    **dict.fromkeys(("ENCODER", "DECODER", "NVS", "DVS", "CODEC"), DeviceClass.ENCODER),
    **dict.fromkeys(
        ("ACCESS", "TURNSTILE", "READER", "ASI", "BIOMETRIC", "ATTENDANCE"),
        DeviceClass.ACCESS_CONTROL,
    ),
    **dict.fromkeys(
        ("SWITCH", "ALARM", "MONITOR", "JOYSTICK", "KEYBOARD", "ROUTER", "UPS", "RADIO"),
        DeviceClass.OTHER,
    ),
    **dict.fromkeys(
        ("IPC", "CAMERA", "CAM", "CCTV", "DOME", "BULLET", "TURRET", "EYEBALL", "BOX", "FISHEYE",
         "PTZ", "SD", "CUBE", "PANORAMIC", "MULTISENSOR", "ANPR", "LPR", "ITC", "THERMAL", "TPC",
         "ANALOG", "ANALOGUE", "TVI", "CVI", "HDCVI", "HDTVI", "AHD", "CVBS", "HAC"),
        DeviceClass.CAMERA,
    ),
}  # fmt: skip
_KINDS: dict[str, CameraKind] = {
    **dict.fromkeys(("THERMAL", "TPC"), CameraKind.THERMAL),
    **dict.fromkeys(
        ("ANALOG", "ANALOGUE", "TVI", "CVI", "HDCVI", "HDTVI", "AHD", "CVBS", "HAC"),
        CameraKind.ANALOG,
    ),
    **dict.fromkeys(("IPC", "IP"), CameraKind.IP),
}
_FORMS: dict[str, str] = {
    "PTZ": "ptz", "SD": "ptz", "DOME": "dome", "BULLET": "bullet", "TURRET": "turret",
    "EYEBALL": "turret", "BOX": "box", "FISHEYE": "fisheye", "CUBE": "cube",
    "PANORAMIC": "multisensor", "MULTISENSOR": "multisensor",
}  # fmt: skip
_TOKEN = re.compile(r"[A-Z]+")
_MODEL_WORD = re.compile(r"^(?:[A-Z]{1,4}[-_])?(NVR|DVR|XVR|HVR|HCVR|NVS|VTO|VTH)(?=\d|-|$)")
"""Type words that lead a model number: 'NVR4108HS', 'DHI-NVR5216', 'VTO2202F', 'NVR-104E2'."""


def read_device_type(text: str | None) -> DeviceTypeReading | None:
    """The class a device-type text names, or None when it names none.

    'NVR' → recorder; 'Door station' → intercom; 'Thermal bullet' → camera
    (thermal, bullet); 'SD' → camera (PTZ). Phrases win over single words, and
    a word naming a class other than camera wins over camera words
    ('PTZ keyboard' is other, not a camera).
    """
    if not text:
        return None
    upper = " ".join(_TOKEN.findall(text.upper()))
    padded = f" {upper} "
    for phrase, device_class in _PHRASES:
        if f" {phrase} " in padded:
            return _reading(device_class, phrase, upper)
    tokens = upper.split()
    found = [(t, _WORDS[t]) for t in tokens if t in _WORDS]
    if not found:
        return None
    word, device_class = next(((t, c) for t, c in found if c is not DeviceClass.CAMERA), found[0])
    return _reading(device_class, word, upper)


def _reading(device_class: DeviceClass, word: str, upper: str) -> DeviceTypeReading:
    if device_class is not DeviceClass.CAMERA:
        return DeviceTypeReading(device_class, word)
    tokens = upper.split()
    kind = next((_KINDS[t] for t in tokens if t in _KINDS and _KINDS[t] is not CameraKind.IP),
                None) or next((_KINDS[t] for t in tokens if t in _KINDS), None)  # fmt: skip
    form = next((_FORMS[t] for t in tokens if t in _FORMS), None)
    if "SPEED DOME" in upper:
        form = "ptz"
    return DeviceTypeReading(device_class, word, kind, form)


def class_from_model_words(model: str | None) -> DeviceTypeReading | None:
    """A class from a type word leading a model number, for makers no pattern covers.

    'NVR301-08S2' → recorder; 'VTO2111D-WP' → intercom; 'DS-2CD2143G2-I' → None.
    """
    if not model:
        return None
    match = _MODEL_WORD.match(model.upper().strip())
    return None if match is None else read_device_type(match.group(1))
