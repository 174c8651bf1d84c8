<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name></name>
    <message>
        <source>%1 d</source>
        <translation>%1 T</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 T %2 h</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>done</source>
        <translation>erledigt</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>pausiert</translation>
    </message>
    <message>
        <source>−%1</source>
        <translation>−%1</translation>
    </message>
    <message>
        <source>No service standard applies to this request.</source>
        <translation>Für diese Anfrage gilt kein Servicestandard.</translation>
    </message>
    <message>
        <source>first response</source>
        <translation>erste Antwort</translation>
    </message>
    <message>
        <source>resolution</source>
        <translation>Erledigung</translation>
    </message>
    <message>
        <source>Due %1 (%2)</source>
        <translation>Fällig %1 (%2)</translation>
    </message>
    <message>
        <source>Overdue by %1 of working time</source>
        <translation>Um %1 Arbeitszeit überfällig</translation>
    </message>
    <message>
        <source>%1 of working time left</source>
        <translation>Noch %1 Arbeitszeit</translation>
    </message>
    <message>
        <source>%1 of working time from %2 falls due %3 (%4).</source>
        <translation>%1 Arbeitszeit ab %2: fällig %3 (%4).</translation>
    </message>
    <message>
        <source>%1: closed, public holiday %2</source>
        <translation>%1: geschlossen, Feiertag %2</translation>
    </message>
    <message>
        <source>%1: closed day</source>
        <translation>%1: Schließtag</translation>
    </message>
    <message>
        <source>%1: no opening hours</source>
        <translation>%1: keine Öffnungszeiten</translation>
    </message>
    <message>
        <source>%1: paused %2–%3, %4 of opening time not counted</source>
        <translation>%1: pausiert %2–%3, %4 Öffnungszeit nicht gezählt</translation>
    </message>
    <message>
        <source>%1: counted %2–%3 (%4)</source>
        <translation>%1: gezählt %2–%3 (%4)</translation>
    </message>
    <message>
        <source>%1 min (%2 h)</source>
        <translation>%1 Min. (%2 Std.)</translation>
    </message>
    <message>
        <source>Requests received</source>
        <translation>Eingegangene Anfragen</translation>
    </message>
    <message>
        <source>First response, median</source>
        <translation>Erste Antwort, Median</translation>
    </message>
    <message>
        <source>First response, P90</source>
        <translation>Erste Antwort, P90</translation>
    </message>
    <message>
        <source>Resolution, median</source>
        <translation>Erledigung, Median</translation>
    </message>
    <message>
        <source>Ratings</source>
        <translation>Bewertungen</translation>
    </message>
    <message>
        <source>Satisfaction (1–5)</source>
        <translation>Zufriedenheit (1–5)</translation>
    </message>
    <message>
        <source>Key figures</source>
        <translation>Kennzahlen</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>Kennzahl</translation>
    </message>
    <message>
        <source>This period</source>
        <translation>Dieser Zeitraum</translation>
    </message>
    <message>
        <source>Previous period</source>
        <translation>Vorheriger Zeitraum</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Veränderung</translation>
    </message>
    <message>
        <source>Times are business hours of each request&apos;s calendar; previous period: %1.</source>
        <translation>Zeiten sind Arbeitsstunden nach dem Kalender jeder Anfrage; vorheriger Zeitraum: %1.</translation>
    </message>
    <message>
        <source>Standard most requests fall under: “%1”, first response within %2.</source>
        <translation>Standard der meisten Anfragen: „%1“, erste Antwort innerhalb von %2.</translation>
    </message>
    <message>
        <source>Week by week</source>
        <translation>Woche für Woche</translation>
    </message>
    <message>
        <source>First response per week (business hours)</source>
        <translation>Erste Antwort pro Woche (Arbeitsstunden)</translation>
    </message>
    <message>
        <source>Median</source>
        <translation>Median</translation>
    </message>
    <message>
        <source>P90</source>
        <translation>P90</translation>
    </message>
    <message>
        <source>Share within standard per week</source>
        <translation>Anteil im Standard pro Woche</translation>
    </message>
    <message>
        <source>No requests were received in this period.</source>
        <translation>In diesem Zeitraum sind keine Anfragen eingegangen.</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Abteilung</translation>
    </message>
    <message>
        <source>Median (h)</source>
        <translation>Median (Std.)</translation>
    </message>
    <message>
        <source>P90 (h)</source>
        <translation>P90 (Std.)</translation>
    </message>
    <message>
        <source>(no department)</source>
        <translation>(keine Abteilung)</translation>
    </message>
    <message>
        <source>Top requesters</source>
        <translation>Häufigste Anfragesteller</translation>
    </message>
    <message>
        <source>Requester</source>
        <translation>Anfragesteller</translation>
    </message>
    <message>
        <source>We waited on</source>
        <translation>Worauf wir warteten</translation>
    </message>
    <message>
        <source>Each colleague department the desk forwarded to (status “waiting on colleague”): how many requests, and the business hours they waited, finished waits only; waits still running are counted apart.</source>
        <translation>Jede Abteilung, an die der Schalter weitergeleitet hat (Status „wartet auf Kollegen“): wie viele Anfragen und wie viele Arbeitsstunden sie warteten, nur abgeschlossene Wartezeiten; noch laufende werden getrennt gezählt.</translation>
    </message>
    <message>
        <source>No request waited on a colleague department in this period.</source>
        <translation>In diesem Zeitraum wartete keine Anfrage auf eine andere Abteilung.</translation>
    </message>
    <message>
        <source>The longest waits</source>
        <translation>Die längsten Wartezeiten</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Anfrage</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <source>Waited on</source>
        <translation>Gewartet auf</translation>
    </message>
    <message>
        <source>Business hours</source>
        <translation>Arbeitsstunden</translation>
    </message>
    <message>
        <source>Per person</source>
        <translation>Pro Person</translation>
    </message>
    <message>
        <source>Per-person figures are switched off for this mailbox: monitoring individual performance needs the works council&apos;s consent. The team&apos;s figures are on the first page.</source>
        <translation>Kennzahlen pro Person sind für dieses Postfach ausgeschaltet: die Überwachung individueller Leistung braucht die Zustimmung des Betriebsrats. Die Kennzahlen des Teams stehen auf der ersten Seite.</translation>
    </message>
    <message>
        <source>Colleague</source>
        <translation>Kollege/Kollegin</translation>
    </message>
    <message>
        <source>First response, median (h)</source>
        <translation>Erste Antwort, Median (Std.)</translation>
    </message>
    <message>
        <source>(not assigned)</source>
        <translation>(nicht zugewiesen)</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>closed on the public holidays of %1</source>
        <translation>geschlossen an den Feiertagen von %1</translation>
    </message>
    <message>
        <source>extra closed days: %1</source>
        <translation>zusätzliche Schließtage: %1</translation>
    </message>
    <message>
        <source>Definitions</source>
        <translation>Definitionen</translation>
    </message>
    <message>
        <source>How often a resolved request of the period was opened again (by the requester or the desk).</source>
        <translation>Wie oft eine erledigte Anfrage des Zeitraums wieder geöffnet wurde (vom Anfragesteller oder vom Schalter).</translation>
    </message>
    <message>
        <source>The same number of days directly before the period, with the same definitions.</source>
        <translation>Gleich viele Tage direkt vor dem Zeitraum, mit denselben Definitionen.</translation>
    </message>
    <message>
        <source>Time a request spent in the status “waiting on colleague”, per colleague department named when it was forwarded, in business hours of the request&apos;s calendar.</source>
        <translation>Zeit, die eine Anfrage im Status „wartet auf Kollegen“ verbrachte, pro beim Weiterleiten genannter Abteilung, in Arbeitsstunden des Kalenders der Anfrage.</translation>
    </message>
    <message>
        <source>Standards and calendars in force</source>
        <translation>Geltende Standards und Kalender</translation>
    </message>
    <message>
        <source>first response within %1</source>
        <translation>erste Antwort innerhalb von %1</translation>
    </message>
    <message>
        <source>resolved within %1</source>
        <translation>erledigt innerhalb von %1</translation>
    </message>
    <message>
        <source>the mailbox&apos;s calendar</source>
        <translation>der Kalender des Postfachs</translation>
    </message>
    <message>
        <source>Mailbox %1</source>
        <translation>Postfach %1</translation>
    </message>
    <message>
        <source>requests from %1</source>
        <translation>Anfragen aus %1</translation>
    </message>
    <message>
        <source>all requests</source>
        <translation>alle Anfragen</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Service report</source>
        <translation>Servicebericht</translation>
    </message>
    <message>
        <source>Loket · %1 · made %2</source>
        <translation>Loket · %1 · erstellt %2</translation>
    </message>
    <message>
        <source>Standard “%1”: %2 h</source>
        <translation>Standard „%1“: %2 Std.</translation>
    </message>
    <message>
        <source>business hours</source>
        <translation>Arbeitsstunden</translation>
    </message>
    <message>
        <source>Within standard (%)</source>
        <translation>Im Standard (%)</translation>
    </message>
    <message>
        <source>Requests per week</source>
        <translation>Anfragen pro Woche</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Eingegangen</translation>
    </message>
    <message>
        <source>Who asks</source>
        <translation>Wer fragt</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Beantwortet</translation>
    </message>
    <message>
        <source>First response median (h)</source>
        <translation>Erste Antwort, Median (Std.)</translation>
    </message>
    <message>
        <source>First response P90 (h)</source>
        <translation>Erste Antwort, P90 (Std.)</translation>
    </message>
    <message>
        <source>Within standard</source>
        <translation>Im Standard</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>Resolution median (h)</source>
        <translation>Erledigung, Median (Std.)</translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation>Wieder geöffnet</translation>
    </message>
    <message>
        <source>Department we waited on</source>
        <translation>Abteilung, auf die wir warteten</translation>
    </message>
    <message>
        <source>(not named)</source>
        <translation>(ohne Namen)</translation>
    </message>
    <message>
        <source>Waits</source>
        <translation>Wartezeiten</translation>
    </message>
    <message>
        <source>Median wait (h)</source>
        <translation>Wartezeit, Median (Std.)</translation>
    </message>
    <message>
        <source>P90 wait (h)</source>
        <translation>Wartezeit, P90 (Std.)</translation>
    </message>
    <message>
        <source>Total (h)</source>
        <translation>Gesamt (Std.)</translation>
    </message>
    <message>
        <source>Colleague department</source>
        <translation>Abteilung der Kollegen</translation>
    </message>
    <message>
        <source>Longest (h)</source>
        <translation>Längste (Std.)</translation>
    </message>
    <message>
        <source>Still waiting</source>
        <translation>Wartet noch</translation>
    </message>
    <message>
        <source>%1: %2 of %3 messages</source>
        <translation>%1: %2 von %3 Nachrichten</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>noch %1</translation>
    </message>
    <message>
        <source>%1: checking for new mail…</source>
        <translation>%1: neue E-Mails werden abgerufen…</translation>
    </message>
    <message>
        <source>%1: connecting…</source>
        <translation>%1: Verbindung wird hergestellt…</translation>
    </message>
    <message>
        <source>%1: up to date</source>
        <translation>%1: aktuell</translation>
    </message>
    <message>
        <source>%1: cannot reach the server, reconnecting in %2</source>
        <translation>%1: Server nicht erreichbar, neuer Versuch in %2</translation>
    </message>
    <message>
        <source>%1: another Loket is syncing this mailbox; waiting for it</source>
        <translation>%1: ein anderes Loket synchronisiert dieses Postfach; warten, bis es fertig ist</translation>
    </message>
    <message>
        <source>%1: the disk is full; free some space, syncing again in %2</source>
        <translation>%1: der Datenträger ist voll; bitte Platz schaffen, erneute Synchronisierung in %2</translation>
    </message>
    <message>
        <source>%1: another program holds the store&apos;s lock; trying again in %2</source>
        <translation>%1: ein anderes Programm hält den Speicher gesperrt; neuer Versuch in %2</translation>
    </message>
    <message>
        <source>%1: no password stored</source>
        <translation>%1: kein Passwort gespeichert</translation>
    </message>
    <message>
        <source>%1: sign in again</source>
        <translation>%1: erneut anmelden</translation>
    </message>
    <message>
        <source>%1: wrong password</source>
        <translation>%1: falsches Passwort</translation>
    </message>
    <message>
        <source>%1: sync stopped (%2)</source>
        <translation>%1: Synchronisierung angehalten (%2)</translation>
    </message>
    <message>
        <source>%1: not syncing</source>
        <translation>%1: keine Synchronisierung</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 Sek.</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(kein Betreff)</translation>
    </message>
    <message>
        <source>Attachment:</source>
        <translation>Anhang:</translation>
    </message>
    <message>
        <source>Attached message</source>
        <translation>Angehängte Nachricht</translation>
    </message>
    <message>
        <source>Cancelled meeting</source>
        <translation>Besprechung abgesagt</translation>
    </message>
    <message>
        <source>Answer to an invitation</source>
        <translation>Antwort auf eine Einladung</translation>
    </message>
    <message>
        <source>Invitation</source>
        <translation>Einladung</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Wo</translation>
    </message>
    <message>
        <source>Organiser</source>
        <translation>Organisator</translation>
    </message>
    <message>
        <source>breached</source>
        <translation>überschritten</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>on time</source>
        <translation>im Plan</translation>
    </message>
