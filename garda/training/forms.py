"""Training forms. The curriculum and the question bank are written as text and read line by line, every problem
named with its line."""

import string
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from garda.core.forms import DateInput, office_staff
from garda.core.models import User
from garda.core.roles import Role
from garda.training.bank import TOPIC_WORDS, BankError, parse
from garda.training.models import Audience, PublicGroup

# The five staff groups the issue names, as roles: counter, interview, decisions, intelligence, compliance.
ROLE_GROUPS = [
    (Role.COUNTER.value, _("Loket")),
    (Role.INTERVIEWER.value, _("Wawancara")),
    (Role.KASI.value, _("Keputusan: Kepala Seksi")),
    (Role.KAKANIM.value, _("Keputusan: Kepala Kantor")),
    (Role.KABID_INTEL.value, _("Intelijen: Kepala Bidang")),
    (Role.ANALYST.value, _("Intelijen: analis")),
    (Role.INVESTIGATOR.value, _("Kepatuhan internal")),
]
LETTERS = string.ascii_uppercase


class CourseForm(forms.Form):
    code = forms.SlugField(label=_("Kode"), max_length=24, help_text=_("Misalnya TPPO-LOKET-1."), allow_unicode=False)
    title = forms.CharField(label=_("Judul"), max_length=200)
    audience = forms.ChoiceField(label=_("Peserta"), choices=Audience.choices, widget=forms.RadioSelect)
    roles = forms.MultipleChoiceField(
        label=_("Wajib untuk peran (pelatihan pegawai)"),
        choices=ROLE_GROUPS,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    public_group = forms.ChoiceField(
        label=_("Kelompok masyarakat (pelatihan masyarakat)"),
        choices=[("", "—"), *PublicGroup.choices],
        required=False,
    )
    curriculum = forms.CharField(
        label=_("Kurikulum"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Satu materi per baris: topik | judul | jam. Topik: modus, indikator, sop atau hukum."),
    )
    refresher_months = forms.IntegerField(
        label=_("Penyegaran setiap (bulan)"),
        min_value=0,
        max_value=120,
        initial=12,
        help_text=_("0: tanpa penyegaran."),
    )
    pass_mark = forms.IntegerField(label=_("Nilai lulus tes akhir (0–100)"), min_value=0, max_value=100, initial=70)
    bank = forms.CharField(
        label=_("Bank soal (tes awal dan tes akhir)"),
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text=_(
            "Satu soal per blok, dipisah baris kosong. Baris pertama: [topik] pertanyaan. Lalu satu pilihan per "
            "baris: '*' untuk jawaban benar, '-' untuk yang lain."
        ),
    )

    def clean_code(self) -> str:
        return str(self.cleaned_data["code"]).upper()

    def clean_curriculum(self) -> list[dict[str, Any]]:
        modules, problems = [], []
        for number, line in enumerate(str(self.cleaned_data["curriculum"]).splitlines(), start=1):
            if not line.strip():
                continue
            parts = [p.strip() for p in line.split("|")]
            if len(parts) != 3 or parts[0].lower() not in TOPIC_WORDS or not parts[1]:
                problems.append(_("baris %(n)s: tulis topik | judul | jam") % {"n": number})
                continue
            try:
                hours = float(parts[2].replace(",", "."))
            except ValueError:
                hours = -1.0
            if not 0 < hours <= 40:
                problems.append(_("baris %(n)s: jam harus angka antara 0 dan 40") % {"n": number})
                continue
            modules.append({"topic": TOPIC_WORDS[parts[0].lower()].value, "title": parts[1], "hours": hours})
        if problems:
            raise forms.ValidationError(problems)
        return modules

    def clean_bank(self) -> list[Any]:
        try:
            return parse(str(self.cleaned_data["bank"]))
        except BankError as exc:
            raise forms.ValidationError(exc.problems) from exc

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("audience") == Audience.STAFF and not data.get("roles"):
            self.add_error("roles", _("Pilih peran yang wajib mengikuti pelatihan pegawai ini."))
        if data.get("audience") == Audience.PUBLIC and not data.get("public_group"):
            self.add_error("public_group", _("Pilih kelompok masyarakat peserta pelatihan ini."))
        return data

    def course_fields(self) -> dict[str, Any]:
        d = self.cleaned_data
        staff = d["audience"] == Audience.STAFF
        return {
            "code": d["code"],
            "title": d["title"],
            "audience": d["audience"],
            "roles": d["roles"] if staff else [],
            "public_group": "" if staff else d["public_group"],
            "curriculum": d["curriculum"],
            "refresher_months": d["refresher_months"],
            "pass_mark": d["pass_mark"],
        }


class SessionForm(forms.Form):
    held_on = forms.DateField(label=_("Tanggal"), widget=DateInput())
    place = forms.CharField(label=_("Tempat"), max_length=200)
    trainer = forms.CharField(label=_("Pelatih"), max_length=300)


class EnrolForm(forms.Form):
    users = forms.ModelMultipleChoiceField(
        label=_("Pegawai"), queryset=User.objects.none(), required=False, widget=forms.CheckboxSelectMultiple
    )
    participants = forms.CharField(
        label=_("Peserta masyarakat"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Satu orang per baris: nama; L atau P."),
    )

    def __init__(self, *args: Any, office_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["users"].queryset = office_staff(office_id)  # type: ignore[attr-defined]

    def clean_participants(self) -> list[tuple[str, str]]:
        people, problems = [], []
        for number, line in enumerate(str(self.cleaned_data["participants"]).splitlines(), start=1):
            if not line.strip():
                continue
            name, _sep, sex = (p.strip() for p in line.rpartition(";")) if ";" in line else (line.strip(), "", "")
            sex = {"L": "M", "P": "F"}.get(sex.upper(), "")
            if len(name) < 2 or not sex:
                problems.append(_("baris %(n)s: tulis nama; L atau P") % {"n": number})
                continue
            people.append((name, sex))
        if problems:
            raise forms.ValidationError(problems)
        return people

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not self.errors and not data.get("users") and not data.get("participants"):
            raise forms.ValidationError(_("Pilih pegawai atau tulis peserta masyarakat."))
        return data


class KeyedAnswersForm(forms.Form):
    """A paper test keyed by the trainer: one letter per question (A, B, …), '-' for a blank."""

    enrolment = forms.TypedChoiceField(label=_("Peserta"), coerce=int)
    phase = forms.ChoiceField(label=_("Tes"), choices=[("pre", _("Tes awal")), ("post", _("Tes akhir"))])
    letters = forms.CharField(
        label=_("Jawaban"),
        max_length=200,
        help_text=_("Satu huruf per soal, berurutan; '-' bila kosong. Misalnya: BADC-A"),
    )

    def __init__(self, *args: Any, enrolments: list[Any], questions: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.questions = questions
        self.fields["enrolment"].choices = [(e.pk, e.name) for e in enrolments]  # type: ignore[attr-defined]

    def clean_letters(self) -> list[int | None]:
        text = "".join(str(self.cleaned_data["letters"]).upper().split())
        if len(text) != len(self.questions):
            raise forms.ValidationError(_("%(n)s huruf untuk %(q)s soal") % {"n": len(text), "q": len(self.questions)})
        answers: list[int | None] = []
        for position, (letter, question) in enumerate(zip(text, self.questions, strict=True), start=1):
            if letter == "-":
                answers.append(None)
            elif letter in LETTERS[: len(question.choices)]:
                answers.append(LETTERS.index(letter))
            else:
                raise forms.ValidationError(
                    _("soal %(p)s: '%(l)s' bukan pilihan (A–%(last)s atau -)")
                    % {"p": position, "l": letter, "last": LETTERS[len(question.choices) - 1]}
                )
        return answers


class TakeTestForm(forms.Form):
    """The test as an officer takes it on their own account: one question per radio group."""

    def __init__(self, *args: Any, questions: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for q in questions:
            self.fields[f"q{q.position}"] = forms.TypedChoiceField(
                label=f"{q.position}. {q.text}",
                choices=[(i, c) for i, c in enumerate(q.choices)],
                coerce=int,
                widget=forms.RadioSelect,
                required=False,
            )
        self.questions = questions

    def answers(self) -> list[int | None]:
        return [
            self.cleaned_data.get(f"q{q.position}") if self.cleaned_data.get(f"q{q.position}") != "" else None
            for q in self.questions
        ]
