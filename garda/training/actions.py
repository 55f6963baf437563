"""Every state change of training (pages call these; each records one audit event): a course with its question
bank, a session planned, people enrolled, attendance, test answers, and the close that issues certificates."""

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from garda.core import audit
from garda.core.access import has_capability
from garda.core.models import Office, User
from garda.core.numbering import new_verification_code, next_number
from garda.core.roles import Capability
from garda.training.analysis import score
from garda.training.bank import ParsedQuestion
from garda.training.models import Course, Enrolment, Question, Session, SessionStatus

PRE, POST = "pre", "post"


@dataclass(frozen=True)
class Participant:
    name: str
    sex: str


def do_create_course(*, acting_user: User, fields: dict[str, Any], questions: list[ParsedQuestion]) -> Course:
    if Course.objects.filter(code=fields["code"]).exists():
        raise ValidationError({"code": f"kode {fields['code']} sudah dipakai"})
    with transaction.atomic():
        course = Course.objects.create(**fields)
        Question.objects.bulk_create(
            Question(course=course, position=i, text=q.text, choices=q.choices, answer=q.answer, topic=q.topic)
            for i, q in enumerate(questions, start=1)
        )
        audit.record(
            "training.course_create",
            actor=acting_user,
            obj=course,
            summary=f"Kursus {course.code} {course.title}: {len(questions)} soal",
            after={"audience": course.audience, "roles": course.roles, "questions": len(questions)},
        )
    return course


def do_plan_session(
    *, acting_user: User, course: Course, office: Office, held_on: date, place: str, trainer: str
) -> Session:
    with transaction.atomic():
        session = Session.objects.create(
            number=next_number(Session.objects.all(), "number", f"PLT-{held_on.year}-", 4),
            course=course,
            office=office,
            held_on=held_on,
            place=place,
            trainer=trainer,
        )
        audit.record(
            "training.session_plan",
            actor=acting_user,
            office=office,
            obj=session,
            summary=f"{session.number}: {course.code} pada {held_on}, {place}",
        )
    return session


def _open(session: Session) -> None:
    if session.status == SessionStatus.CLOSED:
        raise ValidationError("sesi ini sudah ditutup")


def do_enrol(
    session: Session, *, acting_user: User, users: list[User], participants: list[Participant]
) -> list[Enrolment]:
    _open(session)
    already = set(session.enrolments.filter(user__isnull=False).values_list("user_id", flat=True))
    with transaction.atomic():
        made = Enrolment.objects.bulk_create(
            [Enrolment(session=session, user=u, name=u.full_name, sex="") for u in users if u.pk not in already]
            + [Enrolment(session=session, name=p.name, sex=p.sex) for p in participants]
        )
        audit.record(
            "training.enrol",
            actor=acting_user,
            office=session.office,
            obj=session,
            summary=f"{session.number}: {len(made)} peserta didaftarkan",
        )
    return made


def do_record_attendance(session: Session, *, acting_user: User, present: set[int]) -> None:
    _open(session)
    with transaction.atomic():
        session.enrolments.update(attended=False)
        session.enrolments.filter(pk__in=present).update(attended=True)
        audit.record(
            "training.attendance",
            actor=acting_user,
            office=session.office,
            obj=session,
            summary=f"{session.number}: {len(present)} hadir",
        )


def do_record_answers(enrolment: Enrolment, *, acting_user: User, phase: str, answers: list[int | None]) -> Enrolment:
    """A participant answers for themselves (staff, on their own account), or the trainer keys a paper test."""
    session = enrolment.session
    _open(session)
    keys = list(session.course.questions.values_list("answer", flat=True))
    if len(answers) != len(keys):
        raise ValidationError({"answers": f"jawaban untuk {len(keys)} soal, bukan {len(answers)}"})
    if enrolment.user_id != acting_user.pk and not _may_manage(acting_user):
        raise PermissionDenied
    taken = enrolment.pre_answers if phase == PRE else enrolment.post_answers
    if taken is not None and enrolment.user_id == acting_user.pk:
        raise ValidationError("tes ini sudah Anda kerjakan")
    result = score(answers, keys)
    with transaction.atomic():
        if phase == PRE:
            enrolment.pre_answers, enrolment.pre_score = answers, result
        else:
            enrolment.post_answers, enrolment.post_score = answers, result
        enrolment.save(update_fields=["pre_answers", "pre_score", "post_answers", "post_score"])
        audit.record(
            f"training.test_{phase}",
            actor=acting_user,
            office=session.office,
            obj=session,
            summary=f"{session.number}: tes {'awal' if phase == PRE else 'akhir'} {enrolment.name}: {result}",
        )
    return enrolment


def _may_manage(user: User) -> bool:
    return has_capability(user, Capability.TRAINING_MANAGE)


def do_close_session(session: Session, *, acting_user: User, certified_on: date | None = None) -> int:
    """Certificates go to those present whose post-test reached the course's pass mark; each gets a code the public
    verification page answers. The session is then closed: nothing about it changes any more. `certified_on` is for
    a session entered after the fact (its certificates are dated the day they were earned, not before the
    session)."""
    _open(session)
    today = certified_on or timezone.localdate()
    if today < session.held_on:
        raise ValidationError("sertifikat tidak dapat bertanggal sebelum sesi")
    passed = session.enrolments.filter(attended=True, post_score__gte=session.course.pass_mark)
    with transaction.atomic():
        count = 0
        for enrolment in passed:
            enrolment.certificate_code, enrolment.certified_on = new_verification_code(), today
            enrolment.save(update_fields=["certificate_code", "certified_on"])
            count += 1
        session.status, session.closed_at = SessionStatus.CLOSED, timezone.now()
        session.save(update_fields=["status", "closed_at"])
        audit.record(
            "training.session_close",
            actor=acting_user,
            office=session.office,
            obj=session,
            summary=f"{session.number} ditutup: {count} sertifikat",
            after={"certificates": count},
        )
    return count