</context>
<context>
    <name>AccountDialog</name>
    <message>
        <source>Edit mailbox</source>
        <translation>Postfach bearbeiten</translation>
    </message>
    <message>
        <source>Add a department mailbox</source>
        <translation>Abteilungspostfach hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>&amp;Entfernen…</translation>
    </message>
    <message>
        <source>unchanged (stored in the keyring)</source>
        <translation>unverändert (im Schlüsselbund gespeichert)</translation>
    </message>
    <message>
        <source>SSL/TLS</source>
        <translation>SSL/TLS</translation>
    </message>
    <message>
        <source>STARTTLS</source>
        <translation>STARTTLS</translation>
    </message>
    <message>
        <source>None (this computer only)</source>
        <translation>Keine (nur dieser Computer)</translation>
    </message>
    <message>
        <source>E-mail &amp;address:</source>
        <translation>E-Mail-&amp;Adresse:</translation>
    </message>
    <message>
        <source>&amp;Display name:</source>
        <translation>Anzeige&amp;name:</translation>
    </message>
    <message>
        <source>Service desk</source>
        <translation>Servicedesk</translation>
    </message>
    <message>
        <source>Account &amp;name:</source>
        <translation>&amp;Kontoname:</translation>
    </message>
    <message>
        <source>Sign in &amp;with:</source>
        <translation>Anmeldun&amp;g:</translation>
    </message>
    <message>
        <source>A password</source>
        <translation>Ein Passwort</translation>
    </message>
    <message>
        <source>Microsoft 365</source>
        <translation>Microsoft 365</translation>
    </message>
    <message>
        <source>Google Workspace</source>
        <translation>Google Workspace</translation>
    </message>
    <message>
        <source>Another provider (OpenID Connect)</source>
        <translation>Ein anderer Anbieter (OpenID Connect)</translation>
    </message>
    <message>
        <source>Issuer UR&amp;L:</source>
        <translation>Aussteller-UR&amp;L:</translation>
    </message>
    <message>
        <source>&amp;Client ID:</source>
        <translation>Client-I&amp;D:</translation>
    </message>
    <message>
        <source>Loket&apos;s ID at the provider</source>
        <translation>die ID von Loket beim Anbieter</translation>
    </message>
    <message>
        <source>Si&amp;gns in as:</source>
        <translation>Anm&amp;elden als:</translation>
    </message>
    <message>
        <source>the address (or you, for a shared mailbox)</source>
        <translation>die Adresse (oder Sie selbst, bei einem geteilten Postfach)</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Benutzername:</translation>
    </message>
    <message>
        <source>&amp;IMAP server:</source>
        <translation>&amp;IMAP-Server:</translation>
    </message>
    <message>
        <source>IMAP p&amp;ort:</source>
        <translation>IMAP-P&amp;ort:</translation>
    </message>
    <message>
        <source>IMAP &amp;security:</source>
        <translation>IMAP-&amp;Sicherheit:</translation>
    </message>
    <message>
        <source>S&amp;MTP server:</source>
        <translation>S&amp;MTP-Server:</translation>
    </message>
    <message>
        <source>SMTP po&amp;rt:</source>
        <translation>SMTP-Po&amp;rt:</translation>
    </message>
    <message>
        <source>SMTP s&amp;ecurity:</source>
        <translation>SMTP-Si&amp;cherheit:</translation>
    </message>
    <message>
        <source>&amp;Time zone:</source>
        <translation>&amp;Zeitzone:</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Public &amp;holidays:</source>
        <translation>&amp;Feiertage:</translation>
    </message>
    <message>
        <source>&amp;File as history after (days):</source>
        <translation>Als &amp;Verlauf ablegen nach (Tagen):</translation>
    </message>
    <message>
        <source>never: keep all open</source>
        <translation>nie: alles offen lassen</translation>
    </message>
    <message>
        <source>On the first sync, and when the store is rebuilt, a request whose last message is older than this is filed as done, marked as history. A requester who writes again reopens it.</source>
        <translation>Bei der ersten Synchronisierung und wenn der Speicher neu aufgebaut wird, wird eine Anfrage, deren letzte Nachricht älter ist, als erledigt abgelegt und als Verlauf markiert. Schreibt der Anfragende erneut, wird sie wieder geöffnet.</translation>
    </message>
    <message>
        <source>Microsoft</source>
        <translation>Microsoft</translation>
    </message>
    <message>
        <source>Google</source>
        <translation>Google</translation>
    </message>
    <message>
        <source>your provider</source>
        <translation>Ihrem Anbieter</translation>
    </message>
    <message>
        <source>Sign in again with %1…</source>
        <translation>Erneut anmelden bei %1…</translation>
    </message>
    <message>
        <source>Sign in with %1…</source>
        <translation>Anmelden bei %1…</translation>
    </message>
    <message>
        <source>Enter the client ID under which Loket is registered at the provider.</source>
        <translation>Geben Sie die Client-ID ein, unter der Loket beim Anbieter registriert ist.</translation>
    </message>
    <message>
        <source>Continue in the web browser that opened…</source>
        <translation>Fahren Sie im geöffneten Webbrowser fort…</translation>
    </message>
    <message>
        <source>Signed in. Testing the connection…</source>
        <translation>Angemeldet. Die Verbindung wird getestet…</translation>
    </message>
    <message>
        <source>Servers guessed from the domain: check them with your mail provider.</source>
        <translation>Server aus der Domain abgeleitet: bitte beim E-Mail-Anbieter prüfen.</translation>
    </message>
    <message>
        <source>Settings for %1.</source>
        <translation>Einstellungen für %1.</translation>
    </message>
    <message>
        <source>Sign in first, then the connection is tested.</source>
        <translation>Melden Sie sich zuerst an; dann wird die Verbindung getestet.</translation>
    </message>
    <message>
        <source>Enter the password to test the connection.</source>
        <translation>Geben Sie das Passwort ein, um die Verbindung zu testen.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbindung wird hergestellt…</translation>
    </message>
    <message>
        <source>Connected: the server accepted the login for receiving and sending.</source>
        <translation>Verbunden: Der Server hat die Anmeldung für Empfang und Versand angenommen.</translation>
    </message>
    <message>
        <source>Sign in first: Loket keeps the sign-in in the system keyring.</source>
        <translation>Melden Sie sich zuerst an: Loket bewahrt die Anmeldung im Schlüsselbund des Systems auf.</translation>
    </message>
    <message>
        <source>Enter the mailbox&apos;s password: Loket keeps it in the system keyring.</source>
        <translation>Geben Sie das Passwort des Postfachs ein: Loket bewahrt es im Schlüsselbund des Systems auf.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
    <message>
        <source>Remove mailbox</source>
        <translation>Postfach entfernen</translation>
    </message>
    <message>
        <source>Remove this mailbox and its requests from this computer? The mail stays on the server, and a later sync can bring it back.</source>
        <translation>Dieses Postfach und seine Anfragen von diesem Computer entfernen? Die E-Mails bleiben auf dem Server, eine spätere Synchronisierung kann sie zurückholen.</translation>
    </message>
    <message>
        <source>Unsent replies</source>
        <translation>Nicht gesendete Antworten</translation>
    </message>
    <message numerus="yes">
        <source>This mailbox has %n reply(s) in the outbox that never reached the server. Removing the mailbox deletes them for good. Remove it anyway?</source>
        <translation>
            <numerusform>Dieses Postfach hat %n Antwort im Postausgang, die den Server nie erreicht hat. Wenn Sie das Postfach entfernen, ist sie endgültig verloren. Trotzdem entfernen?</numerusform>
            <numerusform>Dieses Postfach hat %n Antworten im Postausgang, die den Server nie erreicht haben. Wenn Sie das Postfach entfernen, sind sie endgültig verloren. Trotzdem entfernen?</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was removed: send or discard the replies in the outbox first.</source>
        <translation>Es wurde nichts entfernt: Senden oder verwerfen Sie zuerst die Antworten im Postausgang.</translation>
    </message>
    <message>
        <source>The provider asks you to sign in again.</source>
        <translation>Der Anbieter bittet Sie, sich erneut anzumelden.</translation>
    </message>
    <message>
        <source>The sign-in did not succeed, or the server refused it.</source>
        <translation>Die Anmeldung ist nicht gelungen, oder der Server hat sie abgelehnt.</translation>
    </message>
    <message>
        <source>The server refused the user name or password.</source>
        <translation>Der Server hat Benutzername oder Passwort abgelehnt.</translation>
    </message>
    <message>
        <source>The port or the security setting looks wrong:</source>
        <translation>Der Port oder die Sicherheitseinstellung scheint falsch zu sein:</translation>
    </message>
    <message>
        <source>The secure connection was refused: the certificate is not trusted or the security setting does not match the server.</source>
        <translation>Die sichere Verbindung wurde abgelehnt: Das Zertifikat ist nicht vertrauenswürdig oder die Sicherheitseinstellung passt nicht zum Server.</translation>
    </message>
    <message>
        <source>The server cannot be reached: check the server name, the port and the network.</source>
        <translation>Der Server ist nicht erreichbar: Prüfen Sie Servername, Port und Netzwerk.</translation>
    </message>
    <message>
        <source>The system keyring did not store the password.</source>
        <translation>Der Schlüsselbund des Systems hat das Passwort nicht gespeichert.</translation>
    </message>
    <message>
        <source>A setting cannot work:</source>
        <translation>Eine Einstellung kann nicht funktionieren:</translation>
    </message>
    <message>
        <source>Something unexpected went wrong:</source>
        <translation>Etwas Unerwartetes ist schiefgegangen:</translation>
    </message>
