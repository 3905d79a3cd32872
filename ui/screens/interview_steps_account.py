"""Interview steps 1–4, the person's account: consent, interpreter and language, recruitment, exploitation.

Each method builds one step page from ``InterviewForm`` fields and returns its title and widget; the
widgets the screen acts on later (the consent question, the refusal box, the interpreter warning) are
kept as attributes.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

from fieldapp.records import screening_record as schema
from ui.screens.interview_form import InterviewForm
from ui.screens.interview_record import Loaded
from ui.widgets import Column, EntryTable

_WORK_TYPES = ("online_scam", "gambling", "money_laundering", "sexual_exploitation", "domestic", "other")
_PLATFORMS = ("Facebook", "Telegram", "WhatsApp", "WeChat", "TikTok", "Line", "LinkedIn", "Zalo", "Other")


class AccountSteps(QObject):
    """Builds the pages of steps 1–4; the widgets below exist once their page is built."""

    consent_choice: QWidget
    declined_box: QFrame
    record_declined_button: QPushButton
    interpreter_warning: QLabel
    compounds_table: EntryTable

    def __init__(
        self,
        form: InterviewForm,
        *,
        minor: bool,
        record_declined: Callable[[], None],
        open_respondent_screen: Callable[[], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._form = form
        self._minor = minor
        self._record_declined = record_declined
        self._open_respondent_screen = open_respondent_screen

    def consent(self, data: Loaded) -> tuple[str, QWidget]:
        title = self.tr("Consent")
        page, layout = self._form.page(
            "consent",
            title,
            self.tr(
                "Ask before anything else. Explain in a language the person understands; they may refuse, "
                "skip any question or stop at any time. The other steps open once the first question is answered."
            ),
        )
        questions = {
            "consents_to_interview": self.tr("Does the person agree to be interviewed? (A child: assent.)"),
            "told_purpose": self.tr("Told the purpose of the interview?"),
            "told_uses_of_data": self.tr("Told how the information is and may be used?"),
            "told_research_use": self.tr(
                "Told that information without their name may be used for research?"
            ),
            "told_can_request_data": self.tr("Told they can ask for their personal data at any time?"),
            "told_storage_period": self.tr("Told how long the data is kept?"),
            "told_how_to_withdraw": self.tr("Told how to withdraw consent?"),
        }
        script = QPushButton(self.tr("Show the consent and rights script to the person (F7)"))
        script.setObjectName("consent_script")
        script.setToolTip(
            self.tr("In the person's own language, on the respondent screen: their answer is recorded here")
        )
        script.clicked.connect(self._open_respondent_screen)
        layout.addWidget(script, 0, Qt.AlignmentFlag.AlignLeft)
        form = self._form.group(layout, self.tr("Informed consent"), wrap_all=True)
        for item in schema.CONSENT_ITEMS:
            self._form.yesno(form, "consent", item, questions.get(item, item))
        self.consent_choice = self._form.fields[("consent", "consents_to_interview")].widget
        self._form.first_field["consent"] = self.consent_choice

        self.declined_box = QFrame()
        self.declined_box.setObjectName("declined_box")
        self.declined_box.setFrameShape(QFrame.Shape.StyledPanel)
        declined_text = QLabel(
            self.tr(
                "The person does not agree to be interviewed. Do not ask further questions. "
                "Record the refusal, then protect and refer as for anyone found in the compound."
            )
        )
        declined_text.setWordWrap(True)
        self.record_declined_button = QPushButton(self.tr("Record that the person &declined"))
        self.record_declined_button.setObjectName("record_declined")
        self.record_declined_button.clicked.connect(self._record_declined)
        declined_layout = QVBoxLayout(self.declined_box)
        declined_layout.addWidget(declined_text)
        declined_layout.addWidget(self.record_declined_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.declined_box.setVisible(False)
        layout.addWidget(self.declined_box)

        share = self._form.group(layout, self.tr("Consent to share the information with"), wrap_all=False)
        share_labels = {
            "share_embassy": self.tr("Their embassy or consulate"),
            "share_mosvy": self.tr("MoSVY / DoSVY (social affairs)"),
            "share_ngo_iom": self.tr("An NGO or IOM"),
            "share_police": self.tr("The police"),
        }
        for item in schema.SHARE_WITH:
            self._form.yesno(share, "consent", item, share_labels.get(item, item))
        photos = self._form.group(layout, self.tr("Consent to photographs"))
        photo_labels = {
            "photo_portrait": self.tr("Portrait for identification"),
            "photo_injury": self.tr("Injuries"),
            "photo_document": self.tr("Documents"),
            "photo_scene": self.tr("The place (scene)"),
        }
        for item in schema.PHOTO_CONSENT:
            self._form.yesno(photos, "consent", item, photo_labels.get(item, item))
        signed = self._form.group(layout, self.tr("Signature"))
        self._form.combo(
            signed,
            "consent",
            "signed_by",
            self.tr("Con&sent given by"),
            ("signature", "thumbprint", "verbal", "none"),
            {
                "signature": self.tr("Signature"),
                "thumbprint": self.tr("Thumbprint"),
                "verbal": self.tr("Spoken (verbal)"),
                "none": self.tr("Not signed"),
            },
        )
        self._form.line(signed, "consent", "witness", self.tr("&Witness (name and role)"))
        guardian = self._form.line(
            signed, "consent", "guardian_assent", self.tr("&Guardian or social worker assent (for a minor)")
        )
        guardian.setPlaceholderText(self.tr("name, role and agency"))
        if self._minor:
            minor_note = QLabel(
                self.tr(
                    "This person may be under 18: a guardian or a social worker must also agree, and child "
                    "protection staff should take part in the interview."
                )
            )
            minor_note.setObjectName("minor_note")
            minor_note.setWordWrap(True)
            minor_note.setStyleSheet("font-weight: bold;")
            signed.addRow(minor_note)
        layout.addStretch(1)
        return title, page

    def interpreter(self, data: Loaded) -> tuple[str, QWidget]:
        title = self.tr("Interpreter and language")
        page, layout = self._form.page("interpreter", title)
        form = self._form.group(layout, self.tr("Language"))
        self._form.first_field["interpreter"] = self._form.words(
            form, "language", "preferred", self.tr("&Languages the person prefers"), self.tr("e.g. vi, en")
        )
        self._form.line(
            form, "language", "interview_language", self.tr("&Interview language"), self.tr("e.g. vi")
        )
        self._form.flag(form, "language", "interpreter_needed", self.tr("An interpreter is nee&ded"))
        interp = self._form.group(layout, self.tr("Interpreter"))
        self._form.flag(interp, "language", "interpreter_present", self.tr("An interpreter is &present"))
        self._form.line(interp, "language", "interpreter_name", self.tr("Interpreter's na&me"))
        self._form.line(interp, "language", "interpreter_agency", self.tr("Interpreter's a&gency"))
        self._form.line(
            interp, "language", "interpreter_language_pair", self.tr("Language pai&r"), self.tr("e.g. vi–km")
        )
        self._form.yesno(
            interp,
            "language",
            "interpreter_independent",
            self.tr("The interpreter is not connected to the compound or the employer (ask, do not assume)"),
        )
        self.interpreter_warning = QLabel(
            self.tr(
                "This interpreter may be connected to the compound or the employer. Find an independent "
                "interpreter before going on."
            )
        )
        self.interpreter_warning.setObjectName("interpreter_warning")
        self.interpreter_warning.setWordWrap(True)
        self.interpreter_warning.setStyleSheet("font-weight: bold; color: #b3261e;")
        self.interpreter_warning.setVisible(False)
        interp.addRow(self.interpreter_warning)
        setting = self._form.group(layout, self.tr("Interview setting"))
        self._form.line(setting, "meta", "place", self.tr("Pl&ace"))
        self._form.line(setting, "meta", "compound", self.tr("Compo&und"))
        self._form.yesno(setting, "meta", "private_setting", self.tr("Private setting"))
        self._form.line(setting, "meta", "others_present", self.tr("O&thers present"))
        self._form.line(setting, "meta", "already_interviewed_by", self.tr("Already interviewed by"))
        layout.addStretch(1)
        return title, page

    def recruitment(self, data: Loaded) -> tuple[str, QWidget]:
        title = self.tr("Recruitment")
        page, layout = self._form.page("recruitment", title)
        form = self._form.group(layout, self.tr("How the person was recruited"))
        methods = {
            "AtAPlaceOfBusiness": self.tr("At a place of business"),
            "AtAnEducationalInstitution": self.tr("At a school or college"),
            "AtWork": self.tr("At work"),
            "ThroughOnlineSocialNetworks": self.tr("Through social media"),
            "ThroughAnOnlineAdvertisement": self.tr("Through an online advertisement"),
            "ThroughATelevisionAdvert": self.tr("Through a television advert"),
            "ThroughANewspaperAdvert": self.tr("Through a newspaper advert"),
            "ThroughFamilyOrFamilyEvents": self.tr("Through family"),
            "ThroughFriendsOrSocialEvents": self.tr("Through friends or social events"),
            "Other": self.tr("Other"),
        }
        self._form.first_field["recruitment"] = self._form.line(
            form, "recruitment", "date", self.tr("&Date"), self.tr("YYYY-MM-DD")
        )
        self._form.country(form, "recruitment", "country", self.tr("Countr&y"))
        self._form.line(form, "recruitment", "city", self.tr("C&ity"))
        self._form.combo(
            form, "recruitment", "method", self.tr("&Method"), schema.RECRUITMENT_METHODS, methods
        )
        self._form.combo(
            form, "recruitment", "platform", self.tr("&Platform or app"), _PLATFORMS, {}, editable=True
        )
        relations = {
            "IntimatePartner": self.tr("Partner"),
            "Friend": self.tr("Friend"),
            "Family": self.tr("Family"),
            "Other": self.tr("Other or stranger"),
        }
        self._form.combo(
            form,
            "recruitment",
            "recruiter_relationship",
            self.tr("&Recruiter was"),
            schema.RECRUITER_RELATIONS,
            relations,
        )
        promised = self._form.group(layout, self.tr("What was promised"))
        self._form.line(promised, "recruitment", "promised_job", self.tr("&Job"))
        self._form.line(promised, "recruitment", "promised_employer", self.tr("&Employer"))
        self._form.line(promised, "recruitment", "promised_location", self.tr("&Where"))
        self._form.line(promised, "recruitment", "promised_salary", self.tr("&Salary"))
        self._form.line(promised, "recruitment", "fees_or_debt", self.tr("&Fees paid or debt created"))
        travel = self._form.group(layout, self.tr("Travel"))
        self._form.line(travel, "recruitment", "travel_paid_by", self.tr("Trave&l paid by"))
        self._form.text(travel, "recruitment", "route", self.tr("Ro&ute"))
        self._form.words(
            travel,
            "recruitment",
            "transit_countries",
            self.tr("&Transit countries"),
            self.tr("e.g. THA, LAO"),
        )
        self._form.line(travel, "recruitment", "entry_point", self.tr("Entry point into C&ambodia"))
        self._form.line(travel, "recruitment", "visa_type", self.tr("&Visa type or irregular entry"))
        layout.addStretch(1)
        return title, page

    def exploitation(self, data: Loaded) -> tuple[str, QWidget]:
        title = self.tr("Exploitation history")
        page, layout = self._form.page("exploitation", title)
        form = self._form.group(
            layout,
            self.tr("Compounds, one row each (dates as YYYY-MM-DD; arrows move between cells)"),
            wrap_all=True,
        )
        columns = (
            Column("name", self.tr("Name"), stretch=True),
            Column("location", self.tr("Where"), stretch=True),
            Column("arrived", self.tr("Arrived"), placeholder=self.tr("Date as YYYY-MM-DD")),
            Column("left", self.tr("Left"), placeholder=self.tr("Date as YYYY-MM-DD")),
            Column("how_transferred", self.tr("How moved or sold")),
            Column("price_or_debt", self.tr("Price or debt")),
        )
        self.compounds_table = self._form.table(
            form, "exploitation", "compounds", self.tr("Co&mpounds"), columns, self.tr("&Add compound")
        )
        self._form.first_field["exploitation"] = self.compounds_table
        work = self._form.group(layout, self.tr("Work"))
        work_types = {
            "online_scam": self.tr("Online scams"),
            "gambling": self.tr("Online gambling"),
            "money_laundering": self.tr("Money laundering"),
            "sexual_exploitation": self.tr("Sexual exploitation"),
            "domestic": self.tr("Domestic work"),
            "other": self.tr("Other"),
        }
        self._form.checklist(
            work, "exploitation", "work_type", self.tr("Type of &work"), list(work_types.items())
        )
        self._form.line(work, "exploitation", "quota", self.tr("&Quota or targets"))
        self._form.number(work, "exploitation", "hours_per_day", self.tr("&Hours a day"), 24)
        self._form.number(work, "exploitation", "rest_days_per_month", self.tr("&Rest days a month"), 31)
        self._form.line(work, "exploitation", "pay_received", self.tr("&Pay received"))
        self._form.line(work, "exploitation", "fines", self.tr("&Fines"))
        self._form.number(work, "exploitation", "months", self.tr("Mon&ths exploited in all"), 600)
        how_left = {
            "rescued": self.tr("Rescued"),
            "escaped": self.tr("Escaped"),
            "released": self.tr("Released"),
            "ransomed": self.tr("Ransomed"),
            "other": self.tr("Other"),
        }
        self._form.combo(
            work,
            "exploitation",
            "how_left",
            self.tr("How the person &left"),
            ("rescued", "escaped", "released", "ransomed", "other"),
            how_left,
        )
        layout.addStretch(1)
        return title, page
