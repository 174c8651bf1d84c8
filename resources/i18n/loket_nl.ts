<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl">
<context>
    <name></name>
    <message>
        <source>%1 d</source>
        <translation>%1 d</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 u</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 d %2 u</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 u %2 min</translation>
    </message>
    <message>
        <source>done</source>
        <translation>klaar</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>gepauzeerd</translation>
    </message>
    <message>
        <source>−%1</source>
        <translation>−%1</translation>
    </message>
    <message>
        <source>No service standard applies to this request.</source>
        <translation>Op dit verzoek is geen servicenorm van toepassing.</translation>
    </message>
    <message>
        <source>first response</source>
        <translation>eerste reactie</translation>
    </message>
    <message>
        <source>resolution</source>
        <translation>afhandeling</translation>
    </message>
    <message>
        <source>Due %1 (%2)</source>
        <translation>Uiterlijk %1 (%2)</translation>
    </message>
    <message>
        <source>Overdue by %1 of working time</source>
        <translation>%1 werktijd te laat</translation>
    </message>
    <message>
        <source>%1 of working time left</source>
        <translation>Nog %1 werktijd</translation>
    </message>
    <message>
        <source>%1 of working time from %2 falls due %3 (%4).</source>
        <translation>%1 werktijd vanaf %2 verloopt %3 (%4).</translation>
    </message>
    <message>
        <source>%1: closed, public holiday %2</source>
        <translation>%1: gesloten, feestdag %2</translation>
    </message>
    <message>
        <source>%1: closed day</source>
        <translation>%1: sluitingsdag</translation>
    </message>
    <message>
        <source>%1: no opening hours</source>
        <translation>%1: geen openingstijden</translation>
    </message>
    <message>
        <source>%1: paused %2–%3, %4 of opening time not counted</source>
        <translation>%1: gepauzeerd %2–%3, %4 openingstijd niet geteld</translation>
    </message>
    <message>
        <source>%1: counted %2–%3 (%4)</source>
        <translation>%1: geteld %2–%3 (%4)</translation>
    </message>
    <message>
        <source>%1 min (%2 h)</source>
        <translation>%1 min (%2 u)</translation>
    </message>
    <message>
        <source>Requests received</source>
        <translation>Ontvangen verzoeken</translation>
    </message>
    <message>
        <source>First response, median</source>
        <translation>Eerste reactie, mediaan</translation>
    </message>
    <message>
        <source>First response, P90</source>
        <translation>Eerste reactie, P90</translation>
    </message>
    <message>
        <source>Resolution, median</source>
        <translation>Afhandeling, mediaan</translation>
    </message>
    <message>
        <source>Ratings</source>
        <translation>Beoordelingen</translation>
    </message>
    <message>
        <source>Satisfaction (1–5)</source>
        <translation>Tevredenheid (1–5)</translation>
    </message>
    <message>
        <source>Key figures</source>
        <translation>Kerncijfers</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>Cijfer</translation>
    </message>
    <message>
        <source>This period</source>
        <translation>Deze periode</translation>
    </message>
    <message>
        <source>Previous period</source>
        <translation>Vorige periode</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Verschil</translation>
    </message>
    <message>
        <source>Times are business hours of each request&apos;s calendar; previous period: %1.</source>
        <translation>Tijden zijn werkuren volgens de kalender van elk verzoek; vorige periode: %1.</translation>
    </message>
    <message>
        <source>Standard most requests fall under: “%1”, first response within %2.</source>
        <translation>Norm waar de meeste verzoeken onder vallen: „%1”, eerste reactie binnen %2.</translation>
    </message>
    <message>
        <source>Week by week</source>
        <translation>Week na week</translation>
    </message>
    <message>
        <source>First response per week (business hours)</source>
        <translation>Eerste reactie per week (werkuren)</translation>
    </message>
    <message>
        <source>Median</source>
        <translation>Mediaan</translation>
    </message>
    <message>
        <source>P90</source>
        <translation>P90</translation>
    </message>
    <message>
        <source>Share within standard per week</source>
        <translation>Aandeel binnen de norm per week</translation>
    </message>
    <message>
        <source>No requests were received in this period.</source>
        <translation>In deze periode zijn geen verzoeken ontvangen.</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Afdeling</translation>
    </message>
    <message>
        <source>Median (h)</source>
        <translation>Mediaan (u)</translation>
    </message>
    <message>
        <source>P90 (h)</source>
        <translation>P90 (u)</translation>
    </message>
    <message>
        <source>(no department)</source>
        <translation>(geen afdeling)</translation>
    </message>
    <message>
        <source>Top requesters</source>
        <translation>Meest vragende aanvragers</translation>
    </message>
    <message>
        <source>Requester</source>
        <translation>Aanvrager</translation>
    </message>
    <message>
        <source>We waited on</source>
        <translation>Waarop we wachtten</translation>
    </message>
    <message>
        <source>Each colleague department the desk forwarded to (status “waiting on colleague”): how many requests, and the business hours they waited, finished waits only; waits still running are counted apart.</source>
        <translation>Elke afdeling van collega&apos;s waaraan de balie doorverwees (status „wacht op collega”): hoeveel verzoeken, en de werkuren dat ze wachtten, alleen afgeronde wachttijden; wachttijden die nog lopen worden apart geteld.</translation>
    </message>
    <message>
        <source>No request waited on a colleague department in this period.</source>
        <translation>In deze periode wachtte geen verzoek op een andere afdeling.</translation>
    </message>
    <message>
        <source>The longest waits</source>
        <translation>De langste wachttijden</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Verzoek</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Onderwerp</translation>
    </message>
    <message>
        <source>Waited on</source>
        <translation>Gewacht op</translation>
    </message>
    <message>
        <source>Business hours</source>
        <translation>Werkuren</translation>
    </message>
    <message>
        <source>Per person</source>
        <translation>Per persoon</translation>
    </message>
    <message>
        <source>Per-person figures are switched off for this mailbox: monitoring individual performance needs the works council&apos;s consent. The team&apos;s figures are on the first page.</source>
        <translation>Cijfers per persoon staan uit voor deze mailbox: het volgen van individuele prestaties vraagt instemming van de ondernemingsraad. De cijfers van het team staan op de eerste pagina.</translation>
    </message>
    <message>
        <source>Colleague</source>
        <translation>Collega</translation>
    </message>
    <message>
        <source>First response, median (h)</source>
        <translation>Eerste reactie, mediaan (u)</translation>
    </message>
    <message>
        <source>(not assigned)</source>
        <translation>(niet toegewezen)</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>closed on the public holidays of %1</source>
        <translation>gesloten op de feestdagen van %1</translation>
    </message>
    <message>
        <source>extra closed days: %1</source>
        <translation>extra gesloten dagen: %1</translation>
    </message>
    <message>
        <source>Definitions</source>
        <translation>Definities</translation>
    </message>
    <message>
        <source>How often a resolved request of the period was opened again (by the requester or the desk).</source>
        <translation>Hoe vaak een afgehandeld verzoek uit de periode weer geopend werd (door de aanvrager of de balie).</translation>
    </message>
    <message>
        <source>The same number of days directly before the period, with the same definitions.</source>
        <translation>Evenveel dagen direct voor de periode, met dezelfde definities.</translation>
    </message>
    <message>
        <source>Time a request spent in the status “waiting on colleague”, per colleague department named when it was forwarded, in business hours of the request&apos;s calendar.</source>
        <translation>Tijd die een verzoek in de status „wacht op collega” doorbracht, per afdeling die bij het doorsturen genoemd werd, in werkuren van de kalender van het verzoek.</translation>
    </message>
    <message>
        <source>Standards and calendars in force</source>
        <translation>Geldende normen en kalenders</translation>
    </message>
    <message>
        <source>first response within %1</source>
        <translation>eerste reactie binnen %1</translation>
    </message>
    <message>
        <source>resolved within %1</source>
        <translation>afgehandeld binnen %1</translation>
    </message>
    <message>
        <source>the mailbox&apos;s calendar</source>
        <translation>de kalender van de mailbox</translation>
    </message>
    <message>
        <source>Mailbox %1</source>
        <translation>Mailbox %1</translation>
    </message>
    <message>
        <source>requests from %1</source>
        <translation>verzoeken van %1</translation>
    </message>
    <message>
        <source>all requests</source>
        <translation>alle verzoeken</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Service report</source>
        <translation>Servicerapport</translation>
    </message>
    <message>
        <source>Loket · %1 · made %2</source>
        <translation>Loket · %1 · gemaakt %2</translation>
    </message>
    <message>
        <source>Standard “%1”: %2 h</source>
        <translation>Norm „%1”: %2 u</translation>
    </message>
    <message>
        <source>business hours</source>
        <translation>werkuren</translation>
    </message>
    <message>
        <source>Within standard (%)</source>
        <translation>Binnen de norm (%)</translation>
    </message>
    <message>
        <source>Requests per week</source>
        <translation>Verzoeken per week</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Ontvangen</translation>
    </message>
    <message>
        <source>Who asks</source>
        <translation>Wie vraagt</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Verzoeken</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Beantwoord</translation>
    </message>
    <message>
        <source>First response median (h)</source>
        <translation>Eerste reactie, mediaan (u)</translation>
    </message>
    <message>
        <source>First response P90 (h)</source>
        <translation>Eerste reactie, P90 (u)</translation>
    </message>
    <message>
        <source>Within standard</source>
        <translation>Binnen de norm</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Afgehandeld</translation>
    </message>
    <message>
        <source>Resolution median (h)</source>
        <translation>Afhandeling, mediaan (u)</translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation>Heropend</translation>
    </message>
    <message>
        <source>Department we waited on</source>
        <translation>Afdeling waarop we wachtten</translation>
    </message>
    <message>
        <source>(not named)</source>
        <translation>(geen naam)</translation>
    </message>
    <message>
        <source>Waits</source>
        <translation>Wachttijden</translation>
    </message>
    <message>
        <source>Median wait (h)</source>
        <translation>Mediane wachttijd (u)</translation>
    </message>
    <message>
        <source>P90 wait (h)</source>
        <translation>Wachttijd P90 (u)</translation>
    </message>
    <message>
        <source>Total (h)</source>
        <translation>Totaal (u)</translation>
    </message>
    <message>
        <source>Colleague department</source>
        <translation>Afdeling van collega&apos;s</translation>
    </message>
    <message>
        <source>Longest (h)</source>
        <translation>Langste (u)</translation>
    </message>
    <message>
        <source>Still waiting</source>
        <translation>Wacht nog</translation>
    </message>
    <message>
        <source>%1: %2 of %3 messages</source>
        <translation>%1: %2 van %3 berichten</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>nog %1</translation>
    </message>
    <message>
        <source>%1: checking for new mail…</source>
        <translation>%1: controleren op nieuwe mail…</translation>
    </message>
    <message>
        <source>%1: connecting…</source>
        <translation>%1: verbinden…</translation>
    </message>
    <message>
        <source>%1: up to date</source>
        <translation>%1: bijgewerkt</translation>
    </message>
    <message>
        <source>%1: cannot reach the server, reconnecting in %2</source>
        <translation>%1: server onbereikbaar, opnieuw verbinden over %2</translation>
    </message>
    <message>
        <source>%1: another Loket is syncing this mailbox; waiting for it</source>
        <translation>%1: een andere Loket synchroniseert dit postvak; wachten tot die klaar is</translation>
    </message>
    <message>
        <source>%1: the disk is full; free some space, syncing again in %2</source>
        <translation>%1: de schijf is vol; maak ruimte vrij, opnieuw synchroniseren over %2</translation>
    </message>
    <message>
        <source>%1: another program holds the store&apos;s lock; trying again in %2</source>
        <translation>%1: een ander programma houdt de opslag vergrendeld; opnieuw proberen over %2</translation>
    </message>
    <message>
        <source>%1: no password stored</source>
        <translation>%1: geen wachtwoord opgeslagen</translation>
    </message>
    <message>
        <source>%1: sign in again</source>
        <translation>%1: opnieuw aanmelden</translation>
    </message>
    <message>
        <source>%1: wrong password</source>
        <translation>%1: onjuist wachtwoord</translation>
    </message>
    <message>
        <source>%1: sync stopped (%2)</source>
        <translation>%1: synchronisatie gestopt (%2)</translation>
    </message>
    <message>
        <source>%1: not syncing</source>
        <translation>%1: synchroniseert niet</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Van</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(geen onderwerp)</translation>
    </message>
    <message>
        <source>Attachment:</source>
        <translation>Bijlage:</translation>
    </message>
    <message>
        <source>Attached message</source>
        <translation>Bijgevoegd bericht</translation>
    </message>
    <message>
        <source>Cancelled meeting</source>
        <translation>Vergadering geannuleerd</translation>
    </message>
    <message>
        <source>Answer to an invitation</source>
        <translation>Antwoord op een uitnodiging</translation>
    </message>
    <message>
        <source>Invitation</source>
        <translation>Uitnodiging</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Wat</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wanneer</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Waar</translation>
    </message>
    <message>
        <source>Organiser</source>
        <translation>Organisator</translation>
    </message>
    <message>
        <source>breached</source>
        <translation>overschreden</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>waarschuwing</translation>
    </message>
    <message>
        <source>on time</source>
        <translation>op tijd</translation>
    </message>