</context>
<context>
    <name>AccountMenu</name>
    <message>
        <source>&amp;Mailboxes</source>
        <translation>&amp;Postfächer</translation>
    </message>
    <message>
        <source>&amp;Add mailbox…</source>
        <translation>Postfach &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>Edit %1…</source>
        <translation>%1 bearbeiten…</translation>
    </message>
    <message>
        <source>Rating links in resolved replies (%1)</source>
        <translation>Bewertungslinks in Erledigt-Antworten (%1)</translation>
    </message>
    <message>
        <source>A reply that resolves a request ends with links to rate the answer from 1 to 5</source>
        <translation>Eine Antwort, die eine Anfrage erledigt, endet mit Links, um die Antwort von 1 bis 5 zu bewerten</translation>
    </message>
    <message>
        <source>Per-person figures (%1)</source>
        <translation>Kennzahlen pro Person (%1)</translation>
    </message>
    <message>
        <source>Off where the works council has not agreed to monitoring individual performance</source>
        <translation>Aus, wo der Betriebsrat der Überwachung individueller Leistung nicht zugestimmt hat</translation>
    </message>
</context>
<context>
    <name>AlertControl</name>
    <message>
        <source>New request from %1</source>
        <translation>Neue Anfrage von %1</translation>
    </message>
    <message>
        <source>Request #%1 is about to breach its standard</source>
        <translation>Anfrage #%1 überschreitet gleich ihre Frist</translation>
    </message>
    <message numerus="yes">
        <source>%Ln new request(s)</source>
        <translation>
            <numerusform>%Ln neue Anfrage</numerusform>
            <numerusform>%Ln neue Anfragen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln request(s) about to breach their standard</source>
        <translation>
            <numerusform>%Ln Anfrage überschreitet gleich ihre Frist</numerusform>
            <numerusform>%Ln Anfragen überschreiten gleich ihre Frist</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ComposeDialog</name>
    <message>
        <source>Reply</source>
        <translation>Antworten</translation>
    </message>
    <message>
        <source>Reply to all</source>
        <translation>Allen antworten</translation>
    </message>
    <message>
        <source>Forward to a colleague</source>
        <translation>An Kollegen weiterleiten</translation>
    </message>
    <message>
        <source>colleague@department.example</source>
        <translation>kollegin@abteilung.example</translation>
    </message>
    <message>
        <source>Language of the reply</source>
        <translation>Sprache der Antwort</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Vorlage</translation>
    </message>
    <message>
        <source>Status after sending</source>
        <translation>Status nach dem Senden</translation>
    </message>
    <message>
        <source>Also send as HTML</source>
        <translation>Auch als HTML senden</translation>
    </message>
    <message>
        <source>Plain text always goes; some mail programs show an HTML copy more nicely</source>
        <translation>Reiner Text wird immer gesendet; manche E-Mail-Programme zeigen eine HTML-Kopie schöner an</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>An:</translation>
    </message>
    <message>
        <source>Cc:</source>
        <translation>Cc:</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>Betreff:</translation>
    </message>
    <message>
        <source>Template:</source>
        <translation>Vorlage:</translation>
    </message>
    <message>
        <source>Status after sending:</source>
        <translation>Status nach dem Senden:</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Anhänge</translation>
    </message>
    <message>
        <source>Drop files here to attach them</source>
        <translation>Dateien zum Anhängen hierher ziehen</translation>
    </message>
    <message>
        <source>Attach…</source>
        <translation>Anhängen…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>(no template)</source>
        <translation>(keine Vorlage)</translation>
    </message>
    <message>
        <source>Acknowledgement</source>
        <translation>Eingangsbestätigung</translation>
    </message>
    <message>
        <source>Asking for more information</source>
        <translation>Rückfrage</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>Forwarded to a colleague</source>
        <translation>An Kollegen weitergeleitet</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Dateien anhängen</translation>
    </message>
    <message>
        <source>Attachments: %1</source>
        <translation>Anhänge: %1</translation>
    </message>
    <message>
        <source>large: many mail servers refuse messages of this size</source>
        <translation>groß: Viele Mailserver lehnen Nachrichten dieser Größe ab</translation>
    </message>
    <message>
        <source>Name at least one recipient.</source>
        <translation>Geben Sie mindestens einen Empfänger an.</translation>
    </message>
    <message>
        <source>Write a reply first: an empty reply tells the requester nothing.</source>
        <translation>Schreiben Sie zuerst eine Antwort: Eine leere Antwort sagt dem Anfragesteller nichts.</translation>
    </message>
    <message>
        <source>Checking the request for anything newer…</source>
        <translation>Anfrage wird auf Neueres geprüft…</translation>
    </message>
    <message>
        <source>Still to fill in: %1</source>
        <translation>Noch auszufüllen: %1</translation>
    </message>
    <message>
        <source>Placeholders not filled in</source>
        <translation>Nicht ausgefüllte Platzhalter</translation>
    </message>
    <message>
        <source>The reply still contains %1, which the requester would read as written. Send anyway?</source>
        <translation>Die Antwort enthält noch %1, was der Anfragesteller genau so lesen würde. Trotzdem senden?</translation>
    </message>
    <message>
        <source>Large attachments</source>
        <translation>Große Anhänge</translation>
    </message>
    <message>
        <source>The attachments add up to %1; many mail servers refuse messages this large. Send anyway?</source>
        <translation>Die Anhänge sind zusammen %1 groß; viele Mailserver lehnen so große Nachrichten ab. Trotzdem senden?</translation>
    </message>
    <message>
        <source>Send anyway</source>
        <translation>Trotzdem senden</translation>
    </message>
    <message>
        <source>Something newer arrived in this request: read it, then send.</source>
        <translation>In dieser Anfrage ist etwas Neues eingegangen: Lesen Sie es, dann senden Sie.</translation>
    </message>
    <message>
        <source>Newer in this request:</source>
        <translation>Neu in dieser Anfrage:</translation>
    </message>
    <message>
        <source>reply from the desk</source>
        <translation>Antwort des Servicedesks</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Wird gesendet…</translation>
    </message>
    <message>
        <source>The server refused the reply: %1. It is kept in the outbox as failed.</source>
        <translation>Der Server hat die Antwort abgelehnt: %1. Sie bleibt als fehlgeschlagen im Postausgang.</translation>
    </message>
    <message>
        <source>Sent, but not yet filed in Sent (%1); Loket finishes that on its next try.</source>
        <translation>Gesendet, aber noch nicht unter „Gesendet“ abgelegt (%1); Loket erledigt das beim nächsten Versuch.</translation>
    </message>
    <message>
        <source>Not sent yet (%1). The reply waits in the outbox and is retried automatically.</source>
        <translation>Noch nicht gesendet (%1). Die Antwort wartet im Postausgang und wird automatisch erneut versucht.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Could not continue: %1</source>
        <translation>Konnte nicht fortfahren: %1</translation>
    </message>
