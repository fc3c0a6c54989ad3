"""What each notification says, in English, French and Spanish: short plain-text letters.

``compose(template, lang, **values)`` fills a template's subject and body; amounts (a
``(Decimal, currency)`` pair) and dates are written in the language's own way (Babel), the
currency by name ("2,500.00 US dollars", "2 500,00 dollars des États-Unis").
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from babel.dates import format_date
from babel.numbers import format_currency

#: template -> language -> (subject, body). Values: {fund}, and those each template names.
TEMPLATES: dict[str, dict[str, tuple[str, str]]] = {
    "decision.fund": {
        "en": (
            "{fund}: your proposal {reference} is funded",
            "Dear {name},\n\nAfter the session of its Board of Trustees and the final approval of the "
            "fund manager, the {fund} has awarded a grant of {amount} to your proposal "
            '"{title}" ({reference}).\n\nThe secretariat will send you the grant agreement and the '
            "conditions before the first payment.\n\nThe secretariat of the {fund}\n",
        ),
        "fr": (
            "{fund} : votre proposition {reference} est financée",
            "Madame, Monsieur ({name}),\n\nÀ l'issue de la session de son Conseil d'administration et "
            "de l'approbation finale du gestionnaire du Fonds, le {fund} a accordé une subvention de "
            "{amount} à votre proposition « {title} » ({reference}).\n\nLe secrétariat vous enverra "
            "l'accord de subvention et les conditions préalables au premier versement.\n\n"
            "Le secrétariat du {fund}\n",
        ),
        "es": (
            "{fund}: su propuesta {reference} recibe financiación",
            "Estimado/a {name}:\n\nTras el período de sesiones de su Junta de Síndicos y la aprobación "
            "final del administrador del fondo, el {fund} ha concedido una subvención de {amount} a su "
            'propuesta "{title}" ({reference}).\n\nLa secretaría le enviará el acuerdo de subvención '
            "y las condiciones previas al primer pago.\n\nLa secretaría del {fund}\n",
        ),
    },
    "decision.reserve": {
        "en": (
            "{fund}: your proposal {reference} is on the reserve list",
            'Dear {name},\n\nThe Board of Trustees of the {fund} placed your proposal "{title}" '
            "({reference}) on its reserve list, valid until {until}. Should new funds be released "
            "by then, it may be funded; the secretariat will write to you.\n\n"
            "The secretariat of the {fund}\n",
        ),
        "fr": (
            "{fund} : votre proposition {reference} est inscrite sur la liste de réserve",
            "Madame, Monsieur ({name}),\n\nLe Conseil d'administration du {fund} a inscrit votre "
            "proposition « {title} » ({reference}) sur sa liste de réserve, valable jusqu'au {until}. "
            "Si de nouveaux fonds sont débloqués d'ici là, elle pourra être financée ; le secrétariat "
            "vous écrira.\n\nLe secrétariat du {fund}\n",
        ),
        "es": (
            "{fund}: su propuesta {reference} figura en la lista de reserva",
            'Estimado/a {name}:\n\nLa Junta de Síndicos del {fund} incluyó su propuesta "{title}" '
            "({reference}) en su lista de reserva, válida hasta el {until}. Si se liberan nuevos "
            "fondos antes de esa fecha, podrá ser financiada; la secretaría le escribirá.\n\n"
            "La secretaría del {fund}\n",
        ),
    },
    "decision.decline": {
        "en": (
            "{fund}: your proposal {reference}",
            "Dear {name},\n\nWe regret to inform you that the {fund} is not able to fund your "
            'proposal "{title}" ({reference}) in this cycle. We thank you for your work with '
            "victims and hope to receive your proposals in future calls.\n\n"
            "The secretariat of the {fund}\n",
        ),
        "fr": (
            "{fund} : votre proposition {reference}",
            "Madame, Monsieur ({name}),\n\nNous avons le regret de vous informer que le {fund} ne "
            "peut financer votre proposition « {title} » ({reference}) lors de ce cycle. Nous vous "
            "remercions de votre action auprès des victimes et espérons recevoir vos propositions "
            "lors de prochains appels.\n\nLe secrétariat du {fund}\n",
        ),
        "es": (
            "{fund}: su propuesta {reference}",
            "Estimado/a {name}:\n\nLamentamos informarle de que el {fund} no puede financiar su "
            'propuesta "{title}" ({reference}) en este ciclo. Le agradecemos su labor con las '
            "víctimas y esperamos recibir sus propuestas en próximas convocatorias.\n\n"
            "La secretaría del {fund}\n",
        ),
    },
    "report_due": {
        "en": (
            "{fund}: report due on {due} for grant {grant}",
            "Dear {name},\n\nYour {report} report on grant {grant} is due on {due}. Please send it "
            "to the secretariat by then.\n\nThe secretariat of the {fund}\n",
        ),
        "fr": (
            "{fund} : rapport attendu le {due} pour la subvention {grant}",
            "Madame, Monsieur ({name}),\n\nVotre rapport ({report}) sur la subvention {grant} est "
            "attendu le {due}. Merci de l'envoyer au secrétariat d'ici là.\n\n"
            "Le secrétariat du {fund}\n",
        ),
        "es": (
            "{fund}: informe previsto para el {due}, subvención {grant}",
            "Estimado/a {name}:\n\nSu informe ({report}) sobre la subvención {grant} debe presentarse "
            "el {due}. Le rogamos que lo envíe a la secretaría antes de esa fecha.\n\n"
            "La secretaría del {fund}\n",
        ),
    },
    "report_overdue": {
        "en": (
            "{fund}: report overdue since {due} for grant {grant}",
            "Dear {name},\n\nYour {report} report on grant {grant} was due on {due} and has not "
            "reached the secretariat. Please send it as soon as possible.\n\n"
            "The secretariat of the {fund}\n",
        ),
        "fr": (
            "{fund} : rapport en retard depuis le {due}, subvention {grant}",
            "Madame, Monsieur ({name}),\n\nVotre rapport ({report}) sur la subvention {grant} était "
            "attendu le {due} et n'est pas parvenu au secrétariat. Merci de l'envoyer au plus vite.\n\n"
            "Le secrétariat du {fund}\n",
        ),
        "es": (
            "{fund}: informe atrasado desde el {due}, subvención {grant}",
            "Estimado/a {name}:\n\nSu informe ({report}) sobre la subvención {grant} debía "
            "presentarse el {due} y no ha llegado a la secretaría. Le rogamos que lo envíe cuanto "
            "antes.\n\nLa secretaría del {fund}\n",
        ),
    },
    "board_pack": {
        "en": (
            "{fund}: the Board pack for the session of {held} is ready",
            "Dear {name},\n\nThe pack for the session of the Board of Trustees of the {fund} on "
            "{held} ({place}) is ready. You will find it in the fund's system.\n\n"
            "The secretariat of the {fund}\n",
        ),
        "fr": (
            "{fund} : le dossier de la session du {held} est prêt",
            "Madame, Monsieur ({name}),\n\nLe dossier de la session du Conseil d'administration du "
            "{fund} du {held} ({place}) est prêt. Vous le trouverez dans le système du Fonds.\n\n"
            "Le secrétariat du {fund}\n",
        ),
        "es": (
            "{fund}: la documentación del período de sesiones del {held} está lista",
            "Estimado/a {name}:\n\nLa documentación del período de sesiones de la Junta de Síndicos "
            "del {fund} del {held} ({place}) está lista. La encontrará en el sistema del fondo.\n\n"
            "La secretaría del {fund}\n",
        ),
    },
    "receipt": {
        "en": (
            "{fund}: we acknowledge your contribution of {amount}",
            "Dear {name},\n\nThe {fund} acknowledges with gratitude the receipt on {received} of "
            "{amount} towards your contribution {reference}.\n\nThe secretariat of the {fund}\n",
        ),
        "fr": (
            "{fund} : accusé de réception de votre contribution de {amount}",
            "Madame, Monsieur ({name}),\n\nLe {fund} accuse réception avec gratitude, le {received}, "
            "de {amount} au titre de votre contribution {reference}.\n\nLe secrétariat du {fund}\n",
        ),
        "es": (
            "{fund}: acuse de recibo de su contribución de {amount}",
            "Estimado/a {name}:\n\nEl {fund} acusa recibo con gratitud, el {received}, de {amount} "
            "correspondientes a su contribución {reference}.\n\nLa secretaría del {fund}\n",
        ),
    },
}


#: The line a message that carries a letter says so with, before its signature.
LETTER_ATTACHED = {
    "en": "The letter is attached (PDF).",
    "fr": "La lettre est jointe (PDF).",
    "es": "Se adjunta la carta (PDF).",
}


def with_letter_note(body: str, lang: str) -> str:
    """The body with ``LETTER_ATTACHED`` as the paragraph before its signature."""
    text, _, signature = body.rstrip("\n").rpartition("\n\n")
    return f"{text}\n\n{LETTER_ATTACHED[lang]}\n\n{signature}\n"


def _written(value: Any, lang: str) -> Any:
    if isinstance(value, dt.date):
        return format_date(value, format="long", locale=lang)
    if isinstance(value, tuple) and len(value) == 2 and isinstance(value[0], Decimal):
        amount, currency = value
        return format_currency(amount, currency, locale=lang, format_type="name")
    return value


def compose(template: str, lang: str, **values: Any) -> tuple[str, str]:
    """The subject and body of ``template`` in ``lang``; (Decimal, currency) pairs and dates are
    written in that language."""
    subject, body = TEMPLATES[template][lang]
    written = {key: _written(value, lang) for key, value in values.items()}
    return subject.format(**written), body.format(**written)
