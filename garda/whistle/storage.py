"""Encrypted files of the channel, under GARDA_DATA_DIR/files/whistle/ with random names. Nothing here is readable
without a key from the database's sealed boxes."""

from __future__ import annotations

from pathlib import Path

from garda.core import filestore

AREA = "whistle"


def store_dir() -> Path:
    return filestore.area_dir(AREA)


def new_name() -> str:
    return filestore.new_name()


def write(name: str, data: bytes) -> None:
    filestore.write(AREA, name, data)


def read(name: str) -> bytes:
    return filestore.read(AREA, name)


def remove(name: str) -> None:
    filestore.remove(AREA, name)
