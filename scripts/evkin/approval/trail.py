"""Verify an approval trail against Git: is the folder at HEAD the tree that was approved, in
the SOP's order, by the officials the settings name?

Nothing is published as final unless ``verify_trail`` says ``ok``. The checks, in order (the
first that fails is the ``reason``):

1. every record's decision fits its role (paraf by the Sekretaris, signature by the Kepala
   Dinas); the folder at HEAD holds regular files only (no link, submodule or
   ``.gitattributes`` rule that could make what renders differ from the approved blobs);
2. a forge trail carries a record signature (``tanda_tangan_pencatat``) by a key listed in
   ``pencatat.kunci`` of the committed evkin.yml: only the publishing workflow holds its private
   half, so a hand-written or edited trail does not verify. Every record names the person who
   held its role in evkin.yml at the approved commit (name, NIP, login), and that person wrote
   no draft;
   offline records (``sumber: ssh``, or any record carrying ``tanda_tangan_ssh``): the SSH
   signature over ``Approval.payload()`` verifies against the key the settings give that role
   (``evkin.yml`` as committed at the approved commit, else at HEAD), the record names that
   holder (NIP), its commit holds the tree it names, and the signer wrote no draft;
3. a paraf and a signature are recorded; the signature is not older than the paraf;
4. the folder is committed, and its tree at HEAD is the tree paraf and signature approved;
5. the SOP's order holds (``approval_order.trail_state``): each role's latest decision counts,
   a return by the Kepala Dinas needs a new paraf after it;
6. the working copy of the folder has no uncommitted edits.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence, Set
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from evkin import gitrepo, signing
from evkin.approval import trust
from evkin.approval.order import RETURN, approving_roles, trail_state
from evkin.approval.records import TRAIL_DIR, Approval, Trail, load_trail
from evkin.approval.review import APPROVE, REQUEST_CHANGES, Review
from evkin.approval.trust import Official
from evkin.evaluation import regular
from evkin.findings import EvkinError
from evkin.settings import Person, Revoked
from evkin.sop import Sop, load_sop


@dataclass(frozen=True)
class RecordCheck:
    """What was checked of one record (1-based ``number``)."""

    number: int
    signature: str  # none (forge record) | valid | invalid | missing | no_key
    settings_commit: str = ""  # the commit whose evkin.yml gave the allowed key
    tag: str = ""  # the signed tag evkin/<id>/<n>-<decision>, when present


@dataclass(frozen=True)
class Verification:
    ok: bool
    trail: Trail | None
    reason: str | None = None  # catalogue key when not ok
    current_tree: str = ""
    params: Mapping[str, object] = field(default_factory=dict)  # for the reason's message
    records: tuple[RecordCheck, ...] = ()
    # The fingerprint of the pinned trust facts (``trust.Chain.root``), printed with a final
    # report so that a rewritten beginning of the history shows.
    trust_root: str = ""


def folder_tree(root: Path, evaluation_id: str, rev: str = "HEAD") -> str:
    """The git tree hash of ``evaluations/<id>`` at ``rev`` ('' when absent)."""
    if not gitrepo.is_repo(root):
        return ""
    return gitrepo.tree_at(root, gitrepo.folder_path(evaluation_id), rev)


def folder_is_clean(root: Path, evaluation_id: str) -> bool:
    """True when the working copy of the folder equals HEAD (no uncommitted edits)."""
    return gitrepo.is_repo(root) and gitrepo.is_clean(root, gitrepo.folder_path(evaluation_id))


def tag_name(evaluation_id: str, number: int, decision: str) -> str:
    """The signed tag an offline record gets: ``evkin/<id>/<n>-<decision>``."""
    return f"evkin/{evaluation_id}/{number}-{decision}"


def is_author(person: Person, authors: Set[tuple[str, str]]) -> bool:
    """Does a commit author (name, e-mail) stand for ``person`` (by e-mail, name or login)?"""
    names = {n.strip().lower() for n in (person.nama, person.login) if n.strip()}
    email = person.surel.strip().lower()
    return any((email and e.strip().lower() == email) or n.strip().lower() in names
               for n, e in authors)


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def _same_person(holder: Person, approval: Approval) -> bool:
    """The record names this holder: same name and NIP, and the same forge login when the
    record has one (an offline record may carry none)."""
    return (_norm(holder.nama) == _norm(approval.name)
            and "".join(holder.nip.split()) == "".join(approval.nip.split())
            and (not approval.login or _norm(holder.login) == _norm(approval.login)))


def _first_difference(holder: Person, approval: Approval) -> tuple[str, str, str]:
    if _norm(holder.nama) != _norm(approval.name):
        return "nama", approval.name, holder.nama
    if "".join(holder.nip.split()) != "".join(approval.nip.split()):
        return "NIP", approval.nip, holder.nip
    return "login", approval.login, holder.login


def record_signed(root: Path, trail: Trail, head: trust.Chain | None = None
                  ) -> tuple[str, dict[str, object]] | None:
    """A forge trail counts only with a record signature by a record key in force on the main
    line (``pencatat.kunci``), not revoked when the trail was signed, and not the sample key
    (outside the demo and the tests). ``None`` when so, else (reason, params)."""

    head = head if head is not None else trust.chain(root, "HEAD")
    keys = head.trusted.record_keys if head else ()
    if not keys:
        return "trail.no_record_key", {}
    if not trail.record_signature:
        return "trail.record_unsigned", {}
    signed_at = trail.signed_at
    revoked = head.revoked if head else ()

    def by(candidates: Sequence[str]) -> bool:
        return bool(candidates) and signing.verify(
            trail.payload(), trail.record_signature,
            [signing.Signer(signing.RECORD_PRINCIPAL, k) for k in candidates],
            signing.RECORD_PRINCIPAL)

    usable = [k for k in keys if not trust.revoked_at(revoked, k, signed_at)
              and (trust.sample_allowed() or not trust.is_sample_key(k))]
    if by(usable):
        return None
    gone = [k for k in keys if trust.revoked_at(revoked, k, signed_at)]
    if by(gone):
        found = trust.revoked_at(revoked, gone[0], signed_at)
        return "trail.key_revoked", {"number": "-", "role": "pencatat",
                                     "since": found.since.isoformat() if found else "?"}
    if by([k for k in keys if trust.is_sample_key(k)]):
        return "trail.sample_key", {}
    return "trail.record_bad_signature", {}


def sign_record(trail: Trail, private_key: str) -> Trail:
    """The trail with its record signature, made with the publishing workflow's key."""
    from dataclasses import replace


    return replace(trail, record_signature=signing.sign_with_key_text(trail.payload(),
                                                                      private_key))


