"""The exercises of the start-here notebook (``00-mulai-di-sini.ipynb``).

Two first exercises for people who have never written code: one answered
in a code cell (:data:`total_price`), one in a form of radio buttons
(:data:`run_key`). The notebook names them ``soal_1`` and ``soal_2``.
"""

from tokolab.exercises import ChoiceQuestion, ValueQuestion

total_price = ValueQuestion(
    37500,
    id="mulai.total_harga",
    variable="total",
    hints=["start.total_hint_1", "start.total_hint_2", "start.total_hint_3"],
    solution="start.total_solution",
    code="total = 3 * 12500\ntotal",
    right="start.total_right",
    mistakes=[
        # 3 * 12.500: the dot read as a decimal point.
        (37.5, "start.total_thousands_dot"),
        # The price of one pack, not multiplied.
        (12500, "start.total_one_pack"),
    ],
)
"""Bu Sari sells 3 packs of cassava chips at Rp 12.500: how much is that?"""

run_key = ChoiceQuestion.from_catalog(
    "start.run_key", "b", id="mulai.tombol_jalankan"
)
"""Which keys run the selected cell? (Shift+Enter)"""