</context>
<context>
    <name>CorrectionDialog</name>
    <message>
        <source>Correct and send again</source>
        <translation>Korrigieren und erneut senden</translation>
    </message>
    <message>
        <source>The server said: %1</source>
        <translation>Der Server meldete: %1</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>An:</translation>
    </message>
    <message>
        <source>Cc:</source>
        <translation>Cc:</translation>
    </message>
    <message>
        <source>Send again</source>
        <translation>Erneut senden</translation>
    </message>
</context>
<context>
    <name>CrashHandler</name>
    <message>
        <source>Something went wrong</source>
        <translation>Etwas ist schiefgelaufen</translation>
    </message>
    <message>
        <source>Loket ran into an unexpected problem: %1</source>
        <translation>Loket ist auf ein unerwartetes Problem gestoßen: %1</translation>
    </message>
    <message>
        <source>The details are in the log file:
%1</source>
        <translation>Die Einzelheiten stehen in der Protokolldatei:
%1</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Loket</source>
        <translation>Loket</translation>
    </message>
    <message>
        <source>Queues</source>
        <translation>Warteschlangen</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <source>Search subject, text and requester (Ctrl+F)</source>
        <translation>Betreff, Text und Anfragesteller durchsuchen (Strg+F)</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Finds requests by subject, text and requester</source>
        <translation>Findet Anfragen nach Betreff, Text und Anfragesteller</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Sync now</source>
        <translation>Jetzt &amp;synchronisieren</translation>
    </message>
    <message>
        <source>Service s&amp;tandards…</source>
        <translation>Service-S&amp;tandards…</translation>
    </message>
    <message>
        <source>Your na&amp;me…</source>
        <translation>Ihr Na&amp;me…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Suchen</translation>
    </message>
    <message>
        <source>Clear search</source>
        <translation>Suche leeren</translation>
    </message>
    <message>
        <source>&amp;Request</source>
        <translation>&amp;Anfrage</translation>
    </message>
    <message>
        <source>&amp;Reply…</source>
        <translation>&amp;Antworten…</translation>
    </message>
    <message>
        <source>Reply to &amp;all…</source>
        <translation>Allen antw&amp;orten…</translation>
    </message>
    <message>
        <source>&amp;Forward to a colleague…</source>
        <translation>An Kollegen &amp;weiterleiten…</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Antworten</translation>
    </message>
    <message>
        <source>Assign to me</source>
        <translation>Übernehmen</translation>
    </message>
    <message>
        <source>Resolve</source>
        <translation>Erledigen</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>An&amp;sicht</translation>
    </message>
    <message>
        <source>Go to &amp;queues</source>
        <translation>Zu den &amp;Warteschlangen</translation>
    </message>
    <message>
        <source>Go to request &amp;list</source>
        <translation>Zur Anfragen&amp;liste</translation>
    </message>
    <message>
        <source>Go to &amp;conversation</source>
        <translation>Zum &amp;Gespräch</translation>
    </message>
    <message>
        <source>&amp;Requests</source>
        <translation>&amp;Anfragen</translation>
    </message>
    <message>
        <source>S&amp;tatistics</source>
        <translation>S&amp;tatistik</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Postausgang</translation>
    </message>
    <message>
        <source>No mailbox account yet</source>
        <translation>Noch kein Postfach</translation>
    </message>
    <message numerus="yes">
        <source>%Ln request(s)</source>
        <translation>
            <numerusform>%Ln Anfrage</numerusform>
            <numerusform>%Ln Anfragen</numerusform>
        </translation>
    </message>
    <message>
        <source>Loket – demo mailbox</source>
        <translation>Loket – Demo-Postfach</translation>
    </message>
