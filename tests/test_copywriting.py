"""The description checker on worked examples counted by hand."""

import shutil
from datetime import date

import openpyxl
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tokolab import InputError, set_language
from tokolab.copywriting import (
    FACTS,
    KINDS,
    CheckedProducts,
    Finding,
    check_description,
    check_products,
    count_characters,
    count_words,
    explain,
    findings_table,
    read_glossary,
    read_rules,
    split_sentences,
    summarise,
    write_checked_table,
)

# --- worked examples ---------------------------------------------------------

# A description that gets every kind of finding but the lengths.
BAD_TITLE = "Keripik Singkong Balado TERMURAH"
LONG_SENTENCE = (
    "Keripik ini kami goreng sendiri setiap pagi dengan minyak yang selalu "
    "baru lalu kami beri bumbu balado pedas manis buatan sendiri sehingga "
    "rasanya meresap sampai ke dalam."
)
BAD_DESCRIPTION = (
    "Keripik singkong balado paling renyah, dijamin 100% enak dan terbaik!\n"
    + LONG_SENTENCE
    + " Sistem PO 3 hari, bisa COD, terbuka untuk reseller dan dropship."
    " Terbaik di kelasnya."
)

# The same product described well: nothing to find.
GOOD_TITLE = "Keripik Singkong Balado 200 g"
GOOD_DESCRIPTION = (
    "Keripik singkong balado buatan rumah dari Malang.\n"
    "Bahan: singkong, cabai merah, bawang merah, gula, garam, minyak sawit.\n"
    "Rasa pedas manis dan renyah.\n"
    "Berat bersih 200 gram.\n"
    "Tahan 2 bulan dalam kemasan tertutup.\n"
    "Harga Rp 18.000 per bungkus.\n"
    "Dikirim setiap hari kerja dengan JNE atau J&T."
)


def of_kind(findings, kind):
    return [finding for finding in findings if finding.kind == kind]


def bad_findings():
    return check_description(BAD_TITLE, BAD_DESCRIPTION, category="makanan")


def test_good_description_gets_no_finding():
    findings = check_description(
        GOOD_TITLE, GOOD_DESCRIPTION, category="makanan"
    )
    assert findings == []
    assert explain(findings).startswith("Tidak ada temuan.")


def test_bad_description_lists_each_exaggeration_word_exactly():
    words = [
        (f.field, f.evidence, f.count)
        for f in of_kind(bad_findings(), "exaggeration")
    ]
    # Title: "TERMURAH". Description, in order of first use: "paling
    # renyah", "dijamin", "100%", and "terbaik" twice ("terbaik!" and
    # "Terbaik di kelasnya", one word in any letter case).
    assert words == [
        ("title", "TERMURAH", 1),
        ("description", "paling renyah", 1),
        ("description", "dijamin", 1),
        ("description", "100%", 1),
        ("description", "terbaik", 2),
    ]


def test_exaggeration_message_names_the_word_and_why():
    first = of_kind(bad_findings(), "exaggeration")[0]
    assert first.severity == "improve"
    assert 'Kata "TERMURAH" di judul (1 kali)' in first.message
    assert "Pembeli sulit percaya" in first.message


def test_bad_description_names_the_long_sentence_with_its_word_count():
    long = of_kind(bad_findings(), "long_sentence")

    # Keripik(1) ini(2) kami(3) goreng(4) sendiri(5) setiap(6) pagi(7)
    # dengan(8) minyak(9) yang(10) selalu(11) baru(12) lalu(13) kami(14)
    # beri(15) bumbu(16) balado(17) pedas(18) manis(19) buatan(20)
    # sendiri(21) sehingga(22) rasanya(23) meresap(24) sampai(25) ke(26)
    # dalam.(27): 27 words, more than 20. The other sentences have 10,
    # 11 and 3 words.
    assert len(long) == 1
    assert long[0].evidence == LONG_SENTENCE
    assert (long[0].count, long[0].limit) == (27, 20)
    assert long[0].message.startswith(
        'Kalimat "Keripik ini kami goreng sendiri setiap ..." punya 27 kata,'
        " lebih dari 20 kata."
    )