</context>
<context>
    <name>AccountDialog</name>
    <message>
        <source>Edit mailbox</source>
        <translation>Postvak bewerken</translation>
    </message>
    <message>
        <source>Add a department mailbox</source>
        <translation>Postvak van een afdeling toevoegen</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>Verbinding &amp;controleren</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>&amp;Verwijderen…</translation>
    </message>
    <message>
        <source>unchanged (stored in the keyring)</source>
        <translation>ongewijzigd (opgeslagen in de sleutelbos)</translation>
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
        <translation>Geen (alleen deze computer)</translation>
    </message>
    <message>
        <source>E-mail &amp;address:</source>
        <translation>E-mail&amp;adres:</translation>
    </message>
    <message>
        <source>&amp;Display name:</source>
        <translation>&amp;Weergavenaam:</translation>
    </message>
    <message>
        <source>Service desk</source>
        <translation>Servicedesk</translation>
    </message>
    <message>
        <source>Account &amp;name:</source>
        <translation>Account&amp;naam:</translation>
    </message>
    <message>
        <source>Sign in &amp;with:</source>
        <translation>Aanmelden &amp;via:</translation>
    </message>
    <message>
        <source>A password</source>
        <translation>Een wachtwoord</translation>
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
        <translation>Een andere aanbieder (OpenID Connect)</translation>
    </message>
    <message>
        <source>Issuer UR&amp;L:</source>
        <translation>Issuer-UR&amp;L:</translation>
    </message>
    <message>
        <source>&amp;Client ID:</source>
        <translation>Client-I&amp;D:</translation>
    </message>
    <message>
        <source>Loket&apos;s ID at the provider</source>
        <translation>de ID van Loket bij de aanbieder</translation>
    </message>
    <message>
        <source>Si&amp;gns in as:</source>
        <translation>Aanmelden al&amp;s:</translation>
    </message>
    <message>
        <source>the address (or you, for a shared mailbox)</source>
        <translation>het adres (of uzelf, bij een gedeelde mailbox)</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>Wacht&amp;woord:</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Gebruikersnaam:</translation>
    </message>
    <message>
        <source>&amp;IMAP server:</source>
        <translation>&amp;IMAP-server:</translation>
    </message>
    <message>
        <source>IMAP p&amp;ort:</source>
        <translation>IMAP-&amp;poort:</translation>
    </message>
    <message>
        <source>IMAP &amp;security:</source>
        <translation>IMAP-&amp;beveiliging:</translation>
    </message>
    <message>
        <source>S&amp;MTP server:</source>
        <translation>S&amp;MTP-server:</translation>
    </message>
    <message>
        <source>SMTP po&amp;rt:</source>
        <translation>SMTP-poo&amp;rt:</translation>
    </message>
    <message>
        <source>SMTP s&amp;ecurity:</source>
        <translation>SMTP-b&amp;eveiliging:</translation>
    </message>
    <message>
        <source>&amp;Time zone:</source>
        <translation>&amp;Tijdzone:</translation>
    </message>
    <message>
        <source>none</source>
        <translation>geen</translation>
    </message>
    <message>
        <source>Public &amp;holidays:</source>
        <translation>&amp;Feestdagen:</translation>
    </message>
    <message>
        <source>&amp;File as history after (days):</source>
        <translation>Als geschiedenis af&amp;handelen na (dagen):</translation>
    </message>
    <message>
        <source>never: keep all open</source>
        <translation>nooit: alles open laten</translation>
    </message>
    <message>
        <source>On the first sync, and when the store is rebuilt, a request whose last message is older than this is filed as done, marked as history. A requester who writes again reopens it.</source>
        <translation>Bij de eerste synchronisatie, en wanneer de opslag opnieuw wordt opgebouwd, wordt een verzoek waarvan het laatste bericht ouder is dan dit afgehandeld en als geschiedenis gemarkeerd. Schrijft de aanvrager opnieuw, dan gaat het weer open.</translation>
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
        <translation>uw aanbieder</translation>
    </message>
    <message>
        <source>Sign in again with %1…</source>
        <translation>Opnieuw aanmelden bij %1…</translation>
    </message>
    <message>
        <source>Sign in with %1…</source>
        <translation>Aanmelden bij %1…</translation>
    </message>
    <message>
        <source>Enter the client ID under which Loket is registered at the provider.</source>
        <translation>Vul de client-ID in waaronder Loket bij de aanbieder is geregistreerd.</translation>
    </message>
    <message>
        <source>Continue in the web browser that opened…</source>
        <translation>Ga verder in de webbrowser die is geopend…</translation>
    </message>
    <message>
        <source>Signed in. Testing the connection…</source>
        <translation>Aangemeld. De verbinding wordt getest…</translation>
    </message>
    <message>
        <source>Servers guessed from the domain: check them with your mail provider.</source>
        <translation>Servers afgeleid uit het domein: controleer ze bij uw mailprovider.</translation>
    </message>
    <message>
        <source>Settings for %1.</source>
        <translation>Instellingen voor %1.</translation>
    </message>
    <message>
        <source>Sign in first, then the connection is tested.</source>
        <translation>Meld u eerst aan; daarna wordt de verbinding getest.</translation>
    </message>
    <message>
        <source>Enter the password to test the connection.</source>
        <translation>Vul het wachtwoord in om de verbinding te controleren.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinden…</translation>
    </message>
    <message>
        <source>Connected: the server accepted the login for receiving and sending.</source>
        <translation>Verbonden: de server accepteert de aanmelding voor ontvangen en verzenden.</translation>
    </message>
    <message>
        <source>Sign in first: Loket keeps the sign-in in the system keyring.</source>
        <translation>Meld u eerst aan: Loket bewaart de aanmelding in de sleutelbos van het systeem.</translation>
    </message>
    <message>
        <source>Enter the mailbox&apos;s password: Loket keeps it in the system keyring.</source>
        <translation>Vul het wachtwoord van het postvak in: Loket bewaart het in de sleutelbos van het systeem.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Opslaan…</translation>
    </message>
    <message>
        <source>Remove mailbox</source>
        <translation>Postvak verwijderen</translation>
    </message>
    <message>
        <source>Remove this mailbox and its requests from this computer? The mail stays on the server, and a later sync can bring it back.</source>
        <translation>Dit postvak en de verzoeken ervan van deze computer verwijderen? De mail blijft op de server staan en een latere synchronisatie kan hem terughalen.</translation>
    </message>
    <message>
        <source>Unsent replies</source>
        <translation>Niet verzonden antwoorden</translation>
    </message>
    <message numerus="yes">
        <source>This mailbox has %n reply(s) in the outbox that never reached the server. Removing the mailbox deletes them for good. Remove it anyway?</source>
        <translation>
            <numerusform>Dit postvak heeft %n antwoord in Postvak Uit dat de server nooit heeft bereikt. Als u het postvak verwijdert, is het voorgoed weg. Toch verwijderen?</numerusform>
            <numerusform>Dit postvak heeft %n antwoorden in Postvak Uit die de server nooit hebben bereikt. Als u het postvak verwijdert, zijn ze voorgoed weg. Toch verwijderen?</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was removed: send or discard the replies in the outbox first.</source>
        <translation>Er is niets verwijderd: verzend of verwijder eerst de antwoorden in Postvak Uit.</translation>
    </message>
    <message>
        <source>The provider asks you to sign in again.</source>
        <translation>De aanbieder vraagt u opnieuw aan te melden.</translation>
    </message>
    <message>
        <source>The sign-in did not succeed, or the server refused it.</source>
        <translation>Het aanmelden is niet gelukt, of de server heeft het geweigerd.</translation>
    </message>
    <message>
        <source>The server refused the user name or password.</source>
        <translation>De server weigerde de gebruikersnaam of het wachtwoord.</translation>
    </message>
    <message>
        <source>The port or the security setting looks wrong:</source>
        <translation>De poort of de beveiligingsinstelling lijkt niet te kloppen:</translation>
    </message>
    <message>
        <source>The secure connection was refused: the certificate is not trusted or the security setting does not match the server.</source>
        <translation>De beveiligde verbinding werd geweigerd: het certificaat wordt niet vertrouwd of de beveiligingsinstelling past niet bij de server.</translation>
    </message>
    <message>
        <source>The server cannot be reached: check the server name, the port and the network.</source>
        <translation>De server is niet bereikbaar: controleer de servernaam, de poort en het netwerk.</translation>
    </message>
    <message>
        <source>The system keyring did not store the password.</source>
        <translation>De sleutelbos van het systeem heeft het wachtwoord niet opgeslagen.</translation>
    </message>
    <message>
        <source>A setting cannot work:</source>
        <translation>Een instelling kan niet werken:</translation>
    </message>
    <message>
        <source>Something unexpected went wrong:</source>
        <translation>Er ging iets onverwachts mis:</translation>
    </message>
