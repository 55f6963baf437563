"""The primitives: receipts written down loosely still open, boxes open only with their key, padding hides
lengths, wrapped keys open only with their password."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from garda.whistle import crypto

CHARS = st.sampled_from(crypto.ALPHABET)


@given(st.lists(CHARS, min_size=20, max_size=20), st.sampled_from(["", " ", "-", "  "]), st.booleans())
def test_a_receipt_written_any_way_normalises_to_itself(chars, sep, lower) -> None:
    receipt = "-".join("".join(chars[i : i + 4]) for i in range(0, 20, 4))
    written = sep.join("".join(chars[i : i + 4]) for i in range(0, 20, 4))
    written = written.lower() if lower else written
    written = written.replace("0", "O").replace("1", "I") if not lower else written
    assert crypto.normalise_receipt(written) == receipt


@given(st.text(max_size=40))
def test_normalising_never_fails_and_returns_a_receipt_or_none(text) -> None:
    found = crypto.normalise_receipt(text)
    assert found is None or (len(found) == 24 and all(c in crypto.ALPHABET + "-" for c in found))


def test_new_receipts_have_100_bits_and_differ() -> None:
    receipts = {crypto.new_receipt() for _ in range(200)}
    assert len(receipts) == 200
    assert all(crypto.normalise_receipt(r) == r for r in receipts)
    assert len(crypto.ALPHABET) ** crypto.RECEIPT_CHARS >= 2**100


@settings(max_examples=50)
@given(st.binary(max_size=3000))
def test_boxes_round_trip_and_hide_lengths(data) -> None:
    key = crypto.random_key()
    box = crypto.encrypt(key, data)
    assert crypto.decrypt(key, box) == data
    assert (len(box) - 40) % crypto.PAD_TO == 0  # nonce and tag around whole blocks
    with pytest.raises(crypto.DecryptionError):
        crypto.decrypt(crypto.random_key(), box)


def test_a_tampered_box_is_refused() -> None:
    key = crypto.random_key()
    box = bytearray(crypto.encrypt(key, b"isi laporan"))
    box[-1] ^= 1
    with pytest.raises(crypto.DecryptionError):
        crypto.decrypt(key, bytes(box))


def test_sealed_boxes_open_only_with_the_private_key() -> None:
    mine, other = crypto.new_keypair(), crypto.new_keypair()
    sealed = crypto.seal(crypto.public_bytes(mine), b"kunci laporan")
    assert crypto.unseal(mine, sealed) == b"kunci laporan"
    with pytest.raises(crypto.DecryptionError):
        crypto.unseal(other, sealed)


def test_a_wrapped_key_opens_only_with_its_password() -> None:
    cost, salt = crypto.KdfCost.minimal(), crypto.random_salt()
    key = crypto.new_keypair()
    wrapped = crypto.wrap_private_key(key, "sandi-panjang-sekali", salt, cost)
    assert crypto.public_bytes(crypto.unwrap_private_key(wrapped, "sandi-panjang-sekali", salt, cost)) == (
        crypto.public_bytes(key)
    )
    with pytest.raises(crypto.DecryptionError):
        crypto.unwrap_private_key(wrapped, "sandi-lain", salt, cost)


def test_receipt_keys_are_deterministic_per_salt() -> None:
    cost, salt = crypto.KdfCost.minimal(), crypto.random_salt()
    receipt = crypto.new_receipt()
    first, again = crypto.receipt_keys(receipt, salt, cost), crypto.receipt_keys(receipt, salt, cost)
    assert first.lookup == again.lookup and first.public_key == again.public_key
    assert crypto.receipt_keys(receipt, crypto.random_salt(), cost).lookup != first.lookup