def test_bad_description_names_each_missing_fact():
    missing = of_kind(bad_findings(), "missing_fact")

    # No weight word or column, no material word, no "tahan ... hari"
    # (only "PO 3 hari"), no price word or column, no shipping word.
    assert [f.evidence for f in missing] == [
        "weight",
        "material",
        "expiry",
        "price",
        "shipping",
    ]
    messages = [f.message for f in missing]
    assert messages[0].startswith("Berat atau ukuran belum disebut.")
    assert messages[1].startswith("Bahan atau komposisi belum disebut.")
    assert messages[2].startswith("Tanggal kedaluwarsa")
    assert messages[3].startswith("Harga belum disebut.")
    assert messages[4].startswith("Cara dan waktu pengiriman")


def test_bad_description_explains_each_glossary_term():
    terms = of_kind(bad_findings(), "term")

    # PO, COD, reseller, dropship: in the order they are written.
    assert [(f.evidence, f.count, f.severity) for f in terms] == [
        ("PO", 1, "info"),
        ("COD", 1, "info"),
        ("reseller", 1, "info"),
        ("dropship", 1, "info"),
    ]
    assert terms[0].message.startswith(
        'Istilah "PO (pre-order)" mungkin belum dikenal semua pembeli.'
        " Artinya: Barang baru dibuat"
    )
    assert "membayar kepada kurir" in terms[1].message
    assert "menjualnya lagi" in terms[2].message
    assert "atas nama penjual itu" in terms[3].message


def test_bad_description_total_and_order():
    findings = bad_findings()

    # 5 exaggerations + 1 long sentence + 5 missing facts + 4 terms = 15,
    # reported kind by kind in the order of KINDS.
    assert len(findings) == 15
    kinds = [f.kind for f in findings]
    assert kinds == sorted(kinds, key=KINDS.index)


def test_explain_numbers_findings_most_pressing_first():
    findings = check_description(
        "Dodol", "", category="lainnya", price=10000, weight_g=250
    )
    # Empty description (fix) first, then material and shipping (improve).
    lines = explain(findings).split("\n")
    assert lines[0] == (
        "Ada 3 hal yang perlu diperhatikan, mulai dari yang paling penting:"
    )
    assert lines[1].startswith("1. (perlu diperbaiki) Deskripsi masih kosong.")
    assert lines[2].startswith("2. (sebaiknya diperbaiki) Bahan")
    assert lines[3].startswith("3. (sebaiknya diperbaiki) Cara dan waktu")


def test_findings_table_uses_words_people_read():
    table = findings_table(of_kind(bad_findings(), "missing_fact")[:1])
    assert list(table.columns) == [
        "Jenis temuan",
        "Tingkat",
        "Bagian",
        "Yang ditemukan",
        "Jumlah",
        "Batas",
        "Saran",
    ]
    assert table.iloc[0, :4].tolist() == [
        "fakta belum ada",
        "sebaiknya diperbaiki",
        "deskripsi",
        "berat atau ukuran",
    ]


def test_findings_table_shows_a_dash_where_there_is_no_limit():
    # 71 characters: "Keripik Tempe " (14) + "x" * 57 = 71 > Tokopedia's 70.
    # An empty description: too short to hold any fact, and no limit.
    title = "Keripik Tempe " + "x" * 57
    findings = check_description(title, "")
    table = findings_table(findings)

    limits = dict(zip(table["Jenis temuan"], table["Batas"], strict=True))
    assert limits["judul terlalu panjang"] == 70
    assert limits["deskripsi kosong"] == "-"
    # Never pandas' <NA>, in a notebook's table or its text.
    assert "&lt;NA&gt;" not in table.to_html()
    assert "<NA>" not in table.to_string()


# --- lengths -----------------------------------------------------------------


def description_lengths(description, marketplace="tokopedia"):
    findings = check_description("Dodol", description, marketplace)
    return of_kind(findings, "description_too_long")


def test_tokopedia_description_of_2000_characters_is_accepted():
    assert description_lengths("a" * 2000) == []


def test_tokopedia_description_of_2001_characters_is_too_long():
    (finding,) = description_lengths("a" * 2001)
    assert (finding.count, finding.limit, finding.severity) == (
        2001,
        2000,
        "fix",
    )
    # 2.000 is a checked fact: no note that the limit is provisional.
    assert finding.message.startswith(
        "Deskripsi punya 2.001 karakter, lebih dari batas Tokopedia yaitu "
        "2.000 karakter."
    )
    assert "sementara" not in finding.message


def test_line_breaks_and_accents_count_as_one_character():
    # 1998 + CR LF (one break) + 1 = 2000 characters.
    assert description_lengths("a" * 1998 + "\r\n" + "a") == []
    # "e" + combining acute accent is one character, "é": 1999 + 1.
    assert count_characters("a" * 1999 + "e\u0301") == 2000