def irregular(root: Path, evaluation_id: str) -> str:
    """The first path in the folder at HEAD that is not a regular file, or that a content
    attribute applies to ('' when there is none)."""

    found, files = regular.tree_scan(root, "HEAD", evaluation_id)
    if found:
        return found[0].path
    if not regular.attributes_possible(root):
        return ""
    attributes = gitrepo.content_attributes(root, files)
    return min(attributes) if attributes else ""


@lru_cache(maxsize=256)
def _authors(root: Path, evaluation_id: str, commit: str) -> frozenset[tuple[str, str]]:
    """Who wrote the drafts of a folder up to ``commit`` (name, e-mail)."""
    return frozenset((d.author, d.email) for d in gitrepo.drafts(root, evaluation_id, commit))


def _same_official(holder: Official, approval: Approval) -> bool:
    return _same_person(Person(holder.nama, nip=holder.nip, login=holder.login), approval)


class _SignedChecker:
    """Checks records against the trust facts in force (``trust``), never against the
    approved commit's own evkin.yml: the report's author wrote that commit."""

    def __init__(self, root: Path, evaluation_id: str, trail: Trail) -> None:
        self.root = root
        self.evaluation_id = evaluation_id
        self.trail = trail
        try:
            self.head_sha = gitrepo.resolve_commit(root, "HEAD") if gitrepo.is_repo(root) else ""
        except EvkinError:
            self.head_sha = ""  # no commit yet
        self.head = trust.chain(root, self.head_sha) if self.head_sha else None
        self.cache: dict[str, tuple[str, trust.Chain | None]] = {}

    @property
    def revoked(self) -> tuple[Revoked, ...]:
        return self.head.revoked if self.head else ()

    def chain_for(self, commit: str) -> tuple[str, trust.Chain | None]:
        """The trust chain an offline record is judged by: along the approved commit's
        first-parent line; where that commit is gone (a squash merge, a migrated forge), the
        commit that first recorded the trail; else HEAD."""
        key = commit or "HEAD"
        if key not in self.cache:
            found: tuple[str, trust.Chain | None] = ("", None)
            for rev in self._candidates(commit):
                got = trust.chain_on_line(self.root, self.head_sha or "HEAD", rev)
                if got is not None:
                    found = (gitrepo.resolve_commit(self.root, rev), got)
                    break
            self.cache[key] = found
        return self.cache[key]

    def forge_facts(self) -> tuple[str, trust.Chain | None]:
        """The officials of a forge trail: as the protected main line stood just before the
        approved folder landed on it (the pull request's base), not the pull request's own
        evkin.yml. Where the folder never landed as approved, as for an offline record."""
        if "forge" not in self.cache:
            base = trust.landing(self.root, self.evaluation_id, self.trail.tree)
            got = trust.chain_on_line(self.root, self.head_sha or "HEAD", base) if base else None
            self.cache["forge"] = (base, got) if got is not None else self.chain_for(
                self.trail.commit)
        return self.cache["forge"]

    def _candidates(self, commit: str) -> Iterator[str]:
        if commit and gitrepo.object_type(self.root, commit) == "commit":
            yield commit
        first = gitrepo.first_commit_of(self.root, f"{TRAIL_DIR}/{self.evaluation_id}.yml")
        if first:
            yield first
        yield "HEAD"

    def facts(self, approval: Approval, offline: bool) -> tuple[str, trust.Chain | None]:
        return self.chain_for(approval.commit) if offline else self.forge_facts()

    def person(self, number: int, approval: Approval, label: str, offline: bool
               ) -> tuple[str, dict[str, object]] | None:
        """Does the record name the person who held its role in the trusted facts, who
        wrote no draft of it? ``None`` when so, else (reason, params)."""
        params: dict[str, object] = {"number": number, "role": label}
        _used, found = self.facts(approval, offline)
        if found is None:
            return "trail.no_settings", params
        holders = [o for o in found.trusted.officials if o.role == approval.role]
        holder = next((h for h in holders if _same_official(h, approval)), None)
        if holder is None:
            first = holders[0] if holders else trust.Official(approval.role, "?", "", "", "")
            expected = Person(first.nama, nip=first.nip, login=first.login)
            field, value, want = _first_difference(expected, approval)
            return "trail.person_mismatch", {**params, "field": field, "value": value,
                                             "expected": want}
        person = Person(holder.nama, nip=holder.nip, login=holder.login, surel=holder.surel)
        wrote = (approval.decision != RETURN and approval.commit
                 and gitrepo.object_type(self.root, approval.commit) == "commit"
                 and is_author(person, _authors(self.root, self.evaluation_id,
                                                approval.commit)))
        if wrote:
            return "trail.author", {**params, "name": holder.nama}
        return None

    def trust_changes(self, offline: bool) -> tuple[str, dict[str, object]] | None:
        """A change of the trust facts that must stop this report: offline, any change no
        trusted key signed; with a forge, a change on the main line written by an author of
        this report's drafts after its first draft."""
        approvals = self.trail.approvals
        _used, found = (self.chain_for(approvals[-1].commit) if offline and approvals
                        else self.forge_facts())
        if found is None:
            return None
        if not found.changes:
            return None
        drafts = gitrepo.drafts(self.root, self.evaluation_id,
                                self.trail.commit if gitrepo.object_type(
                                    self.root, self.trail.commit) == "commit" else "HEAD")
        authors = {(d.author, d.email) for d in drafts}
        first = drafts[-1].sha if drafts else ""
        for change in found.changes:
            params: dict[str, object] = {
                "commit": change.commit[:12], "author": f"{change.author[0]} <{change.author[1]}>",
                "what": ", ".join(change.what)}
            if not change.accepted:
                return "trail.trust_change_unsigned", params
            by_author = any(change.author[1].lower() == e.lower() or change.author[0] == n
                            for n, e in authors)
            if (not offline and by_author and first
                    and not gitrepo.is_ancestor(self.root, change.commit, first)):
                return "trail.trust_change_by_author", params
        return None

    def check(self, number: int, approval: Approval) -> tuple[RecordCheck, str | None,
                                                                dict[str, object]]:

        params: dict[str, object] = {"number": number, "role": approval.role}
        if not approval.ssh_signature:
            return RecordCheck(number, "missing"), "trail.unsigned", params
        used, found = self.chain_for(approval.commit)
        if found is None:
            return RecordCheck(number, "no_key"), "trail.no_settings", params
        if found.trusted.mode != trust.FORGELESS:
            return RecordCheck(number, "no_key", used), "trail.mode_forge", params
        keys = found.trusted.keys_of(approval.role)
        if not keys:
            return RecordCheck(number, "no_key", used), "trail.no_key", params
        live = [k for k in keys if not trust.revoked_at(self.revoked, k, approval.at)]
        allowed = [signing.Signer(approval.role, k) for k in live]
        if not signing.verify(approval.payload(), approval.ssh_signature, allowed,
                              approval.role):
            dead = [k for k in keys if k not in live]
            if dead and signing.verify(approval.payload(), approval.ssh_signature,
                                       [signing.Signer(approval.role, k) for k in dead],
                                       approval.role):
                gone = trust.revoked_at(self.revoked, dead[0], approval.at)
                return (RecordCheck(number, "invalid", used), "trail.key_revoked",
                        {**params, "since": gone.since.isoformat() if gone else "?"})
            return RecordCheck(number, "invalid", used), "trail.bad_signature", params
        ok = RecordCheck(number, "valid", used)
        if approval.commit and gitrepo.object_type(self.root, approval.commit) == "commit":
            at_commit = gitrepo.tree_at(self.root, gitrepo.folder_path(self.evaluation_id),
                                        approval.commit)
            if at_commit != approval.tree:
                return ok, "trail.commit_mismatch", params
        return ok, None, params


