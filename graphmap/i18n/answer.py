"""User-facing texts of answering the round in the browser (issue 27): keys start with ``answer.``.

A section of :mod:`graphmap.i18n.catalogue`, kept in its own file; the catalogue merges it.
"""

from __future__ import annotations

ANSWER: dict[str, tuple[str, str]] = {
    "answer.title": ("Svara på {round}: {name}", "Answer {round}: {name}"),
    "answer.intro": (
        "Här är det graphmap tror om {name}, samma innehåll som i arbetsboken. Svara på raderna ni "
        "vet något om, spara ett utkast när ni vill och skicka när ni är klara. Sista svarsdag: {deadline}. "
        "Länken är personlig för {name}: dela den bara inom er organisation.",
        "This is what graphmap believes about {name}, the same content as in the workbook. Answer the "
        "lines you know something about, save a draft whenever you like and send when you are done. "
        "Deadline: {deadline}. The link is personal to {name}: share it within your organisation only.",
    ),
    "answer.state_draft": ("Utkast version {version}, sparat {saved}.", "Draft version {version}, saved {saved}."),
    "answer.state_sent": (
        "Skickat {saved} (version {version}). Ni kan ändra och skicka igen till dess att svaren läses in.",
        "Sent {saved} (version {version}). You may change and send again until the answers are applied.",
    ),
    "answer.state_new": ("Inget sparat än.", "Nothing saved yet."),
    "answer.save": ("Spara utkast", "Save draft"),
    "answer.send": ("Skicka svaren", "Send the answers"),
    "answer.saved": ("Utkastet är sparat (version {version}).", "The draft is saved (version {version})."),
    "answer.sent": (
        "Tack! Svaren är skickade (version {version}) och ligger hos samordnaren.",
        "Thank you! The answers are sent (version {version}) and are with the coordinator.",
    ),
    "answer.not_sent": (
        "Svaren skickades inte: rätta felen nedan (utkastet är sparat).",
        "The answers were not sent: fix the errors below (the draft is saved).",
    ),
    "answer.not_saved": (
        "Inget sparades: en text är för lång (se nedan). Det ni skrev står kvar i formuläret.",
        "Nothing was saved: a text is too long (see below). What you wrote is still in the form.",
    ),
    "answer.problems": ("Kontroller", "Checks"),
    "answer.preview": ("Vad svaren skulle ändra", "What the answers would change"),
    "answer.conflict": (
        "Någon annan från {name} sparade en nyare version ({version}, {saved}) medan ni skrev. Här "
        "visas den versionen; era ändringar som inte sparades står i listan nedan. Skriv in dem igen "
        "och spara.",
        "Someone else from {name} saved a newer version ({version}, {saved}) while you were writing. That "
        "version is shown here; your changes that were not saved are listed below. Enter them again and save.",
    ),
    "answer.unsaved": ("Era ändringar som inte sparades", "Your changes that were not saved"),
    "answer.forbidden": (
        "Formuläret kom inte från den här sidan och togs inte emot. Öppna länken igen och försök på nytt.",
        "The form did not come from this page and was not accepted. Open the link again and try once more.",
    ),
    "answer.too_large": ("Formuläret är för stort.", "The form is too large."),
    "answer.too_long": (
        "{column}, rad {row}: högst {n} tecken; texten kortades inte utan togs inte emot.",
        "{column}, row {row}: at most {n} characters; the text was not cut but not accepted.",
    ),
    "answer.busy": (
        "För många försök från er adress just nu. Vänta en minut och försök igen.",
        "Too many attempts from your address just now. Wait a minute and try again.",
    ),
    "answer.choose": ("– välj –", "– choose –"),
    "answer.info_name": (
        "Ert namn (frivilligt: bara om ni vill stå som uppgiftslämnare)",
        "Your name (optional: only if you want to be named as the respondent)",
    ),
    "answer.more_rows": (
        "Fler rader: spara, så kommer tomma rader till (högst {n}).",
        "More rows: save, and empty rows are added (at most {n}).",
    ),
    "answer.no_lines": ("Inga rader.", "No lines."),
    "answer.many_hint": ("flera värden skiljs med ;", "separate several values with ;"),
    # ---- the coordinator's view (/runda and round status)
    "answer.web.title": ("Svar via webben: {round}", "Answers in the browser: {round}"),
    "answer.web.state": ("Läge", "State"),
    "answer.web.link": ("Länk", "Link"),
    "answer.web.link_none": ("ingen länk", "no link"),
    "answer.web.link_valid": ("gäller t.o.m. {expires}", "valid until {expires}"),
    "answer.web.link_revoked": ("återkallad {date}", "revoked {date}"),
    "answer.web.link_expired": ("gick ut {expires}", "expired {expires}"),
    "answer.web.draft": ("utkast v{version} {saved}", "draft v{version} {saved}"),
    "answer.web.sent": ("skickat v{version} {saved}", "sent v{version} {saved}"),
    "answer.web.nothing": ("inget svar", "no answer"),
    "answer.web.answers": ("Skickade svar", "Answers sent"),
    "answer.web.audit": ("Logg (senaste {n})", "Log (latest {n})"),
    "answer.web.time": ("Tid (UTC)", "Time (UTC)"),
    "answer.web.what": ("Vad", "What"),
    "answer.web.apply": (
        "Skickade svar ligger som arbetsböcker i {folder}/svar/: läs in dem med graphmap round apply, som andra svar.",
        "Answers sent are workbooks in {folder}/svar/: apply them with graphmap round apply, like other returns.",
    ),
    "answer.audit.issued": ("länk utfärdad, gäller t.o.m. {expires}", "link issued, valid until {expires}"),
    "answer.audit.revoked": ("länk återkallad", "link revoked"),
    "answer.audit.draft": (
        "utkast v{version} sparat ({answers} svar)",
        "draft v{version} saved ({answers} answers)",
    ),
    "answer.audit.sent": ("skickat v{version} ({answers} svar)", "sent v{version} ({answers} answers)"),
    "answer.audit.conflict": (
        "krock: en äldre version sparades inte (nu v{version})",
        "conflict: an older version was not saved (now v{version})",
    ),
    # ---- the command line
    "answer.cli.issued": (
        "{n} länkar utfärdade för {round}; CSV för utskick: {csv}. Länkarna visas bara nu: bara deras hash sparas.",
        "{n} links issued for {round}; CSV for a mail merge: {csv}. The links are shown now only: "
        "only their hash is kept.",
    ),
    "answer.cli.revoked": ("Länken för {name} är återkallad.", "The link of {name} is revoked."),
    "answer.cli.no_link": ("{name} har ingen giltig länk att återkalla.", "{name} has no valid link to revoke."),
    "answer.cli.not_asked": ("{name} tillfrågas inte i rundan {round}.", "{name} is not asked in the round {round}."),
    "answer.cli.nobody": (
        "Ingen att ge länk: rundan frågar inga kommuner (använd --actor för aktörer).",
        "Nobody to link: the round asks no municipalities (use --actor for actors).",
    ),
    "answer.cli.serving": (
        "Svarssidorna för {round} är öppna under {prefix}: bara den som har en länk kommer in.",
        "The answer pages of {round} are open under {prefix}: only holders of a link get in.",
    ),
    "answer.cli.web_head": ("Svar via webben ({round})", "Answers in the browser ({round})"),
    "answer.help.links": (
        "Utfärda en privat länk per kommun (och aktör med --actor) att svara i webbläsaren",
        "issue one private link per municipality (and actor with --actor) to answer in the browser.",
    ),
    "answer.help.revoke": ("Återkalla en länk", "revoke a link."),
    "answer.help.actor": ("Även aktörer som rundan frågar", "actors the round asks as well."),
    "answer.help.municipality": ("Bara dessa (kod eller namn)", "only these (code or name)."),
    "answer.help.public_url": (
        "Den publika adressen (med sökväg om proxyn lägger till en), t.ex. https://stod.example.se",
        "the public address (with the path the proxy adds, if any), e.g. https://stod.example.se",
    ),
    "answer.help.grace": ("Dagar efter sista svarsdag som länken gäller", "days after the deadline a link works."),
    "answer.help.csv": ("Fil för länkarna (CSV)", "file for the links (CSV)."),
    "answer.help.round": (
        "Öppna svarssidorna för denna runda (namn eller mapp); utan den är servern skrivskyddad",
        "open the answer pages of this round (name or folder); without it the server is read-only.",
    ),
}