def test_tokopedia_title_limit_is_marked_provisional():
    # 71 characters: "Keripik Tempe " (14) + "x" * 57 = 71 > 70.
    title = "Keripik Tempe " + "x" * 57
    (finding,) = of_kind(
        check_description(title, GOOD_DESCRIPTION), "title_too_long"
    )
    assert (finding.count, finding.limit, finding.field) == (71, 70, "title")
    assert finding.message.endswith(
        "Catatan: batas 70 karakter ini angka sementara; cocokkan dulu di "
        "Tokopedia."
    )
    # 70 characters are within the limit.
    assert of_kind(check_description(title[:-1], ""), "title_too_long") == []


def test_marketplace_is_chosen_in_any_letter_case():
    # Shopee's provisional description limit is 3000: 2001 is fine there.
    assert description_lengths("a" * 2001, "Shopee") == []
    with pytest.raises(InputError) as caught:
        check_description("Dodol", "", marketplace="blibli")
    error = caught.value
    assert (error.key, error.found) == (
        "copywriting.unknown_marketplace",
        "blibli",
    )
    assert str(error) == (
        "Marketplace 'blibli' tidak dikenal. Pilih salah satu: tokopedia, "
        "shopee, bukalapak, lazada."
    )


def test_rules_record_source_and_date_of_each_limit():
    rules = read_rules()
    tokopedia = rules.marketplaces["tokopedia"]
    assert tokopedia.description_max.value == 2000
    assert tokopedia.description_max.status == "fakta"
    assert tokopedia.title_max.status == "perlu dicek"
    for shop in rules.marketplaces.values():
        for limit in (shop.title_max, shop.description_max):
            assert limit.source and isinstance(limit.noted, date)
            if shop.key != "tokopedia":
                assert limit.status == "perlu dicek"


# --- sentences and words -----------------------------------------------------


def test_sentences_end_at_marks_and_line_breaks():
    written = "Satu dua. Tiga!\nEmpat? Harga Rp 25.000 saja.\n\n- Lima"
    # "Rp 25.000" keeps its dot: no space follows it.
    assert split_sentences(written) == [
        "Satu dua.",
        "Tiga!",
        "Empat?",
        "Harga Rp 25.000 saja.",
        "- Lima",
    ]


def test_words_are_counted_between_spaces():
    # Harga(1) Rp(2) 25.000(3) -(no letter or digit) murah!(4).
    assert count_words("Harga Rp 25.000 - murah!") == 4
    assert count_words("ibu-ibu sehari-hari") == 2


def test_sentence_threshold_comes_from_the_rules(tmp_path):
    path = write_rules(tmp_path, sentence_words=3)
    # "Keripik tempe renyah sekali." has 4 words, more than 3.
    (finding,) = of_kind(
        check_description(
            "Dodol", "Keripik tempe renyah sekali.", "toko", rules=path
        ),
        "long_sentence",
    )
    assert (finding.count, finding.limit) == (4, 3)


def test_words_match_whole_and_in_any_letter_case():
    def words(description):
        findings = check_description("Dodol", description)
        return [f.evidence for f in of_kind(findings, "exaggeration")]

    assert words("DIJAMIN enak.") == ["DIJAMIN"]
    # Part of a longer word: not the word itself.
    assert words("Rasa terbaiknya, pastikan coba.") == []
    # "Nomor  satu" with two spaces is the rule "nomor satu".
    assert words("Nomor  satu di Malang.") == ["Nomor satu"]


def test_how_often_a_word_is_found_is_said_in_words():
    # "Terbaik" twice in the description: Indonesian "2 kali", English
    # "found 2 times"; once is "1 kali" and "found once".
    (twice,) = check_description(
        "Dodol", "Terbaik. Dodol terbaik.", category="makanan"
    )[:1]
    assert (twice.kind, twice.count) == ("exaggeration", 2)
    assert twice.message.startswith(
        'Kata "Terbaik" di deskripsi (2 kali) terlalu melebih-lebihkan.'
    )

    set_language("en")
    (twice,) = check_description("Dodol", "Terbaik. Dodol terbaik.")[:1]
    assert twice.message.startswith(
        'The word "Terbaik" in the description (found 2 times) exaggerates.'
    )
    (once,) = check_description("Dodol", "Dijamin enak.")[:1]
    assert once.message.startswith(
        'The word "Dijamin" in the description (found once) exaggerates.'
    )


