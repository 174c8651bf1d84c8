"""What each export column means, in words, for the "definitions" sheet; one dictionary per language code.

A team lead hands the workbook on: the definitions travel with the figures so nobody has to guess how a median was
taken or which hours counted. Another language is one more entry with the same keys.
"""

from __future__ import annotations

_BUSINESS = (
    "counted in business minutes of the request's calendar (its service standard's calendar, else the account's): "
    "only opening hours count, not public holidays or closed days, and not the time the request waited on the "
    "requester"
)
_GROUP = "Over the requests of the group (received in the period); nearest-rank"
_BUSINESS_NL = (
    "geteld in werkminuten van de kalender van het verzoek (die van de servicenorm, anders die van het account): "
    "alleen openingsuren tellen, geen feestdagen of gesloten dagen, en niet de tijd dat het verzoek op de "
    "aanvrager wachtte"
)
_GROUP_NL = "Over de verzoeken van de groep (ontvangen in de periode); rangmethode (nearest-rank)"
_BUSINESS_DE = (
    "gezählt in Arbeitsminuten des Kalenders der Anfrage (des Kalenders ihres Servicestandards, sonst des Kontos): "
    "nur Öffnungszeiten zählen, keine Feiertage oder Schließtage und nicht die Zeit, in der die Anfrage auf den "
    "Anfragesteller wartete"
)
_GROUP_DE = "Über die Anfragen der Gruppe (im Zeitraum eingegangen); Rangverfahren (nearest-rank)"
_BUSINESS_IT = (
    "contati in minuti lavorativi del calendario della richiesta (quello del suo standard di servizio, altrimenti "
    "quello dell'account): contano solo gli orari di apertura, non i giorni festivi o di chiusura, né il tempo in "
    "cui la richiesta attendeva il richiedente"
)
_GROUP_IT = "Sulle richieste del gruppo (ricevute nel periodo); metodo del rango più vicino (nearest-rank)"