</context>
<context>
    <name>AccountMenu</name>
    <message>
        <source>&amp;Mailboxes</source>
        <translation>&amp;Postvakken</translation>
    </message>
    <message>
        <source>&amp;Add mailbox…</source>
        <translation>Postvak &amp;toevoegen…</translation>
    </message>
    <message>
        <source>Edit %1…</source>
        <translation>%1 bewerken…</translation>
    </message>
    <message>
        <source>Rating links in resolved replies (%1)</source>
        <translation>Beoordelingslinks in afhandelingsantwoorden (%1)</translation>
    </message>
    <message>
        <source>A reply that resolves a request ends with links to rate the answer from 1 to 5</source>
        <translation>Een antwoord dat een verzoek afhandelt eindigt met links om het antwoord een cijfer van 1 tot 5 te geven</translation>
    </message>
    <message>
        <source>Per-person figures (%1)</source>
        <translation>Cijfers per persoon (%1)</translation>
    </message>
    <message>
        <source>Off where the works council has not agreed to monitoring individual performance</source>
        <translation>Uit waar de ondernemingsraad niet heeft ingestemd met het volgen van individuele prestaties</translation>
    </message>
</context>
<context>
    <name>AlertControl</name>
    <message>
        <source>New request from %1</source>
        <translation>Nieuw verzoek van %1</translation>
    </message>
    <message>
        <source>Request #%1 is about to breach its standard</source>
        <translation>Verzoek #%1 overschrijdt bijna de norm</translation>
    </message>
    <message numerus="yes">
        <source>%Ln new request(s)</source>
        <translation>
            <numerusform>%Ln nieuw verzoek</numerusform>
            <numerusform>%Ln nieuwe verzoeken</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln request(s) about to breach their standard</source>
        <translation>
            <numerusform>%Ln verzoek overschrijdt bijna de norm</numerusform>
            <numerusform>%Ln verzoeken overschrijden bijna de norm</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ComposeDialog</name>
    <message>
        <source>Reply</source>
        <translation>Antwoorden</translation>
    </message>
    <message>
        <source>Reply to all</source>
        <translation>Allen beantwoorden</translation>
    </message>
    <message>
        <source>Forward to a colleague</source>
        <translation>Doorsturen naar een collega</translation>
    </message>
    <message>
        <source>colleague@department.example</source>
        <translation>collega@afdeling.example</translation>
    </message>
    <message>
        <source>Language of the reply</source>
        <translation>Taal van het antwoord</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Sjabloon</translation>
    </message>
    <message>
        <source>Status after sending</source>
        <translation>Status na verzenden</translation>
    </message>
    <message>
        <source>Also send as HTML</source>
        <translation>Ook als HTML verzenden</translation>
    </message>
    <message>
        <source>Plain text always goes; some mail programs show an HTML copy more nicely</source>
        <translation>Platte tekst gaat altijd mee; sommige mailprogramma’s tonen een HTML-kopie mooier</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>Aan:</translation>
    </message>
    <message>
        <source>Cc:</source>
        <translation>Cc:</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>Onderwerp:</translation>
    </message>
    <message>
        <source>Template:</source>
        <translation>Sjabloon:</translation>
    </message>
    <message>
        <source>Status after sending:</source>
        <translation>Status na verzenden:</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Laden…</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Bericht</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Bijlagen</translation>
    </message>
    <message>
        <source>Drop files here to attach them</source>
        <translation>Sleep bestanden hierheen om ze bij te voegen</translation>
    </message>
    <message>
        <source>Attach…</source>
        <translation>Bijvoegen…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Verzenden</translation>
    </message>
    <message>
        <source>(no template)</source>
        <translation>(geen sjabloon)</translation>
    </message>
    <message>
        <source>Acknowledgement</source>
        <translation>Ontvangstbevestiging</translation>
    </message>
    <message>
        <source>Asking for more information</source>
        <translation>Meer informatie vragen</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Afgehandeld</translation>
    </message>
    <message>
        <source>Forwarded to a colleague</source>
        <translation>Doorgestuurd naar een collega</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Bestanden bijvoegen</translation>
    </message>
    <message>
        <source>Attachments: %1</source>
        <translation>Bijlagen: %1</translation>
    </message>
    <message>
        <source>large: many mail servers refuse messages of this size</source>
        <translation>groot: veel mailservers weigeren berichten van deze omvang</translation>
    </message>
    <message>
        <source>Name at least one recipient.</source>
        <translation>Vul minstens één ontvanger in.</translation>
    </message>
    <message>
        <source>Write a reply first: an empty reply tells the requester nothing.</source>
        <translation>Schrijf eerst een antwoord: een leeg antwoord zegt de aanvrager niets.</translation>
    </message>
    <message>
        <source>Checking the request for anything newer…</source>
        <translation>Controleren of er iets nieuws in het verzoek is…</translation>
    </message>
    <message>
        <source>Still to fill in: %1</source>
        <translation>Nog in te vullen: %1</translation>
    </message>
    <message>
        <source>Placeholders not filled in</source>
        <translation>Niet ingevulde plaatshouders</translation>
    </message>
    <message>
        <source>The reply still contains %1, which the requester would read as written. Send anyway?</source>
        <translation>Het antwoord bevat nog %1, wat de aanvrager letterlijk zo zou lezen. Toch verzenden?</translation>
    </message>
    <message>
        <source>Large attachments</source>
        <translation>Grote bijlagen</translation>
    </message>
    <message>
        <source>The attachments add up to %1; many mail servers refuse messages this large. Send anyway?</source>
        <translation>De bijlagen zijn samen %1; veel mailservers weigeren zulke grote berichten. Toch verzenden?</translation>
    </message>
    <message>
        <source>Send anyway</source>
        <translation>Toch verzenden</translation>
    </message>
    <message>
        <source>Something newer arrived in this request: read it, then send.</source>
        <translation>Er is iets nieuws binnengekomen in dit verzoek: lees het en verzend dan.</translation>
    </message>
    <message>
        <source>Newer in this request:</source>
        <translation>Nieuw in dit verzoek:</translation>
    </message>
    <message>
        <source>reply from the desk</source>
        <translation>antwoord van de servicedesk</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Verzenden…</translation>
    </message>
    <message>
        <source>The server refused the reply: %1. It is kept in the outbox as failed.</source>
        <translation>De server weigerde het antwoord: %1. Het blijft als mislukt in het postvak Uit.</translation>
    </message>
    <message>
        <source>Sent, but not yet filed in Sent (%1); Loket finishes that on its next try.</source>
        <translation>Verzonden, maar nog niet in Verzonden opgeslagen (%1); Loket doet dat bij de volgende poging.</translation>
    </message>
    <message>
        <source>Not sent yet (%1). The reply waits in the outbox and is retried automatically.</source>
        <translation>Nog niet verzonden (%1). Het antwoord wacht in het postvak Uit en wordt automatisch opnieuw geprobeerd.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <source>Could not continue: %1</source>
        <translation>Kon niet verder: %1</translation>
    </message>