def test_units_are_found_next_to_numbers():
    def missing(description, **fields):
        findings = check_description("Dodol", description, **fields)
        return [f.evidence for f in of_kind(findings, "missing_fact")]

    # "250gr" states the weight; "Rp25.000" the price.
    assert "weight" not in missing("Isi 250gr.")
    assert "price" not in missing("Cuma Rp25.000.")
    # A filled weight or price column counts; NaN does not.
    assert "weight" not in missing("", weight_g=250.0)
    assert "weight" in missing("", weight_g=float("nan"))
    assert "price" not in missing("", price=25000)


def test_expiry_is_asked_only_for_food_and_drink():
    def asks_expiry(category):
        findings = check_description("Dodol", "", category=category)
        return "expiry" in [f.evidence for f in findings]

    assert asks_expiry("makanan") and asks_expiry("Minuman")
    assert not asks_expiry("kerajinan")
    assert not asks_expiry(None)
    with pytest.raises(InputError) as caught:
        check_description("Dodol", "", category="jajan")
    assert caught.value.key == "copywriting.unknown_category"
    assert str(caught.value) == (
        "Kategori 'jajan' tidak dikenal. Pilih salah satu: makanan, minuman, "
        "kerajinan, pakaian, lainnya, atau kosongkan."
    )


def test_expiry_written_as_shelf_life_counts():
    findings = check_description(
        "Dodol", "Tahan hingga 3 bulan.", category="makanan"
    )
    assert "expiry" not in [f.evidence for f in findings]


# --- language ----------------------------------------------------------------


def test_english_switch_changes_every_message():
    set_language("en")
    findings = bad_findings()

    exaggeration = of_kind(findings, "exaggeration")[0]
    assert exaggeration.message.startswith(
        'The word "TERMURAH" in the title (found once) exaggerates.'
    )
    long = of_kind(findings, "long_sentence")[0]
    assert "has 27 words, more than 20." in long.message
    missing = of_kind(findings, "missing_fact")[0]
    assert missing.message.startswith("The weight or size is not given.")
    term = of_kind(findings, "term")[0]
    # The glossary's English explanation.
    assert "It means: The item is made or ordered only after" in term.message
    assert summarise(findings).startswith("Findings: 5 exaggerating word(s)")
    assert explain(findings).startswith("15 points need attention")


# --- the product list --------------------------------------------------------


def test_check_products_counts_per_product(fixtures):
    checked = check_products(fixtures / "products" / "produk.csv")
    summary = checked.summary.set_index("code")

    # SR-01: all facts stated (weight and price in their columns), no
    # term, short sentences: 0.
    # SR-02: "Terbaik" (title), "paling enak", "Dijamin": 3 words;
    # weight, material, expiry, shipping missing (price in its column):
    # 4 facts; COD: 1 term. 3 + 4 + 1 = 8.
    # SR-03: one sentence of 34 words; PO and reseller: 2 terms. 1 + 2 = 3.
    # SR-04: empty description; material, expiry, shipping missing
    # (weight 1.500 g and price in their columns): 1 + 3 = 4.
    assert summary["findings"].to_dict() == {
        "SR-01": 0,
        "SR-02": 8,
        "SR-03": 3,
        "SR-04": 4,
    }
    assert summary.loc["SR-02", "exaggeration"] == 3
    assert summary.loc["SR-02", "missing_fact"] == 4
    assert summary.loc["SR-02", "term"] == 1
    assert summary.loc["SR-03", "long_sentence"] == 1
    assert summary.loc["SR-03", "term"] == 2
    assert summary.loc["SR-04", "description_empty"] == 1
    assert summary.loc["SR-04", "missing_fact"] == 3
    assert list(checked.summary.columns) == [
        "code",
        "name",
        "findings",
        *KINDS,
        "summary",
    ]


def test_check_products_summary_sentences(fixtures):
    checked = check_products(fixtures / "products" / "produk.csv")
    assert checked.summary["summary"].tolist() == [
        "Sudah baik: tidak ada temuan.",
        "Temuan: 3 kata berlebihan; belum ada berat atau ukuran, bahan, "
        "kedaluwarsa, pengiriman; 1 istilah perlu dijelaskan.",
        "Temuan: 1 kalimat terlalu panjang; 2 istilah perlu dijelaskan.",
        "Temuan: deskripsi kosong; belum ada bahan, kedaluwarsa, pengiriman.",
    ]


