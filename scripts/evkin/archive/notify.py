"""Step 8's distribution: an e-mail to each Pejabat Administrator and Pengawas named in the
settings (``pejabat.penerima``) with the link to each newly published report.

SMTP comes from the environment (CI secrets): ``EVKIN_SMTP_HOST``, ``EVKIN_SMTP_PORT``,
``EVKIN_SMTP_USER``, ``EVKIN_SMTP_PASSWORD``, ``EVKIN_SMTP_FROM``, ``EVKIN_SMTP_STARTTLS``.
Composing is pure; sending is the only I/O.

Each report's manifest entry records every recipient it was mailed to (``diberitahukan_kepada``:
address → time), so a run sends only to those not sent yet, tries every one of them even when
the server refuses one, and reports who failed; ``diberitahukan`` is set once all have it.
"""

from __future__ import annotations

import contextlib
import smtplib
import ssl
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from email.message import EmailMessage
from email.utils import formataddr, make_msgid

from evkin import environment
from evkin.findings import EvkinError
from evkin.messages import t
from evkin.record.manifest import Report
from evkin.settings import Person, Settings
from evkin.titlecase import title_case

LANG = "id"  # official correspondence is Indonesian whatever --lang says
TRUE = {"1", "true", "ya", "yes", "on"}
FALSE = {"0", "false", "tidak", "no", "off"}


@dataclass(frozen=True)
class Smtp:
    host: str
    port: int
    user: str
    password: str
    sender: str
    starttls: bool
    ssl: bool


@dataclass(frozen=True)
class Item:
    """One published report as the message lists it."""

    title: str
    nomor: str
    period: str
    signer: str
    signed_on: str
    page_url: str
    pdf_url: str
    sha256: str


def smtp_from_env(env: Mapping[str, str] | None = None) -> Smtp:
    """Read the SMTP settings; ``EvkinError`` names what is missing or unreadable."""
    given = environment.smtp(env)
    host = given.host
    if not host:
        raise EvkinError("notify.no_host")
    raw_tls = given.starttls
    if raw_tls and raw_tls not in TRUE | FALSE:
        raise EvkinError("notify.bad_starttls", {"value": raw_tls})
    raw_port = given.port
    if raw_port and not raw_port.isdigit():
        raise EvkinError("notify.bad_port", {"value": raw_port})
    port = int(raw_port) if raw_port else (587 if raw_tls in TRUE or not raw_tls else 25)
    use_ssl = port == 465
    starttls = (raw_tls in TRUE) if raw_tls else (port == 587)
    user = given.user
    sender = given.sender or user
    if not sender:
        raise EvkinError("notify.no_sender")
    return Smtp(host, port, user, given.password, sender,
                starttls and not use_ssl, use_ssl)


def recipients(settings: Settings) -> list[Person]:
    """The distribution list of step 8; ``EvkinError`` when nobody has an address."""
    found = [p for p in settings.roles.penerima if p.surel.strip()]
    if not found:
        raise EvkinError("notify.no_recipients")
    return found


def compose(settings: Settings, smtp: Smtp, person: Person, items: Sequence[Item]
            ) -> EmailMessage:
    agency = settings.agency
    if len(items) == 1:
        subject = t("notify.subject_one", {"title": items[0].title}, LANG)
    else:
        subject = t("notify.subject_many", {"count": len(items)}, LANG)
    blocks = [t("notify.item", {
        "title": item.title, "nomor": item.nomor or "–", "period": item.period,
        "signer": item.signer, "signed_on": item.signed_on, "page": item.page_url,
        "pdf": item.pdf_url, "sha256": item.sha256}, LANG) for item in items]
    body = t("notify.body", {
        "name": person.nama, "jabatan": person.jabatan or "", "agency": title_case(agency.nama),
        "sop": settings.sop.nomor, "items": "\n\n".join(blocks),
    }, LANG)
    message = EmailMessage()
    message["Subject"] = subject
    message["From"] = formataddr((t("notify.sender_name", {"agency": title_case(agency.nama)},
                                    LANG), smtp.sender))
    message["To"] = formataddr((person.nama, person.surel))
    message["Message-ID"] = make_msgid(domain=smtp.sender.rpartition("@")[2] or None)
    message["Content-Language"] = "id"
    message.set_content(body)
    return message


@dataclass
class Delivery:
    """What one run achieved: addresses sent to, and the refused ones with the reason."""

    sent: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)


