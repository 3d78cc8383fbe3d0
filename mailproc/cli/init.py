"""``mailproc init DIR [--copy-rules]``: a commented starting config.toml, and what to fill in.

With ``--copy-rules`` the folder also gets editable copies of the packaged rules and templates, and
the config points at them (``rules_dir``, ``templates_dir``); without, the packaged ones are used.
"""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

from mailproc.core import defaults

EX_OK, EX_CANTCREAT = 0, 73
STARTER = Path(__file__).with_name("config_starter.toml")


def cmd_init(args) -> int:
    folder = Path(args.dir).resolve()
    config = folder / "config.toml"
    local = [folder / "rules", folder / "templates"] if args.copy_rules else []
    existing = [p for p in (config, *local) if p.exists()]
    if existing:
        print(f"mailproc init: {existing[0]} exists; nothing written (init never overwrites)", file=sys.stderr)
        return EX_CANTCREAT
    folder.mkdir(parents=True, exist_ok=True)
    text = STARTER.read_text(encoding="utf-8")
    if args.copy_rules:
        shutil.copytree(defaults.RULES, folder / "rules")
        shutil.copytree(defaults.TEMPLATES, folder / "templates")
        text = (text.replace('# rules_dir = "rules"        ', 'rules_dir = "rules"          ')
                    .replace('# templates_dir = "templates"', 'templates_dir = "templates"  ')
                    .replace("unset: the rules that ship with mailproc", "the local copy: edit it")
                    .replace("unset: the templates that ship with mailproc", "the local copy: edit it"))
    config.write_text(text, encoding="utf-8")
    option = f"--config {config}"
    print(f"wrote {config}" + (f", {folder / 'rules'}/ and {folder / 'templates'}/" if args.copy_rules else ""))
    print("fill in, in config.toml: every line marked FILL IN ([service] address and admin_email, the [imap]")
    print("  and [smtp] servers and usernames) and the PLACEHOLDER officials ([roles.*], [[officers]])")
    opd = (folder / "rules" / "opd.toml") if args.copy_rules else None
    print(f"fill in, in {opd or 'a local rules/opd.toml (mailproc init --copy-rules)'}: the OPDs' penanggung jawab "
          "(the shipped ones are placeholders)")
    print("set in the environment (never in the file): MAILPROC_IMAP_PASSWORD, MAILPROC_SMTP_PASSWORD, MAILPROC_SECRET;")
    print("  MAILPROC_SIGNING_KEY and MAILPROC_SIGNING_PASSWORD to sign the Berita Acara")
    print(f"then: mailproc {option} db upgrade && mailproc {option} check")
    return EX_OK
