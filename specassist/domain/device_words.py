"""The words and shapes device lists use: type codes, status words and model numbers.

Tool exports (a vendor's discovery tool, a VMS inventory, a recorder's channel
list) describe devices with words a hand-made survey never uses: a "Type"
column holding ``IPC``, ``NVR`` or ``VTO``, a "Status" column saying
``Active`` or ``Online``. These are facts about the device, not survey
progress or a camera's form, so they are kept verbatim as the device's type
and state. Recognising the shapes here lets the importer decide what a column
holds from its values when its header says something else.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Type words seen in device lists, normalised (lower case, letters and digits only).
# IPC/SD/NVR/VTO: Dahua ConfigTool's "Type" column; "network camera", "IP camera",
# "Door station", "NVR": VMS and recorder lists. The value kept is what the file says.
_DEVICE_TYPE_WORDS = frozenset(
    {
        "ipc", "ipcamera", "networkcamera", "camera", "cam", "sd", "speeddome", "ptz",
        "nvr", "dvr", "xvr", "hvr", "recorder", "networkvideorecorder", "nvs", "encoder",
        "videoencoder", "decoder", "videodecoder", "vto", "vth", "doorstation",
        "videodoorstation", "outdoorstation", "indoorstation", "intercom", "doorbell",
        "accesscontroller", "accesscontrol", "alarmpanel", "alarmcontroller", "switch",
        "poeswitch", "iomodule", "speaker", "microphone", "thermalcamera", "tpc", "itc",
        "anpr", "lpr", "fisheyecamera", "server", "storage", "vms", "encodingdevice",
        "networkspeaker", "monitor", "keyboard", "hcvr", "ivss", "evs",
    }
)  # fmt: skip

# Status words device tools report (SADP: Active/Inactive; ConfigTool: Initialized/
# Uninitialized; VMS lists: Online/Offline, Enabled/Disabled, Recording …).
_DEVICE_STATE_WORDS = frozenset(
    {
        "active", "inactive", "activated", "unactivated", "notactivated", "online", "offline",
        "initialized", "initialised", "uninitialized", "uninitialised", "notinitialized",
        "enabled", "disabled", "recording", "notrecording", "connected", "disconnected",
        "unauthorized", "unauthorised", "unreachable", "reachable", "error", "ready",
        "started", "stopped", "running", "unknown", "normal", "abnormal", "fault",
    }
)  # fmt: skip


def _key(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def is_device_type_word(text: str) -> bool:
    """``IPC``, ``NVR``, ``VTO``, ``Door station``, ``Network Camera`` …"""
    return _key(text) in _DEVICE_TYPE_WORDS


def is_device_state_word(text: str) -> bool:
    """``Active``, ``Online``, ``Uninitialized`` … (a device's state, not survey progress)."""
    return _key(text) in _DEVICE_STATE_WORDS


# Model numbers of the makers a survey is most often about. Each must match the
# whole cell, so a serial number that begins with a model ("DS-2CD2143G2-I2021…")
# or a sentence containing one does not count as a model column.
# Sources: domain facts (Hikvision DS-2CD…/DS-2DE…, Dahua IPC-HDW…/SD…, HiWatch
# IPC-…), and the product codes in the shipped catalog (Axis P3265-LVE, Hanwha
# XNO-6080R, Bosch NDE-…, Avigilon 5.0C-H5A-BO1-IR, Uniview IPC322…).
_MODEL_PATTERNS = (
    r"(?:DS|IDS|DH|DHI)-[0-9A-Z]{2,}(?:[-/][0-9A-Z()]+)*",
    r"(?:IPC|HAC|NVR|XVR|DVR|VTO|VTH|SD|PTZ|TPC|ITC|HCVR|IVSS|EVS)-?[0-9][0-9A-Z]*"
    r"(?:[-/][0-9A-Z()]+)*",
    r"IPC-[A-Z][0-9A-Z]+(?:[-/][0-9A-Z()]+)*",
    r"(?:AXIS\s+)?[MPQ][0-9]{4}(?:-[A-Z0-9]+)*",
    r"[A-Z]{3}-[0-9]{4,5}[A-Z]{0,3}(?:-[A-Z0-9]+)*",
    r"[0-9]{1,2}\.[0-9]C-H[0-9][A-Z]{1,3}(?:-[A-Z0-9]+)+",
    r"(?:MS|CS|HWI|HWT|HWN|HWP)-[A-Z0-9]{3,}(?:-[A-Z0-9]+)*",
)
_MODEL_RE = re.compile("|".join(f"(?:{p})" for p in _MODEL_PATTERNS), re.IGNORECASE)
_MODEL_IN_TEXT = re.compile(
    r"(?<![A-Z0-9-])(" + "|".join(f"(?:{p})" for p in _MODEL_PATTERNS) + r")(?![A-Z0-9-])",
    re.IGNORECASE,
)
# A generic product code: one token of letters and digits with a separator, e.g. "XND-6080RV".
_GENERIC_MODEL = re.compile(r"(?=.*[A-Z])(?=(?:.*[0-9]){2})[A-Z0-9]+(?:[-./][A-Z0-9()]+)+", re.I)


_SERIAL_DIGITS = re.compile(r"[0-9]{8}")
"""A run of eight digits: the build date inside a serial ("DS-2CD2143G2-I20220315AAWR…")."""


@lru_cache(maxsize=4096)
def is_model_number(text: str) -> bool:
    """True when the whole cell is a model number of a known shape (not a serial, not prose).

    Model numbers run to about 25 characters ("DS-2CD2T47G2-L(C)(4mm)" is 22);
    a serial starts with the model but goes on with a date and a batch code.
    """
    text = text.strip()
    return (
        len(text) <= 28
        and _SERIAL_DIGITS.search(text) is None
        and _MODEL_RE.fullmatch(text) is not None
    )


def looks_like_product_code(text: str) -> bool:
    """A weaker test: one token mixing letters and digits around separators, e.g. "XND-6080RV".

    Tags such as "CAM-001" pass too, so this is only used for a column whose
    header names no field, never to take a column from its header.
    """
    text = text.strip()
    return 5 <= len(text) <= 40 and _GENERIC_MODEL.fullmatch(text) is not None


def model_in_text(text: str) -> str | None:
    """A known-shape model number inside longer text: "Front Gate (DS-2CD2143G2-I)" → the model.

    A closing bracket that belongs to the surrounding text is not part of the
    model, and a leading "AXIS" (Axis write their name before the model) is dropped.
    """
    found = _MODEL_IN_TEXT.search(text)
    if found is None:
        return None
    model = re.sub(r"^AXIS\s+", "", found.group(1).strip(), flags=re.IGNORECASE)
    while model.endswith(")") and model.count(")") > model.count("("):
        model = model[:-1]
    return model