</context>
<context>
    <name>CorrectionDialog</name>
    <message>
        <source>Correct and send again</source>
        <translation>Verbeteren en opnieuw verzenden</translation>
    </message>
    <message>
        <source>The server said: %1</source>
        <translation>De server meldde: %1</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>Aan:</translation>
    </message>
    <message>
        <source>Cc:</source>
        <translation>Cc:</translation>
    </message>
    <message>
        <source>Send again</source>
        <translation>Opnieuw verzenden</translation>
    </message>
</context>
<context>
    <name>CrashHandler</name>
    <message>
        <source>Something went wrong</source>
        <translation>Er ging iets mis</translation>
    </message>
    <message>
        <source>Loket ran into an unexpected problem: %1</source>
        <translation>Loket liep tegen een onverwacht probleem aan: %1</translation>
    </message>
    <message>
        <source>The details are in the log file:
%1</source>
        <translation>De details staan in het logbestand:
%1</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Taal</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Systeemtaal</translation>
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
        <translation>Wachtrijen</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Verzoeken</translation>
    </message>
    <message>
        <source>Search subject, text and requester (Ctrl+F)</source>
        <translation>Zoek in onderwerp, tekst en aanvrager (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Zoeken</translation>
    </message>
    <message>
        <source>Finds requests by subject, text and requester</source>
        <translation>Vindt verzoeken op onderwerp, tekst en aanvrager</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Bestand</translation>
    </message>
    <message>
        <source>&amp;Sync now</source>
        <translation>Nu &amp;synchroniseren</translation>
    </message>
    <message>
        <source>Service s&amp;tandards…</source>
        <translation>Service&amp;normen…</translation>
    </message>
    <message>
        <source>Your na&amp;me…</source>
        <translation>&amp;Uw naam…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Afsluiten</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>Be&amp;werken</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Zoeken</translation>
    </message>
    <message>
        <source>Clear search</source>
        <translation>Zoekopdracht wissen</translation>
    </message>
    <message>
        <source>&amp;Request</source>
        <translation>&amp;Verzoek</translation>
    </message>
    <message>
        <source>&amp;Reply…</source>
        <translation>&amp;Beantwoorden…</translation>
    </message>
    <message>
        <source>Reply to &amp;all…</source>
        <translation>&amp;Allen beantwoorden…</translation>
    </message>
    <message>
        <source>&amp;Forward to a colleague…</source>
        <translation>&amp;Doorsturen naar een collega…</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Antwoorden</translation>
    </message>
    <message>
        <source>Assign to me</source>
        <translation>Oppakken</translation>
    </message>
    <message>
        <source>Resolve</source>
        <translation>Afhandelen</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notitie</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>Norm</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>Beel&amp;d</translation>
    </message>
    <message>
        <source>Go to &amp;queues</source>
        <translation>Naar &amp;wachtrijen</translation>
    </message>
    <message>
        <source>Go to request &amp;list</source>
        <translation>Naar verzoeken&amp;lijst</translation>
    </message>
    <message>
        <source>Go to &amp;conversation</source>
        <translation>Naar &amp;gesprek</translation>
    </message>
    <message>
        <source>&amp;Requests</source>
        <translation>&amp;Verzoeken</translation>
    </message>
    <message>
        <source>S&amp;tatistics</source>
        <translation>&amp;Statistieken</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Postvak Uit</translation>
    </message>
    <message>
        <source>No mailbox account yet</source>
        <translation>Nog geen postvak</translation>
    </message>
    <message numerus="yes">
        <source>%Ln request(s)</source>
        <translation>
            <numerusform>%Ln verzoek</numerusform>
            <numerusform>%Ln verzoeken</numerusform>
        </translation>
    </message>
    <message>
        <source>Loket – demo mailbox</source>
        <translation>Loket – demopostvak</translation>
    </message>
</context>
<context>
    <name>ManualRequestDialog</name>
    <message>
        <source>New request by hand</source>
        <translation>Nieuw verzoek handmatig</translation>
    </message>
    <message>
        <source>Requester &amp;e-mail:</source>
        <translation>&amp;E-mail aanvrager:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Naam:</translation>
    </message>
    <message>
        <source>&amp;Channel:</source>
        <translation>&amp;Kanaal:</translation>
    </message>
    <message>
        <source>Phone call</source>
        <translation>Telefoongesprek</translation>
    </message>
    <message>
        <source>Visit at the desk</source>
        <translation>Bezoek aan de balie</translation>
    </message>
    <message>
        <source>&amp;Subject:</source>
        <translation>&amp;Onderwerp:</translation>
    </message>
    <message>
        <source>What was asked</source>
        <translation>Wat er gevraagd werd</translation>
    </message>
    <message>
        <source>N&amp;otes:</source>
        <translation>No&amp;tities:</translation>
    </message>
</context>
<context>
    <name>NotificationMenu</name>
    <message>
        <source>&amp;Notifications</source>
        <translation>&amp;Meldingen</translation>
    </message>
    <message>
        <source>Notify of &amp;new requests</source>
        <translation>Melden bij &amp;nieuwe verzoeken</translation>
    </message>
    <message>
        <source>Notify of requests about to &amp;breach</source>
        <translation>Melden als een verzoek de norm bijna &amp;overschrijdt</translation>
    </message>
    <message>
        <source>&amp;Keep syncing in the tray when the window is closed</source>
        <translation>Na sluiten van het venster in het systeemvak blijven &amp;synchroniseren</translation>
    </message>
</context>
<context>
    <name>OutboxModel</name>
    <message>
        <source>State</source>
        <translation>Toestand</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Verzoek</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Aan</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Onderwerp</translation>
    </message>
    <message>
        <source>Tries</source>
        <translation>Pogingen</translation>
    </message>
    <message>
        <source>Next try</source>
        <translation>Volgende poging</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Laatste fout</translation>
    </message>
    <message>
        <source>Waiting to be sent</source>
        <translation>Wacht op verzending</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Bezig met verzenden</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Verzonden</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Geweigerd</translation>
    </message>
</context>
<context>
    <name>OutboxView</name>
    <message>
        <source>Outbox</source>
        <translation>Postvak Uit</translation>
    </message>
    <message>
        <source>Send now</source>
        <translation>Nu verzenden</translation>
    </message>
    <message>
        <source>Try every waiting reply now, without waiting for the next try</source>
        <translation>Probeer alle wachtende antwoorden nu, zonder op de volgende poging te wachten</translation>
    </message>
    <message>
        <source>Correct and send again…</source>
        <translation>Verbeteren en opnieuw verzenden…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Vernieuwen</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Verzenden…</translation>
    </message>
    <message>
        <source>Name at least one recipient.</source>
        <translation>Vul minstens één ontvanger in.</translation>
    </message>
    <message>
        <source>Nothing is waiting to be sent.</source>
        <translation>Er wacht niets op verzending.</translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message numerus="yes">
        <source>%Ln request(s), longest waiting %1</source>
        <translation>
            <numerusform>%Ln verzoek, langst wachtend %1</numerusform>
            <numerusform>%Ln verzoeken, langst wachtend %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RebuildDialog</name>
    <message>
        <source>The store is damaged</source>
        <translation>De opslag is beschadigd</translation>
    </message>
    <message>
        <source>Loket cannot read its store:
%1

Rebuild it from the mailbox? The damaged file is kept next to the new one, and what only this computer knew (accounts, service standards, departments, notes, replies not yet sent) is carried over as far as it can still be read.</source>
        <translation>Loket kan zijn opslag niet lezen:
%1

De opslag opnieuw opbouwen uit het postvak? Het beschadigde bestand blijft naast het nieuwe bewaard, en wat alleen deze computer wist (accounts, servicenormen, afdelingen, notities, nog niet verzonden antwoorden) wordt overgenomen voor zover het nog leesbaar is.</translation>
    </message>
    <message>
        <source>&amp;Rebuild</source>
        <translation>&amp;Opnieuw opbouwen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Afsluiten</translation>
    </message>
    <message>
        <source>&amp;Open Loket</source>
        <translation>Loket &amp;openen</translation>
    </message>
    <message>
        <source>Rebuilding the store from the mailbox…</source>
        <translation>De opslag wordt opnieuw opgebouwd uit het postvak…</translation>
    </message>
    <message>
        <source>%1: %2 of %3 messages</source>
        <translation>%1: %2 van %3 berichten</translation>
    </message>
    <message>
        <source>The store was rebuilt: %1 messages fetched from the mailbox. The damaged file is kept as %2.</source>
        <translation>De opslag is opnieuw opgebouwd: %1 berichten uit het postvak opgehaald. Het beschadigde bestand is bewaard als %2.</translation>
    </message>
    <message>
        <source>No mailbox could be read from the damaged file: add it again with Mailboxes ▸ Add mailbox.</source>
        <translation>Uit het beschadigde bestand kon geen postvak worden gelezen: voeg het opnieuw toe via Postvakken ▸ Postvak toevoegen.</translation>
    </message>
    <message>
        <source>%1 could not be synced yet (%2); Loket tries again once the window is open.</source>
        <translation>%1 kon nog niet worden gesynchroniseerd (%2); Loket probeert het opnieuw zodra het venster open is.</translation>
    </message>
</context>
<context>
    <name>ReportWriter</name>
    <message>
        <source>Save the period report</source>
        <translation>Periodeverslag opslaan</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF-document (*.pdf)</translation>
    </message>
    <message>
        <source>Writing the report to %1…</source>
        <translation>Rapport wordt naar %1 geschreven…</translation>
    </message>
    <message>
        <source>The report is written to %1</source>
        <translation>Het rapport staat in %1</translation>
    </message>
    <message>
        <source>The report could not be written: %1</source>
        <translation>Het rapport kon niet geschreven worden: %1</translation>
    </message>
</context>
<context>
    <name>RequestListModel</name>
    <message>
        <source>Timer</source>
        <translation>Termijn</translation>
    </message>
    <message>
        <source>Requester</source>
        <translation>Aanvrager</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Onderwerp</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Afdeling</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>Behandelaar</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Ontvangen</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(geen onderwerp)</translation>
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
        <translation>Geen verzoek geselecteerd</translation>
    </message>
    <message>
        <source>%1 is replying</source>
        <translation>%1 schrijft een antwoord</translation>
    </message>
    <message>
        <source>%1 are replying</source>
        <translation>%1 schrijven een antwoord</translation>
    </message>
    <message>
        <source>Request #%1</source>
        <translation>Verzoek #%1</translation>
    </message>
    <message>
        <source>assigned to %1</source>
        <translation>toegewezen aan %1</translation>
    </message>
    <message>
        <source>not assigned</source>
        <translation>niet toegewezen</translation>
    </message>
    <message>
        <source>priority %1</source>
        <translation>prioriteit %1</translation>
    </message>
    <message>
        <source>rated %1 of 5</source>
        <translation>beoordeeld met %1 van 5</translation>
    </message>
    <message>
        <source>Requester</source>
        <translation>Aanvrager</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Gesprek</translation>
    </message>
    <message>
        <source>Who asked, their other open requests and their history</source>
        <translation>Wie het vroeg, diens andere open verzoeken en geschiedenis</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>(geen onderwerp)</translation>
    </message>
    <message>
        <source>No messages in this request.</source>
        <translation>Geen berichten in dit verzoek.</translation>
    </message>
    <message>
        <source>Filed as history on import</source>
        <translation>Bij het importeren als geschiedenis afgehandeld</translation>
    </message>
    <message>
        <source>standard “%1”, given by hand</source>
        <translation>norm „%1”, met de hand gekozen</translation>
    </message>
    <message>
        <source>standard “%1”, given by hand, is not defined here</source>
        <translation>norm „%1”, met de hand gekozen, bestaat hier niet</translation>
    </message>
    <message>
        <source>standard “%1”</source>
        <translation>norm „%1”</translation>
    </message>
    <message>
        <source>timed by “%1”</source>
        <translation>termijnen volgens „%1”</translation>
    </message>
    <message>
        <source>Desk</source>
        <translation>Servicedesk</translation>
    </message>
    <message>
        <source>Colleague</source>
        <translation>Collega</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatisch</translation>
    </message>
    <message>
        <source>Internal note</source>
        <translation>Interne notitie</translation>
    </message>
    <message>
        <source>Attachment:</source>
        <translation>Bijlage:</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Openen</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Opslaan…</translation>
    </message>
    <message>
        <source>remote image</source>
        <translation>externe afbeelding</translation>
    </message>
    <message>
        <source>Remote images in this message are blocked.</source>
        <translation>Externe afbeeldingen in dit bericht zijn geblokkeerd.</translation>
    </message>
    <message>
        <source>Load remote images</source>
        <translation>Externe afbeeldingen laden</translation>
    </message>
    <message>
        <source>%1 requests in all</source>
        <translation>%1 verzoeken in totaal</translation>
    </message>
    <message>
        <source>median first response %1</source>
        <translation>mediaan eerste reactie %1</translation>
    </message>
    <message>
        <source>No department known</source>
        <translation>Geen afdeling bekend</translation>
    </message>
    <message>
        <source>Also open</source>
        <translation>Ook open</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Geschiedenis</translation>
    </message>
    <message>
        <source>Save attachment</source>
        <translation>Bijlage opslaan</translation>
    </message>
</context>
<context>
    <name>StandardsDialog</name>
    <message>
        <source>Service standards</source>
        <translation>Servicenormen</translation>
    </message>
    <message>
        <source>&amp;New standard</source>
        <translation>Nieuwe &amp;norm</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>&amp;Verwijderen…</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>Op&amp;slaan</translation>
    </message>
    <message>
        <source>N&amp;ame</source>
        <translation>&amp;Naam</translation>
    </message>
    <message>
        <source>e.g. Facilities, first answer</source>
        <translation>bijv. Facilitair, eerste antwoord</translation>
    </message>
    <message>
        <source>&amp;First answer within</source>
        <translation>&amp;Eerste antwoord binnen</translation>
    </message>
    <message>
        <source>e.g. 4h, 90m, 1d</source>
        <translation>bijv. 4h, 90m, 1d</translation>
    </message>
    <message>
        <source>Resol&amp;ved within</source>
        <translation>&amp;Opgelost binnen</translation>
    </message>
    <message>
        <source>optional, e.g. 3d (working days)</source>
        <translation>optioneel, bijv. 3d (werkdagen)</translation>
    </message>
    <message>
        <source>&amp;Warn at</source>
        <translation>&amp;Waarschuwen bij</translation>
    </message>
    <message>
        <source>&amp;Mailbox</source>
        <translation>&amp;Postvak</translation>
    </message>
    <message>
        <source>every mailbox</source>
        <translation>elk postvak</translation>
    </message>
    <message>
        <source>&amp;Department</source>
        <translation>&amp;Afdeling</translation>
    </message>
    <message>
        <source>any department</source>
        <translation>elke afdeling</translation>
    </message>
    <message>
        <source>Re&amp;quester</source>
        <translation>Aan&amp;vrager</translation>
    </message>
    <message>
        <source>any requester (or one address)</source>
        <translation>elke aanvrager (of één adres)</translation>
    </message>
    <message>
        <source>&amp;Category</source>
        <translation>&amp;Categorie</translation>
    </message>
    <message>
        <source>any category</source>
        <translation>elke categorie</translation>
    </message>
    <message>
        <source>C&amp;hannel</source>
        <translation>&amp;Kanaal</translation>
    </message>
    <message>
        <source>any channel</source>
        <translation>elk kanaal</translation>
    </message>
    <message>
        <source>&amp;Priority</source>
        <translation>&amp;Prioriteit</translation>
    </message>
    <message>
        <source>any priority</source>
        <translation>elke prioriteit</translation>
    </message>
    <message>
        <source>every request</source>
        <translation>elk verzoek</translation>
    </message>
    <message>
        <source>Targets count in working time of: %1</source>
        <translation>Normen tellen in werktijd van: %1</translation>
    </message>
    <message>
        <source>Targets count in working time of the mailbox&apos;s calendar.</source>
        <translation>Normen tellen in de werktijd van de kalender van het postvak.</translation>
    </message>
    <message>
        <source>Saving and recomputing due dates…</source>
        <translation>Opslaan en deadlines opnieuw berekenen…</translation>
    </message>
    <message>
        <source>Saved: due dates of open requests are recomputed.</source>
        <translation>Opgeslagen: de deadlines van open verzoeken zijn opnieuw berekend.</translation>
    </message>
    <message>
        <source>Remove standard</source>
        <translation>Norm verwijderen</translation>
    </message>
    <message>
        <source>Remove this standard? Its open requests fall back to the next standard that fits.</source>
        <translation>Deze norm verwijderen? De open verzoeken vallen terug op de volgende norm die past.</translation>
    </message>
    <message>
        <source>Removed.</source>
        <translation>Verwijderd.</translation>
    </message>
    <message>
        <source>The standard was not changed:</source>
        <translation>De norm is niet gewijzigd:</translation>
    </message>
    <message>
        <source>Something unexpected went wrong:</source>
        <translation>Er ging iets onverwachts mis:</translation>
    </message>
</context>
<context>
    <name>StatsView</name>
    <message>
        <source>First response per week (business hours)</source>
        <translation>Eerste reactie per week (werkuren)</translation>
    </message>
    <message>
        <source>Share within standard per week</source>
        <translation>Aandeel binnen de norm per week</translation>
    </message>
    <message>
        <source>Figures by group</source>
        <translation>Cijfers per groep</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Afdeling</translation>
    </message>
    <message>
        <source>Requester</source>
        <translation>Aanvrager</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>Departments</source>
        <translation>Afdelingen</translation>
    </message>
    <message>
        <source>Requesters</source>
        <translation>Aanvragers</translation>
    </message>
    <message>
        <source>We waited on</source>
        <translation>Waarop we wachtten</translation>
    </message>
    <message>
        <source>Last 4 weeks</source>
        <translation>Afgelopen 4 weken</translation>
    </message>
    <message>
        <source>Last 3 months</source>
        <translation>Afgelopen 3 maanden</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>Afgelopen 12 maanden</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>Dit jaar</translation>
    </message>
    <message>
        <source>Chosen dates</source>
        <translation>Gekozen data</translation>
    </message>
    <message>
        <source>Received from</source>
        <translation>Ontvangen vanaf</translation>
    </message>
    <message>
        <source>Received until</source>
        <translation>Ontvangen tot en met</translation>
    </message>
    <message>
        <source>Received </source>
        <translation>Ontvangen </translation>
    </message>
    <message>
        <source> from </source>
        <translation> van </translation>
    </message>
    <message>
        <source> to </source>
        <translation> tot en met </translation>
    </message>
    <message>
        <source>a row per request</source>
        <translation>een rij per verzoek</translation>
    </message>
    <message>
        <source>a row per requester</source>
        <translation>een rij per aanvrager</translation>
    </message>
    <message>
        <source>a row per department</source>
        <translation>een rij per afdeling</translation>
    </message>
    <message>
        <source>a row per colleague</source>
        <translation>een rij per collega</translation>
    </message>
    <message>
        <source>a row per month</source>
        <translation>een rij per maand</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exporteren…</translation>
    </message>
    <message>
        <source>Save the figures of this period as an Excel workbook or CSV</source>
        <translation>De cijfers van deze periode opslaan als Excel-werkmap of CSV</translation>
    </message>
    <message>
        <source>Report…</source>
        <translation>Rapport…</translation>
    </message>
    <message>
        <source>Save this period as a PDF report to hand round in a meeting</source>
        <translation>Deze periode opslaan als PDF-rapport om in een overleg uit te delen</translation>
    </message>
    <message>
        <source>The period starts after it ends: pick a later end date.</source>
        <translation>De periode begint na het einde: kies een latere einddatum.</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>Berekenen…</translation>
    </message>
    <message>
        <source>The figures could not be computed: %1</source>
        <translation>De cijfers konden niet worden berekend: %1</translation>
    </message>
    <message>
        <source>No requests were received in this period.</source>
        <translation>In deze periode zijn geen verzoeken ontvangen.</translation>
    </message>
    <message>
        <source>%1 requests, %2 answered; first response median %3 h, P90 %4 h (business hours); %5 within standard; %6 resolved; %7 reopened</source>
        <translation>%1 verzoeken, %2 beantwoord; eerste reactie mediaan %3 u, P90 %4 u (werkuren); %5 binnen de norm; %6 afgehandeld; %7 heropend</translation>
    </message>
    <message>
        <source>%1 ratings, on average %2 of 5</source>
        <translation>%1 beoordelingen, gemiddeld %2 van 5</translation>
    </message>
    <message>
        <source>Export statistics</source>
        <translation>Statistieken exporteren</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV, UTF-8 (*.csv)</source>
        <translation>Excel-werkmap (*.xlsx);;CSV, UTF-8 (*.csv)</translation>
    </message>
    <message>
        <source>Exporting to %1…</source>
        <translation>Exporteren naar %1…</translation>
    </message>
    <message>
        <source>%1 rows written to %2</source>
        <translation>%1 rijen geschreven naar %2</translation>
    </message>
    <message>
        <source>The export failed: %1</source>
        <translation>Het exporteren is mislukt: %1</translation>
    </message>
    <message>
        <source>Per-person figures are switched off for this mailbox: monitoring individual performance needs the works council&apos;s consent.</source>
        <translation>Cijfers per persoon staan uit voor deze mailbox: het volgen van individuele prestaties vraagt instemming van de ondernemingsraad.</translation>
    </message>
</context>
<context>
    <name>SyncControl</name>
    <message>
        <source>Enter password…</source>
        <translation>Wachtwoord invullen…</translation>
    </message>
    <message>
        <source>Sign in again…</source>
        <translation>Opnieuw aanmelden…</translation>
    </message>
    <message>
        <source>Sync progress</source>
        <translation>Voortgang van de synchronisatie</translation>
    </message>
    <message>
        <source>%1: connecting…</source>
        <translation>%1: verbinden…</translation>
    </message>
    <message>
        <source>%1: signing in, continue in the browser…</source>
        <translation>%1: aanmelden, ga verder in de browser…</translation>
    </message>
    <message>
        <source>%1: not signed in (%2)</source>
        <translation>%1: niet aangemeld (%2)</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Wachtwoord</translation>
    </message>
    <message>
        <source>Password for %1:</source>
        <translation>Wachtwoord voor %1:</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>Show Loket</source>
        <translation>Loket tonen</translation>
    </message>
    <message>
        <source>Quit Loket</source>
        <translation>Loket afsluiten</translation>
    </message>
    <message numerus="yes">
        <source>Loket: %Ln open request(s)</source>
        <translation>
            <numerusform>Loket: %Ln open verzoek</numerusform>
            <numerusform>Loket: %Ln open verzoeken</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Triage</name>
    <message>
        <source>Set &amp;status</source>
        <translation>&amp;Status instellen</translation>
    </message>
    <message>
        <source>&amp;Priority</source>
        <translation>&amp;Prioriteit</translation>
    </message>
    <message>
        <source>Assign to &amp;me</source>
        <translation>Aan &amp;mij toewijzen</translation>
    </message>
    <message>
        <source>&amp;Assign to…</source>
        <translation>&amp;Toewijzen aan…</translation>
    </message>
    <message>
        <source>&amp;Category…</source>
        <translation>&amp;Categorie…</translation>
    </message>
    <message>
        <source>Service s&amp;tandard…</source>
        <translation>Servic&amp;enorm…</translation>
    </message>
    <message>
        <source>Add internal &amp;note…</source>
        <translation>Interne &amp;notitie toevoegen…</translation>
    </message>
    <message>
        <source>&amp;New request by hand…</source>
        <translation>Nieuw verzoek &amp;handmatig…</translation>
    </message>
    <message>
        <source>&amp;Merge into request…</source>
        <translation>Samen&amp;voegen met verzoek…</translation>
    </message>
    <message>
        <source>S&amp;plit message off…</source>
        <translation>Bericht afsp&amp;litsen…</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Ongedaan maken</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>Opnieuw &amp;uitvoeren</translation>
    </message>
    <message>
        <source>the rules&apos; choice</source>
        <translation>de keuze van de regels</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>niemand</translation>
    </message>
    <message>
        <source>set %1 of #%2 to %3</source>
        <translation>%1 van #%2 op %3 zetten</translation>
    </message>
    <message>
        <source>standard</source>
        <translation>norm</translation>
    </message>
    <message>
        <source>Assign</source>
        <translation>Toewijzen</translation>
    </message>
    <message>
        <source>Colleague at the desk:</source>
        <translation>Collega van de servicedesk:</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categorie</translation>
    </message>
    <message>
        <source>Category:</source>
        <translation>Categorie:</translation>
    </message>
    <message>
        <source>As the rules choose</source>
        <translation>Zoals de regels kiezen</translation>
    </message>
    <message>
        <source>Service standard</source>
        <translation>Servicenorm</translation>
    </message>
    <message>
        <source>Standard for request #%1:</source>
        <translation>Norm voor verzoek #%1:</translation>
    </message>
    <message>
        <source>Internal note</source>
        <translation>Interne notitie</translation>
    </message>
    <message>
        <source>Note (never mailed to the requester):</source>
        <translation>Notitie (wordt nooit naar de aanvrager gemaild):</translation>
    </message>
    <message>
        <source>Add a mailbox account first.</source>
        <translation>Voeg eerst een postvak toe.</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Samenvoegen</translation>
    </message>
    <message>
        <source>Merge request #%1 into request number:</source>
        <translation>Verzoek #%1 samenvoegen met verzoeknummer:</translation>
    </message>
    <message>
        <source>There is no request #%1.</source>
        <translation>Er is geen verzoek #%1.</translation>
    </message>
    <message>
        <source>Move every message of #%1 into #%2? #%1 then leaves the lists.</source>
        <translation>Alle berichten van #%1 naar #%2 verplaatsen? #%1 verdwijnt dan uit de lijsten.</translation>
    </message>
    <message>
        <source>Merge requests</source>
        <translation>Verzoeken samenvoegen</translation>
    </message>
    <message>
        <source>Only a request with several messages can be split.</source>
        <translation>Alleen een verzoek met meerdere berichten kan worden gesplitst.</translation>
    </message>
    <message>
        <source>Split message off</source>
        <translation>Bericht afsplitsen</translation>
    </message>
    <message>
        <source>Message that starts a new request:</source>
        <translation>Bericht waarmee een nieuw verzoek begint:</translation>
    </message>
</context>
<context>
    <name>UpdatingPage</name>
    <message>
        <source>Updating the store…</source>
        <translation>De opslag wordt bijgewerkt…</translation>
    </message>
    <message>
        <source>This version of Loket keeps your requests in a new shape. Updating a large store takes a few minutes, once; nothing is lost, and the requests show as soon as it is done.</source>
        <translation>Deze versie van Loket bewaart uw verzoeken in een nieuwe vorm. Een grote opslag bijwerken duurt enkele minuten, eenmalig; er gaat niets verloren, en de verzoeken verschijnen zodra het klaar is.</translation>
    </message>
    <message>
        <source>Updating the store</source>
        <translation>De opslag wordt bijgewerkt</translation>
    </message>
</context>
<context>
    <name>channel</name>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Phone call</source>
        <translation>Telefoontje</translation>
    </message>
    <message>
        <source>Visit at the desk</source>
        <translation>Bezoek aan de balie</translation>
    </message>
</context>
<context>
    <name>priority</name>
    <message>
        <source>Low</source>
        <translation>Laag</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normaal</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Hoog</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>Spoed</translation>
    </message>
</context>
<context>
    <name>queues</name>
    <message>
        <source>All open</source>
        <translation>Alle open</translation>
    </message>
    <message>
        <source>Assigned to me</source>
        <translation>Aan mij toegewezen</translation>
    </message>
    <message>
        <source>Waiting on requester</source>
        <translation>Wacht op aanvrager</translation>
    </message>
    <message>
        <source>Waiting on colleague</source>
        <translation>Wacht op collega</translation>
    </message>
    <message>
        <source>Breaching soon</source>
        <translation>Bijna over de termijn</translation>
    </message>
    <message>
        <source>Breached</source>
        <translation>Over de termijn</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Afgehandeld</translation>
    </message>
    <message>
        <source>Departments</source>
        <translation>Afdelingen</translation>
    </message>
    <message>
        <source>Requesters</source>
        <translation>Aanvragers</translation>
    </message>
</context>
<context>
    <name>status</name>
    <message>
        <source>Waiting</source>
        <translation>Wacht</translation>
    </message>
    <message>
        <source>Colleague</source>
        <translation>Collega</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nieuw</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Waiting on requester</source>
        <translation>Wacht op aanvrager</translation>
    </message>
    <message>
        <source>Waiting on colleague</source>
        <translation>Wacht op collega</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Afgehandeld</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <source>Your name</source>
        <translation>Uw naam</translation>
    </message>
    <message>
        <source>Your name, as colleagues see it beside your changes:</source>
        <translation>Uw naam, zoals collega&apos;s die naast uw wijzigingen zien:</translation>
    </message>
</context>
</TS>