def test_check_products_long_table_has_every_finding(fixtures):
    checked = check_products(fixtures / "products" / "produk.csv")
    findings = checked.findings

    # 0 + 8 + 3 + 4 = 15 rows.
    assert len(findings) == 15
    sentence = findings[findings["kind"] == "long_sentence"].iloc[0]
    # Tas(1) anyaman(2) pandan(3) ini(4) dibuat(5) dengan(6) tangan(7)
    # oleh(8) ibu-ibu(9) pengrajin(10) di(11) desa(12) kami(13) yang(14)
    # sudah(15) berpengalaman(16) menganyam(17) selama(18) puluhan(19)
    # tahun(20) sehingga(21) setiap(22) tas(23) punya(24) motif(25)
    # yang(26) sedikit(27) berbeda(28) dan(29) sangat(30) kuat(31)
    # untuk(32) dipakai(33) sehari-hari.(34)
    assert (sentence["code"], sentence["count"], sentence["limit"]) == (
        "SR-03",
        34,
        20.0,
    )
    assert findings[findings["code"] == "SR-03"]["evidence"].tolist()[1:] == [
        "PO",
        "reseller",
    ]


def test_check_products_takes_a_table_too(fixtures):
    from tokolab.products import read_products

    products = read_products(fixtures / "products" / "produk.csv")
    checked = check_products(products, marketplace="shopee")
    assert isinstance(checked, CheckedProducts)
    assert checked.source == str(fixtures / "products" / "produk.csv")
    with pytest.raises(InputError) as caught:
        check_products(products.drop(columns=["description"]))
    assert caught.value.key == "copywriting.products_missing_columns"
    assert caught.value.expected == "description"
    # No code names in the sentence.
    assert "read_products" not in str(caught.value)
    assert str(caught.value).startswith(
        f"{fixtures / 'products' / 'produk.csv'} tidak punya kolom "
        "description. Kolom yang ada: code, name, category, price, weight_g, "
        "photo, row."
    )

    # A table made in a notebook has no file: the sentence names the table.
    typed = pd.DataFrame({"code": ["A"], "name": ["Dodol"]})
    with pytest.raises(InputError) as caught:
        check_products(typed)
    assert str(caught.value).startswith(
        "Tabel produk tidak punya kolom description. Kolom yang ada: code, "
        "name."
    )


def test_write_checked_table_csv_and_xlsx(fixtures, tmp_path):
    checked = check_products(fixtures / "products" / "produk.csv")

    # CSV: one row per finding, Indonesian headers, BOM for Excel.
    path = write_checked_table(checked, tmp_path / "hasil.csv")
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    table = pd.read_csv(path, encoding="utf-8-sig")
    assert len(table) == 15
    assert list(table.columns[:3]) == ["Kode", "Nama produk", "Jenis temuan"]

    summary = write_checked_table(
        checked, tmp_path / "ringkasan.csv", table="summary"
    )
    assert len(pd.read_csv(summary, encoding="utf-8-sig")) == 4

    # XLSX: two sheets; header row + 4 products, header row + 15 findings.
    workbook = openpyxl.load_workbook(
        write_checked_table(checked, tmp_path / "hasil.xlsx")
    )
    assert workbook.sheetnames == ["Ringkasan", "Temuan"]
    assert workbook["Ringkasan"].max_row == 5
    assert workbook["Temuan"].max_row == 16
    assert workbook["Ringkasan"]["A2"].value == "SR-01"

    # Nothing left behind but the three files.
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "hasil.csv",
        "hasil.xlsx",
        "ringkasan.csv",
    ]


def test_write_checked_table_never_overwrites_the_product_list(
    fixtures, tmp_path
):
    path = tmp_path / "produk.csv"
    shutil.copy(fixtures / "products" / "produk.csv", path)
    before = path.read_bytes()
    checked = check_products(path)

    # The same file, also under another spelling.
    for target in (path, tmp_path / "." / "produk.csv"):
        with pytest.raises(InputError) as caught:
            write_checked_table(checked, target)
        assert caught.value.key == "copywriting.would_overwrite_input"
        assert "tertimpa" in str(caught.value)

    with pytest.raises(InputError) as caught:
        write_checked_table(checked, tmp_path / "hasil.txt")
    assert caught.value.key == "copywriting.bad_output"
    assert str(caught.value) == (
        f"Berkas hasil {tmp_path / 'hasil.txt'} harus berakhiran .csv, .xlsx,"
        " bukan .txt. Ganti akhiran nama berkasnya."
    )

    with pytest.raises(InputError) as caught:
        write_checked_table(checked, tmp_path / "hasil.csv", table="semua")
    assert caught.value.key == "copywriting.bad_table_choice"
    assert str(caught.value) == (
        "Tabel 'semua' tidak dikenal. Pilih salah satu: findings, summary."
    )
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["produk.csv"]


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_write_checked_table_makes_the_folder(fixtures, tmp_path, suffix):
    checked = check_products(fixtures / "products" / "produk.csv")

    path = write_checked_table(checked, tmp_path / "baru" / f"hasil{suffix}")

    assert path.is_file()
    assert [p.name for p in path.parent.iterdir()] == [f"hasil{suffix}"]