DEFINITIONS: dict[str, dict[str, str]] = {
    "en": {
        "request_id": "The request's number in Loket (as in the [#id] subject tag and 'loket reply').",
        "requester": "The requester's e-mail address (lower case).",
        "requester_name": "The requester's display name as last seen in their mail or the address book.",
        "department": (
            "The requester's department: set on the requester (address book or by hand), else the rule for the "
            "domain of their address; empty when neither applies."
        ),
        "subject": "The subject of the message that opened the request.",
        "status": "The status at export time: new, open, waiting (on the requester), waiting_colleague, resolved.",
        "received_at": (
            "When the mail server received the opening message (IMAP INTERNALDATE), or when the request was entered "
            "by hand; in the account's time zone."
        ),
        "first_message_id": "The Message-ID header of the message that opened the request, with angle brackets.",
        "messages": "All messages of the request, the desk's replies included.",
        "first_response_at": (
            "The earliest Date among the desk's messages in the request that is later than received_at; empty: not "
            "answered yet."
        ),
        "first_response_business_min": f"From received_at to first_response_at, {_BUSINESS}; one decimal.",
        "first_response_calendar_min": "From received_at to first_response_at in real elapsed minutes; one decimal.",
        "resolved_at": (
            "When the request was last set to resolved, if it is resolved now; empty: not resolved. A request the "
            "first sync filed as history (quiet for longer than the mailbox's cut-off) is resolved at its last "
            "message."
        ),
        "resolution_business_min": (
            f"From received_at to resolved_at, {_BUSINESS}; one decimal. Empty for a request filed as history on "
            "the first sync: when it was really resolved is unknown, so it adds no resolution time."
        ),
        "standard": "The service standard that applies to the request; empty: none.",
        "within_standard": (
            "yes when the first response came within the standard's first-response target and, when the standard "
            "has a resolution target, the resolution within that too; no when a target was missed; empty while a "
            "target is still pending or without a standard."
        ),
        "channel": "How the request reached the desk: email (opened by mail), phone or desk (entered by hand).",
        "satisfaction": (
            "The requester's latest rating of the answer, 1 (poor) to 5 (very good), sent with the links of the reply "
            "that resolved the request; empty: not rated."
        ),
        "agent": "The colleague at the desk the request is assigned to; empty: nobody.",
        "month": "The month of received_at in the account's time zone, YYYY-MM.",
        "requests": "Requests received in the period.",
        "answered": "Of those, requests with a first response.",
        "first_response_median_business_min": (
            f"{_GROUP} median of first_response_business_min: the ⌈0.5·N⌉-th smallest of the N answered requests "
            "(the lower middle for even N)."
        ),
        "first_response_p90_business_min": (
            f"{_GROUP} 90th percentile of first_response_business_min: the ⌈0.9·N⌉-th smallest of N values."
        ),
        "first_response_median_calendar_min": f"{_GROUP} median of first_response_calendar_min.",
        "within_standard_pct": (
            "Share of the group's requests with a verdict (within_standard yes or no) that are within the standard, "
            "in percent, one decimal; empty when no request has a verdict yet."
        ),
        "resolved": "Requests of the group that are resolved now, with a resolution time (not those filed as history).",
        "resolution_median_business_min": f"{_GROUP} median of resolution_business_min over the resolved requests.",
        "ratings": "Requests of the group the requester rated.",
        "satisfaction_avg": "The mean of their satisfaction (1–5), one decimal; empty when none was rated.",
        "_column": "column",
        "_definition": "how it is computed",
        "_computed_under": "computed under",
        "_grouping": "grouped by",
        "_from": "received from (inclusive)",
        "_to": "received to (inclusive)",
        "_open": "open",
        "_generated": "generated at (UTC)",
        "_account": "calendar of account",
        "_standard": "service standard",
        "_first_response_target": "first response within",
        "_resolution_target": "resolution within",
        "_account_calendar": "on the account's calendar",
        "_text_cells": (
            "Texts are cells of text, never formulas. In the CSV export a text that begins with =, +, -, @, a tab "
            "or a carriage return gets a ' in front (as OWASP advises against formula injection), so a spreadsheet "
            "program shows it instead of running it."
        ),
    },
    "nl": {
        "request_id": "Het nummer van het verzoek in Loket (zoals in de onderwerpcode [#id] en 'loket reply').",
        "requester": "Het e-mailadres van de aanvrager (in kleine letters).",
        "requester_name": "De weergavenaam van de aanvrager, zoals laatst gezien in diens mail of het adresboek.",
        "department": (
            "De afdeling van de aanvrager: ingesteld bij de aanvrager (adresboek of handmatig), anders de regel voor "
            "het domein van diens adres; leeg als geen van beide van toepassing is."
        ),
        "subject": "Het onderwerp van het bericht waarmee het verzoek begon.",
        "status": (
            "De status op het moment van exporteren: new (nieuw), open, waiting (wacht op de aanvrager), "
            "waiting_colleague (wacht op een collega), resolved (afgehandeld)."
        ),
        "received_at": (
            "Wanneer de mailserver het eerste bericht ontving (IMAP INTERNALDATE), of wanneer het verzoek handmatig "
            "werd ingevoerd; in de tijdzone van het account."
        ),
        "first_message_id": "De Message-ID-header van het bericht waarmee het verzoek begon, met punthaken.",
        "messages": "Alle berichten van het verzoek, de antwoorden van de servicedesk inbegrepen.",
        "first_response_at": (
            "De vroegste Date van de berichten van de servicedesk in het verzoek die later is dan received_at; "
            "leeg: nog niet beantwoord."
        ),
        "first_response_business_min": f"Van received_at tot first_response_at, {_BUSINESS_NL}; één decimaal.",
        "first_response_calendar_min": (
            "Van received_at tot first_response_at in werkelijk verstreken minuten; één decimaal."
        ),
        "resolved_at": (
            "Wanneer het verzoek het laatst op afgehandeld werd gezet, als het nu afgehandeld is; leeg: niet "
            "afgehandeld. Een verzoek dat de eerste synchronisatie als geschiedenis afhandelde (langer stil dan de "
            "grens van de mailbox) is afgehandeld op het moment van zijn laatste bericht."
        ),
        "resolution_business_min": (
            f"Van received_at tot resolved_at, {_BUSINESS_NL}; één decimaal. Leeg voor een verzoek dat bij de eerste "
            "synchronisatie als geschiedenis werd afgehandeld: wanneer het echt werd afgehandeld is onbekend, dus "
            "telt het niet mee in afhandeltijden."
        ),
        "standard": "De servicenorm die op het verzoek van toepassing is; leeg: geen.",
        "within_standard": (
            "yes als de eerste reactie binnen de termijn voor de eerste reactie van de norm kwam en, als de norm een "
            "afhandeltermijn heeft, de afhandeling ook daarbinnen; no als een termijn werd overschreden; leeg zolang "
            "een termijn nog loopt of zonder norm."
        ),
        "channel": (
            "Hoe het verzoek de balie bereikte: email (per e-mail geopend), phone (telefoon) of desk (aan de balie), "
            "de laatste twee met de hand ingevoerd."
        ),
        "satisfaction": (
            "Het laatste cijfer dat de aanvrager het antwoord gaf, 1 (slecht) tot 5 (heel goed), via de links in het "
            "antwoord dat het verzoek afhandelde; leeg: geen cijfer gegeven."
        ),
        "agent": "De collega van de servicedesk aan wie het verzoek is toegewezen; leeg: niemand.",
        "month": "De maand van received_at in de tijdzone van het account, JJJJ-MM.",
        "requests": "Verzoeken ontvangen in de periode.",
        "answered": "Daarvan de verzoeken met een eerste reactie.",
        "first_response_median_business_min": (
            f"{_GROUP_NL}: mediaan van first_response_business_min, de ⌈0,5·N⌉-de kleinste van de N beantwoorde "
            "verzoeken (bij even N de onderste middelste)."
        ),
        "first_response_p90_business_min": (
            f"{_GROUP_NL}: 90e percentiel van first_response_business_min, de ⌈0,9·N⌉-de kleinste van N waarden."
        ),
        "first_response_median_calendar_min": f"{_GROUP_NL}: mediaan van first_response_calendar_min.",
        "within_standard_pct": (
            "Aandeel van de verzoeken van de groep met een oordeel (within_standard yes of no) dat binnen de norm "
            "valt, in procenten, één decimaal; leeg als nog geen verzoek een oordeel heeft."
        ),
        "resolved": (
            "Verzoeken van de groep die nu afgehandeld zijn, met een afhandeltijd (niet die als geschiedenis "
            "afgehandeld)."
        ),
        "resolution_median_business_min": (
            f"{_GROUP_NL}: mediaan van resolution_business_min over de afgehandelde verzoeken."
        ),
        "ratings": "Verzoeken van de groep die de aanvrager een cijfer gaf.",
        "satisfaction_avg": "Het gemiddelde van hun satisfaction (1–5), één decimaal; leeg als er geen cijfer is.",
        "_column": "kolom",
        "_definition": "hoe het berekend wordt",
        "_computed_under": "berekend volgens",
        "_grouping": "gegroepeerd per",
        "_from": "ontvangen vanaf (inclusief)",
        "_to": "ontvangen tot en met",
        "_open": "open",
        "_generated": "gemaakt op (UTC)",
        "_account": "kalender van account",
        "_standard": "servicenorm",
        "_first_response_target": "eerste reactie binnen",
        "_resolution_target": "afhandeling binnen",
        "_account_calendar": "op de kalender van het account",
        "_text_cells": (
            "Teksten zijn tekstcellen, nooit formules. In de CSV-export krijgt een tekst die begint met =, +, -, @, "
            "een tab of een regelterugloop een ' ervoor (zoals OWASP aanraadt tegen formule-injectie), zodat een "
            "spreadsheetprogramma hem toont in plaats van uit te voeren."
        ),
    },
    "de": {
        "request_id": "Die Nummer der Anfrage in Loket (wie im Betreff-Kennzeichen [#id] und in 'loket reply').",
        "requester": "Die E-Mail-Adresse des Anfragestellers (in Kleinbuchstaben).",
        "requester_name": (
            "Der Anzeigename des Anfragestellers, wie zuletzt in seinen E-Mails oder im Adressbuch gesehen."
        ),
        "department": (
            "Die Abteilung des Anfragestellers: beim Anfragesteller festgelegt (Adressbuch oder von Hand), sonst die "
            "Regel für die Domain seiner Adresse; leer, wenn beides nicht zutrifft."
        ),
        "subject": "Der Betreff der Nachricht, mit der die Anfrage begann.",
        "status": (
            "Der Status zum Zeitpunkt des Exports: new (neu), open (offen), waiting (wartet auf den "
            "Anfragesteller), waiting_colleague (wartet auf Kollegen), resolved (erledigt)."
        ),
        "received_at": (
            "Wann der Mailserver die erste Nachricht empfing (IMAP INTERNALDATE) oder wann die Anfrage von Hand "
            "erfasst wurde; in der Zeitzone des Kontos."
        ),
        "first_message_id": "Der Message-ID-Header der Nachricht, mit der die Anfrage begann, mit spitzen Klammern.",
        "messages": "Alle Nachrichten der Anfrage, die Antworten des Servicedesks eingeschlossen.",
        "first_response_at": (
            "Das früheste Date unter den Nachrichten des Servicedesks in der Anfrage, das nach received_at liegt; "
            "leer: noch nicht beantwortet."
        ),
        "first_response_business_min": f"Von received_at bis first_response_at, {_BUSINESS_DE}; eine Nachkommastelle.",
        "first_response_calendar_min": (
            "Von received_at bis first_response_at in tatsächlich vergangenen Minuten; eine Nachkommastelle."
        ),
        "resolved_at": (
            "Wann die Anfrage zuletzt auf erledigt gesetzt wurde, wenn sie jetzt erledigt ist; leer: nicht erledigt. "
            "Eine Anfrage, die die erste Synchronisierung als Verlauf ablegte (länger still als die Grenze des "
            "Postfachs), gilt mit ihrer letzten Nachricht als erledigt."
        ),
        "resolution_business_min": (
            f"Von received_at bis resolved_at, {_BUSINESS_DE}; eine Nachkommastelle. Leer bei einer Anfrage, die die "
            "erste Synchronisierung als Verlauf ablegte: wann sie wirklich erledigt wurde, ist unbekannt, daher "
            "zählt sie nicht zu den Erledigungszeiten."
        ),
        "standard": "Der Servicestandard, der für die Anfrage gilt; leer: keiner.",
        "within_standard": (
            "yes, wenn die erste Antwort innerhalb der Frist des Standards für die erste Antwort kam und, wenn der "
            "Standard eine Erledigungsfrist hat, auch die Erledigung innerhalb dieser; no, wenn eine Frist "
            "überschritten wurde; leer, solange eine Frist noch läuft oder ohne Standard."
        ),
        "channel": (
            "Wie die Anfrage den Schalter erreichte: email (per E-Mail eröffnet), phone (Telefon) oder desk (am "
            "Schalter), die beiden letzten von Hand erfasst."
        ),
        "satisfaction": (
            "Die letzte Bewertung der Antwort durch den Anfragesteller, 1 (schlecht) bis 5 (sehr gut), über die Links "
            "der Antwort, die die Anfrage erledigte; leer: nicht bewertet."
        ),
        "agent": "Die Kollegin oder der Kollege am Servicedesk, dem die Anfrage zugewiesen ist; leer: niemand.",
        "month": "Der Monat von received_at in der Zeitzone des Kontos, JJJJ-MM.",
        "requests": "Im Zeitraum eingegangene Anfragen.",
        "answered": "Davon die Anfragen mit einer ersten Antwort.",
        "first_response_median_business_min": (
            f"{_GROUP_DE}: Median von first_response_business_min, der ⌈0,5·N⌉-kleinste Wert der N beantworteten "
            "Anfragen (bei geradem N der untere mittlere)."
        ),
        "first_response_p90_business_min": (
            f"{_GROUP_DE}: 90. Perzentil von first_response_business_min, der ⌈0,9·N⌉-kleinste von N Werten."
        ),
        "first_response_median_calendar_min": f"{_GROUP_DE}: Median von first_response_calendar_min.",
        "within_standard_pct": (
            "Anteil der Anfragen der Gruppe mit einem Urteil (within_standard yes oder no), die im Standard liegen, "
            "in Prozent, eine Nachkommastelle; leer, solange noch keine Anfrage ein Urteil hat."
        ),
        "resolved": (
            "Anfragen der Gruppe, die jetzt erledigt sind, mit einer Erledigungszeit (nicht die als Verlauf "
            "abgelegten)."
        ),
        "resolution_median_business_min": (
            f"{_GROUP_DE}: Median von resolution_business_min über die erledigten Anfragen."
        ),
        "ratings": "Anfragen der Gruppe, die der Anfragesteller bewertet hat.",
        "satisfaction_avg": "Der Mittelwert ihrer satisfaction (1–5), eine Nachkommastelle; leer ohne Bewertung.",
        "_column": "Spalte",
        "_definition": "wie sie berechnet wird",
        "_computed_under": "berechnet nach",
        "_grouping": "gruppiert nach",
        "_from": "eingegangen ab (einschließlich)",
        "_to": "eingegangen bis (einschließlich)",
        "_open": "offen",
        "_generated": "erstellt am (UTC)",
        "_account": "Kalender des Kontos",
        "_standard": "Servicestandard",
        "_first_response_target": "erste Antwort innerhalb von",
        "_resolution_target": "Erledigung innerhalb von",
        "_account_calendar": "nach dem Kalender des Kontos",
        "_text_cells": (
            "Texte sind Textzellen, nie Formeln. Im CSV-Export erhält ein Text, der mit =, +, -, @, einem Tabulator "
            "oder einem Wagenrücklauf beginnt, ein vorangestelltes ' (wie OWASP gegen Formel-Injektion empfiehlt), "
            "damit eine Tabellenkalkulation ihn anzeigt statt ihn auszuführen."
        ),
    },
    "it": {
        "request_id": "Il numero della richiesta in Loket (come nel tag [#id] dell'oggetto e in 'loket reply').",
        "requester": "L'indirizzo e-mail del richiedente (in minuscolo).",
        "requester_name": "Il nome visualizzato del richiedente, come visto per ultimo nella sua posta o in rubrica.",
        "department": (
            "Il reparto del richiedente: impostato sul richiedente (rubrica o a mano), altrimenti la regola per il "
            "dominio del suo indirizzo; vuoto se nessuna delle due si applica."
        ),
        "subject": "L'oggetto del messaggio che ha aperto la richiesta.",
        "status": (
            "Lo stato al momento dell'esportazione: new (nuova), open (aperta), waiting (in attesa del "
            "richiedente), waiting_colleague (in attesa di un collega), resolved (risolta)."
        ),
        "received_at": (
            "Quando il server di posta ha ricevuto il messaggio iniziale (IMAP INTERNALDATE), o quando la richiesta "
            "è stata inserita a mano; nel fuso orario dell'account."
        ),
        "first_message_id": (
            "L'intestazione Message-ID del messaggio che ha aperto la richiesta, con le parentesi angolari."
        ),
        "messages": "Tutti i messaggi della richiesta, comprese le risposte dello sportello.",
        "first_response_at": (
            "La Date più vicina tra i messaggi dello sportello nella richiesta che sia successiva a received_at; "
            "vuoto: non ancora risposta."
        ),
        "first_response_business_min": f"Da received_at a first_response_at, {_BUSINESS_IT}; un decimale.",
        "first_response_calendar_min": "Da received_at a first_response_at in minuti effettivamente trascorsi; un decimale.",
        "resolved_at": (
            "Quando la richiesta è stata impostata l'ultima volta come risolta, se ora è risolta; vuoto: non risolta. "
            "Una richiesta archiviata come storico dalla prima sincronizzazione (ferma da più del limite della "
            "casella) è risolta al momento del suo ultimo messaggio."
        ),
        "resolution_business_min": (
            f"Da received_at a resolved_at, {_BUSINESS_IT}; un decimale. Vuoto per una richiesta archiviata come "
            "storico dalla prima sincronizzazione: quando sia stata davvero risolta non si sa, quindi non conta nei "
            "tempi di risoluzione."
        ),
        "standard": "Lo standard di servizio che si applica alla richiesta; vuoto: nessuno.",
        "within_standard": (
            "yes se la prima risposta è arrivata entro il termine di prima risposta dello standard e, se lo standard "
            "ha un termine di risoluzione, anche la risoluzione entro quello; no se un termine è stato superato; "
            "vuoto finché un termine è ancora in corso o senza standard."
        ),
        "channel": (
            "Come la richiesta è arrivata allo sportello: email (aperta per posta), phone (telefono) o desk (allo "
            "sportello), gli ultimi due inseriti a mano."
        ),
        "satisfaction": (
            "L'ultima valutazione della risposta data dal richiedente, da 1 (scarsa) a 5 (ottima), tramite i link "
            "della risposta che ha risolto la richiesta; vuoto: non valutata."
        ),
        "agent": "Il collega dello sportello a cui è assegnata la richiesta; vuoto: nessuno.",
        "month": "Il mese di received_at nel fuso orario dell'account, AAAA-MM.",
        "requests": "Richieste ricevute nel periodo.",
        "answered": "Di queste, le richieste con una prima risposta.",
        "first_response_median_business_min": (
            f"{_GROUP_IT}: mediana di first_response_business_min, il ⌈0,5·N⌉-esimo valore più piccolo delle N "
            "richieste con risposta (per N pari il centrale inferiore)."
        ),
        "first_response_p90_business_min": (
            f"{_GROUP_IT}: 90° percentile di first_response_business_min, il ⌈0,9·N⌉-esimo più piccolo di N valori."
        ),
        "first_response_median_calendar_min": f"{_GROUP_IT}: mediana di first_response_calendar_min.",
        "within_standard_pct": (
            "Quota delle richieste del gruppo con un esito (within_standard yes o no) che sono entro lo standard, "
            "in percentuale, un decimale; vuoto finché nessuna richiesta ha un esito."
        ),
        "resolved": (
            "Richieste del gruppo che ora sono risolte, con un tempo di risoluzione (non quelle archiviate come "
            "storico)."
        ),
        "resolution_median_business_min": (
            f"{_GROUP_IT}: mediana di resolution_business_min sulle richieste risolte."
        ),
        "ratings": "Richieste del gruppo valutate dal richiedente.",
        "satisfaction_avg": "La media della loro satisfaction (1–5), un decimale; vuoto se nessuna è valutata.",
        "_column": "colonna",
        "_definition": "come viene calcolata",
        "_computed_under": "calcolata secondo",
        "_grouping": "raggruppata per",
        "_from": "ricevute dal (incluso)",
        "_to": "ricevute fino al (incluso)",
        "_open": "aperto",
        "_generated": "generata il (UTC)",
        "_account": "calendario dell'account",
        "_standard": "standard di servizio",
        "_first_response_target": "prima risposta entro",
        "_resolution_target": "risoluzione entro",
        "_account_calendar": "sul calendario dell'account",
        "_text_cells": (
            "I testi sono celle di testo, mai formule. Nell'esportazione CSV un testo che inizia con =, +, -, @, una "
            "tabulazione o un ritorno a capo riceve un ' davanti (come consiglia OWASP contro l'iniezione di "
            "formule), così un foglio di calcolo lo mostra invece di eseguirlo."
        ),
    },
}


def definitions(language: str) -> dict[str, str]:
    """The texts for ``language`` ("nl", "de-CH" ...), falling back to the base language, then English."""
    base = language.split("-")[0].split("_")[0].lower()
    return DEFINITIONS.get(language) or DEFINITIONS.get(base) or DEFINITIONS["en"]