</context>
<context>
    <name>ManualRequestDialog</name>
    <message>
        <source>New request by hand</source>
        <translation>Neue Anfrage von Hand</translation>
    </message>
    <message>
        <source>Requester &amp;e-mail:</source>
        <translation>&amp;E-Mail des Anfragestellers:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Channel:</source>
        <translation>&amp;Kanal:</translation>
    </message>
    <message>
        <source>Phone call</source>
        <translation>Anruf</translation>
    </message>
    <message>
        <source>Visit at the desk</source>
        <translation>Besuch am Schalter</translation>
    </message>
    <message>
        <source>&amp;Subject:</source>
        <translation>&amp;Betreff:</translation>
    </message>
    <message>
        <source>What was asked</source>
        <translation>Worum es geht</translation>
    </message>
    <message>
        <source>N&amp;otes:</source>
        <translation>N&amp;otizen:</translation>
    </message>
</context>
<context>
    <name>NotificationMenu</name>
    <message>
        <source>&amp;Notifications</source>
        <translation>&amp;Benachrichtigungen</translation>
    </message>
    <message>
        <source>Notify of &amp;new requests</source>
        <translation>Bei &amp;neuen Anfragen benachrichtigen</translation>
    </message>
    <message>
        <source>Notify of requests about to &amp;breach</source>
        <translation>Bei bald &amp;überschrittenen Fristen benachrichtigen</translation>
    </message>
    <message>
        <source>&amp;Keep syncing in the tray when the window is closed</source>
        <translation>Nach dem Schließen im Infobereich weiter &amp;synchronisieren</translation>
    </message>
</context>
<context>
    <name>OutboxModel</name>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Anfrage</translation>
    </message>
    <message>
        <source>To</source>
        <translation>An</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <source>Tries</source>
        <translation>Versuche</translation>
    </message>
    <message>
        <source>Next try</source>
        <translation>Nächster Versuch</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Letzter Fehler</translation>
    </message>
    <message>
        <source>Waiting to be sent</source>
        <translation>Wartet auf Versand</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Wird gesendet</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Abgelehnt</translation>
    </message>
</context>
<context>
    <name>OutboxView</name>
    <message>
        <source>Outbox</source>
        <translation>Postausgang</translation>
    </message>
    <message>
        <source>Send now</source>
        <translation>Jetzt senden</translation>
    </message>
    <message>
        <source>Try every waiting reply now, without waiting for the next try</source>
        <translation>Alle wartenden Antworten jetzt versuchen, ohne auf den nächsten Versuch zu warten</translation>
    </message>
    <message>
        <source>Correct and send again…</source>
        <translation>Korrigieren und erneut senden…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Wird gesendet…</translation>
    </message>
    <message>
        <source>Name at least one recipient.</source>
        <translation>Geben Sie mindestens einen Empfänger an.</translation>
    </message>
    <message>
        <source>Nothing is waiting to be sent.</source>
        <translation>Nichts wartet auf den Versand.</translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message numerus="yes">
        <source>%Ln request(s), longest waiting %1</source>
        <translation>
            <numerusform>%Ln Anfrage, am längsten wartend %1</numerusform>
            <numerusform>%Ln Anfragen, am längsten wartend %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RebuildDialog</name>
    <message>
        <source>The store is damaged</source>
        <translation>Der Speicher ist beschädigt</translation>
    </message>
    <message>
        <source>Loket cannot read its store:
%1

Rebuild it from the mailbox? The damaged file is kept next to the new one, and what only this computer knew (accounts, service standards, departments, notes, replies not yet sent) is carried over as far as it can still be read.</source>
        <translation>Loket kann seinen Speicher nicht lesen:
%1

Den Speicher aus dem Postfach neu aufbauen? Die beschädigte Datei bleibt neben der neuen erhalten, und was nur dieser Computer wusste (Konten, Servicestandards, Abteilungen, Notizen, noch nicht gesendete Antworten), wird übernommen, soweit es noch lesbar ist.</translation>
    </message>
    <message>
        <source>&amp;Rebuild</source>
        <translation>&amp;Neu aufbauen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Open Loket</source>
        <translation>Loket ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Rebuilding the store from the mailbox…</source>
        <translation>Der Speicher wird aus dem Postfach neu aufgebaut…</translation>
    </message>
    <message>
        <source>%1: %2 of %3 messages</source>
        <translation>%1: %2 von %3 Nachrichten</translation>
    </message>
    <message>
        <source>The store was rebuilt: %1 messages fetched from the mailbox. The damaged file is kept as %2.</source>
        <translation>Der Speicher wurde neu aufgebaut: %1 Nachrichten aus dem Postfach geholt. Die beschädigte Datei ist als %2 erhalten.</translation>
    </message>
    <message>
        <source>No mailbox could be read from the damaged file: add it again with Mailboxes ▸ Add mailbox.</source>
        <translation>Aus der beschädigten Datei ließ sich kein Postfach lesen: fügen Sie es über Postfächer ▸ Postfach hinzufügen erneut hinzu.</translation>
    </message>
    <message>
        <source>%1 could not be synced yet (%2); Loket tries again once the window is open.</source>
        <translation>%1 konnte noch nicht synchronisiert werden (%2); Loket versucht es erneut, sobald das Fenster offen ist.</translation>
    </message>
</context>
<context>
    <name>ReportWriter</name>
    <message>
        <source>Save the period report</source>
        <translation>Zeitraumbericht speichern</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF-Dokument (*.pdf)</translation>
    </message>
    <message>
        <source>Writing the report to %1…</source>
        <translation>Bericht wird nach %1 geschrieben…</translation>
    </message>
    <message>
        <source>The report is written to %1</source>
        <translation>Der Bericht wurde nach %1 geschrieben</translation>
    </message>
    <message>
        <source>The report could not be written: %1</source>
        <translation>Der Bericht konnte nicht geschrieben werden: %1</translation>
    </message>
</context>
<context>
    <name>RequestListModel</name>
    <message>
        <source>Timer</source>
        <translation>Frist</translation>
    </message>
    <message>
        <source>Requester</source>
        <translation>Anfragesteller</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Abteilung</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>Bearbeiter</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Eingang</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(kein Betreff)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>RequestView</name>
    <message>
        <source>No request selected</source>
        <translation>Keine Anfrage ausgewählt</translation>
    </message>
    <message>
        <source>%1 is replying</source>
        <translation>%1 schreibt eine Antwort</translation>
    </message>
    <message>
        <source>%1 are replying</source>
        <translation>%1 schreiben eine Antwort</translation>
    </message>
    <message>
        <source>Request #%1</source>
        <translation>Anfrage #%1</translation>
    </message>
    <message>
        <source>assigned to %1</source>
        <translation>zugewiesen an %1</translation>
    </message>
    <message>
        <source>not assigned</source>
        <translation>nicht zugewiesen</translation>
    </message>
    <message>
        <source>priority %1</source>
        <translation>Priorität %1</translation>
    </message>
    <message>
        <source>rated %1 of 5</source>
        <translation>bewertet mit %1 von 5</translation>
    </message>
    <message>
        <source>Requester</source>
        <translation>Anfragesteller</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Verlauf der Nachrichten</translation>
    </message>
    <message>
        <source>Who asked, their other open requests and their history</source>
        <translation>Wer angefragt hat, weitere offene Anfragen und Verlauf</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(kein Betreff)</translation>
    </message>
    <message>
        <source>No messages in this request.</source>
        <translation>Keine Nachrichten in dieser Anfrage.</translation>
    </message>
    <message>
        <source>Filed as history on import</source>
        <translation>Beim Import als Verlauf abgelegt</translation>
    </message>
    <message>
        <source>standard “%1”, given by hand</source>
        <translation>Standard „%1“, von Hand gewählt</translation>
    </message>
    <message>
        <source>standard “%1”, given by hand, is not defined here</source>
        <translation>Standard „%1“, von Hand gewählt, ist hier nicht angelegt</translation>
    </message>
    <message>
        <source>standard “%1”</source>
        <translation>Standard „%1“</translation>
    </message>
    <message>
        <source>timed by “%1”</source>
        <translation>Fristen nach „%1“</translation>
    </message>
    <message>
        <source>Desk</source>
        <translation>Servicedesk</translation>
    </message>
    <message>
        <source>Colleague</source>
        <translation>Kollege</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatisch</translation>
    </message>
    <message>
        <source>Internal note</source>
        <translation>Interne Notiz</translation>
    </message>
    <message>
        <source>Attachment:</source>
        <translation>Anhang:</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Speichern…</translation>
    </message>
    <message>
        <source>remote image</source>
        <translation>externes Bild</translation>
    </message>
    <message>
        <source>Remote images in this message are blocked.</source>
        <translation>Externe Bilder in dieser Nachricht sind blockiert.</translation>
    </message>
    <message>
        <source>Load remote images</source>
        <translation>Externe Bilder laden</translation>
    </message>
    <message>
        <source>%1 requests in all</source>
        <translation>%1 Anfragen insgesamt</translation>
    </message>
    <message>
        <source>median first response %1</source>
        <translation>erste Antwort im Median %1</translation>
    </message>
    <message>
        <source>No department known</source>
        <translation>Keine Abteilung bekannt</translation>
    </message>
    <message>
        <source>Also open</source>
        <translation>Ebenfalls offen</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Save attachment</source>
        <translation>Anhang speichern</translation>
    </message>