def _detail(error: BaseException) -> str:
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        codes = [f"{code} {msg.decode(errors='replace') if isinstance(msg, bytes) else msg}"
                 for code, msg in error.recipients.values()]
        return "; ".join(codes) or type(error).__name__
    if isinstance(error, smtplib.SMTPResponseException):
        message = error.smtp_error
        text = message.decode(errors="replace") if isinstance(message, bytes) else str(message)
        return f"{error.smtp_code} {text}"
    return str(error) or type(error).__name__


def _connect(smtp: Smtp, timeout: float) -> smtplib.SMTP:
    client: smtplib.SMTP
    if smtp.ssl:
        client = smtplib.SMTP_SSL(smtp.host, smtp.port, timeout=timeout,
                                  context=ssl.create_default_context())
    else:
        client = smtplib.SMTP(smtp.host, smtp.port, timeout=timeout)
    client.ehlo()
    if smtp.starttls:
        client.starttls(context=ssl.create_default_context())
        client.ehlo()
    if smtp.user:
        client.login(smtp.user, smtp.password)
    return client


def send_each(smtp: Smtp, messages: Sequence[tuple[str, EmailMessage]],
              timeout: float = 30) -> Delivery:
    """Send each ``(address, message)``; a refused recipient does not stop the others.

    A connection that cannot be opened (or logged into) fails every address; a connection
    dropped half-way is opened again once for the rest.
    """
    delivery = Delivery()
    client: smtplib.SMTP | None = None
    try:
        for address, message in messages:
            for attempt in (1, 2):
                try:
                    if client is None:
                        client = _connect(smtp, timeout)
                    client.send_message(message)
                    delivery.sent.append(address)
                    break
                except smtplib.SMTPServerDisconnected as error:
                    client = None
                    if attempt == 2:
                        delivery.failed[address] = _detail(error)
                except (smtplib.SMTPRecipientsRefused, smtplib.SMTPDataError,
                        smtplib.SMTPSenderRefused) as error:
                    delivery.failed[address] = _detail(error)
                    _reset(client)
                    break
                except (OSError, smtplib.SMTPException) as error:
                    # Cannot connect or log in: nobody else will get through either.
                    detail = _detail(error)
                    for rest, _ in messages:
                        if rest not in delivery.sent:
                            delivery.failed.setdefault(rest, detail)
                    return delivery
    finally:
        if client is not None:
            with contextlib.suppress(OSError, smtplib.SMTPException):
                client.quit()
    return delivery


def _reset(client: smtplib.SMTP | None) -> None:
    if client is None:
        return
    with contextlib.suppress(OSError, smtplib.SMTPException):
        client.rset()


def announce(settings: Settings, smtp: Smtp, people: Sequence[Person],
             entries: Sequence[Report], items: Sequence[Item], now: str,
             transport: Callable[[Smtp, Sequence[tuple[str, EmailMessage]]], Delivery]
             = send_each) -> tuple[Delivery, list[Report]]:
    """Mail each person the reports (``entries``, listed as ``items``) they have not had yet;
    the entries come back with each success recorded, and ``diberitahukan`` once every
    recipient has it."""
    pending: dict[str, list[int]] = {}
    for person in people:
        address = person.surel.strip()
        todo = [i for i, entry in enumerate(entries)
                if address not in entry.diberitahukan_kepada]
        if todo and address not in pending:
            pending[address] = todo
    messages: dict[str, EmailMessage] = {}
    for person in people:
        address = person.surel.strip()
        if address in pending and address not in messages:
            messages[address] = compose(settings, smtp, person,
                                        [items[i] for i in pending[address]])
    unique = list(messages.items())
    delivery = transport(smtp, unique) if unique else Delivery()
    reached: list[dict[str, str]] = [dict(entry.diberitahukan_kepada) for entry in entries]
    for address in delivery.sent:
        for i in pending[address]:
            reached[i][address] = now
    wanted = {p.surel.strip() for p in people}
    updated = [replace(entry, diberitahukan_kepada=record,
                       diberitahukan=(entry.diberitahukan or now) if wanted <= set(record)
                       else entry.diberitahukan)
               for entry, record in zip(entries, reached, strict=True)]
    return delivery, updated


def failure(smtp: Smtp, delivery: Delivery) -> EvkinError:
    """The error naming every recipient that was not reached, and why."""
    names = "; ".join(f"{address} ({detail})" for address, detail in delivery.failed.items())
    return EvkinError("notify.some_failed", {"host": smtp.host, "port": smtp.port,
                                             "count": len(delivery.failed),
                                             "sent": len(delivery.sent), "failed": names})
