"""Step 8's distribution: an e-mail to each Pejabat Administrator and Pengawas named in the
settings (``pejabat.penerima``) with the link to each newly published report.

SMTP comes from the environment (CI secrets): ``EVKIN_SMTP_HOST``, ``EVKIN_SMTP_PORT``,
``EVKIN_SMTP_USER``, ``EVKIN_SMTP_PASSWORD``, ``EVKIN_SMTP_FROM``, ``EVKIN_SMTP_STARTTLS``.
Composing is pure; sending is the only I/O.
"""

from __future__ import annotations

import os
import smtplib
import ssl
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formataddr, make_msgid

from evkin.findings import EvkinError
from evkin.messages import t
from evkin.settings import Person, Settings

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
    env = os.environ if env is None else env
    host = env.get("EVKIN_SMTP_HOST", "").strip()
    if not host:
        raise EvkinError("notify.no_host")
    raw_tls = env.get("EVKIN_SMTP_STARTTLS", "").strip().lower()
    if raw_tls and raw_tls not in TRUE | FALSE:
        raise EvkinError("notify.bad_starttls", {"value": raw_tls})
    raw_port = env.get("EVKIN_SMTP_PORT", "").strip()
    if raw_port and not raw_port.isdigit():
        raise EvkinError("notify.bad_port", {"value": raw_port})
    port = int(raw_port) if raw_port else (587 if raw_tls in TRUE or not raw_tls else 25)
    use_ssl = port == 465
    starttls = (raw_tls in TRUE) if raw_tls else (port == 587)
    user = env.get("EVKIN_SMTP_USER", "").strip()
    sender = env.get("EVKIN_SMTP_FROM", "").strip() or user
    if not sender:
        raise EvkinError("notify.no_sender")
    return Smtp(host, port, user, env.get("EVKIN_SMTP_PASSWORD", ""), sender,
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
        "name": person.nama, "jabatan": person.jabatan or "", "agency": agency.nama.title(),
        "sop": settings.sop.nomor, "items": "\n\n".join(blocks),
    }, LANG)
    message = EmailMessage()
    message["Subject"] = subject
    message["From"] = formataddr((t("notify.sender_name", {"agency": agency.nama.title()},
                                    LANG), smtp.sender))
    message["To"] = formataddr((person.nama, person.surel))
    message["Message-ID"] = make_msgid(domain=smtp.sender.rpartition("@")[2] or None)
    message["Content-Language"] = "id"
    message.set_content(body)
    return message


def send(smtp: Smtp, messages: Sequence[EmailMessage], timeout: float = 30) -> None:
    """Send every message over one connection; ``EvkinError`` on any SMTP failure."""
    try:
        client: smtplib.SMTP
        if smtp.ssl:
            client = smtplib.SMTP_SSL(smtp.host, smtp.port, timeout=timeout,
                                      context=ssl.create_default_context())
        else:
            client = smtplib.SMTP(smtp.host, smtp.port, timeout=timeout)
        with client:
            client.ehlo()
            if smtp.starttls:
                client.starttls(context=ssl.create_default_context())
                client.ehlo()
            if smtp.user:
                client.login(smtp.user, smtp.password)
            for message in messages:
                client.send_message(message)
    except (OSError, smtplib.SMTPException) as error:
        raise EvkinError("notify.failed", {"host": smtp.host, "port": smtp.port,
                                           "detail": str(error) or type(error).__name__}
                         ) from None