</context>
<context>
    <name>StandardsDialog</name>
    <message>
        <source>Service standards</source>
        <translation>Servicestandards</translation>
    </message>
    <message>
        <source>&amp;New standard</source>
        <translation>Neuer S&amp;tandard</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>Ent&amp;fernen…</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>N&amp;ame</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>e.g. Facilities, first answer</source>
        <translation>z. B. Haustechnik, erste Antwort</translation>
    </message>
    <message>
        <source>&amp;First answer within</source>
        <translation>&amp;Erste Antwort innerhalb</translation>
    </message>
    <message>
        <source>e.g. 4h, 90m, 1d</source>
        <translation>z. B. 4h, 90m, 1d</translation>
    </message>
    <message>
        <source>Resol&amp;ved within</source>
        <translation>&amp;Gelöst innerhalb</translation>
    </message>
    <message>
        <source>optional, e.g. 3d (working days)</source>
        <translation>optional, z. B. 3d (Arbeitstage)</translation>
    </message>
    <message>
        <source>&amp;Warn at</source>
        <translation>&amp;Warnen bei</translation>
    </message>
    <message>
        <source>&amp;Mailbox</source>
        <translation>&amp;Postfach</translation>
    </message>
    <message>
        <source>every mailbox</source>
        <translation>jedes Postfach</translation>
    </message>
    <message>
        <source>&amp;Department</source>
        <translation>&amp;Abteilung</translation>
    </message>
    <message>
        <source>any department</source>
        <translation>jede Abteilung</translation>
    </message>
    <message>
        <source>Re&amp;quester</source>
        <translation>Anf&amp;ragesteller</translation>
    </message>
    <message>
        <source>any requester (or one address)</source>
        <translation>jeder Anfragesteller (oder eine Adresse)</translation>
    </message>
    <message>
        <source>&amp;Category</source>
        <translation>&amp;Kategorie</translation>
    </message>
    <message>
        <source>any category</source>
        <translation>jede Kategorie</translation>
    </message>
    <message>
        <source>C&amp;hannel</source>
        <translation>&amp;Kanal</translation>
    </message>
    <message>
        <source>any channel</source>
        <translation>jeder Kanal</translation>
    </message>
    <message>
        <source>&amp;Priority</source>
        <translation>Pri&amp;orität</translation>
    </message>
    <message>
        <source>any priority</source>
        <translation>jede Priorität</translation>
    </message>
    <message>
        <source>every request</source>
        <translation>jede Anfrage</translation>
    </message>
    <message>
        <source>Targets count in working time of: %1</source>
        <translation>Ziele zählen in der Arbeitszeit von: %1</translation>
    </message>
    <message>
        <source>Targets count in working time of the mailbox&apos;s calendar.</source>
        <translation>Ziele zählen in der Arbeitszeit des Kalenders des Postfachs.</translation>
    </message>
    <message>
        <source>Saving and recomputing due dates…</source>
        <translation>Speichern und Fristen neu berechnen…</translation>
    </message>
    <message>
        <source>Saved: due dates of open requests are recomputed.</source>
        <translation>Gespeichert: Die Fristen offener Anfragen sind neu berechnet.</translation>
    </message>
    <message>
        <source>Remove standard</source>
        <translation>Standard entfernen</translation>
    </message>
    <message>
        <source>Remove this standard? Its open requests fall back to the next standard that fits.</source>
        <translation>Diesen Standard entfernen? Seine offenen Anfragen fallen auf den nächsten passenden Standard zurück.</translation>
    </message>
    <message>
        <source>Removed.</source>
        <translation>Entfernt.</translation>
    </message>
    <message>
        <source>The standard was not changed:</source>
        <translation>Der Standard wurde nicht geändert:</translation>
    </message>
    <message>
        <source>Something unexpected went wrong:</source>
        <translation>Etwas Unerwartetes ist schiefgegangen:</translation>
    </message>
</context>
<context>
    <name>StatsView</name>
    <message>
        <source>First response per week (business hours)</source>
        <translation>Erste Antwort pro Woche (Arbeitsstunden)</translation>
    </message>
    <message>
        <source>Share within standard per week</source>
        <translation>Anteil im Standard pro Woche</translation>
    </message>
    <message>
        <source>Figures by group</source>
        <translation>Zahlen nach Gruppe</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Abteilung</translation>
    </message>
    <message>
        <source>Requester</source>
        <translation>Anfragesteller</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Departments</source>
        <translation>Abteilungen</translation>
    </message>
    <message>
        <source>Requesters</source>
        <translation>Anfragesteller</translation>
    </message>
    <message>
        <source>We waited on</source>
        <translation>Worauf wir warteten</translation>
    </message>
    <message>
        <source>Last 4 weeks</source>
        <translation>Letzte 4 Wochen</translation>
    </message>
    <message>
        <source>Last 3 months</source>
        <translation>Letzte 3 Monate</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>Letzte 12 Monate</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>Dieses Jahr</translation>
    </message>
    <message>
        <source>Chosen dates</source>
        <translation>Gewählter Zeitraum</translation>
    </message>
    <message>
        <source>Received from</source>
        <translation>Eingegangen ab</translation>
    </message>
    <message>
        <source>Received until</source>
        <translation>Eingegangen bis</translation>
    </message>
    <message>
        <source>Received </source>
        <translation>Eingegangen </translation>
    </message>
    <message>
        <source> from </source>
        <translation> vom </translation>
    </message>
    <message>
        <source> to </source>
        <translation> bis </translation>
    </message>
    <message>
        <source>a row per request</source>
        <translation>eine Zeile pro Anfrage</translation>
    </message>
    <message>
        <source>a row per requester</source>
        <translation>eine Zeile pro Anfragesteller</translation>
    </message>
    <message>
        <source>a row per department</source>
        <translation>eine Zeile pro Abteilung</translation>
    </message>
    <message>
        <source>a row per colleague</source>
        <translation>eine Zeile pro Kollege</translation>
    </message>
    <message>
        <source>a row per month</source>
        <translation>eine Zeile pro Monat</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>Save the figures of this period as an Excel workbook or CSV</source>
        <translation>Die Zahlen dieses Zeitraums als Excel-Arbeitsmappe oder CSV speichern</translation>
    </message>
    <message>
        <source>Report…</source>
        <translation>Bericht…</translation>
    </message>
    <message>
        <source>Save this period as a PDF report to hand round in a meeting</source>
        <translation>Diesen Zeitraum als PDF-Bericht zum Verteilen in einer Besprechung speichern</translation>
    </message>
    <message>
        <source>The period starts after it ends: pick a later end date.</source>
        <translation>Der Zeitraum beginnt nach seinem Ende: Wählen Sie ein späteres Enddatum.</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>Wird berechnet…</translation>
    </message>
    <message>
        <source>The figures could not be computed: %1</source>
        <translation>Die Zahlen konnten nicht berechnet werden: %1</translation>
    </message>
    <message>
        <source>No requests were received in this period.</source>
        <translation>In diesem Zeitraum sind keine Anfragen eingegangen.</translation>
    </message>
    <message>
        <source>%1 requests, %2 answered; first response median %3 h, P90 %4 h (business hours); %5 within standard; %6 resolved; %7 reopened</source>
        <translation>%1 Anfragen, %2 beantwortet; erste Antwort Median %3 Std., P90 %4 Std. (Arbeitsstunden); %5 im Standard; %6 erledigt; %7 wieder geöffnet</translation>
    </message>
    <message>
        <source>%1 ratings, on average %2 of 5</source>
        <translation>%1 Bewertungen, im Mittel %2 von 5</translation>
    </message>
    <message>
        <source>Export statistics</source>
        <translation>Statistik exportieren</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)</source>
        <translation>Excel-Arbeitsmappe (*.xlsx);;CSV, UTF-8 (*.csv)</translation>
    </message>
    <message>
        <source>Exporting to %1…</source>
        <translation>Export nach %1…</translation>
    </message>
    <message>
        <source>%1 rows written to %2</source>
        <translation>%1 Zeilen in %2 geschrieben</translation>
    </message>
    <message>
        <source>The export failed: %1</source>
        <translation>Der Export ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Per-person figures are switched off for this mailbox: monitoring individual performance needs the works council&apos;s consent.</source>
        <translation>Kennzahlen pro Person sind für dieses Postfach ausgeschaltet: die Überwachung individueller Leistung braucht die Zustimmung des Betriebsrats.</translation>
    </message>