def test_write_checked_table_says_why_it_cannot_write(fixtures, tmp_path):
    checked = check_products(fixtures / "products" / "produk.csv")
    (tmp_path / "hasil.csv").mkdir()
    (tmp_path / "berkas").write_text("bukan folder")

    # A folder named like the output: no IsADirectoryError.
    with pytest.raises(InputError) as caught:
        write_checked_table(checked, tmp_path / "hasil.csv")
    assert caught.value.key == "common.cannot_write"
    assert str(caught.value).endswith(
        "nama itu sudah dipakai oleh sebuah folder. Pilih nama berkas yang "
        "lain."
    )

    # A file where the folder should be: no FileNotFoundError.
    with pytest.raises(InputError) as caught:
        write_checked_table(checked, tmp_path / "berkas" / "hasil.xlsx")
    assert caught.value.key == "common.cannot_write"
    assert "ternyata sebuah berkas, bukan folder" in str(caught.value)
    assert (tmp_path / "berkas").read_text() == "bukan folder"


def test_bad_product_list_gives_the_reader_s_error(fixtures):
    with pytest.raises(InputError) as caught:
        check_products(fixtures / "products" / "produk_with_problems.csv")
    assert caught.value.key == "products.malformed_price"


# --- the rules file and the glossary ----------------------------------------

RULES = """\
[kalimat]
kata_maks = {sentence_words}

[berlebihan]
kata = ["terbaik"]

[fakta.harga]
kata = ["harga"]

[marketplace.toko]
nama = "Toko Contoh"

[marketplace.toko.judul_maks]
nilai = 10
status = "fakta"
sumber = "uji"
tanggal = 2026-12-03
"""


def write_rules(tmp_path, sentence_words=20, extra=""):
    path = tmp_path / "aturan.toml"
    path.write_text(RULES.format(sentence_words=sentence_words) + extra)
    return path


def test_rules_file_can_be_overridden(tmp_path):
    path = write_rules(tmp_path)
    # 11 characters, more than 10; only the price fact is checked.
    findings = check_description(
        "Dodol Apel!", "Enak.", marketplace="toko", rules=path
    )
    assert [(f.kind, f.evidence) for f in findings] == [
        ("title_too_long", "Dodol Apel!"),
        ("missing_fact", "price"),
    ]
    # A checked limit carries no note.
    assert findings[0].message.endswith("ukuran.")


@pytest.mark.parametrize(
    ("extra", "key", "column"),
    [
        ("[lainnya]\n", "copywriting.unknown_key", "lainnya"),
        (
            '[marketplace.x]\nnama = "X"\njudul_maks = { nilai = 0, '
            'status = "fakta", sumber = "s", tanggal = 2026-12-03 }\n',
            "copywriting.bad_value",
            "nilai",
        ),
        (
            '[marketplace.y]\nnama = "Y"\njudul_maks = { nilai = 5, '
            'status = "resmi", sumber = "s", tanggal = 2026-12-03 }\n',
            "copywriting.bad_value",
            "status",
        ),
        (
            '[marketplace.z]\nnama = "Z"\njudul_maks = { nilai = 5, '
            'status = "fakta", sumber = "s" }\n',
            "copywriting.missing_key",
            "tanggal",
        ),
    ],
)
def test_mistakes_in_the_rules_file_are_named(tmp_path, extra, key, column):
    path = write_rules(tmp_path, extra=extra)
    with pytest.raises(InputError) as caught:
        read_rules(path)
    error = caught.value
    assert (error.key, error.column, error.path) == (key, column, str(path))
    assert str(path) in str(error)
    assert column in str(error)


