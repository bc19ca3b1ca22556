"""Output files: whole or not at all, never over an input, plain reasons."""

import errno
import os
from pathlib import Path

import pytest

from tokolab import InputError, set_language
from tokolab.files import (
    OUTPUT_VARIABLE,
    output_folder,
    output_folder_path,
    reason_for,
    refuse_inputs,
    same_file,
    write_whole,
)


def leftovers(folder):
    """Temporary files left in a folder (there should be none)."""
    return [path.name for path in folder.iterdir() if path.suffix == ".tmp"]


def test_bytes_are_written_and_the_folder_is_made(tmp_path):
    target = tmp_path / "hasil" / "baru" / "kalender.ics"

    written = write_whole(target, b"BEGIN:VCALENDAR\r\n")

    assert written == target
    assert target.read_bytes() == b"BEGIN:VCALENDAR\r\n"
    assert leftovers(target.parent) == []


def test_an_existing_output_is_replaced_whole(tmp_path):
    target = tmp_path / "rencana.csv"
    target.write_bytes(b"lama\n" * 100)

    write_whole(target, b"baru\n")

    assert target.read_bytes() == b"baru\n"
    assert leftovers(tmp_path) == []


def test_an_input_is_never_overwritten(tmp_path):
    products = tmp_path / "produk.csv"
    products.write_bytes(b"kode,nama\nSR-01,Keripik\n")

    # The same file under another spelling: "x/../produk.csv".
    (tmp_path / "x").mkdir()
    for name in (products, tmp_path / "x" / ".." / "produk.csv"):
        with pytest.raises(InputError) as caught:
            write_whole(name, b"PNG", inputs=[None, str(products)])

        error = caught.value
        assert error.key == "common.would_overwrite_input"
        assert error.path == str(name)
        assert str(error).startswith(
            f"Berkas hasil tidak ditulis ke {name}, karena berkas itu adalah "
            "berkas masukan"
        )
        assert products.read_bytes() == b"kode,nama\nSR-01,Keripik\n"
    assert leftovers(tmp_path) == []

    set_language("en")
    assert str(error).startswith(
        f"The result was not written to {name}, because that file is an input"
    )


def test_a_link_to_an_input_is_the_input(tmp_path):
    photo = tmp_path / "SR-01.jpg"
    photo.write_bytes(b"\xff\xd8asli")
    link = tmp_path / "tautan.jpg"
    link.symlink_to(photo)

    assert same_file(link, photo)
    with pytest.raises(InputError) as caught:
        refuse_inputs(
            link, [photo], key="productcatalog.would_overwrite_original"
        )
    assert caught.value.key == "productcatalog.would_overwrite_original"
    assert photo.read_bytes() == b"\xff\xd8asli"


def test_a_file_not_there_yet_is_no_input(tmp_path):
    assert not same_file(tmp_path / "a.png", tmp_path / "b.png")
    assert same_file(tmp_path / "a.png", tmp_path / "." / "a.png")


def test_a_folder_of_that_name_is_said_plainly(tmp_path):
    (tmp_path / "hasil.csv").mkdir()

    with pytest.raises(InputError) as caught:
        write_whole(tmp_path / "hasil.csv", b"x")

    error = caught.value
    assert error.key == "common.cannot_write"
    assert str(error) == (
        f"Berkas {tmp_path / 'hasil.csv'} tidak bisa ditulis: nama itu sudah "
        "dipakai oleh sebuah folder. Pilih nama berkas yang lain."
    )
    set_language("en")
    assert str(error) == (
        f"File {tmp_path / 'hasil.csv'} cannot be written: that name already "
        "belongs to a folder. Choose another file name."
    )


@pytest.mark.parametrize("inside", [["x.csv"], ["a", "x.csv"]])
def test_a_file_where_a_folder_should_be(tmp_path, inside):
    (tmp_path / "catatan").write_text("bukan folder")

    with pytest.raises(InputError) as caught:
        write_whole(tmp_path.joinpath("catatan", *inside), b"x")

    # mkdir says EEXIST for catatan/x.csv, ENOTDIR for catatan/a/x.csv:
    # the same plain reason for both.
    assert caught.value.key == "common.cannot_write"
    assert "ternyata sebuah berkas, bukan folder" in str(caught.value)
    assert (tmp_path / "catatan").read_text() == "bukan folder"