</context>
<context>
    <name>SyncControl</name>
    <message>
        <source>Enter password…</source>
        <translation>Passwort eingeben…</translation>
    </message>
    <message>
        <source>Sign in again…</source>
        <translation>Erneut anmelden…</translation>
    </message>
    <message>
        <source>Sync progress</source>
        <translation>Fortschritt der Synchronisierung</translation>
    </message>
    <message>
        <source>%1: connecting…</source>
        <translation>%1: Verbindung wird hergestellt…</translation>
    </message>
    <message>
        <source>%1: signing in, continue in the browser…</source>
        <translation>%1: Anmeldung läuft, fahren Sie im Browser fort…</translation>
    </message>
    <message>
        <source>%1: not signed in (%2)</source>
        <translation>%1: nicht angemeldet (%2)</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Password for %1:</source>
        <translation>Passwort für %1:</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>Show Loket</source>
        <translation>Loket anzeigen</translation>
    </message>
    <message>
        <source>Quit Loket</source>
        <translation>Loket beenden</translation>
    </message>
    <message numerus="yes">
        <source>Loket: %Ln open request(s)</source>
        <translation>
            <numerusform>Loket: %Ln offene Anfrage</numerusform>
            <numerusform>Loket: %Ln offene Anfragen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Triage</name>
    <message>
        <source>Set &amp;status</source>
        <translation>&amp;Status setzen</translation>
    </message>
    <message>
        <source>&amp;Priority</source>
        <translation>&amp;Priorität</translation>
    </message>
    <message>
        <source>Assign to &amp;me</source>
        <translation>&amp;Mir zuweisen</translation>
    </message>
    <message>
        <source>&amp;Assign to…</source>
        <translation>&amp;Zuweisen an…</translation>
    </message>
    <message>
        <source>&amp;Category…</source>
        <translation>&amp;Kategorie…</translation>
    </message>
    <message>
        <source>Service s&amp;tandard…</source>
        <translation>Servicestan&amp;dard…</translation>
    </message>
    <message>
        <source>Add internal &amp;note…</source>
        <translation>Interne &amp;Notiz hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;New request by hand…</source>
        <translation>Neue Anfrage von &amp;Hand…</translation>
    </message>
    <message>
        <source>&amp;Merge into request…</source>
        <translation>Mit Anfrage zusammen&amp;führen…</translation>
    </message>
    <message>
        <source>S&amp;plit message off…</source>
        <translation>Nachricht abt&amp;rennen…</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>the rules&apos; choice</source>
        <translation>die Wahl der Regeln</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>niemand</translation>
    </message>
    <message>
        <source>set %1 of #%2 to %3</source>
        <translation>%1 von #%2 auf %3 setzen</translation>
    </message>
    <message>
        <source>standard</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>Assign</source>
        <translation>Zuweisen</translation>
    </message>
    <message>
        <source>Colleague at the desk:</source>
        <translation>Kollege am Servicedesk:</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>Category:</source>
        <translation>Kategorie:</translation>
    </message>
    <message>
        <source>As the rules choose</source>
        <translation>Wie die Regeln wählen</translation>
    </message>
    <message>
        <source>Service standard</source>
        <translation>Servicestandard</translation>
    </message>
    <message>
        <source>Standard for request #%1:</source>
        <translation>Standard für Anfrage #%1:</translation>
    </message>
    <message>
        <source>Internal note</source>
        <translation>Interne Notiz</translation>
    </message>
    <message>
        <source>Note (never mailed to the requester):</source>
        <translation>Notiz (wird nie an den Anfragesteller gesendet):</translation>
    </message>
    <message>
        <source>Add a mailbox account first.</source>
        <translation>Fügen Sie zuerst ein Postfach hinzu.</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Zusammenführen</translation>
    </message>
    <message>
        <source>Merge request #%1 into request number:</source>
        <translation>Anfrage #%1 zusammenführen mit Anfrage Nummer:</translation>
    </message>
    <message>
        <source>There is no request #%1.</source>
        <translation>Es gibt keine Anfrage #%1.</translation>
    </message>
    <message>
        <source>Move every message of #%1 into #%2? #%1 then leaves the lists.</source>
        <translation>Alle Nachrichten von #%1 nach #%2 verschieben? #%1 verschwindet dann aus den Listen.</translation>
    </message>
    <message>
        <source>Merge requests</source>
        <translation>Anfragen zusammenführen</translation>
    </message>
    <message>
        <source>Only a request with several messages can be split.</source>
        <translation>Nur eine Anfrage mit mehreren Nachrichten kann aufgeteilt werden.</translation>
    </message>
    <message>
        <source>Split message off</source>
        <translation>Nachricht abtrennen</translation>
    </message>
    <message>
        <source>Message that starts a new request:</source>
        <translation>Nachricht, mit der eine neue Anfrage beginnt:</translation>
    </message>
</context>
<context>
    <name>UpdatingPage</name>
    <message>
        <source>Updating the store…</source>
        <translation>Der Speicher wird aktualisiert…</translation>
    </message>
    <message>
        <source>This version of Loket keeps your requests in a new shape. Updating a large store takes a few minutes, once; nothing is lost, and the requests show as soon as it is done.</source>
        <translation>Diese Version von Loket speichert Ihre Anfragen in einer neuen Form. Einen großen Speicher zu aktualisieren dauert einige Minuten, einmalig; nichts geht verloren, und die Anfragen erscheinen, sobald es fertig ist.</translation>
    </message>
    <message>
        <source>Updating the store</source>
        <translation>Der Speicher wird aktualisiert</translation>
    </message>
</context>
<context>
    <name>channel</name>
    <message>
        <source>E-mail</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Phone call</source>
        <translation>Anruf</translation>
    </message>
    <message>
        <source>Visit at the desk</source>
        <translation>Besuch am Schalter</translation>
    </message>
</context>
<context>
    <name>priority</name>
    <message>
        <source>Low</source>
        <translation>Niedrig</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Hoch</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>Dringend</translation>
    </message>
</context>
<context>
    <name>queues</name>
    <message>
        <source>All open</source>
        <translation>Alle offenen</translation>
    </message>
    <message>
        <source>Assigned to me</source>
        <translation>Mir zugewiesen</translation>
    </message>
    <message>
        <source>Waiting on requester</source>
        <translation>Wartet auf Anfragesteller</translation>
    </message>
    <message>
        <source>Waiting on colleague</source>
        <translation>Wartet auf Kollegen</translation>
    </message>
    <message>
        <source>Breaching soon</source>
        <translation>Frist läuft bald ab</translation>
    </message>
    <message>
        <source>Breached</source>
        <translation>Frist überschritten</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>Departments</source>
        <translation>Abteilungen</translation>
    </message>
    <message>
        <source>Requesters</source>
        <translation>Anfragesteller</translation>
    </message>
</context>
<context>
    <name>status</name>
    <message>
        <source>Waiting</source>
        <translation>Wartet</translation>
    </message>
    <message>
        <source>Colleague</source>
        <translation>Kollege</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Waiting on requester</source>
        <translation>Wartet auf Anfragesteller</translation>
    </message>
    <message>
        <source>Waiting on colleague</source>
        <translation>Wartet auf Kollegen</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Erledigt</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <source>Your name</source>
        <translation>Ihr Name</translation>
    </message>
    <message>
        <source>Your name, as colleagues see it beside your changes:</source>
        <translation>Ihr Name, wie Kollegen ihn neben Ihren Änderungen sehen:</translation>
    </message>
</context>
</TS>