def with_sources(kalimat="", berlebihan=""):
    """The test rules with lines added to [kalimat] and [berlebihan]."""
    return (
        RULES.format(sentence_words=20)
        .replace("[kalimat]\n", "[kalimat]\n" + kalimat)
        .replace("[berlebihan]\n", "[berlebihan]\n" + berlebihan)
    )


def test_the_sections_sources_are_read(tmp_path):
    path = tmp_path / "aturan.toml"
    path.write_text(
        with_sources(
            kalimat='status = "pilihan kit"\nsumber = "tim"\n'
            "tanggal = 2026-12-03\n"
        )
    )

    rules = read_rules(path)

    assert rules.provenance["kalimat"].status == "pilihan kit"
    assert rules.provenance["kalimat"].source == "tim"
    assert rules.provenance["kalimat"].noted == date(2026, 12, 3)
    # [berlebihan] records none here.
    assert "berlebihan" not in rules.provenance


def test_the_package_rules_record_every_source():
    rules = read_rules()
    for section in ("kalimat", "berlebihan"):
        assert rules.provenance[section].status == "pilihan kit"
        assert rules.provenance[section].noted == date(2026, 12, 3)


@pytest.mark.parametrize(
    ("kalimat", "berlebihan", "key", "column", "found"),
    [
        # A status no one knows.
        (
            'status = "resmi"\nsumber = "s"\ntanggal = 2026-12-03\n',
            "",
            "copywriting.bad_value",
            "status",
            "'resmi'",
        ),
        # An empty source.
        (
            "",
            'status = "fakta"\nsumber = " "\ntanggal = 2026-12-03\n',
            "copywriting.bad_value",
            "sumber",
            "' '",
        ),
        # A date written as text.
        (
            'status = "fakta"\nsumber = "s"\ntanggal = "3 Des 2026"\n',
            "",
            "copywriting.bad_value",
            "tanggal",
            "'3 Des 2026'",
        ),
        # A status without its source and date.
        (
            "",
            'status = "pilihan kit"\n',
            "copywriting.missing_key",
            "sumber",
            "-",
        ),
    ],
)
def test_the_sections_sources_are_checked(
    tmp_path, kalimat, berlebihan, key, column, found
):
    path = tmp_path / "aturan.toml"
    path.write_text(with_sources(kalimat, berlebihan))

    with pytest.raises(InputError) as caught:
        read_rules(path)

    error = caught.value
    assert (error.key, error.column, error.found) == (key, column, found)
    section = "kalimat" if kalimat else "berlebihan"
    assert f"bagian [{section}]" in str(error)


def test_the_photo_limits_are_read_with_their_sources():
    photo = read_rules().photo

    assert (photo.min_side.value, photo.max_side.value) == (500, 1024)
    assert photo.max_bytes.value == 300_000
    for limit in (photo.min_side, photo.max_side, photo.max_bytes):
        assert limit.status == "pilihan kit"
        assert limit.source and limit.noted == date(2026, 12, 3)


def test_photo_limits_that_contradict_are_refused(tmp_path):
    limit = 'status = "pilihan kit", sumber = "s", tanggal = 2026-12-03 }'
    path = write_rules(
        tmp_path,
        extra=(
            "[foto]\n"
            f"sisi_min = {{ nilai = 900, {limit}\n"
            f"sisi_maks = {{ nilai = 800, {limit}\n"
            f"ukuran_maks = {{ nilai = 300000, {limit}\n"
        ),
    )

    with pytest.raises(InputError) as caught:
        read_rules(path)

    assert (caught.value.column, caught.value.found) == ("sisi_min", "900")
    assert str(caught.value) == (
        f"Berkas {path}, bagian [foto]: isian 'sisi_min' berisi 900. "
        "Diharapkan angka yang tidak lebih dari sisi_maks (800)."
    )