def test_a_full_disk_leaves_the_old_file_and_no_temporary(
    tmp_path, monkeypatch
):
    target = tmp_path / "katalog.png"
    target.write_bytes(b"halaman lama")

    def full(descriptor, data):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "write", full)
    with pytest.raises(InputError) as caught:
        write_whole(target, b"halaman baru")
    monkeypatch.undo()

    assert str(caught.value).endswith(
        "tempat penyimpanan (disk) sudah penuh. Hapus berkas yang tidak "
        "dipakai lagi, lalu coba lagi."
    )
    assert "No space" not in str(caught.value)
    assert target.read_bytes() == b"halaman lama"
    assert leftovers(tmp_path) == []


def test_no_permission_is_said_plainly(tmp_path, monkeypatch):
    # The tests may run as root, who may write anywhere: refuse by hand.
    def refused(*arguments, **keywords):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(os, "open", refused)
    with pytest.raises(InputError) as caught:
        write_whole(tmp_path / "a.csv", b"x")
    monkeypatch.undo()

    assert str(caught.value) == (
        f"Berkas {tmp_path / 'a.csv'} tidak bisa ditulis: Anda tidak punya "
        "izin menulis di situ. Pilih folder Anda sendiri, misalnya folder "
        "notebook ini."
    )
    assert not (tmp_path / "a.csv").exists()


@pytest.mark.parametrize(
    ("number", "key"),
    [
        (errno.ENOENT, "common.reason_no_folder"),
        (errno.EISDIR, "common.reason_is_folder"),
        (errno.ENOTDIR, "common.reason_not_a_folder"),
        (errno.EEXIST, "common.reason_not_a_folder"),
        (errno.EACCES, "common.reason_no_permission"),
        (errno.EPERM, "common.reason_no_permission"),
        (errno.EROFS, "common.reason_no_permission"),
        (errno.ENOSPC, "common.reason_disk_full"),
        (errno.ENAMETOOLONG, "common.reason_name_too_long"),
    ],
)
def test_common_refusals_have_their_own_sentence(number, key):
    assert reason_for(OSError(number, "whatever")).key == key


def test_an_uncommon_refusal_names_its_code_for_the_tutor():
    reason = reason_for(OSError(errno.EIO, "Input/output error"))

    assert reason.key == "common.reason_other"
    assert str(reason) == (
        "komputer menolak menulisnya (kode EIO). Coba sekali lagi. Kalau "
        "tetap gagal, tunjukkan pesan ini kepada pemateri."
    )
    # The sentence is written when shown, in that moment's language.
    set_language("en")
    assert str(reason).startswith("the computer refused to write it (code EIO)")


# --- the output folder -------------------------------------------------------


def test_output_folder_is_hasil_beside_the_notebook(tmp_path, monkeypatch):
    monkeypatch.delenv(OUTPUT_VARIABLE, raising=False)
    monkeypatch.chdir(tmp_path)
    assert OUTPUT_VARIABLE == "TOKOLAB_HASIL"

    # Named without making it, then made.
    assert output_folder_path() == Path("hasil")
    assert not (tmp_path / "hasil").exists()
    assert output_folder() == Path("hasil")
    assert (tmp_path / "hasil").is_dir()

    # Another default; an empty variable counts as not set.
    monkeypatch.setenv(OUTPUT_VARIABLE, "")
    assert output_folder("keluaran") == Path("keluaran")
    assert (tmp_path / "keluaran").is_dir()


def test_output_folder_follows_the_environment_variable(tmp_path, monkeypatch):
    monkeypatch.setenv(OUTPUT_VARIABLE, str(tmp_path / "lain" / "hasil"))
    assert output_folder_path("hasil") == tmp_path / "lain" / "hasil"
    assert output_folder("hasil") == tmp_path / "lain" / "hasil"
    assert (tmp_path / "lain" / "hasil").is_dir()


def test_output_folder_that_cannot_be_made_is_said_plainly(
    tmp_path, monkeypatch
):
    # A file already has the folder's name.
    (tmp_path / "hasil").write_text("bukan folder")
    monkeypatch.setenv(OUTPUT_VARIABLE, str(tmp_path / "hasil"))

    with pytest.raises(InputError) as caught:
        output_folder()

    error = caught.value
    assert error.key == "common.cannot_write"
    assert error.path == str(tmp_path / "hasil")
    assert str(error) == (
        f"Berkas {tmp_path / 'hasil'} tidak bisa ditulis: nama folder "
        "hasil ternyata sebuah berkas, bukan folder. Pindahkan atau ganti "
        "nama berkas itu, atau pilih nama lain untuk folder hasil, lalu "
        "jalankan sel ini lagi."
    )
    assert (tmp_path / "hasil").read_text() == "bukan folder"
