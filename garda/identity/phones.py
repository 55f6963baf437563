"""Phone numbers to E.164, however they were written (0812-3456-7890, +62 812 3456 7890, 6281234567890,
(021) 7654321, 812 3456 7890), with `phonenumbers`."""

import re

import phonenumbers

_KEEP = re.compile(r"[^\d+]")
# The common Indonesian mobile writings, recognised without the general parser (which is 50× slower).
_ID_MOBILE = re.compile(r"^(?:\+62|0062|62|0)?(8[1-9]\d{7,10})$")


class InvalidPhone(ValueError):
    pass


def normalise_phone(raw: str, region: str = "ID") -> str:
    """E.164 (`+6281234567890`) or InvalidPhone saying why."""
    compact = _KEEP.sub("", raw or "")
    if region == "ID" and (fast := _ID_MOBILE.match(compact)):
        return f"+62{fast.group(1)}"
    if not compact.strip("+"):
        raise InvalidPhone(f"nomor telepon kosong atau tanpa angka: {raw!r}")
    if compact.startswith("00"):
        compact = "+" + compact[2:]
    elif compact.startswith("62") and len(compact) >= 10:
        compact = "+" + compact  # written without the plus: 6281234567890
    elif compact[0] == "8" and region == "ID" and 9 <= len(compact) <= 13:
        compact = "0" + compact  # mobile written without the trunk zero: 812 3456 7890
    try:
        number = phonenumbers.parse(compact, region)
    except phonenumbers.NumberParseException as exc:
        raise InvalidPhone(f"nomor telepon tidak dapat dibaca: {raw!r} ({exc})") from exc
    if not phonenumbers.is_possible_number(number):
        raise InvalidPhone(f"nomor telepon tidak mungkin (panjangnya salah): {raw!r}")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def phone_or_none(raw: str | None) -> str | None:
    try:
        return normalise_phone(raw or "")
    except InvalidPhone:
        return None