def test_rules_file_that_is_not_toml(tmp_path):
    path = tmp_path / "aturan.toml"
    path.write_text("[kalimat\n")
    with pytest.raises(InputError) as caught:
        read_rules(path)
    error = caught.value
    assert error.key == "copywriting.not_toml"
    # "[kalimat" lacks its "]": tomllib stops at line 1, column 9.
    assert (error.row, error.column) == (1, 9)
    assert str(error) == (
        f"Berkas {path} tidak bisa dibaca: ada salah tulis di baris 1, kolom "
        "9. Periksa tanda kutip, tanda = dan kurung siku di baris itu dan "
        "baris sebelumnya."
    )
    set_language("en")
    assert str(error).startswith(
        f"File {path} cannot be read: there is a writing mistake on line 1, "
        "column 9."
    )
    set_language("id")

    # A quote never closed: the file ends inside it, on its 2nd line.
    path.write_text('[kalimat]\nkata_maks = "20\n')
    with pytest.raises(InputError) as caught:
        read_rules(path)
    assert "Invalid" not in str(caught.value)
    assert caught.value.row == 2

    path.write_bytes(b"[kalimat]\nkata_maks = 20 # \xe9\n")
    with pytest.raises(InputError) as caught:
        read_rules(path)
    assert caught.value.key == "copywriting.not_utf8"
    with pytest.raises(InputError) as caught:
        read_rules(tmp_path / "tidak-ada.toml")
    assert caught.value.key == "common.file_not_found"


def test_a_missing_course_glossary_is_said_plainly(tmp_path, monkeypatch):
    import tokolab.copywriting

    missing = tmp_path / "course" / "glosarium.toml"
    monkeypatch.setattr(tokolab.copywriting, "DEFAULT_GLOSSARY_PATH", missing)

    with pytest.raises(InputError) as caught:
        read_glossary()

    assert caught.value.key == "copywriting.glossary_missing"
    assert str(caught.value) == (
        f"Glosarium kursus {missing} tidak ditemukan. Glosarium ada di "
        "folder course/ proyek tokolab, jadi buka notebook dari salinan "
        "lengkap proyek itu. Kalau masih gagal, minta bantuan pemateri."
    )


def test_course_glossary_is_read():
    terms = read_glossary()
    names = [term.term for term in terms]
    for expected in (
        "PO (pre-order)",
        "COD (cash on delivery)",
        "reseller",
        "dropship",
        "BPOM",
        "P-IRT",
        "halal MUI",
    ):
        assert expected in names
    assert all(term.explanation and term.spellings for term in terms)


def test_glossary_can_be_overridden(tmp_path):
    path = tmp_path / "glosarium.toml"
    path.write_text(
        '[[istilah]]\nistilah = "gift card"\n'
        'penjelasan = "Kartu ucapan kecil di dalam paket."\n'
    )
    # No "cari": the term itself is looked for; no English: Indonesian.
    findings = check_description("Dodol", "Bonus GIFT  CARD.", glossary=path)
    (term,) = of_kind(findings, "term")
    assert term.evidence == "GIFT CARD"
    set_language("en")
    findings = check_description("Dodol", "Bonus gift card.", glossary=path)
    assert (
        "It means: Kartu ucapan kecil" in of_kind(findings, "term")[0].message
    )


def test_mistake_in_the_glossary_is_named(tmp_path):
    path = tmp_path / "glosarium.toml"
    path.write_text('[[istilah]]\nistilah = "COD"\narti = "bayar di tempat"\n')
    with pytest.raises(InputError) as caught:
        read_glossary(path)
    error = caught.value
    assert (error.key, error.column) == ("copywriting.unknown_key", "arti")
    assert "istilah ke-1" in str(error)
    set_language("en")
    assert "term 1" in str(error)


# --- any text ----------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(
    title=st.text(max_size=120),
    description=st.one_of(
        st.text(max_size=400),
        st.lists(
            st.sampled_from(
                [
                    "terbaik",
                    "paling",
                    "100%",
                    "PO",
                    "250gr",
                    "tahan",
                    "3",
                    "bulan",
                    ".",
                    "\n",
                    " ",
                    "\r\n",
                    "é",
                    "-",
                    "*",
                    "(",
                    "#1",
                ]
            ),
            max_size=60,
        ).map(" ".join),
    ),
    category=st.sampled_from([None, "", "makanan", "kerajinan", "MINUMAN"]),
    price=st.one_of(st.none(), st.integers(), st.floats()),
    weight_g=st.one_of(st.none(), st.floats()),
    marketplace=st.sampled_from(["tokopedia", "shopee", "bukalapak", "lazada"]),
)
def test_any_text_gives_a_list_of_findings(
    title, description, category, price, weight_g, marketplace
):
    findings = check_description(
        title, description, marketplace, category, price, weight_g
    )
    assert isinstance(findings, list)
    assert all(isinstance(f, Finding) for f in findings)
    assert {f.kind for f in findings} <= set(KINDS)
    missing = [f.evidence for f in findings if f.kind == "missing_fact"]
    assert set(missing) <= set(FACTS)
    assert isinstance(explain(findings), str)