def signatures_hold(root: Path, evaluation_id: str, trail: Trail) -> bool:
    """Does ``trail`` carry the signatures it needs by keys the roots of trust hold (the record
    key in force on the main line, or each official's key in the signed chain)? For a trail
    read at another commit (a report quoted by a final report), whose tree and order the
    caller checks."""
    checker = _SignedChecker(root, evaluation_id, trail)
    if trail.source == "ssh" or any(a.ssh_signature for a in trail.approvals):
        return all(checker.check(n, a)[1] is None for n, a in enumerate(trail.approvals, 1))
    return record_signed(root, trail, checker.head) is None


def verify_trail(root: Path, evaluation_id: str, sop: Sop | None = None,
                 seen: tuple[str, bool] | None = None) -> Verification:
    """Final only when a paraf and a later signature both approve the tree at HEAD, in the
    SOP's order, signed by the right keys where signed, and the working copy is unedited.

    ``seen`` is the folder's tree at HEAD and whether its working copy is clean, when the
    caller already asked Git for every folder at once (the archive build); else asked here."""
    trail = load_trail(root, evaluation_id)
    current = seen[0] if seen is not None else folder_tree(root, evaluation_id)
    if trail is None:
        return Verification(False, None, "trail.none", current)
    sop = sop or load_sop()

    def fail(reason: str, records: tuple[RecordCheck, ...] = (), **params: object
             ) -> Verification:
        return Verification(False, trail, reason, current, params, records)

    if trail.evaluation_id != evaluation_id:
        # A trail copied from another report: its records approved that report's folder.
        return fail("trail.other_evaluation", other=trail.evaluation_id)
    roles = approving_roles(sop)
    labels = {a: sop.role_label(a.role) for a in trail.approvals}
    for number, approval in enumerate(trail.approvals, 1):
        if approval.decision != RETURN and roles.get(approval.role) != approval.decision:
            return fail("trail.role_mismatch", number=number, role=labels[approval],
                        decision=approval.decision)
    if current:
        odd = irregular(root, evaluation_id)
        if odd:
            return fail("trail.irregular", path=odd)

    records: tuple[RecordCheck, ...] = tuple(
        RecordCheck(n, "none") for n in range(1, len(trail.approvals) + 1))
    checker = _SignedChecker(root, evaluation_id, trail)
    offline = trail.source == "ssh" or any(a.ssh_signature for a in trail.approvals)
    # A refused change of keys or officials, or one by the report's author, is named first:
    # it explains any signature that then fails.
    changed = checker.trust_changes(offline)
    if changed:
        return fail(changed[0], records, **changed[1])
    if offline:
        checked = []
        problem: tuple[str, dict[str, object]] | None = None
        for number, approval in enumerate(trail.approvals, 1):
            record, reason, params = checker.check(number, approval)
            tag = tag_name(evaluation_id, number, approval.decision)
            checked.append(RecordCheck(record.number, record.signature, record.settings_commit,
                                       tag if gitrepo.tags(root, tag) == [tag] else ""))
            if reason and problem is None:
                params["role"] = labels[approval]
                problem = (reason, params)
        records = tuple(checked)
        if problem:
            return fail(problem[0], records, **problem[1])
    else:
        unsigned = record_signed(root, trail, checker.head)
        if unsigned:
            return fail(unsigned[0], records, **unsigned[1])
    for number, approval in enumerate(trail.approvals, 1):
        wrong = checker.person(number, approval, labels[approval], offline)
        if wrong:
            return fail(wrong[0], records, **wrong[1])

    paraf, signature = trail.paraf, trail.signature
    if paraf is None or signature is None:
        return fail("trail.incomplete", records)
    if signature.at < paraf.at:
        return fail("trail.out_of_order", records)
    if not current or not trail.tree:
        return fail("trail.no_tree", records)
    if not (paraf.tree == signature.tree == trail.tree == current):
        return fail("trail.tree_changed", records, approved=(signature.tree or trail.tree)[:12],
                    current=current[:12])
    state = trail_state(trail.approvals, current, sop)
    if not state.signed:
        if state.returned is not None:
            return fail("trail.returned", records, role=sop.role_label(state.returned.role))
        return fail("trail.out_of_order", records)
    if not (seen[1] if seen is not None else folder_is_clean(root, evaluation_id)):
        return fail("trail.uncommitted", records)
    # The pin in force when the report was approved (not HEAD's): the PDF it is printed in
    # stays byte for byte the same however the keys change later.
    _used, approved_chain = checker.facts(signature, offline)
    return Verification(True, trail, None, current, {}, records,
                        approved_chain.root.fingerprint() if approved_chain else "")


def forge_difference(trail: Trail, reviews: Sequence[Review]) -> tuple[int, str] | None:
    """Compare each forge record with the review it names (by its link): same reviewer,
    same decision, same commit. ``None`` when all match, else (record number, what differs).
    Pure: the caller fetched the reviews with a token (``evkin approvals``)."""

    by_url = {r.url: r for r in reviews if r.url}
    for number, approval in enumerate(trail.approvals, 1):
        if not approval.url or approval.ssh_signature:
            continue
        review = by_url.get(approval.url)
        if review is None:
            return number, f"ulasan {approval.url} tidak ada di forge"
        if review.login.casefold() != approval.login.casefold():
            return number, f"login {review.login} ≠ {approval.login}"
        wanted = REQUEST_CHANGES if approval.decision == RETURN else APPROVE
        if review.state != wanted:
            return number, f"status {review.state}"
        if approval.commit and review.commit and review.commit != approval.commit:
            return number, f"komit {review.commit[:12]} ≠ {approval.commit[:12]}"
    return None
